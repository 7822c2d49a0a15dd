// An entity's own page (/entity/<id>): names in both languages, aliases, type, facts and relations each with its
// source, superseded statements kept and marked as history, related entities and a drawing of the neighbourhood.
import { gql } from '../api.ts';
import { h } from '../dom.ts';
import { formatYen, regionName, t, tDynamic } from '../i18n.ts';
import { ENTITY, type EntityData, type EntityDetail, type Fact, type Relation } from '../queries.ts';
import type { View } from '../router.ts';
import { trackBusy } from '../ui/busy.ts';
import { displayName, entityChip, entityLink, entityPath } from '../ui/entityLink.ts';
import { errorMessage } from '../ui/errorMessage.ts';
import { drawNeighbourhood } from '../ui/neighbourhoodGraph.ts';
import { sourceCitation } from '../ui/sourceCitation.ts';

function factValue(f: Fact): string {
  const parts: string[] = [];
  if (f.value) parts.push(f.value);
  if (f.number !== null && !(f.value ?? '').includes(String(f.number))) parts.push(`${f.number}${f.unit ?? ''}`);
  if (f.start && f.end) parts.push(f.start === f.end ? f.start : `${f.start} – ${f.end}`);
  else if (f.start) parts.push(`${f.start} –`);
  else if (f.end) parts.push(`– ${f.end}`);
  return parts.join(' · ') || '—';
}

function historyBadge(current: boolean): HTMLElement {
  return current
    ? h('span', { class: 'badge badge-current' }, t('current'))
    : h('span', { class: 'badge badge-history' }, t('history'));
}

function sideLabel(side: string): string {
  return t('side', { side: /^[A-Z]{2}$/.test(side) ? regionName(side) : side });
}

function factItem(f: Fact): HTMLElement {
  return h(
    'li',
    { class: f.current ? 'statement' : 'statement history' },
    h(
      'div',
      { class: 'statement-head' },
      h('span', { class: 'predicate' }, tDynamic('pred', f.predicate)),
      h('span', { class: 'value' }, factValue(f)),
      f.asOf ? h('span', { class: 'as-of' }, t('asOf', { date: f.asOf })) : null,
      historyBadge(f.current),
    ),
    sourceCitation(f.source),
  );
}

function relationItem(r: Relation): HTMLElement {
  const incoming = r.direction.toLowerCase().startsWith('in');
  return h(
    'li',
    { class: r.current ? 'statement' : 'statement history' },
    h(
      'div',
      { class: 'statement-head' },
      h('span', { class: 'predicate' }, tDynamic('rel', r.type)),
      h('span', { class: 'direction', 'aria-hidden': 'true' }, incoming ? t('incoming') : t('outgoing')),
      entityLink(r.other),
      r.side ? h('span', { class: 'side' }, sideLabel(r.side)) : null,
      r.role ? h('span', { class: 'role' }, r.role) : null,
      r.asOf ? h('span', { class: 'as-of' }, t('asOf', { date: r.asOf })) : null,
      historyBadge(r.current),
    ),
    sourceCitation(r.source),
  );
}

/** Current statements first, then history, each in source order. */
function currentFirst<T extends { current: boolean }>(xs: T[]): T[] {
  return [...xs.filter((x) => x.current), ...xs.filter((x) => !x.current)];
}

function details(e: EntityDetail): HTMLElement {
  const rows: [string, Node | string][] = [
    [t('entityType'), tDynamic('type', e.type)],
    [t('nameJa'), e.name],
    [t('nameEn'), e.nameEn ?? '—'],
  ];
  if (e.aliases.length) rows.push([t('aliases'), e.aliases.join('、')]);
  if (e.code) {
    const region = regionName(e.code); // blocs like G7 have no region name: the code alone
    rows.push([t('code'), region === e.code ? e.code : `${e.code} (${region})`]);
  }
  if (e.theme) rows.push([t('theme'), e.theme]);
  if (e.international) rows.push([t('international'), '✓']);
  if (e.date) rows.push([t('date'), e.date]);
  if (e.place) rows.push([t('place'), e.place]);
  if (e.amountJpy != null) {
    const max = e.amountJpyMax != null && e.amountJpyMax !== e.amountJpy ? ` – ${formatYen(e.amountJpyMax)}` : '';
    rows.push([t('amount'), formatYen(e.amountJpy) + max]);
  }
  if (e.amountForeign != null && e.currency) rows.push([t('amount'), `${e.amountForeign} ${e.currency}`]);
  if (e.fiscalYear != null) rows.push([t('fiscalYear'), String(e.fiscalYear)]);
  if (e.kind) rows.push([t('kind'), e.kind]);
  if (e.qualifiers?.length) rows.push([t('qualifiers'), e.qualifiers.join(', ')]);
  return h('dl', { class: 'entity-details' }, rows.flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]));
}

export function entityPage(id: string, navigate: (path: string) => void) {
  return (main: HTMLElement): View => {
    let entity: EntityDetail | null = null;
    let error: unknown = null;
    let loaded = false;
    let graph: { destroy(): void } | null = null;
    const ctl = new AbortController();

    const section = (key: 'facts' | 'relations' | 'related' | 'neighbourhood' | 'mentionsHeading', ...content: (Node | null)[]) =>
      h('section', { class: `entity-section section-${key}`, 'aria-labelledby': `h-${key}` }, h('h2', { id: `h-${key}` }, t(key)), ...content);

    function render() {
      graph?.destroy();
      graph = null;
      main.replaceChildren();
      if (error) {
        main.append(h('h1', {}, t('errorPrefix')), errorMessage(error, load));
        return;
      }
      if (!loaded) {
        main.append(h('h1', { class: 'visually-hidden', tabindex: '-1' }, t('loading')));
        return;
      }
      if (!entity) {
        document.title = t('appTitle');
        main.append(h('h1', {}, t('errorNotFound', { id })));
        return;
      }
      const e = entity;
      document.title = `${displayName(e)} – ${t('appTitle')}`;
      const other = displayName(e) === e.name ? e.nameEn : e.name;
      const facts = currentFirst(e.facts);
      const relations = currentFirst(e.relations);
      const canvas = h('div', { class: 'graph', role: 'img', 'aria-label': `${t('neighbourhood')}: ${displayName(e)}` });
      main.append(
        h(
          'header',
          { class: 'entity-header' },
          h('p', { class: 'entity-type' }, h('span', { class: `chip chip-${e.type.toLowerCase()}` }, tDynamic('type', e.type))),
          h('h1', { tabindex: '-1', lang: displayName(e) === e.name ? 'ja' : 'en' }, displayName(e)),
          other ? h('p', { class: 'entity-other-name', lang: other === e.name ? 'ja' : 'en' }, other) : null,
          h('p', { class: 'entity-mentions' }, t('mentionCount', { count: e.mentionCount })),
        ),
        h(
          'div',
          { class: 'entity-layout' },
          h(
            'div',
            { class: 'entity-main' },
            details(e),
            section('facts', facts.length ? h('ul', { class: 'statements' }, facts.map(factItem)) : h('p', { class: 'empty' }, t('none'))),
            section(
              'relations',
              relations.length ? h('ul', { class: 'statements' }, relations.map(relationItem)) : h('p', { class: 'empty' }, t('none')),
            ),
            section(
              'mentionsHeading',
              e.mentions.length
                ? h('ul', { class: 'statements' }, e.mentions.map((m) => h('li', { class: 'statement' }, sourceCitation(m.source))))
                : h('p', { class: 'empty' }, t('none')),
            ),
          ),
          h(
            'div',
            { class: 'entity-side' },
            section('neighbourhood', canvas, h('p', { class: 'hint' }, t('neighbourhoodHint'))),
            section(
              'related',
              e.related.length ? h('ul', { class: 'chips' }, e.related.map((r) => h('li', {}, entityChip(r)))) : h('p', { class: 'empty' }, t('none')),
            ),
          ),
        ),
      );
      drawNeighbourhood(canvas, e, e.relations, e.related, (otherId) => navigate(entityPath(otherId)))
        .then((g) => {
          if (canvas.isConnected) graph = g;
          else g.destroy(); // the page changed while cytoscape was loading
        })
        .catch((err: unknown) => canvas.replaceWith(errorMessage(err)));
    }

    function load() {
      error = null;
      const work = gql<EntityData>(ENTITY, { id }, ctl.signal);
      trackBusy(main, work)
        .then((data) => {
          entity = data.entity;
          loaded = true;
          // after an in-app navigation the router focused the placeholder heading: hand focus on to the real one
          const focusWasHere = main.contains(document.activeElement);
          render();
          if (focusWasHere) main.querySelector<HTMLElement>('h1')?.focus({ preventScroll: true });
        })
        .catch((err: unknown) => {
          if (ctl.signal.aborted) return;
          error = err;
          render();
        });
    }

    render();
    load();
    return {
      render,
      destroy() {
        ctl.abort();
        graph?.destroy();
      },
    };
  };
}
