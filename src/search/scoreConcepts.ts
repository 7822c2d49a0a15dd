// Scores passages for each concept of a query and combines them. A concept's score in a passage is in [0, 1]:
// a verified whole phrase scores highest, a phrase nested in a longer compound less, partial word/bigram
// coverage less again; an entity concept also scores through the store's mentions of the entity.
import type { Tokenizer } from '../text/tokenizer.ts';
import { analyze, isAlignedOccurrence, isWholeOccurrence, latinWords } from './analyze.ts';
import type { EntityScores, SearchIndex } from './SearchIndex.ts';
import { intersectSorted, unionSorted } from './TermPostings.ts';
import type { Concept } from './understandQuery.ts';

/** Weight of a phrase occurrence inside a longer compound (インド in インド太平洋) relative to a whole one. */
export const DEFAULT_NESTED_FACTOR = 0.55;
/** Weight of passages covering only part of a multi-word query segment. */
export const DEFAULT_PARTIAL_FACTOR = 0.5;
/** Minimum share of a segment's words (or bigrams) a partial match must cover. */
export const DEFAULT_MIN_WORD_COVERAGE = 0.5;
export const DEFAULT_MIN_BIGRAM_COVERAGE = 0.6;
/** Weight of a mention of a detected entity (the graph says the passage is about it). */
export const DEFAULT_MENTION_SCORE = 1;
/** Weight of a typo/prefix match of a Latin word that matched nothing exactly. */
export const DEFAULT_FUZZY_FACTOR = 0.6;
/** BM25-style saturation of occurrence counts; a low length penalty (long blocks are often the best answer). */
export const DEFAULT_TF_K1 = 1.2;
export const DEFAULT_TF_B = 0.3;
/** Share of a concept score that depends on how often the passage says it (the rest is matched/not). */
export const DEFAULT_TF_SHARE = 0.3;
/**
 * Partial coverage draws its candidates only from terms in at most this many passages: a term that common
 * carries little information, and counting its postings would make every query's cost grow with the corpus.
 */
export const DEFAULT_PARTIAL_MAX_POSTINGS = 2000;
/** Analysed forms kept per index (entity aliases recur across queries). */
export const DEFAULT_FORM_CACHE_SIZE = 5000;

interface FormTerms {
  text: string;
  bigrams: string[];
  /** Latin words and single-character CJK runs: terms of the word field needed for a phrase. */
  phraseWords: string[];
  /** Content words (kuromoji base forms and Latin words) for partial coverage. */
  contentWords: string[];
}

export type ScoreMap = Map<number, number>;

export class ConceptScorer {
  private readonly formCache = new Map<string, FormTerms>();

  private readonly avgLength: number;

  constructor(
    private readonly index: SearchIndex,
    private readonly tokenize: Tokenizer,
  ) {
    this.avgLength = index.passages.reduce((n, p) => n + p.norm.length, 0) / Math.max(1, index.passages.length);
  }

  /** (1 − share) for being matched at all, up to share more for repeated occurrences. */
  private tf(count: number, pi: number): number {
    const len = this.index.passages[pi]!.norm.length;
    const k = DEFAULT_TF_K1 * (1 - DEFAULT_TF_B + (DEFAULT_TF_B * len) / this.avgLength);
    return 1 - DEFAULT_TF_SHARE + (DEFAULT_TF_SHARE * count) / (count + k);
  }

  /** Passage index → score in (0, 1] for one concept. */
  score(concept: Concept, openPrefix: string | null): ScoreMap {
    const out: ScoreMap = new Map();
    const put = (pi: number, s: number) => {
      if (s > (out.get(pi) ?? 0)) out.set(pi, s);
    };
    if (concept.kind === 'entity') {
      for (const ei of concept.entities) {
        const pre = this.index.entityScores[ei];
        if (pre) for (let k = 0; k < pre.passages.length; k++) put(pre.passages[k]!, pre.scores[k]!);
        else this.entity(ei, put);
      }
      return out;
    }
    for (const form of concept.forms) {
      const terms = this.terms(form);
      this.phrase(terms, put);
      this.partial(terms, put);
    }
    if (out.size === 0) this.fuzzy(concept.forms[0]!, openPrefix, put);
    return out;
  }

  /** An entity's scores: its names as phrases in the text, and the passages the graph says mention it. */
  entityScores(ei: number): EntityScores {
    const out: ScoreMap = new Map();
    this.entity(ei, (pi, s) => {
      if (s > (out.get(pi) ?? 0)) out.set(pi, s);
    });
    const sorted = [...out].sort((a, b) => a[0] - b[0]);
    return { passages: Int32Array.from(sorted, ([pi]) => pi), scores: Float64Array.from(sorted, ([, s]) => s) };
  }

  private entity(ei: number, put: (pi: number, s: number) => void): void {
    for (const form of this.index.entities[ei]!.forms) this.phrase(this.terms(form), put);
    for (const [pi, count] of this.index.passagesOfEntity.get(ei) ?? []) put(pi, DEFAULT_MENTION_SCORE * this.tf(count, pi));
  }

  /** Content words of a form (for highlighting the words of a partial match). */
  contentWords(form: string): string[] {
    return this.terms(form).contentWords;
  }

  private terms(form: string): FormTerms {
    let t = this.formCache.get(form);
    if (t) return t;
    const a = analyze(form, this.tokenize);
    const single = [...a.text.matchAll(/(?<![\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー])[\p{Script=Han}\p{Script=Katakana}](?![\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー])/gu)].map((m) => m[0]);
    t = {
      text: a.text,
      bigrams: [...new Set(a.bigrams)],
      phraseWords: [...new Set([...latinWords(a.text), ...single])],
      contentWords: [...new Set(a.words)],
    };
    if (this.formCache.size >= DEFAULT_FORM_CACHE_SIZE) this.formCache.clear();
    this.formCache.set(form, t);
    return t;
  }

  /** Candidates containing every bigram and word of the form, verified as aligned occurrences. */
  private phrase(t: FormTerms, put: (pi: number, s: number) => void): void {
    if (t.bigrams.length === 0 && t.phraseWords.length === 0) return;
    const byBigrams = this.index.bigrams.intersect(t.bigrams);
    const byWords = this.index.words.intersect(t.phraseWords);
    const candidates = byBigrams && byWords ? intersectSorted(byBigrams, byWords) : (byBigrams ?? byWords);
    for (const pi of candidates ?? []) {
      const p = this.index.passages[pi]!;
      let whole = 0;
      let nested = 0;
      for (let at = p.norm.indexOf(t.text); at >= 0; at = p.norm.indexOf(t.text, at + 1)) {
        if (!isAlignedOccurrence({ text: p.norm, bounds: p.bounds }, at, at + t.text.length)) continue;
        if (isWholeOccurrence(p.norm, at, at + t.text.length)) whole++;
        else nested++;
      }
      if (whole + nested === 0) continue;
      put(pi, (whole ? 1 : DEFAULT_NESTED_FACTOR) * this.tf(whole + nested, pi));
    }
  }

  /** Passages covering most of a multi-word segment's words, or most of its bigrams (word-order variants). */
  private partial(t: FormTerms, put: (pi: number, s: number) => void): void {
    if (t.contentWords.length >= 2) {
      const need = Math.max(2, Math.ceil(DEFAULT_MIN_WORD_COVERAGE * t.contentWords.length));
      for (const [pi, n] of this.covering(this.index.words, t.contentWords, need)) {
        put(pi, DEFAULT_PARTIAL_FACTOR * (n / t.contentWords.length) * this.tf(1, pi));
      }
    }
    if (t.bigrams.length >= 4) {
      const need = Math.ceil(DEFAULT_MIN_BIGRAM_COVERAGE * t.bigrams.length - 1e-9);
      for (const [pi, n] of this.covering(this.index.bigrams, t.bigrams, need)) {
        // Word-order variants keep every character (海底光ケーブル ~ 光海底ケーブル); a missing character is a
        // missing word (光ネットワーク is not アドラン・ネットワーク).
        const norm = this.index.passages[pi]!.norm;
        if (![...t.text].every((c) => c === ' ' || norm.includes(c))) continue;
        put(pi, DEFAULT_PARTIAL_FACTOR * (n / t.bigrams.length) * this.tf(1, pi));
      }
    }
  }

  /** Passages containing at least `need` of the terms, found through the terms that are not too common. */
  private covering(postings: SearchIndex['words'], terms: string[], need: number): [number, number][] {
    const informative = terms.filter((w) => {
      const df = postings.df(w);
      return df > 0 && df <= DEFAULT_PARTIAL_MAX_POSTINGS;
    });
    if (informative.length === 0) return [];
    const out: [number, number][] = [];
    for (const pi of unionSorted(informative.map((w) => postings.get(w)!))) {
      let n = 0;
      for (const w of terms) if (postings.has(w, pi)) n++;
      if (n >= need) out.push([pi, n]);
    }
    return out;
  }

  /** Latin words with no exact match: typo-tolerant, and prefix for the word being typed. */
  private fuzzy(form: string, openPrefix: string | null, put: (pi: number, s: number) => void): void {
    const words = latinWords(form).filter((w) => /\p{L}/u.test(w));
    if (words.length === 0) return;
    const groups = words.map((w) => this.index.latinVocabulary.expand(w, w === openPrefix));
    if (groups.some((g) => g.length === 0)) return;
    let acc: Int32Array | null = null;
    for (const g of groups) {
      const lists = g.map((w) => this.index.words.get(w)).filter((l) => l !== undefined);
      const any = lists.length ? unionSorted(lists) : new Int32Array(0);
      acc = acc ? intersectSorted(acc, any) : any;
    }
    for (const pi of acc ?? []) put(pi, DEFAULT_FUZZY_FACTOR * this.tf(1, pi));
  }
}

/** Σ w_c·s_c / Σ w_c with w_c = ln(1 + N / df_c); concepts matching nothing are left out of the sum. */
export function combineConcepts(maps: ScoreMap[], passageCount: number): Map<number, number> {
  const live = maps.filter((m) => m.size > 0);
  const weights = live.map((m) => Math.log(1 + passageCount / m.size));
  const total = weights.reduce((a, b) => a + b, 0);
  const out = new Map<number, number>();
  live.forEach((m, k) => {
    const w = weights[k]! / total;
    for (const [pi, s] of m) out.set(pi, (out.get(pi) ?? 0) + w * s);
  });
  return out;
}
