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
      const next = lists[k]!;
      const out: number[] = [];
      let j = 0;
      for (const v of acc) {
        while (j < next.length && next[j]! < v) j++;
        if (j < next.length && next[j] === v) out.push(v);
      }
      acc = Int32Array.from(out);
    }
    return acc;
  }

  /** Passage → how many of the terms it contains. */
  count(terms: readonly string[]): Map<number, number> {
    const out = new Map<number, number>();
    for (const b of new Set(terms)) for (const pi of this.lists.get(b) ?? []) out.set(pi, (out.get(pi) ?? 0) + 1);
    return out;
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
