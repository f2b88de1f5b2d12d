// Search-as-you-type for a customer or an agent on the recording forms: [data-lookup] holds the visible name box and
// the hidden CRM id ([data-lookup-value]) the form posts. Matches fill a native <datalist> (name, with what tells
// namesakes apart as its label); choosing one sets the id. Typing anything else clears the id, and the server then
// resolves the typed text itself (an exact CRM id, or a name only one record has).
(() => {
  'use strict';
  document.querySelectorAll('[data-lookup]').forEach((box, index) => {
    const url = box.getAttribute('data-lookup');
    const input = box.querySelector('input[type="text"]');
    const value = box.querySelector('[data-lookup-value]');
    if (!input || !value) { return; }
    const list = document.createElement('datalist');
    list.id = 'lookup-' + index;
    list.setAttribute('data-testid', 'lookup-options');
    box.append(list);
    input.setAttribute('list', list.id);
    input.setAttribute('autocomplete', 'off');

    let picks = [];
    let timer = 0;
    const choose = () => {
      const chosen = picks.find(p => p.name === input.value.trim());
      value.value = chosen ? chosen.id : '';
    };

    input.addEventListener('input', () => {
      choose();
      clearTimeout(timer);
      const term = input.value.trim();
      if (term.length === 0 || value.value) { return; }
      timer = setTimeout(async () => {
        const response = await fetch(url + '?q=' + encodeURIComponent(term), { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
          .catch(() => null);
        if (!response || !response.ok || input.value.trim() !== term) { return; }
        picks = await response.json();
        list.replaceChildren(...picks.map(p => {
          const option = document.createElement('option');
          option.value = p.name;
          option.label = p.detail;
          return option;
        }));
        choose();
      }, 200);
    });
  });
})();
