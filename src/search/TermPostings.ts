// Compact postings: term (CJK term or word) → ascending passage indexes. Phrase candidates are the intersection
// of a form's lists (rarest first), verified with indexOf; scoring every posting (as a BM25 engine does for each
// term) would cost time proportional to the most common term.
export class TermPostings {
  private constructor(private readonly lists: Map<string, Int32Array>) {}

  static build(perPassage: Iterable<readonly string[]>): TermPostings {
    const growing = new Map<string, number[]>();
    let pi = 0;
    for (const terms of perPassage) {
      for (const b of new Set(terms)) {
        const list = growing.get(b);
        if (list) list.push(pi);
        else growing.set(b, [pi]);
      }
      pi++;
    }
    return new TermPostings(new Map([...growing].map(([b, l]) => [b, Int32Array.from(l)])));
  }

  get(term: string): Int32Array | undefined {
    return this.lists.get(term);
  }

  /** Passages containing every term (empty input: null, meaning "no constraint"). */
  intersect(terms: readonly string[]): Int32Array | null {
    if (terms.length === 0) return null;
    const lists = terms.map((b) => this.lists.get(b) ?? new Int32Array(0)).sort((a, b) => a.length - b.length);
    let acc = lists[0]!;
    for (let k = 1; k < lists.length && acc.length > 0; k++) {
      acc = intersectSorted(acc, lists[k]!);
    }
    return acc;
  }

  /** Number of passages containing the term. */
  df(term: string): number {
    return this.lists.get(term)?.length ?? 0;
  }

  /** Whether the passage contains the term (binary search). */
  has(term: string, pi: number): boolean {
    const l = this.lists.get(term);
    if (!l) return false;
    let lo = 0;
    let hi = l.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const v = l[mid]!;
      if (v === pi) return true;
      if (v < pi) lo = mid + 1;
      else hi = mid - 1;
    }
    return false;
  }

  toJSON(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [b, l] of this.lists) out[b] = Buffer.from(l.buffer, l.byteOffset, l.byteLength).toString('base64');
    return out;
  }

  static fromJSON(data: Record<string, string>): TermPostings {
    const lists = new Map<string, Int32Array>();
    for (const [b, s] of Object.entries(data)) {
      const buf = Buffer.from(s, 'base64');
      lists.set(b, new Int32Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength)));
    }
    return new TermPostings(lists);
  }
}

/** Sorted intersection: a merge, or binary searches into the longer list when the shorter is much shorter. */
export function intersectSorted(a: Int32Array, b: Int32Array): Int32Array {
  if (a.length > b.length) [a, b] = [b, a];
  const out: number[] = [];
  if (b.length > 8 * a.length) {
    let lo = 0;
    for (const v of a) {
      let hi = b.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (b[mid]! < v) lo = mid + 1;
        else hi = mid - 1;
      }
      if (b[lo] === v) out.push(v);
    }
  } else {
    let j = 0;
    for (const v of a) {
      while (j < b.length && b[j]! < v) j++;
      if (b[j] === v) out.push(v);
    }
  }
  return Int32Array.from(out);
}

/** Sorted union of posting lists. */
export function unionSorted(lists: readonly Int32Array[]): Int32Array {
  if (lists.length === 1) return lists[0]!;
  const all = new Set<number>();
  for (const l of lists) for (const v of l) all.add(v);
  return Int32Array.from(all).sort();
}
