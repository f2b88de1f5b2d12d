// Site-wide behaviour. No inline scripts anywhere (the Content-Security-Policy forbids them):
// elements opt in with data- attributes.

/**
 * Moves a Bootstrap progress bar (.progress with role="progressbar" around a .progress-bar) to a fraction
 * 0..1. The width is one of site.css's kk-w-0…kk-w-100 classes: scripts set no style (CSP). With
 * showText the bar also reads "42%".
 */
window.kkShowProgress = (bar, fraction, showText) => {
  const percent = Math.round(Math.max(0, Math.min(1, Number(fraction) || 0)) * 100);
  const inner = bar.querySelector('.progress-bar');
  if (inner) {
    inner.className = inner.className.replace(/\bkk-w-\d+\b/g, '').trim() + ' kk-w-' + percent;
    if (showText) { inner.textContent = percent + '%'; }
  }
  bar.setAttribute('aria-valuenow', String(percent));
  return percent;
};

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
