// Passages per document. The store interface has no per-document count, so the counts come from one id-ordered scan,
// cached with the other reads until graphVersion changes (only ingest changes it).
import type { GraphStore } from '../../store/GraphStore.ts';
import type { CachedStore } from './CachedStore.ts';

/** Passages read per scan call. */
export const PASSAGE_SCAN_BATCH = 5_000;

async function countAll(store: GraphStore): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (let after: string | null = null; ; ) {
    const batch = await store.scanPassages(after, PASSAGE_SCAN_BATCH);
    for (const p of batch) counts.set(p.docId, (counts.get(p.docId) ?? 0) + 1);
    if (batch.length < PASSAGE_SCAN_BATCH) return counts;
    after = batch.at(-1)!.id;
  }
}

export function passageCounts(store: CachedStore): Promise<Map<string, number>> {
  return store.derived('passageCounts', () => countAll(store));
}
