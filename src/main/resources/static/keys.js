// Keyboard triage (DOMAIN X9): j/k move through the list, x ticks, o or Enter opens, r replies, a assigns,
// g then a letter goes to a tab or a page, ? shows the keys. Keys are ignored while typing in a field.
(function () {
  const GO = {
    a: 'tab-all', n: 'tab-action-needed', f: 'tab-first-absence', s: 'tab-decision-sent', w: 'tab-waiting',
    c: 'tab-closed', m: 'view-mine', u: 'view-unassigned', p: 'view-pinned', z: 'view-snoozed',
    i: '/inbox', d: '/inbox/dashboard', t: '/inbox/templates', g: '/inbox/groups'
  };
  const rows = () => Array.from(document.querySelectorAll('tr.incident-row'));
  const positionKey = 'dh-position:' + location.pathname + location.search;
  let focused = -1;
  let pendingG = false;

  function focus(index) {
    const all = rows();
    if (all.length === 0) {
      return;
    }
    focused = Math.max(0, Math.min(all.length - 1, index));
    all.forEach((row, i) => row.classList.toggle('focused', i === focused));
    const link = all[focused].querySelector('a.open');
    if (link) {
      link.focus({preventScroll: true});
    }
    all[focused].scrollIntoView({block: 'nearest'});
    sessionStorage.setItem(positionKey, String(focused));
  }

  function current() {
    return focused >= 0 ? rows()[focused] : null;
  }

  function go(letter) {
    const target = GO[letter];
    if (!target) {
      return;
    }
    if (target.startsWith('/')) {
      location.href = target;
      return;
    }
    const link = document.getElementById(target);
    if (link) {
      location.href = link.href;
    }
  }

  function reply() {
    const row = current();
    if (row) {
      location.href = row.querySelector('a.open').href + '#decide';
      return;
    }
    const form = document.getElementById('decide-SEND_MESSAGE') || document.querySelector('details.decision-form');
    if (form) {
      form.open = true;
      const field = form.querySelector('select[data-template-pick], textarea, input:not([type=hidden]), select');
      if (field) {
        field.focus();
      }
    }
  }

  function assign() {
    const row = current();
    if (row) {
      const box = row.querySelector('input[name=ids]');
      if (box && !document.querySelector('input[name=ids]:checked')) {
        box.checked = true;
      }
    }
    const select = document.getElementById('selection-assignee') || document.getElementById('work-assignee');
    if (select) {
      select.focus();
    }
  }

  document.addEventListener('keydown', event => {
    const target = event.target;
    if (event.ctrlKey || event.metaKey || event.altKey) {
      return;
    }
    const help = document.getElementById('keys-help');
    if (event.key === 'Escape' && help && help.open) {
      help.close();
      return;
    }
    if (target.closest && target.closest('input, textarea, select, [contenteditable]')) {
      return;
    }
    if (pendingG) {
      pendingG = false;
      go(event.key);
      event.preventDefault();
      return;
    }
    switch (event.key) {
      case 'j': focus(focused + 1); break;
      case 'k': focus(focused - 1); break;
      case 'x': {
        const box = current() && current().querySelector('input[name=ids]');
        if (box) {
          box.checked = !box.checked;
        }
        break;
      }
      case 'o':
      case 'Enter': {
        const row = current();
        if (!row) {
          return;
        }
        location.href = row.querySelector('a.open').href;
        break;
      }
      case 'r': reply(); break;
      case 'a': assign(); break;
      case 'g': pendingG = true; break;
      case 'n': { const next = document.getElementById('next-page'); if (next) { location.href = next.href; } break; }
      case 'p': { const prev = document.getElementById('previous-page'); if (prev) { location.href = prev.href; } break; }
      case '?': if (help) { help.showModal(); } break;
      default: return;
    }
    event.preventDefault();
  });

  // the live page swapped the rows: the same row keeps the focus
  document.addEventListener('disputehub:refreshed', () => {
    if (focused >= 0) {
      focus(focused);
    }
  });

  document.addEventListener('DOMContentLoaded', () => {
    const saved = sessionStorage.getItem(positionKey);
    if (saved !== null && rows().length > 0) {
      focus(Number(saved));
    }
    const help = document.getElementById('keys-help');
    const open = document.getElementById('keys-hint');
    const close = document.getElementById('keys-help-close');
    if (help && open && close) {
      open.addEventListener('click', () => help.showModal());
      close.addEventListener('click', () => help.close());
    }
  });
})();
