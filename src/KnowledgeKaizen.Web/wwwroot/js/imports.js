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

// Upload form: when a CSV file is chosen, its header row picks the kind it fits best (every required column there,
// most columns in common), the same rule the server checks on upload.
document.addEventListener('DOMContentLoaded', () => {
  const kind = document.querySelector('[data-testid="import-kind"]');
  const file = document.querySelector('[data-testid="import-file"]');
  const note = document.querySelector('[data-kind-detected]');
  if (!kind || !file || !note) { return; }

  const columnsOf = option => option.dataset.columns.split(',').map(c => ({ name: c.replace('*', ''), required: c.endsWith('*') }));
  const detect = header => {
    let best = null;
    let bestOverlap = -1;
    for (const option of kind.options) {
      const columns = columnsOf(option);
      if (!columns.filter(c => c.required).every(c => header.has(c.name))) { continue; }
      const union = new Set([...header, ...columns.map(c => c.name)]);
      const overlap = columns.filter(c => header.has(c.name)).length / union.size;
      if (overlap > bestOverlap) { best = option; bestOverlap = overlap; }
    }
    return best;
  };

  file.addEventListener('change', async () => {
    note.textContent = '';
    const chosen = file.files && file.files[0];
    if (!chosen || !/\.csv$/i.test(chosen.name)) { return; }
    const text = await chosen.slice(0, 64 * 1024).text();
    const header = new Set(text.replace(/^\uFEFF/, '').split(/\r?\n/)[0].split(',')
      .map(c => c.trim().replace(/^"|"$/g, '').trim().toLowerCase()).filter(c => c.length > 0));
    const option = detect(header);
    if (option) {
      kind.value = option.value;
      note.textContent = note.dataset.text.replace('{0}', option.textContent);
    }
  });
});
