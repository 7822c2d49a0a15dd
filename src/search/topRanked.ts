// The first k of a ranking without sorting all of it: a bounded min-heap keeps the best k seen so far
// (cost n·log k instead of n·log n; a broad query matches a large share of the corpus, the page shows ten).

/** Higher score first, then lower passage index (a stable, total order). */
export function before(a: readonly [number, number], b: readonly [number, number]): boolean {
  return a[1] > b[1] || (a[1] === b[1] && a[0] < b[0]);
}

/** The best k entries [passage index, score], best first. */
export function topRanked(entries: Iterable<[number, number]>, k: number): [number, number][] {
  if (k <= 0) return [];
  const heap: [number, number][] = []; // heap[0] is the worst kept entry
  const worse = (i: number, j: number) => before(heap[j]!, heap[i]!);
  const swap = (i: number, j: number) => {
    const t = heap[i]!;
    heap[i] = heap[j]!;
    heap[j] = t;
  };
  for (const e of entries) {
    if (heap.length < k) {
      heap.push(e);
      for (let i = heap.length - 1; i > 0; ) {
        const parent = (i - 1) >> 1;
        if (!worse(i, parent)) break;
        swap(i, parent);
        i = parent;
      }
    } else if (before(e, heap[0]!)) {
      heap[0] = e;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < heap.length && worse(l, m)) m = l;
        if (r < heap.length && worse(r, m)) m = r;
        if (m === i) break;
        swap(i, m);
        i = m;
      }
    }
  }
  return heap.sort((a, b) => (before(a, b) ? -1 : 1));
}
