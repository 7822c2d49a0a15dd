// Snippets: a window of the passage around its best match, with highlight ranges for every matched term.
import { isAlignedOccurrence } from './analyze.ts';
import { normalizeForMatch } from './normalize.ts';
import type { HighlightRange } from './SearchService.ts';
import type { IndexedPassage } from './SearchIndex.ts';

export const DEFAULT_SNIPPET_CHARS = 120;
/** How much context precedes the first match in the window. */
export const DEFAULT_SNIPPET_LEAD_CHARS = 30;

/**
 * `terms` are normalized match strings, most important first; the window is placed on the first occurrence
 * of the most important term that occurs.
 */
export function makeSnippet(p: IndexedPassage, terms: string[], size = DEFAULT_SNIPPET_CHARS): { snippet: string; highlights: HighlightRange[] } {
  const { map } = normalizeForMatch(p.text);
  const ranges: { start: number; end: number; rank: number }[] = [];
  terms.forEach((term, rank) => {
    if (!term) return;
    for (let at = p.norm.indexOf(term); at >= 0; at = p.norm.indexOf(term, at + 1)) {
      if (!isAlignedOccurrence({ text: p.norm, bounds: p.bounds }, at, at + term.length)) continue;
      const start = map[at]!;
      const lastSrc = map[at + term.length - 1]!;
      const cp = p.text.codePointAt(lastSrc) ?? 0;
      ranges.push({ start, end: lastSrc + (cp > 0xffff ? 2 : 1), rank });
    }
  });
  const anchor = ranges.reduce<(typeof ranges)[number] | null>(
    (best, r) => (!best || r.rank < best.rank || (r.rank === best.rank && r.start < best.start) ? r : best),
    null,
  );
  const text = p.text;
  let start = anchor ? Math.max(0, anchor.start - DEFAULT_SNIPPET_LEAD_CHARS) : 0;
  if (start + size > text.length) start = Math.max(0, text.length - size);
  let end = Math.min(text.length, start + size);
  // Never cut a surrogate pair in half.
  if (start > 0 && /[\uDC00-\uDFFF]/.test(text[start]!)) start--;
  if (end < text.length && /[\uDC00-\uDFFF]/.test(text[end]!)) end++;
  const snippet = text.slice(start, end);
  const clipped = ranges
    .filter((r) => r.end > start && r.start < end)
    .map((r) => ({ start: Math.max(r.start, start) - start, end: Math.min(r.end, end) - start }))
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const highlights: HighlightRange[] = [];
  for (const r of clipped) {
    const last = highlights[highlights.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else highlights.push({ ...r });
  }
  return { snippet, highlights };
}
