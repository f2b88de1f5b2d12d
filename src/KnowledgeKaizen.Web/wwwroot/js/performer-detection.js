// Retraining progress on the model page: polls the job's JSON (data-job-progress) and reloads when it finishes,
// so the new report (or the kept previous one) shows. No inline script (CSP).
(function () {
  'use strict';
  const bar = document.querySelector('[data-job-progress]');
  if (!bar) { return; }
  const message = document.querySelector('[data-job-message]');

  async function poll() {
    try {
      const response = await fetch(bar.dataset.jobProgress, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
      if (!response.ok) { return; }
      const job = await response.json();
      window.kkShowProgress(bar, job.progress, false);
      if (message && job.message) { message.textContent = job.message; }
      if (job.finished) {
        if (job.status === 'Failed' && message) { message.textContent = bar.dataset.failedText + ' ' + (job.message || ''); }
        window.setTimeout(() => window.location.reload(), 600);
        return;
      }
    } catch (e) {
      // A dropped request is retried on the next tick.
    }
    window.setTimeout(poll, 1000);
  }

  window.setTimeout(poll, 500);
})();
