// Query understanding: entities named in the query (either language, aliases from the graph, fuzzy for Latin
// typos) become entity concepts expanded to all their surface forms; the rest becomes term concepts.
import type { Tokenizer } from '../text/tokenizer.ts';
import { DROPPED_POS, analyze, isAlignedOccurrence, type Analysis } from './analyze.ts';
import { isCjk, isHiragana, isLatin } from './normalize.ts';
import type { SearchIndex } from './SearchIndex.ts';

/** A single distinctive word of an entity's Latin name ("Adran" of "Adran Networks") detects it from this length. */
export const DEFAULT_DISTINCTIVE_WORD_MIN_CHARS = 5;
/**
 * A Latin word shared by more entity names than this ("networks") proposes no candidates by itself: the
 * entities are found through their rarer words, so detection does not check every entity.
 */
export const DEFAULT_MAX_WORD_OWNERS = 100;

/** A word of a name is distinctive when at most this many entity names contain it. */
export const DEFAULT_MAX_DISTINCTIVE_OWNERS = 3;

export interface Concept {
  kind: 'entity' | 'terms';
  /** Entity indexes (several when one surface names several entities, e.g. IMT-2030). */
  entities: number[];
  /** The query text this concept came from. */
  matched: string;
  /** Normalized forms to match in passages (the entity's names and aliases, or the query segment). */
  forms: string[];
}

export interface UnderstoodQuery {
  concepts: Concept[];
  tokens: string[];
  /** The query's last Latin word is incomplete (search-as-you-type). */
  openPrefix: string | null;
}

interface Span {
  start: number;
  end: number;
}

export function understandQuery(index: SearchIndex, tokenize: Tokenizer, query: string): UnderstoodQuery {
  const q = analyze(query, tokenize, { keepSpaces: true });
  const spans: Span[] = [];
  const concepts: Concept[] = [];
  const byEntityKey = new Map<string, Concept>();
  const addEntities = (ents: number[], matched: string, span: Span) => {
    spans.push(span);
    const key = [...ents].sort().join(',');
    const existing = byEntityKey.get(key);
    if (existing) return;
    const forms = [...new Set(ents.flatMap((ei) => index.entities[ei]!.forms))];
    const c: Concept = { kind: 'entity', entities: ents, matched, forms };
    byEntityKey.set(key, c);
    concepts.push(c);
  };

  // 1. Exact surfaces, longest first, aligned on the query's own token boundaries.
  const text = q.text;
  for (let i = 0; i < text.length; ) {
    let hit: { form: string; entities: number[] } | undefined;
    for (const length of index.surfaceLengths.get(text[i]!) ?? []) {
      const end = i + length;
      const form = text.slice(i, end);
      const entities = end <= text.length ? index.entitiesBySurface.get(form) : undefined;
      if (entities && isAlignedOccurrence(q, i, end) && !splitsCompound(query, q, i, end)) {
        hit = { form, entities };
        break;
      }
    }
    if (hit) {
      addEntities(hit.entities, text.slice(i, i + hit.form.length), { start: i, end: i + hit.form.length });
      i += hit.form.length;
    } else i++;
  }

  // 2. Latin words outside those spans: fuzzy/prefix match against the words of entities' Latin names.
  detectLatinEntities(index, query, q, spans, addEntities);

  // 3. The rest: segments of content words; a run of Latin words separated by spaces stays one phrase.
  spans.sort((a, b) => a.start - b.start);
  const tokens: string[] = concepts.map((c) => c.matched);
  let cursor = 0;
  const pieces: string[] = [];
  for (const s of spans) {
    if (s.start > cursor) pieces.push(text.slice(cursor, s.start));
    cursor = Math.max(cursor, s.end);
  }
  if (cursor < text.length) pieces.push(text.slice(cursor));
  for (const piece of pieces) {
    for (const seg of segment(piece, tokenize)) {
      concepts.push({ kind: 'terms', entities: [], matched: seg, forms: [seg] });
      tokens.push(seg);
    }
  }
  const lastLatin = /([\p{Script=Latin}\d]+)$/u.exec(text);
  return { concepts, tokens, openPrefix: lastLatin && !query.endsWith(' ') ? lastLatin[1]! : null };
}

/** Content-word segments of a piece of query text: particles, auxiliaries, symbols and spaces split them. */
function segment(piece: string, tokenize: Tokenizer): string[] {
  const out: string[] = [];
  let current = '';
  let lastEnd = -1;
  const flush = () => {
    const s = current.trim();
    if (s && [...s].some((c) => isLatin(c) || (isCjk(c) && !isHiragana(c)) || s.length >= 2)) out.push(s);
    current = '';
  };
  for (const t of tokenize(piece)) {
    const isSpace = t.surface.trim() === '';
    const latinJoin = isSpace && isLatin(piece[t.start - 1]) && isLatin(piece[t.start + t.surface.length]);
    const content = !isSpace && !DROPPED_POS.has(t.pos[0] ?? '');
    // Latin characters and digits are content even when kuromoji calls them symbols (".", "-" were handled before).
    const latin = [...t.surface].every((c) => isLatin(c));
    if (latinJoin) {
      current += ' ';
      continue;
    }
    if (content || latin) {
      if (t.start !== lastEnd && current && !current.endsWith(' ')) flush();
      current += t.surface;
      lastEnd = t.start + t.surface.length;
    } else {
      flush();
      lastEnd = -1;
    }
  }
  flush();
  return out;
}

function detectLatinEntities(
  index: SearchIndex,
  query: string,
  q: Analysis,
  spans: Span[],
  addEntities: (ents: number[], matched: string, span: Span) => void,
): void {
  const covered = (s: number, e: number) => spans.some((sp) => s < sp.end && sp.start < e);
  const words: { word: string; start: number; end: number }[] = [];
  for (const m of q.text.matchAll(/[\p{Script=Latin}\d]+/gu)) {
    const start = m.index;
    const end = start + m[0].length;
    if (!covered(start, end)) words.push({ word: m[0], start, end });
  }
  if (words.length === 0) return;
  // For every query word: entity-name words it matches (exactly or with a typo).
  const matchedBy = words.map((w) => new Set(/\p{L}/u.test(w.word) ? index.entityLatinVocabulary.expand(w.word, false) : index.latinWordEntities.has(w.word) ? [w.word] : []));
  const candidates = new Set<number>();
  for (const set of matchedBy) {
    for (const term of set) {
      const owners = index.latinWordEntities.get(term) ?? [];
      if (owners.length <= DEFAULT_MAX_WORD_OWNERS) for (const ei of owners) candidates.add(ei);
    }
  }
  const best = new Map<number, { from: number; to: number }>();
  const owners = (w: string) => index.latinWordEntities.get(w)?.length ?? 0;
  for (const ei of candidates) {
    for (const fw of index.latinNames[ei]!) {
      // The form's words, in order, matched by consecutive query words.
      for (let s = 0; s + fw.length <= words.length; s++) {
        const b = best.get(ei);
        if (fw.every((w, k) => matchedBy[s + k]!.has(w)) && (!b || fw.length > b.to - b.from)) best.set(ei, { from: s, to: s + fw.length });
      }
      // Or two or more consecutive words that end a longer name, one of them distinctive ("MIRAI HARMONY" names
      // 6G MIRAI-HARMONY: a leading qualifier dropped). A name's beginning alone is a broader thing (IMT-2030 is
      // not only IMT-2030 (6G)).
      for (let len = fw.length - 1; len >= 2; len--) {
        for (let o = 1; o + len <= fw.length; o++) {
          const part = fw.slice(o, o + len);
          if (!part.some((w) => owners(w) <= DEFAULT_MAX_DISTINCTIVE_OWNERS && w.length >= 3)) continue;
          for (let s = 0; s + len <= words.length; s++) {
            const b = best.get(ei);
            if (part.every((w, k) => matchedBy[s + k]!.has(w)) && (!b || len > b.to - b.from)) best.set(ei, { from: s, to: s + len });
          }
        }
      }
    }
  }
  // A distinctive head word: the first word of one entity's Latin name only ("Adran" → Adran Networks).
  const headWords = new Map<number, { from: number; to: number }>();
  for (let s = 0; s < words.length; s++) {
    for (const term of matchedBy[s]!) {
      const owners = index.latinWordEntities.get(term);
      if (term.length < DEFAULT_DISTINCTIVE_WORD_MIN_CHARS || owners?.length !== 1) continue;
      const ei = owners[0]!;
      if (best.has(ei) || headWords.has(ei)) continue;
      if (index.latinNames[ei]!.some((fw) => fw[0] === term && fw.length > 1)) headWords.set(ei, { from: s, to: s + 1 });
    }
  }
  const found: { ei: number; from: number; to: number }[] = [];
  for (const [ei, b] of [...best, ...headWords]) {
    if (!splitsCompound(query, q, words[b.from]!.start, words[b.to - 1]!.end)) found.push({ ei, ...b });
  }
  // Longest detections win; a shorter one inside a longer one ("Ericsson" in "Ericsson France") is dropped.
  found.sort((a, b) => b.to - b.from - (a.to - a.from));
  const taken: { from: number; to: number }[] = [];
  for (const f of found) {
    const same = taken.find((t) => t.from === f.from && t.to === f.to);
    if (!same && taken.some((t) => f.from < t.to && t.from < f.to)) continue;
    if (!same) taken.push(f);
    const span = { start: words[f.from]!.start, end: words[f.to - 1]!.end };
    addEntities([f.ei], q.text.slice(span.start, span.end), span);
  }
}

/**
 * A match must not take part of a hyphenated compound of the query: "IMT" is not detected inside "IMT-2030"
 * (the compound is searched as a phrase instead).
 */
function splitsCompound(query: string, q: Analysis, start: number, end: number): boolean {
  const hyphenAt = (k: number) => q.text[k] === ' ' && /[-‐‑‒–—―−]/u.test(query[q.map[k]!] ?? '');
  return (isLatin(q.text[start]) && hyphenAt(start - 1)) || (isLatin(q.text[end - 1]) && hyphenAt(end));
}
