// Typo and prefix expansion of Latin words against a small vocabulary (the corpus is Japanese: its Latin
// vocabulary is small, so a bounded edit-distance scan is cheaper than walking the whole term tree).

/** Edit distance allowed for a word of this length: none below 4 characters, 1 from 4, 2 from 8. */
export function allowedTypos(word: string): number {
  return word.length >= 8 ? 2 : word.length >= 4 ? 1 : 0;
}

/** Levenshtein distance, or max + 1 as soon as it must exceed max. */
export function boundedDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[b.length]!;
}

/** Vocabulary words within the allowed typos of `word`, plus words it begins when `prefix` is set. */
export function expandWord(word: string, vocabulary: Iterable<string>, prefix: boolean): string[] {
  const max = allowedTypos(word);
  const out: string[] = [];
  for (const v of vocabulary) {
    if (v === word || (prefix && word.length >= 2 && v.startsWith(word)) || (max > 0 && boundedDistance(word, v, max) <= max)) {
      out.push(v);
    }
  }
  return out;
}
