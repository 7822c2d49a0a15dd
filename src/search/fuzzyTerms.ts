// Typo and prefix expansion of Latin words. The vocabulary is a radix tree (minisearch's SearchableMap): a
// bounded edit-distance walk visits only the branches within reach, so the cost does not grow with the number
// of words the way a scan over all of them does.
import SearchableMap from 'minisearch/SearchableMap';

/** Edit distance allowed for a word of this length: none below 4 characters, 1 from 4, 2 from 8. */
export function allowedTypos(word: string): number {
  return word.length >= 8 ? 2 : word.length >= 4 ? 1 : 0;
}

/** Most words a prefix expands to (a one-letter-longer prefix narrows it; the rest add little). */
export const DEFAULT_MAX_PREFIX_EXPANSIONS = 50;

export class LatinVocabulary {
  private readonly tree = new SearchableMap<true>();

  constructor(words: Iterable<string>) {
    for (const w of words) this.tree.set(w, true);
  }

  has(word: string): boolean {
    return this.tree.has(word);
  }

  /** Vocabulary words within the allowed typos of `word`, plus words it begins when `prefix` is set. */
  expand(word: string, prefix: boolean): string[] {
    const out = new Set<string>();
    if (this.tree.has(word)) out.add(word);
    const max = allowedTypos(word);
    if (max > 0) {
      // A typo changes letters, not numbers: "networks" is not "networks37", "g7" not "g20".
      const digits = word.replace(/\D/g, '');
      for (const w of this.tree.fuzzyGet(word, max).keys()) if (w.replace(/\D/g, '') === digits) out.add(w);
    }
    if (prefix && word.length >= 2) {
      let n = 0;
      for (const w of this.tree.atPrefix(word).keys()) {
        if (n++ >= DEFAULT_MAX_PREFIX_EXPANSIONS) break;
        out.add(w);
      }
    }
    return [...out];
  }
}
