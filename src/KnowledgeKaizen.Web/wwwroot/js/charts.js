// Insights charts. No inline script (CSP): every <canvas data-chart> names the <table> that holds its data
// (data-table), the columns to draw (data-series) and how (data-chart = bar|line, data-stacked, data-percent).
// The table stays on the page for screen readers and for users without JavaScript; cells carry their raw
// invariant number in data-value. Buttons with data-png="<canvas id>" download the chart as a PNG.
(function () {
  'use strict';
  const palette = ['#0b5563', '#e07a1f', '#6c8ebf', '#2e9e5b', '#b84a62', '#8a6db1'];

  function readTable(table, series) {
    const headers = Array.from(table.tHead.rows[0].cells).map(c => c.textContent.trim());
    const rows = Array.from(table.tBodies[0].rows);
    const labels = rows.map(r => r.cells[0].textContent.trim());
    const datasets = series.map((col, i) => ({
      label: headers[col],
      data: rows.map(r => {
        const raw = r.cells[col] ? r.cells[col].getAttribute('data-value') : '';
        return raw === '' || raw === null ? null : Number(raw);
      }),
      backgroundColor: palette[i % palette.length],
      borderColor: palette[i % palette.length],
      spanGaps: true
    }));
    return { labels, datasets };
  }

  function draw(canvas) {
    const table = document.getElementById(canvas.dataset.table);
    if (!table || typeof Chart === 'undefined') { return; }
    const series = canvas.dataset.series.split(',').map(Number);
    const percent = canvas.dataset.percent === 'true';
    const stacked = canvas.dataset.stacked === 'true';
    const format = v => percent ? Math.round(v * 1000) / 10 + ' %' : v.toLocaleString();
    // eslint-disable-next-line no-new
    new Chart(canvas, {
      type: canvas.dataset.chart,
      data: readTable(table, series),
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        scales: {
          x: { stacked },
          y: { stacked, beginAtZero: true, max: percent ? 1 : undefined, ticks: { callback: format } }
        },
        plugins: { tooltip: { callbacks: { label: c => c.dataset.label + ': ' + (c.raw === null ? '—' : format(c.raw)) } } }
      }
    });
  }

  function pngButton(button) {
    const canvas = document.getElementById(button.dataset.png);
    if (!canvas) { return; }
    button.hidden = false;
    button.addEventListener('click', () => {
      // Paint a white background so the PNG is readable outside the page.
      const copy = document.createElement('canvas');
      copy.width = canvas.width;
      copy.height = canvas.height;
      const ctx = copy.getContext('2d');
      ctx.fillStyle = '#fff';
      ctx.fillRect(0, 0, copy.width, copy.height);
      ctx.drawImage(canvas, 0, 0);
      const link = document.createElement('a');
      link.href = copy.toDataURL('image/png');
      link.download = button.dataset.pngName || 'chart.png';
      document.body.appendChild(link);
      link.click();
      link.remove();
    });
  }

  document.addEventListener('DOMContentLoaded', () => {
    document.querySelectorAll('canvas[data-chart]').forEach(draw);
    document.querySelectorAll('[data-png]').forEach(pngButton);
  });
})();
