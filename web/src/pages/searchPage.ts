// The search page: search-as-you-type with entity autocomplete, highlighted snippets, entity chips, the query
// interpretation, facet filters and cursor pagination. Query and filters live in the URL (?q=&doc=&type=).
import { gql, isAbort } from '../api.ts';
import { h } from '../dom.ts';
import { t, tDynamic } from '../i18n.ts';
import {
  ENTITY_TYPES,
  SEARCH,
  SUGGEST,
  type EntityType,
  type FacetCount,
  type SearchData,
  type SearchFilterInput,
  type SearchHit,
  type SuggestData,
} from '../queries.ts';
import type { View } from '../router.ts';
import { trackBusy } from '../ui/busy.ts';
import { latestOnly } from '../ui/debounce.ts';
import { displayName, entityChip, entityLink, entityPath } from '../ui/entityLink.ts';
import { errorMessage } from '../ui/errorMessage.ts';
import { highlighted } from '../ui/highlight.ts';
import { lineRange } from '../ui/sourceCitation.ts';
import { suggestBox } from '../ui/suggestBox.ts';

export const DEFAULT_PAGE_SIZE = 10;
export const DEFAULT_SUGGESTIONS = 8;

type Result = SearchData['search'];

interface State {
  query: string;
  documents: string[];
  entityTypes: EntityType[];
  result: Result | null;
  hits: SearchHit[];
  error: unknown;
  moreError: unknown;
}

export function searchPage(navigate: (path: string) => void) {
  return (main: HTMLElement, url: URL): View => {
    const state: State = {
      query: url.searchParams.get('q') ?? '',
      documents: url.searchParams.getAll('doc'),
      entityTypes: url.searchParams.getAll('type').filter((x): x is EntityType => (ENTITY_TYPES as string[]).includes(x)),
      result: null,
      hits: [],
      error: null,
      moreError: null,
    };
    let moreCtl: AbortController | null = null;

    const heading = h('h1', {});
    const label = h('label', { for: 'q', class: 'search-label' });
    const hint = h('p', { id: 'q-hint', class: 'hint' });
    const box = suggestBox({
      id: 'q',
      value: state.query,
      fetch: async (prefix, signal) =>
        (await gql<SuggestData>(SUGGEST, { prefix, first: DEFAULT_SUGGESTIONS }, signal)).suggest,
      onPick: (s) => navigate(entityPath(s.entity.id)),
      onSubmit: (value) => {
        state.query = value;
        search.now(null);
      },
    });
    const form = h('form', { role: 'search', class: 'search-form', onsubmit: (ev: Event) => ev.preventDefault() }, label, box.root, hint);
    const facets = h('aside', { class: 'facets', 'aria-labelledby': 'facets-heading' });
    const results = h('section', { class: 'results', 'aria-labelledby': 'results-count' });
    const status = h('p', { id: 'results-count', class: 'results-count', role: 'status', 'aria-live': 'polite' });
    const body = h('div', { class: 'search-layout' }, facets, h('div', { class: 'results-column' }, status, results));
    main.append(heading, form, body);

    const filter = (): SearchFilterInput | null => {
      const f: SearchFilterInput = {};
      if (state.documents.length) f.documents = state.documents;
      if (state.entityTypes.length) f.entityTypes = state.entityTypes;
      return Object.keys(f).length ? f : null;
    };

    const syncUrl = () => {
      const params = new URLSearchParams();
      if (state.query) params.set('q', state.query);
      for (const d of state.documents) params.append('doc', d);
      for (const ty of state.entityTypes) params.append('type', ty);
      const qs = params.toString();
      history.replaceState(null, '', qs ? `/?${qs}` : '/');
    };

    const search = latestOnly<null>(
      async (_, signal) => {
        moreCtl?.abort();
        syncUrl();
        const query = state.query.trim();
        if (!query) {
          state.result = null;
          state.hits = [];
          state.error = null;
          return render();
        }
        const work = gql<SearchData>(SEARCH, { query, first: DEFAULT_PAGE_SIZE, filter: filter() }, signal);
        const data = await trackBusy(results, work);
        state.result = data.search;
        state.hits = data.search.nodes;
        state.error = null;
        state.moreError = null;
        render();
      },
      (err) => {
        state.error = err;
        render();
      },
    );

    const loadMore = async () => {
      const after = state.result?.pageInfo.endCursor;
      if (!state.result || !after) return;
      moreCtl?.abort();
      const ctl = new AbortController();
      moreCtl = ctl;
      const firstNew = state.hits.length;
      try {
        const work = gql<SearchData>(SEARCH, { query: state.query.trim(), first: DEFAULT_PAGE_SIZE, after, filter: filter() }, ctl.signal);
        const data = await trackBusy(results, work);
        state.hits = [...state.hits, ...data.search.nodes];
        state.result = { ...state.result, pageInfo: data.search.pageInfo, totalCount: data.search.totalCount };
        state.moreError = null;
        render();
        // keyboard users continue reading where the new results start
        results.querySelectorAll<HTMLElement>('.hit-title')[firstNew]?.focus();
      } catch (err) {
        if (isAbort(err)) return;
        state.moreError = err;
        render();
      }
    };

    box.input.addEventListener('input', () => {
      state.query = box.input.value;
      search(null);
    });

    function toggle<T>(list: T[], value: T): T[] {
      return list.includes(value) ? list.filter((x) => x !== value) : [...list, value];
    }

    function facetGroup(title: string, counts: FacetCount[], selected: string[], labelOf: (f: FacetCount) => string, onToggle: (key: string) => void) {
      // Selected values stay visible even when the current answer has no count for them.
      const keys = new Map(counts.map((c) => [c.key, c]));
      for (const s of selected) if (!keys.has(s)) keys.set(s, { key: s, label: s, count: 0 });
      if (keys.size === 0) return null;
      return h(
        'fieldset',
        { class: 'facet' },
        h('legend', {}, title),
        [...keys.values()].map((f) =>
          h(
            'label',
            { class: 'facet-option' },
            h('input', { type: 'checkbox', value: f.key, checked: selected.includes(f.key), onchange: () => onToggle(f.key) }),
            h('span', { class: 'facet-label' }, labelOf(f)),
            h('span', { class: 'facet-count' }, String(f.count)),
          ),
        ),
      );
    }

    function renderFacets() {
      const r = state.result;
      const groups = [
        facetGroup(t('facetDocuments'), r?.facets.documents ?? [], state.documents, (f) => f.label, (key) => {
          state.documents = toggle(state.documents, key);
          search.now(null);
        }),
        facetGroup(t('facetEntityTypes'), r?.facets.entityTypes ?? [], state.entityTypes, (f) => tDynamic('type', f.key), (key) => {
          state.entityTypes = toggle(state.entityTypes, key as EntityType);
          search.now(null);
        }),
      ].filter(Boolean);
      // keyboard users keep their place: focus returns to the same checkbox after the re-render
      const focused = facets.contains(document.activeElement) ? (document.activeElement as HTMLInputElement).value : null;
      facets.replaceChildren();
      facets.hidden = groups.length === 0;
      if (groups.length === 0) return;
      facets.append(h('h2', { id: 'facets-heading', class: 'facets-heading' }, t('filters')), ...(groups as HTMLElement[]));
      if (state.documents.length || state.entityTypes.length) {
        facets.append(
          h('button', {
            type: 'button',
            class: 'link-button',
            onclick: () => {
              state.documents = [];
              state.entityTypes = [];
              search.now(null);
            },
          }, t('clearFilters')),
        );
      }
      if (focused !== null) {
        Array.from(facets.querySelectorAll<HTMLInputElement>('input[type=checkbox]')).find((el) => el.value === focused)?.focus();
      }
    }

    function interpretation(r: Result): HTMLElement | null {
      if (r.interpretation.entities.length === 0) return null;
      return h(
        'p',
        { class: 'interpretation' },
        h('span', { class: 'interpretation-label' }, `${t('interpretedAs')}: `),
        r.interpretation.entities.map((d, i) => {
          const shown = displayName(d.entity);
          // the service reports the matched part normalized ("apn"): show it as the user typed it when we can
          const at = state.query.toLowerCase().indexOf(d.matched.toLowerCase());
          const matched = at >= 0 ? state.query.slice(at, at + d.matched.length) : d.matched;
          const same = (a: string, b: string) => a.normalize('NFKC').toLowerCase() === b.normalize('NFKC').toLowerCase();
          const rest = [...new Set([d.entity.name, d.entity.nameEn ?? '', ...d.expandedTo])].filter(
            (x) => x && !same(x, shown) && !same(x, d.matched),
          );
          return h(
            'span',
            { class: 'interpretation-item' },
            i > 0 ? '; ' : null,
            h('q', {}, matched),
            ' → ',
            entityLink(d.entity),
            rest.length ? `, ${rest.join(', ')}` : null,
          );
        }),
      );
    }

    function hitView(hit: SearchHit): HTMLElement {
      const p = hit.passage;
      const section = p.sectionPath.length ? p.sectionPath.join(' › ') : p.section;
      return h(
        'li',
        { class: 'hit' },
        h(
          'article',
          {},
          h(
            'h2',
            { class: 'hit-heading' },
            h('span', { class: 'hit-title', tabindex: '-1' }, p.document.title),
            p.document.date ? h('time', { class: 'hit-date', datetime: p.document.date }, p.document.date) : null,
          ),
          h('p', { class: 'hit-meta' }, section ? h('span', { class: 'hit-section' }, section) : null, h('span', { class: 'hit-lines' }, lineRange(p.lineStart, p.lineEnd))),
          h('p', { class: 'snippet' }, highlighted(hit.snippet, hit.snippetHighlights)),
          hit.entities.length
            ? h('ul', { class: 'chips', 'aria-label': t('mentions') }, hit.entities.map((e) => h('li', {}, entityChip(e))))
            : null,
        ),
      );
    }

    function render() {
      heading.textContent = t('searchHeading');
      label.textContent = t('searchLabel');
      hint.textContent = t('searchHint');
      box.input.placeholder = t('searchPlaceholder');
      document.title = state.query ? `${state.query} – ${t('appTitle')}` : t('appTitle');
      renderFacets();
      results.replaceChildren();
      if (state.error) {
        status.textContent = '';
        results.append(errorMessage(state.error, () => search.now(null)));
        return;
      }
      const r = state.result;
      if (!r) {
        status.textContent = state.query.trim() ? '' : t('emptyQuery');
        return;
      }
      status.textContent = t('resultsCount', { count: r.totalCount });
      results.append(
        ...[interpretation(r)].filter((x): x is HTMLElement => x !== null),
        state.hits.length ? h('ol', { class: 'hits' }, state.hits.map(hitView)) : h('p', { class: 'empty' }, t('noResults')),
      );
      if (state.moreError) results.append(errorMessage(state.moreError, () => void loadMore()));
      if (r.pageInfo.hasNextPage) {
        results.append(h('button', { type: 'button', class: 'more', onclick: () => void loadMore() }, t('moreResults')));
      }
    }

    render();
    if (state.query.trim()) search.now(null);
    // a search page is for typing: the box gets focus (after the router's own focus move)
    queueMicrotask(() => box.input.focus({ preventScroll: true }));

    return {
      render,
      destroy() {
        search.cancel();
        moreCtl?.abort();
        box.destroy();
      },
    };
  };
}
