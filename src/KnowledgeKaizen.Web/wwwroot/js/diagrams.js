// Mermaid diagrams in rendered Markdown: documents, course modules, the handout, editor previews and SCORM packages.
// The server emits each diagram's source as <div class="mermaid"> (escaped text). The renderer (~3 MB) is fetched only
// when a page has a diagram, from the address this script's data-mermaid-src names (fingerprinted in the portal, a
// file beside index.html in a package). It draws with securityLevel 'strict' (click handlers ignored) and without
// HTML labels, so a label is always SVG text and never parsed as HTML. Plain ES5: packages run in any LMS's browser.
(function () {
  'use strict';
  var script = document.currentScript;
  var source = script ? script.getAttribute('data-mermaid-src') : null;
  var loading = null;

  function load() {
    if (!loading) {
      loading = new Promise(function (resolve, reject) {
        if (window.mermaid) { resolve(window.mermaid); return; }
        var tag = document.createElement('script');
        tag.src = source;
        tag.onload = function () { resolve(window.mermaid); };
        tag.onerror = function () { reject(new Error('The diagram renderer could not be loaded.')); };
        document.head.appendChild(tag);
      }).then(function (mermaid) {
        mermaid.initialize({
          startOnLoad: false,
          securityLevel: 'strict',
          theme: 'default',
          htmlLabels: false,
          flowchart: { htmlLabels: false }
        });
        return mermaid;
      });
    }
    return loading;
  }

  /** Draws every diagram under root that has not been drawn yet; loads the renderer the first time one is found. */
  window.kkRenderDiagrams = function (root) {
    var nodes = Array.prototype.slice.call((root || document).querySelectorAll('.mermaid:not([data-processed])'));
    if (nodes.length === 0 || !source) { return Promise.resolve(); }
    return load().then(function (mermaid) { return mermaid.run({ nodes: nodes, suppressErrors: true }); });
  };

  function start() {
    window.kkRenderDiagrams(document).then(function () {
      document.documentElement.setAttribute('data-diagrams', 'drawn');
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
