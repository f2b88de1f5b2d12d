// Adoption panel on a playbook: records that the reader opened it (once per day is counted server-side).
// The antiforgery token comes from the panel's own form, so no inline script is needed (CSP).
(function () {
  'use strict';
  document.querySelectorAll('[data-adoption-view]').forEach(function (panel) {
    const token = panel.querySelector('input[name="__RequestVerificationToken"]');
    if (!token) { return; }
    const body = new URLSearchParams();
    body.append('documentId', panel.dataset.documentId);
    body.append('__RequestVerificationToken', token.value);
    fetch(panel.dataset.adoptionView, { method: 'POST', body: body, credentials: 'same-origin' }).catch(function () { /* a lost view is harmless */ });
  });
})();

// Plan form: the target field names the unit of the metric chosen.
(function () {
  'use strict';
  const metric = document.getElementById('Input_MetricKey');
  const unit = document.querySelector('[data-target-unit]');
  if (!metric || !unit) { return; }
  metric.addEventListener('change', function () {
    const option = metric.options[metric.selectedIndex];
    unit.textContent = option ? option.dataset.unit || '' : '';
  });
})();
