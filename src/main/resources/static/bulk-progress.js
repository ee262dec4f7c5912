// Live progress of a running bulk decision: reads the REST API every second until nothing is pending,
// then reloads once so that each incident's final state shows.
(function () {
  const main = document.getElementById('bulk');
  const id = main.dataset.bulkId;
  const fields = ['sent', 'recorded', 'failed', 'unknown', 'pending', 'skipped'];
  async function tick() {
    try {
      const answer = await fetch('/api/bulk-decisions/' + encodeURIComponent(id), {headers: {Accept: 'application/json'}});
      if (answer.ok) {
        const bulk = await answer.json();
        fields.forEach(f => { document.getElementById(f).textContent = bulk.progress[f]; });
        const waiting = document.getElementById('waiting');
        waiting.hidden = !bulk.waitingReason;
        document.getElementById('waiting-reason').textContent = bulk.waitingReason || '';
        document.getElementById('retry-at').textContent = bulk.retryAt ? new Date(bulk.retryAt).toLocaleTimeString() : '';
        const bar = document.getElementById('bar');
        bar.value = bulk.progress.eligible - bulk.progress.pending;
        if (bulk.state === 'DONE') {
          location.reload();
          return;
        }
      }
    } catch (e) {
      // the next tick tries again
    }
    setTimeout(tick, 1000);
  }
  setTimeout(tick, 1000);
})();
