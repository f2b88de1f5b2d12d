// Site-wide behaviour. No inline scripts anywhere (the Content-Security-Policy forbids them):
// elements opt in with data- attributes.
document.addEventListener('DOMContentLoaded', () => {
  // <button data-confirm="Are you sure?"> asks before submitting its form.
  document.querySelectorAll('[data-confirm]').forEach(el => {
    el.addEventListener('click', e => {
      if (!window.confirm(el.getAttribute('data-confirm'))) { e.preventDefault(); }
    });
  });
  // <button data-copy="#id"> copies the value or text of the target.
  document.querySelectorAll('[data-copy]').forEach(el => {
    el.addEventListener('click', async () => {
      const target = document.querySelector(el.getAttribute('data-copy'));
      if (!target) { return; }
      await navigator.clipboard.writeText(target.value ?? target.textContent);
      el.classList.add('btn-success');
    });
  });
});
