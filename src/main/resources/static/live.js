// Live pages (DOMAIN X9): the page listens to /inbox/live and, when an incident it shows changes, fetches itself
// again and swaps in the parts marked data-live-part, keeping the ticked incidents, and leaving alone a part where
// someone is typing or has changed a field. The inbox counts the incidents created since it was opened.
(function () {
  const root = document.querySelector('[data-live]');
  if (!root || !window.EventSource || !window.fetch) {
    return;
  }
  const mode = root.dataset.live;
  const incident = root.dataset.incident;
  const news = document.getElementById('live-news');
  let created = 0;
  let timer = null;

  function changed(field) {
    if (field.type === 'checkbox' || field.type === 'radio') {
      return field.name !== 'ids' && field.checked !== field.defaultChecked;
    }
    if (field.tagName === 'SELECT') {
      return Array.from(field.options).some(o => o.selected !== o.defaultSelected);
    }
    return field.type !== 'hidden' && field.type !== 'file' ? field.value !== field.defaultValue : field.files && field.files.length > 0;
  }

  function busy(part) {
    const active = document.activeElement;
    if (active && part.contains(active) && active.matches('input, textarea, select')) {
      return true;
    }
    return Array.from(part.querySelectorAll('input, textarea, select')).some(changed);
  }

  async function refresh() {
    const answer = await fetch(location.href, {credentials: 'same-origin', headers: {'Accept': 'text/html'}});
    if (!answer.ok) {
      return;
    }
    const fresh = new DOMParser().parseFromString(await answer.text(), 'text/html');
    const ticked = new Set(Array.from(document.querySelectorAll('input[name=ids]:checked')).map(b => b.value));
    document.querySelectorAll('[data-live-part]').forEach(part => {
      const replacement = fresh.getElementById(part.id);
      if (replacement && !busy(part)) {
        part.replaceWith(document.importNode(replacement, true));
      }
    });
    document.querySelectorAll('input[name=ids]').forEach(b => { b.checked = ticked.has(b.value); });
    document.dispatchEvent(new CustomEvent('disputehub:refreshed'));
  }

  const source = new EventSource('/inbox/live?after=' + encodeURIComponent(root.dataset.after || '0'));
  // a page left (or kept in the back-forward cache) gives its connection back at once: browsers allow few per site
  window.addEventListener('pagehide', () => source.close());
  source.addEventListener('change', message => {
    const change = JSON.parse(message.data);
    if (mode === 'incident' && change.incident !== incident) {
      return;
    }
    if (mode === 'inbox' && change.type === 'incident.created' && news) {
      created++;
      news.textContent = (created === 1 ? news.dataset.one : news.dataset.many).replace('{0}', created);
      news.hidden = false;
    }
    // a burst of changes (a sync) gives one refresh, at most 400 ms after its first change
    if (!timer) {
      timer = setTimeout(() => {
        timer = null;
        refresh().catch(error => { root.dataset.liveError = String(error); });
      }, 400);
    }
  });
})();
