// A real LadybugDB store in a temporary directory with the seed documents ingested through the real pipeline.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config.ts';
import type { GraphStore } from '../../src/store/GraphStore.ts';
import { openStore } from '../../src/store/openStore.ts';
import { ingestPaths, type IngestReport } from '../../ingest/ingestPaths.ts';

export const SEEDS_DIR = join(import.meta.dirname, '..', '..', 'seeds');

export interface SeededStore {
  store: GraphStore;
  dataDir: string;
  report: IngestReport;
  close(): Promise<void>;
}

export async function openSeededStore(paths: string[] = [SEEDS_DIR]): Promise<SeededStore> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kg-seeded-'));
  const config = loadConfig({ KG_DATA_DIR: dataDir });
  const store = await openStore(config);
  const report = await ingestPaths(paths, store, { maxBytes: config.KG_MAX_FILE_BYTES });
  return {
    store,
    dataDir,
    report,
    close: async () => {
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
