// Provenance shown with every fact: document title, date, line range and the quoted source text.
import { h } from '../dom.ts';
import { t } from '../i18n.ts';
import type { Source } from '../queries.ts';

export function lineRange(start: number, end: number): string {
  return start === end ? t('line', { start }) : t('lines', { start, end });
}

export function sourceCitation(s: Source): HTMLElement {
  return h(
    'div',
    { class: 'source' },
    h(
      'div',
      { class: 'source-meta' },
      h('span', { class: 'source-label' }, `${t('source')}: `),
      h('cite', { title: s.document.file }, s.document.title),
      s.document.date ? h('time', { datetime: s.document.date }, s.document.date) : null,
      h('span', { class: 'source-lines' }, lineRange(s.lineStart, s.lineEnd)),
    ),
    s.quote ? h('blockquote', { class: 'source-quote' }, s.quote) : null,
  );
}
