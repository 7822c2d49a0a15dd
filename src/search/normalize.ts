// Match-text normalisation shared by the index and the query, with a map back to the source offsets
// (snippets and highlights are cut from the original passage text).

/** Text in its matching form plus, for every UTF-16 unit of it, the offset of the source unit it came from. */
export interface NormalizedText {
  text: string;
  map: Int32Array;
}

const LATIN = /[\p{Script=Latin}\p{Nd}]/u;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー々〆ヶ]/u;
const HIRAGANA = /\p{Script=Hiragana}/u;
const KATAKANA = /[\p{Script=Katakana}ー]/u;
const SPACE = /\s/u;
const DASH = /^[-‐‑‒–—―−]$/u;

// ASCII first without a regular expression: these run for every candidate occurrence of every query.
export function isLatin(c: string | undefined): boolean {
  if (c === undefined) return false;
  const code = c.charCodeAt(0);
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
  return LATIN.test(c);
}
export function isCjk(c: string | undefined): boolean {
  if (c === undefined) return false;
  return c.charCodeAt(0) >= 0x3000 && CJK.test(c);
}
export const isHiragana = (c: string | undefined): boolean => c !== undefined && HIRAGANA.test(c);
export const isKatakana = (c: string | undefined): boolean => c !== undefined && KATAKANA.test(c);
/** A character that continues a word or compound (hiragana excluded: it is mostly particles and endings). */
export const isWordChar = (c: string | undefined): boolean => isLatin(c) || (isCjk(c) && !isHiragana(c));

/**
 * NFKC, lowercase, whitespace dropped between non-Latin characters (lines broken inside a Japanese word),
 * hyphens between Latin words as a space (Hexa-X-II ≡ "hexa x ii"), thousands separators removed
 * (1,161.4 → 1161.4) and letters spaced out by the PDF converter joined ("N I C T" → "nict").
 */
export function normalizeForMatch(source: string, options: { keepSpaces?: boolean } = {}): NormalizedText {
  // Stage 1: NFKC per code point, remembering where each unit came from.
  const chars: string[] = [];
  const from: number[] = [];
  let i = 0;
  for (const cp of source) {
    const n = cp.normalize('NFKC');
    for (const unit of n) {
      chars.push(unit);
      from.push(i);
    }
    i += cp.length;
  }
  // Stage 2: join single letters/digits separated by single spaces ("N I C T", "5 G"): a conversion artefact.
  const drop = new Uint8Array(chars.length);
  const single = (k: number) =>
    /^[A-Z0-9]$/.test(chars[k] ?? '') && !isLatin(chars[k - 1]) && !isLatin(chars[k + 1]) && chars[k - 1] !== '.';
  for (let k = 0; k < chars.length; k++) {
    if (!single(k)) continue;
    let j = k;
    while (chars[j + 1] === ' ' && single(j + 2)) {
      drop[j + 1] = 1;
      j += 2;
    }
    k = j;
  }
  // Stage 3: lowercase, separators, whitespace.
  const out: string[] = [];
  const map: number[] = [];
  const push = (c: string, at: number) => {
    out.push(c);
    map.push(at);
  };
  for (let k = 0; k < chars.length; k++) {
    if (drop[k]) continue;
    const c = chars[k]!;
    const at = from[k]!;
    if (SPACE.test(c)) {
      let j = k;
      while (j + 1 < chars.length && SPACE.test(chars[j + 1]!)) j++;
      const prev = out[out.length - 1];
      const next = chars[j + 1];
      // A query's spaces separate words; a document's spaces between Japanese characters are line breaks.
      if (options.keepSpaces && prev !== undefined && next !== undefined && prev !== ' ') push(' ', at);
      else if (isLatin(prev) && isLatin(next)) push(' ', at);
      else if (prev !== undefined && next !== undefined && !isCjk(prev) && !isCjk(next) && prev !== ' ') push(' ', at);
      k = j;
      continue;
    }
    if (DASH.test(c) && isLatin(out[out.length - 1]) && isLatin(chars[k + 1])) {
      push(' ', at);
      continue;
    }
    if (c === ',' && /\d/.test(out[out.length - 1] ?? '') && /^\d{3}(?!\d)/.test(chars.slice(k + 1, k + 5).join(''))) {
      continue;
    }
    const lower = c.toLowerCase();
    for (const unit of lower) push(unit, at);
  }
  return { text: out.join(''), map: Int32Array.from(map) };
}
