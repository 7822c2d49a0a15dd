// International joint projects and what they cover: a table filtered by technology and country, with the filter
// in the URL (/projects?covers=APN&country=DE) so a view can be shared.
import { gql, isAbort } from '../api.ts';
import { h } from '../dom.ts';
import { formatYen, regionName, t } from '../i18n.ts';
import { ENTITY_LIST, PROJECTS, type EntityListData, type ProjectRow, type ProjectsData } from '../queries.ts';
import type { View } from '../router.ts';
import { trackBusy } from '../ui/busy.ts';
import { displayName, entityChip, entityLink, otherName } from '../ui/entityLink.ts';
import { errorMessage } from '../ui/errorMessage.ts';
import { lineRange } from '../ui/sourceCitation.ts';

export const DEFAULT_PROJECTS_PAGE = 50;
// the API's page size limit (src/api/pagination/pageSize.ts MAX_PAGE_SIZE)
const DEFAULT_PICKER_SIZE = 100;

interface Filter {
  covers: string;
  country: string;
  /** The view is about international joint projects; ?scope=all also lists domestic ones. */
  internationalOnly: boolean;
}

function sideName(side: string | null): string {
  if (!side) return '—';
  return /^[A-Z]{2}$/.test(side) ? regionName(side) : side;
}

function leadsCell(p: ProjectRow): HTMLElement {
  if (p.partners.length === 0) return h('span', {}, '—');
  const leadsFirst = [...p.partners.filter((x) => x.kind === 'LEAD'), ...p.partners.filter((x) => x.kind !== 'LEAD')];
  return h(
    'ul',
    { class: 'plain-list' },
    leadsFirst.map((x) =>
      h(
        'li',
        { class: x.kind === 'LEAD' ? 'lead' : 'partner' },
        h('span', { class: 'side' }, `${sideName(x.side)}: `),
        entityLink(x.organization),
        x.role ? h('span', { class: 'role' }, ` (${x.role})`) : null,
      ),
    ),
  );
}

function periodCell(p: ProjectRow): HTMLElement | string {
  if (!p.period) return '—';
  const range = p.period.start || p.period.end ? `${p.period.start ?? ''} – ${p.period.end ?? ''}` : null;
  const src = p.period.source;
  return h(
    'div',
    {},
    range ? h('div', { class: 'period-range' }, range) : null,
    h('div', { class: 'period-text' }, p.period.text),
    h('div', { class: 'cell-source', title: src.document.file }, `${src.document.title} · ${lineRange(src.lineStart, src.lineEnd)}`),
  );
}

function budgetCell(p: ProjectRow): HTMLElement | string {
  if (!p.budget) return '—';
  return h(
    'div',
    {},
    p.budget.amountJpy != null ? h('div', { class: 'amount' }, formatYen(p.budget.amountJpy) + (p.budget.perYear ? t('perYear') : '')) : null,
    h('div', { class: 'budget-text' }, p.budget.text),
  );
}

function projectRow(p: ProjectRow): HTMLElement {
  const other = otherName(p);
  const td = (labelKey: Parameters<typeof t>[0], ...content: (Node | string | null)[]) => h('td', { 'data-label': t(labelKey) }, ...content);
  return h(
    'tr',
    {},
    h(
      'th',
      { scope: 'row', 'data-label': t('project') },
      entityLink({ id: p.id, type: 'Project', name: p.name, nameEn: p.nameEn }),
      other ? h('div', { class: 'other-name' }, other) : null,
      p.theme && p.theme !== p.name ? h('div', { class: 'theme' }, p.theme) : null,
    ),
    td('countries', p.countries.length ? h('ul', { class: 'chips' }, p.countries.map((c) => h('li', {}, entityChip(c, false)))) : '—'),
    td('leads', leadsCell(p)),
    td('covers', p.covers.length ? h('ul', { class: 'chips' }, p.covers.map((c) => h('li', {}, entityChip(c, false)))) : '—'),
    td('period', periodCell(p)),
    td('budget', budgetCell(p)),
  );
}

export function projectsPage() {
  return (main: HTMLElement, url: URL): View => {
    const filter: Filter = {
      covers: url.searchParams.get('covers') ?? '',
      country: url.searchParams.get('country') ?? '',
      internationalOnly: url.searchParams.get('scope') !== 'all',
    };
    let rows: ProjectRow[] = [];
    let data: ProjectsData['projects'] | null = null;
    let error: unknown = null;
    let pickers: { tech: EntityListData['entities']['nodes']; country: EntityListData['entities']['nodes'] } = { tech: [], country: [] };
    let ctl = new AbortController();
    const pickerCtl = new AbortController();

    const heading = h('h1', { tabindex: '-1' });
    const intro = h('p', { class: 'intro' });
    const techInput = h('input', { id: 'f-covers', name: 'covers', type: 'text', list: 'tech-options', value: filter.covers, autocomplete: 'off' });
    const countryInput = h('input', { id: 'f-country', name: 'country', type: 'text', list: 'country-options', value: filter.country, autocomplete: 'off' });
    const intlInput = h('input', { id: 'f-intl', type: 'checkbox', checked: filter.internationalOnly });
    const intlLabel = h('span', {});
    const techLabel = h('label', { for: 'f-covers' });
    const countryLabel = h('label', { for: 'f-country' });
    const techList = h('datalist', { id: 'tech-options' });
    const countryList = h('datalist', { id: 'country-options' });
    const apply = h('button', { type: 'submit' });
    const reset = h('button', { type: 'button', class: 'secondary' });
    const form = h(
      'form',
      { class: 'filters', role: 'search' },
      h('div', { class: 'field' }, techLabel, techInput, techList),
      h('div', { class: 'field' }, countryLabel, countryInput, countryList),
      h('label', { class: 'field checkbox', for: 'f-intl' }, intlInput, intlLabel),
      h('div', { class: 'field buttons' }, apply, reset),
    );
    const status = h('p', { class: 'results-count', role: 'status', 'aria-live': 'polite' });
    const results = h('div', { class: 'projects-results' });
    main.append(heading, intro, form, status, results);

    form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      setFilter({ covers: techInput.value.trim(), country: countryInput.value.trim(), internationalOnly: intlInput.checked });
    });
    intlInput.addEventListener('change', () => form.requestSubmit());
    reset.addEventListener('click', () => {
      techInput.value = '';
      countryInput.value = '';
      intlInput.checked = true;
      setFilter({ covers: '', country: '', internationalOnly: true });
    });

    function setFilter(next: Filter) {
      filter.covers = next.covers;
      filter.country = next.country;
      filter.internationalOnly = next.internationalOnly;
      const params = new URLSearchParams();
      if (filter.covers) params.set('covers', filter.covers);
      if (filter.country) params.set('country', filter.country);
      if (!filter.internationalOnly) params.set('scope', 'all');
      const qs = params.toString();
      history.pushState(null, '', qs ? `/projects?${qs}` : '/projects');
      rows = [];
      data = null;
      load(null);
    }

    function load(after: string | null) {
      ctl.abort();
      ctl = new AbortController();
      const signal = ctl.signal;
      const variables = {
        filter: { covers: filter.covers || null, country: filter.country || null, international: filter.internationalOnly ? true : null },
        first: DEFAULT_PROJECTS_PAGE,
        after,
      };
      trackBusy(results, gql<ProjectsData>(PROJECTS, variables, signal))
        .then((d) => {
          data = d.projects;
          rows = after ? [...rows, ...d.projects.nodes] : d.projects.nodes;
          error = null;
          render();
        })
        .catch((err: unknown) => {
          if (isAbort(err) || signal.aborted) return;
          error = err;
          render();
        });
    }

    function renderPickers() {
      const option = (value: string, label: string) => h('option', { value }, label);
      // Chromium matches typed text against the label too, so "APN" finds オール光ネットワーク.
      const others = (e: EntityListData['entities']['nodes'][number]) => [...new Set([e.nameEn, ...e.aliases].filter((x) => x && x !== e.name))].join(' / ');
      techList.replaceChildren(...pickers.tech.map((e) => option(e.name, others(e))));
      countryList.replaceChildren(...pickers.country.map((e) => option(e.code ?? e.name, displayName(e))));
    }

    function render() {
      heading.textContent = t('projectsHeading');
      intro.textContent = t('projectsIntro');
      techLabel.textContent = t('filterTechnology');
      countryLabel.textContent = t('filterCountry');
      intlLabel.textContent = t('filterInternational');
      techInput.placeholder = t('filterAny');
      countryInput.placeholder = t('filterAny');
      apply.textContent = t('filterApply');
      reset.textContent = t('filterReset');
      document.title = `${t('projectsHeading')} – ${t('appTitle')}`;
      renderPickers();
      results.replaceChildren();
      if (error) {
        status.textContent = '';
        results.append(errorMessage(error, () => load(null)));
        return;
      }
      if (!data) return;
      status.textContent = t('projectsCount', { count: data.totalCount });
      if (rows.length === 0) {
        results.append(h('p', { class: 'empty' }, t('noProjects')));
        return;
      }
      const cols = ['project', 'countries', 'leads', 'covers', 'period', 'budget'] as const;
      results.append(
        h(
          'div',
          { class: 'table-wrap' },
          h(
            'table',
            { class: 'projects' },
            h('caption', { class: 'visually-hidden' }, t('projectsHeading')),
            h('thead', {}, h('tr', {}, cols.map((c) => h('th', { scope: 'col' }, t(c))))),
            h('tbody', {}, rows.map(projectRow)),
          ),
        ),
      );
      const after = data.pageInfo.endCursor;
      if (data.pageInfo.hasNextPage && after) {
        results.append(h('button', { type: 'button', class: 'more', onclick: () => load(after) }, t('moreResults')));
      }
    }

    // The pickers only help typing; the filter also accepts any alias the API knows, so their failure is silent.
    Promise.all([
      gql<EntityListData>(ENTITY_LIST, { type: 'Technology', first: DEFAULT_PICKER_SIZE }, pickerCtl.signal),
      gql<EntityListData>(ENTITY_LIST, { type: 'Country', first: DEFAULT_PICKER_SIZE }, pickerCtl.signal),
    ])
      .then(([tech, country]) => {
        pickers = { tech: tech.entities.nodes, country: country.entities.nodes };
        renderPickers();
      })
      .catch(() => undefined);

    render();
    load(null);
    return {
      render,
      destroy() {
        ctl.abort();
        pickerCtl.abort();
      },
    };
  };
}
