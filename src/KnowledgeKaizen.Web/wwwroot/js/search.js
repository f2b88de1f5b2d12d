// Search: type-ahead listbox for every [data-search-suggest] box (arrow keys, Enter, Escape; the input keeps
// focus and points at the active option with aria-activedescendant), facet checkboxes that apply at once,
// and the Admin rebuild progress bar.
(() => {
  let listCount = 0;

  const setupSuggest = (input) => {
    const url = input.getAttribute('data-search-suggest');
    const listId = 'search-suggest-' + (++listCount);
    const list = document.createElement('ul');
    list.id = listId;
    list.setAttribute('role', 'listbox');
    list.className = 'list-group position-absolute shadow search-suggest d-none';
    list.setAttribute('data-testid', 'search-suggestions');
    input.parentElement.classList.add('position-relative');
    input.insertAdjacentElement('afterend', list);
    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-controls', listId);
    input.setAttribute('aria-expanded', 'false');

    let items = [];
    let active = -1;
    let timer = 0;
    let requested = '';

    const close = () => {
      list.classList.add('d-none');
      list.replaceChildren();
      items = [];
      active = -1;
      input.setAttribute('aria-expanded', 'false');
      input.removeAttribute('aria-activedescendant');
    };

    const highlight = (index) => {
      items.forEach((li, i) => {
        li.classList.toggle('active', i === index);
        li.setAttribute('aria-selected', String(i === index));
      });
      active = index;
      if (index >= 0) { input.setAttribute('aria-activedescendant', items[index].id); } else { input.removeAttribute('aria-activedescendant'); }
    };

    const choose = (index) => {
      const li = items[index];
      if (!li) { return; }
      const target = li.getAttribute('data-url');
      if (target && target.startsWith('/') && !target.startsWith('//')) {
        window.location.assign(target);
        return;
      }
      input.value = li.getAttribute('data-text');
      close();
      input.form?.submit();
    };

    const show = (suggestions) => {
      list.replaceChildren();
      items = suggestions.map((s, i) => {
        const li = document.createElement('li');
        li.id = listId + '-' + i;
        li.setAttribute('role', 'option');
        li.setAttribute('aria-selected', 'false');
        li.className = 'list-group-item list-group-item-action py-1 small';
        li.setAttribute('data-text', s.text);
        if (s.url) { li.setAttribute('data-url', s.url); }
        const icon = document.createElement('i');
        icon.className = 'bi me-1 ' + (s.kind === 'tag' ? 'bi-tag' : 'bi-file-text');
        icon.setAttribute('aria-hidden', 'true');
        li.append(icon, document.createTextNode(s.text));
        li.addEventListener('mousedown', (e) => { e.preventDefault(); choose(i); });
        list.append(li);
        return li;
      });
      active = -1;
      const open = items.length > 0;
      list.classList.toggle('d-none', !open);
      input.setAttribute('aria-expanded', String(open));
    };

    const fetchSuggestions = async () => {
      const prefix = input.value.trim();
      if (prefix.length < 2) { close(); return; }
      requested = prefix;
      try {
        const response = await fetch(url + '?q=' + encodeURIComponent(prefix), { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
        if (!response.ok || requested !== prefix) { return; }
        show(await response.json());
      } catch {
        close();
      }
    };

    input.addEventListener('input', () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(fetchSuggestions, 150);
    });
    input.addEventListener('keydown', (e) => {
      if (items.length === 0) { return; }
      if (e.key === 'ArrowDown') { e.preventDefault(); highlight((active + 1) % items.length); }
      else if (e.key === 'ArrowUp') { e.preventDefault(); highlight(active <= 0 ? items.length - 1 : active - 1); }
      else if (e.key === 'Escape') { e.preventDefault(); close(); }
      else if (e.key === 'Enter' && active >= 0) { e.preventDefault(); choose(active); }
    });
    input.addEventListener('blur', () => window.setTimeout(close, 100));
  };

  const setupRebuild = (bar) => {
    const url = bar.getAttribute('data-search-rebuild');
    const message = document.querySelector('[data-search-rebuild-message]');
    const poll = async () => {
      try {
        const response = await fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
        if (response.ok) {
          const job = await response.json();
          window.kkShowProgress(bar, job.progress, true);
          if (message && job.message) { message.textContent = job.message; }
          if (job.finished) { window.setTimeout(() => window.location.reload(), 400); return; }
        }
      } catch { /* keep polling: the server may be busy swapping the index */ }
      window.setTimeout(poll, 500);
    };
    poll();
  };

  const start = () => {
    document.querySelectorAll('input[data-search-suggest]').forEach(setupSuggest);
    document.querySelectorAll('[data-search-facet]').forEach((control) => {
      control.addEventListener('change', () => control.form?.submit());
    });
    const bar = document.querySelector('[data-search-rebuild]');
    if (bar && bar.getAttribute('data-search-rebuild')) { setupRebuild(bar); }
  };

  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', start); } else { start(); }
})();
