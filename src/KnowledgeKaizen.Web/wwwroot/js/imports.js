// Import progress: polls the job endpoint named by data-import-progress and moves the bar, saying which phase it is
// in (rows read, rows applied, then the dashboards' refresh); when the job is finished, goes to the report
// (data-done-url).
document.addEventListener('DOMContentLoaded', () => {
  const bar = document.querySelector('[data-import-progress]');
  if (!bar) { return; }
  const message = document.querySelector('[data-import-message]');
  const url = bar.getAttribute('data-import-progress');
  const done = bar.getAttribute('data-done-url');

  const show = (fraction, text) => {
    window.kkShowProgress(bar, fraction, true);
    if (text && message) { message.textContent = text; }
  };

  const poll = async () => {
    try {
      const response = await fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
      if (!response.ok) { throw new Error(String(response.status)); }
      const job = await response.json();
      const template = job.phase === 'finishing' ? 'data-finishing-text' : job.phase === 'applying' ? 'data-applying-text' : 'data-rows-text';
      const rowsText = (message?.getAttribute(template) || '{0}').replace('{0}', Number(job.rows).toLocaleString());
      show(job.progress, rowsText);
      if (job.finished) {
        if (job.status === 'Failed' && message) {
          message.textContent = (message.getAttribute('data-failed-text') || '') + ' ' + (job.message || '');
        }
        bar.setAttribute('data-finished', 'true');
        window.setTimeout(() => { window.location.assign(done); }, 400);
        return;
      }
    } catch (e) {
      if (message) { message.textContent = String(e); }
    }
    window.setTimeout(poll, 500);
  };
  poll();
});
