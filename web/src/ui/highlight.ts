// Snippet text with <mark> around the ranges the search service matched (UTF-16 offsets into the snippet).
import { h } from '../dom.ts';

export function highlighted(text: string, ranges: { start: number; end: number }[]): DocumentFragment {
  const out = document.createDocumentFragment();
  const sorted = [...ranges].filter((r) => r.end > r.start).sort((a, b) => a.start - b.start);
  let at = 0;
  for (const r of sorted) {
    const start = Math.max(r.start, at); // overlapping ranges: skip the part already marked
    const end = Math.min(r.end, text.length);
    if (end <= start) continue;
    if (start > at) out.append(text.slice(at, start));
    out.append(h('mark', {}, text.slice(start, end)));
    at = end;
  }
  if (at < text.length) out.append(text.slice(at));
  return out;
}
