// The one analysis used for passages, entity names and queries: match text, word terms, CJK bigrams and
// kuromoji token boundaries (used to reject matches that start inside a word, e.g. 京都 inside 東京|都).
import type { Tokenizer } from '../text/tokenizer.ts';
import { isCjk, isKatakana, isHiragana, isLatin, isWordChar, normalizeForMatch } from './normalize.ts';

/** Parts of speech that carry no search meaning. */
export const DROPPED_POS = new Set(['助詞', '助動詞', '記号', 'フィラー']);

export const BOUNDARY_START = 1;
export const BOUNDARY_END = 2;

export interface Analysis {
  /** Normalized match text. */
  text: string;
  /** Source offset for every unit of text. */
  map: Int32Array;
  /** Word terms: content-word base forms, Latin words, numbers (with and without decimals). */
  words: string[];
  /** Character bigrams of every CJK run (so words inside longer words are found). */
  bigrams: string[];
  /** Per offset of text (length + 1): BOUNDARY_START / BOUNDARY_END bits of kuromoji tokens. */
  bounds: Uint8Array;
}

const LATIN_RUN = /[\p{Script=Latin}\p{Nd}]+(?:\.\d+)?/gu;
const CJK_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー々〆ヶ]+/gu;

export function latinWords(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(LATIN_RUN)) {
    const w = m[0];
    out.push(w);
    const dot = w.indexOf('.');
    if (dot > 0 && /^\d/.test(w)) out.push(w.slice(0, dot)); // 1161.4 is also found as 1161
  }
  return out;
}

export function cjkBigrams(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(CJK_RUN)) {
    const run = m[0];
    for (let k = 0; k + 1 < run.length; k++) out.push(run.slice(k, k + 2));
  }
  return out;
}

export function analyze(source: string, tokenize: Tokenizer, options: { keepSpaces?: boolean } = {}): Analysis {
  const { text, map } = normalizeForMatch(source, options);
  const bounds = new Uint8Array(text.length + 1);
  const words: string[] = [];
  for (const t of tokenize(text)) {
    bounds[t.start] = (bounds[t.start] ?? 0) | BOUNDARY_START;
    const end = t.start + t.surface.length;
    bounds[end] = (bounds[end] ?? 0) | BOUNDARY_END;
    if (DROPPED_POS.has(t.pos[0] ?? '')) continue;
    if (![...t.surface].some((c) => isCjk(c))) continue; // Latin and numbers come from latinWords
    words.push(t.base.toLowerCase());
  }
  words.push(...latinWords(text));
  return { text, map, words, bigrams: cjkBigrams(text), bounds };
}

/**
 * Whether text[start, end) is a real occurrence and not a substring trap: Latin edges must not continue a
 * Latin word; a CJK start must be a token start (or a joint inside a katakana compound such as
 * エリクソン|フランス); a CJK end must be a token end, a katakana joint, or followed by a kana ending (考え|る).
 */
export function isAlignedOccurrence(a: Pick<Analysis, 'text' | 'bounds'>, start: number, end: number): boolean {
  const { text, bounds } = a;
  const first = text[start];
  const last = text[end - 1];
  if (isLatin(first)) {
    if (isLatin(text[start - 1])) return false;
  } else if (isCjk(first)) {
    const atStart = ((bounds[start] ?? 0) & BOUNDARY_START) !== 0 || ((bounds[start] ?? 0) & BOUNDARY_END) !== 0;
    if (!atStart && !(isKatakana(first) && isKatakana(text[start - 1]))) return false;
  }
  if (isLatin(last)) {
    if (isLatin(text[end])) return false;
  } else if (isCjk(last)) {
    const atEnd = ((bounds[end] ?? 0) & (BOUNDARY_END | BOUNDARY_START)) !== 0;
    if (!atEnd && !(isKatakana(last) && isKatakana(text[end])) && !isHiragana(text[end])) return false;
  }
  return true;
}

/**
 * A "whole" occurrence is not part of a longer compound: インド in インド太平洋 or 5G in "Beyond 5G" is nested.
 * Nested occurrences still count, ranked below whole ones.
 */
export function isWholeOccurrence(text: string, start: number, end: number): boolean {
  const before = text[start - 1];
  const after = text[end];
  if (isWordChar(before) || isWordChar(after)) return false;
  // Latin words joined by a space or hyphen form one name ("beyond 5g", "6g mirai harmony").
  if (before === ' ' && isLatin(text[start]) && isLatin(text[start - 2])) return false;
  if (after === ' ' && isLatin(text[end - 1]) && isLatin(text[end + 1])) return false;
  return true;
}
