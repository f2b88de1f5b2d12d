// The Markdown editor: EasyMDE (vendored) with a preview rendered by the server's pipeline, image upload
// and a server-side autosave slot per user and document. Settings come from data- attributes on the form.
(function () {
  'use strict';
  const form = document.getElementById('document-form');
  const textarea = document.getElementById('Input_Body');
  if (!form || !textarea || !window.EasyMDE) { return; }

  const token = () => form.querySelector('input[name="__RequestVerificationToken"]').value;
  const titleInput = document.getElementById('Input_Title');
  const versionInput = document.getElementById('Input_Version');
  const status = document.getElementById('autosave-status');
  const maxLength = parseInt(form.dataset.maxLength, 10);

  async function postJson(url, body) {
    return fetch(url, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'RequestVerificationToken': token() },
      body: JSON.stringify(body)
    });
  }

  // Preview = what readers will see: the same Markdig + sanitiser pipeline on the server.
  let previewSeq = 0;
  function renderPreview(plainText, preview) {
    const seq = ++previewSeq;
    postJson(form.dataset.previewUrl, { markdown: plainText })
      .then(async r => {
        const data = await r.json().catch(() => ({}));
        if (seq !== previewSeq) { return; }
        if (!r.ok) {
          // The server says why it will not render the text (too long, nested too deeply…), in the reader's language.
          preview.textContent = data.title || form.dataset.tooLong;
          return;
        }
        preview.innerHTML = data.html; // sanitised by the server
        if (window.kkRenderDiagrams) { window.kkRenderDiagrams(preview); }
      })
      .catch(() => { if (seq === previewSeq) { preview.textContent = form.dataset.tooLong; } });
    return preview.innerHTML;
  }

  function uploadImage(file, onSuccess, onError) {
    const data = new FormData();
    data.append('image', file);
    fetch(form.dataset.uploadUrl, { method: 'POST', credentials: 'same-origin', headers: { 'RequestVerificationToken': token() }, body: data })
      .then(async r => {
        const body = await r.json().catch(() => ({}));
        if (r.ok) { onSuccess(body.url); } else { onError(body.title || form.dataset.uploadFailed); }
      })
      .catch(() => onError(form.dataset.uploadFailed));
  }

  // Preview, side-by-side and full screen stay usable while previewing (noDisable), like EasyMDE's own buttons.
  const button = (name, action, icon, title, noDisable) =>
    ({ name: name, action: action, className: 'bi bi-' + icon, title: title, noDisable: !!noDisable });
  const editor = new window.EasyMDE({
    element: textarea,
    autoDownloadFontAwesome: false,
    spellChecker: false,
    forceSync: true,
    status: ['lines', 'words'],
    minHeight: '320px',
    previewRender: renderPreview,
    uploadImage: true,
    imageUploadFunction: uploadImage,
    imageAccept: 'image/png, image/jpeg, image/gif, image/webp',
    imageMaxSize: 5 * 1024 * 1024,
    toolbar: [
      button('bold', window.EasyMDE.toggleBold, 'type-bold', 'Bold'),
      button('italic', window.EasyMDE.toggleItalic, 'type-italic', 'Italic'),
      button('heading', window.EasyMDE.toggleHeadingSmaller, 'type-h2', 'Heading'),
      '|',
      button('unordered-list', window.EasyMDE.toggleUnorderedList, 'list-ul', 'List'),
      button('ordered-list', window.EasyMDE.toggleOrderedList, 'list-ol', 'Numbered list'),
      button('quote', window.EasyMDE.toggleBlockquote, 'quote', 'Quote'),
      button('code', window.EasyMDE.toggleCodeBlock, 'code', 'Code'),
      button('insert-table', window.EasyMDE.drawTable, 'table', 'Table'),
      button('link', window.EasyMDE.drawLink, 'link-45deg', 'Link'),
      button('upload-image', window.EasyMDE.drawUploadedImage, 'image', 'Upload image'),
      '|',
      button('preview', window.EasyMDE.togglePreview, 'eye', 'Preview', true),
      button('side-by-side', window.EasyMDE.toggleSideBySide, 'layout-split', 'Side by side', true),
      button('fullscreen', window.EasyMDE.toggleFullScreen, 'arrows-fullscreen', 'Full screen', true)
    ]
  });
  // CodeMirror types into a hidden textarea of its own: give it the form field's label for screen readers.
  const label = document.querySelector('label[for="Input_Body"]');
  editor.codemirror.getInputField().setAttribute('aria-label', (label && label.textContent.trim()) || textarea.getAttribute('aria-label') || 'Markdown');

  // Autosave to the server every 15 s when the text changed, so a closed tab or a crash loses little.
  let lastSaved = editor.value() + '\u0000' + titleInput.value;
  async function autosave() {
    const body = editor.value();
    const current = body + '\u0000' + titleInput.value;
    if (current === lastSaved || body.length > maxLength) { return; }
    const response = await postJson(form.dataset.autosaveUrl, {
      slot: form.dataset.slot, title: titleInput.value, body: body,
      baseVersion: versionInput ? parseInt(versionInput.value, 10) : null
    }).catch(() => null);
    if (response && response.ok) {
      lastSaved = current;
      status.textContent = form.dataset.savedText + ' ' + new Date().toLocaleTimeString();
    }
  }
  setInterval(autosave, 15000);

  const restore = document.getElementById('restore-autosave');
  if (restore) {
    restore.addEventListener('click', () => {
      titleInput.value = document.getElementById('autosaved-title').value;
      editor.value(document.getElementById('autosaved-body').value);
      restore.closest('.alert').remove();
    });
  }

  form.addEventListener('submit', () => { lastSaved = editor.value() + '\u0000' + titleInput.value; });
})();

// The procedure-step picker: steps of the document's language only (a new document may switch language), filtered by
// what the author types.
(function () {
  'use strict';
  const picker = document.querySelector('[data-step-picker]');
  if (!picker) { return; }
  const filter = picker.querySelector('[data-step-filter]');
  const language = document.getElementById('Input_Language');

  function apply() {
    const text = (filter.value || '').trim().toLowerCase();
    picker.querySelectorAll('[data-procedure]').forEach(group => {
      const inLanguage = !language || group.dataset.language === language.value;
      let visible = 0;
      group.querySelectorAll('[data-step]').forEach(step => {
        const matches = !text || step.textContent.toLowerCase().includes(text) || group.firstElementChild.textContent.toLowerCase().includes(text);
        step.hidden = !matches;
        visible += matches ? 1 : 0;
        const box = step.querySelector('input');
        box.disabled = !inLanguage;
        if (!inLanguage) { box.checked = false; }
      });
      group.hidden = !inLanguage || visible === 0;
    });
  }

  filter.addEventListener('input', apply);
  if (language) { language.addEventListener('change', apply); }
  // Text typed before this script ran (a slow page) or restored by the browser (back) filters the steps too.
  if (filter.value) { apply(); }
})();
