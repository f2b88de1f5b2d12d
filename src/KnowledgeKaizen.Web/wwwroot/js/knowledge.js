// Knowledge pages: Mermaid diagrams in rendered Markdown. The server emits diagram sources as
// <div class="mermaid"> (escaped text); mermaid draws them with securityLevel 'strict' (click handlers
// ignored) and without HTML labels, so a label is always SVG text and never parsed as HTML.
(function () {
  'use strict';
  if (!window.mermaid) { return; }
  window.mermaid.initialize({
    startOnLoad: false,
    securityLevel: 'strict',
    theme: 'default',
    htmlLabels: false,
    flowchart: { htmlLabels: false }
  });

  /** Renders every diagram under root that has not been drawn yet. */
  window.kkRenderDiagrams = function (root) {
    const nodes = Array.from((root || document).querySelectorAll('.mermaid:not([data-processed])'));
    if (nodes.length === 0) { return Promise.resolve(); }
    return window.mermaid.run({ nodes: nodes, suppressErrors: true });
  };

  document.addEventListener('DOMContentLoaded', () => {
    window.kkRenderDiagrams(document);
  });
})();
