// Keeps every deadline countdown current while the page stays open: each element with data-deadline (ISO time)
// gets its text again every 30 seconds, with the page's own words (data-in / data-overdue hold "{0}").
(function () {
  function amount(ms) {
    const minutes = Math.floor(ms / 60000), hours = Math.floor(minutes / 60), days = Math.floor(hours / 24);
    if (days > 0) return days + ' d ' + (hours % 24) + ' h';
    if (hours > 0) return hours + ' h ' + (minutes % 60) + ' min';
    return Math.max(minutes, 1) + ' min';
  }
  function tick() {
    document.querySelectorAll('[data-deadline]').forEach(function (el) {
      const left = Date.parse(el.dataset.deadline) - Date.now();
      const words = left < 0 ? el.dataset.overdue : el.dataset.in;
      el.textContent = words.replace('{0}', amount(Math.abs(left)));
      el.closest('.deadline, #deadline').classList.toggle('overdue', left < 0);
    });
  }
  window.disputehubCountdown = tick;
  setInterval(tick, 30000);
})();
