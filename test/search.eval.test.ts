// Search quality on the real seeds: ingest them into a fresh LadybugDB, then score the public judged queries with
// the same metric as score-search.mjs. Fails below DEFAULT_MIN_QUALITY (target: nDCG@10 ≥ 0.8, recall@10 ≥ 0.85).
import { readdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEFAULT_MAX_FILE_BYTES } from '../src/config.ts';
import { ingestPaths } from '../ingest/ingestPaths.ts';
import { createSearchService } from '../src/search/createSearchService.ts';
import type { GraphStore } from '../src/store/GraphStore.ts';
import { openTestStore } from './fixtures/eval/openTestStore.ts';
import { loadEvalQueries, scoreSearch } from './fixtures/eval/scoreSearch.ts';

const DEFAULT_MIN_QUALITY = 0.75;
const SEEDS = fileURLToPath(new URL('../seeds/', import.meta.url));

let dir: string;
let store: GraphStore;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kg-search-eval-'));
  store = await openTestStore(join(dir, 'db'));
  const files = readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).map((f) => join(SEEDS, f));
  const report = await ingestPaths(files, store, { maxBytes: DEFAULT_MAX_FILE_BYTES });
  expect(report.failed).toBe(0);
});

afterAll(async () => {
  await store?.close();
  await rm(dir, { recursive: true, force: true });
});

it('public search queries score nDCG@10 and recall@10 of at least 0.75 on the seeds', async () => {
  const search = await createSearchService({ store, cacheDir: join(dir, 'cache') });
  const { ndcg, recall, rows } = await scoreSearch(search, store, loadEvalQueries());
  const report = rows.map((r) => `${r.id} ${r.query} nDCG=${r.ndcg.toFixed(2)} recall=${r.recall.toFixed(2)}`).join('\n');
  expect(ndcg, report).toBeGreaterThanOrEqual(DEFAULT_MIN_QUALITY);
  expect(recall, report).toBeGreaterThanOrEqual(DEFAULT_MIN_QUALITY);
  // The negative query stays empty on the real corpus too.
  expect((await search.search({ query: '京都', limit: 10, offset: 0 })).total).toBe(0);
});
