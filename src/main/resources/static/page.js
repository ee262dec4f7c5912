// What the pages do in the browser without inline script (the Content-Security-Policy allows none): a choice that
// submits its form when changed (the language, the bulk decision's type), and the select-all box of the inbox.
(function () {
  document.querySelectorAll('select[data-autosubmit]').forEach(select => {
    select.addEventListener('change', () => select.form.submit());
  });
  const all = document.getElementById('select-all');
  if (all) {
    all.addEventListener('change', () => {
      document.querySelectorAll('input[name=ids]').forEach(box => { box.checked = all.checked; });
    });
  }
})();
