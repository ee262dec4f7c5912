// What the pages do in the browser without inline script (the Content-Security-Policy allows none): a choice that
// submits its form when changed (the language, the bulk decision's type), a saved reply that fills its form, and
// the select-all box of the inbox.
(function () {
  document.querySelectorAll('select[data-autosubmit]').forEach(select => {
    select.addEventListener('change', () => select.form.submit());
  });
  // a saved reply fills its form's texts: each option carries them by input name, already for this incident
  document.querySelectorAll('select[data-template-pick]').forEach(select => {
    select.addEventListener('change', () => {
      const option = select.selectedOptions[0];
      if (!option || !option.dataset.fields) {
        return;
      }
      Object.entries(JSON.parse(option.dataset.fields)).forEach(([name, text]) => {
        const input = select.form.querySelector('[name="' + CSS.escape(name) + '"]');
        if (input) {
          input.value = text;
        }
      });
    });
  });
  const all = document.getElementById('select-all');
  if (all) {
    all.addEventListener('change', () => {
      document.querySelectorAll('input[name=ids]').forEach(box => { box.checked = all.checked; });
    });
  }
})();
