// An accessible combobox (WAI-ARIA 1.2 list autocomplete): the input keeps focus, ↑/↓ move the active option,
// Enter picks it, Escape closes the list. Suggestions are fetched debounced and stale requests are aborted.
import { h } from '../dom.ts';
import { t, tDynamic } from '../i18n.ts';
import type { EntityRef } from '../queries.ts';
import { latestOnly } from './debounce.ts';
import { displayName, otherName } from './entityLink.ts';

export interface Suggestion {
  label: string;
  entity: EntityRef;
}

export interface SuggestBoxOptions {
  id: string;
  value: string;
  fetch: (prefix: string, signal: AbortSignal) => Promise<Suggestion[]>;
  onPick: (s: Suggestion) => void;
  /** Enter with no active option. */
  onSubmit: (value: string) => void;
}

export function suggestBox(opts: SuggestBoxOptions): { root: HTMLElement; input: HTMLInputElement; destroy(): void } {
  const listId = `${opts.id}-list`;
  const input = h('input', {
    id: opts.id,
    type: 'search',
    role: 'combobox',
    autocomplete: 'off',
    spellcheck: 'false',
    'aria-autocomplete': 'list',
    'aria-expanded': 'false',
    'aria-controls': listId,
    'aria-describedby': `${opts.id}-hint`,
    placeholder: t('searchPlaceholder'),
    value: opts.value,
  });
  const list = h('ul', { id: listId, role: 'listbox', class: 'suggestions', 'aria-label': t('suggestions'), hidden: true });
  let items: Suggestion[] = [];
  let active = -1;

  const close = () => {
    items = [];
    active = -1;
    list.hidden = true;
    list.replaceChildren();
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
  };

  const setActive = (i: number) => {
    active = i;
    list.querySelectorAll('[role=option]').forEach((el, j) => el.setAttribute('aria-selected', String(j === i)));
    if (i >= 0) {
      input.setAttribute('aria-activedescendant', `${listId}-${i}`);
      list.children[i]?.scrollIntoView({ block: 'nearest' });
    } else input.removeAttribute('aria-activedescendant');
  };

  const pick = (s: Suggestion) => {
    close();
    opts.onPick(s);
  };

  const render = (found: Suggestion[]) => {
    items = found;
    active = -1;
    list.replaceChildren(
      ...found.map((s, i) => {
        const other = otherName(s.entity);
        return h(
          'li',
          {
            id: `${listId}-${i}`,
            role: 'option',
            'aria-selected': 'false',
            class: 'suggestion',
            // mousedown, not click: the input must not lose focus before the pick
            onmousedown: (ev: Event) => {
              ev.preventDefault();
              pick(s);
            },
          },
          h('span', { class: 'suggestion-name' }, displayName(s.entity)),
          s.label !== s.entity.name && s.label !== s.entity.nameEn ? h('span', { class: 'suggestion-alias' }, s.label) : null,
          other ? h('span', { class: 'suggestion-other' }, other) : null,
          h('span', { class: 'suggestion-type' }, tDynamic('type', s.entity.type)),
        );
      }),
    );
    const open = found.length > 0;
    list.hidden = !open;
    input.setAttribute('aria-expanded', String(open));
    input.removeAttribute('aria-activedescendant');
  };

  const load = latestOnly<string>(
    async (prefix, signal) => {
      if (!prefix.trim()) return close();
      const found = await opts.fetch(prefix.trim(), signal);
      if (!signal.aborted && input.value === prefix) render(found);
    },
    () => close(), // suggestions are a convenience: the search results carry the error message
  );

  input.addEventListener('input', () => load(input.value));
  input.addEventListener('keydown', (ev) => {
    const open = !list.hidden && items.length > 0;
    if (ev.key === 'ArrowDown' && open) {
      ev.preventDefault();
      setActive((active + 1) % items.length);
    } else if (ev.key === 'ArrowUp' && open) {
      ev.preventDefault();
      setActive(active <= 0 ? items.length - 1 : active - 1);
    } else if (ev.key === 'Enter') {
      ev.preventDefault();
      const chosen = open && active >= 0 ? items[active] : undefined;
      if (chosen) pick(chosen);
      else {
        load.cancel();
        close();
        opts.onSubmit(input.value);
      }
    } else if (ev.key === 'Escape' && open) {
      ev.preventDefault();
      close();
    }
  });
  input.addEventListener('blur', () => close());

  const root = h('div', { class: 'combobox' }, input, list);
  return {
    root,
    input,
    destroy() {
      load.cancel();
    },
  };
}
