// Ingest faults on the embedded store, with the real CLI in child processes:
//  - killed with SIGKILL (before any document is stored, and again just after the first one is) and run again:
//    the graph equals that of a clean ingest, and what the kill left behind never holds half a document;
//  - two ingests at once on one data directory: the second fails clearly (naming the directory), the first
//    completes, and the graph equals that of a clean ingest of the same files.
// "A document was stored" is observed from outside through the write-ahead log: LadybugDB appends a transaction to
// graph.lbug.wal when it commits, so the log growing past the schema's few KB means a document was committed.
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphStore } from '../src/store/GraphStore.ts';
import { LadybugStore, DEFAULT_LADYBUG_FILE } from '../src/store/ladybug/LadybugStore.ts';
import { INGEST_CLI, runTs, waitFor } from './opsProcess.ts';
import { SEEDS_DIR, openSeededStore } from './support/seededStore.ts';

/** The schema alone writes about 12 KB of log; one seed document writes 100 KB to 600 KB. */
const WAL_AFTER_FIRST_DOCUMENT_BYTES = 64 * 1024;
const SEED_DOCUMENTS = 5;

interface Dump {
  stats: unknown;
  documents: unknown[];
  passages: Map<string, string[]>;
  entities: string[];
  relations: string[];
  facts: string[];
}

const sha = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 16);

/** Everything that identifies the graph, without ingest timestamps. Passages are grouped by document. */
async function dump(store: GraphStore): Promise<Dump> {
  const documents = (await store.listDocuments())
    .map((d) => ({ id: d.id, file: d.file, title: d.title, date: d.date, hash: d.contentHash, lines: d.lineCount, chars: d.charCount }))
    .sort((a, b) => a.id.localeCompare(b.id));
  const passages = new Map<string, string[]>();
  for (let after: string | null = null; ; ) {
    const page = await store.scanPassages(after, 1000);
    for (const p of page) {
      if (!passages.has(p.docId)) passages.set(p.docId, []);
      passages.get(p.docId)!.push(`${p.id}|${p.kind}|${p.lineStart}-${p.lineEnd}|${p.section.join('>')}|${sha(p.text)}`);
    }
    if (page.length < 1000) break;
    after = page.at(-1)!.id;
  }
  for (const list of passages.values()) list.sort();
  const entities: string[] = [];
  for (let after: string | null = null; ; ) {
    const page = await store.scanEntities(after, 1000);
    entities.push(...page.map((e) => e.id));
    if (page.length < 1000) break;
    after = page.at(-1)!.id;
  }
  entities.sort();
  const relations = (await store.relationsOf(entities, 'out')).map((r) => r.id).sort();
  const facts = (await store.factsOf(entities)).map((f) => f.id).sort();
  return { stats: await store.stats(), documents, passages, entities, relations, facts };
}

async function dumpDir(dataDir: string): Promise<Dump> {
  const store = new LadybugStore({ dataDir, batchSize: 500 });
  await store.init();
  try {
    return await dump(store);
  } finally {
    await store.close();
  }
}

function walBytes(dataDir: string): number {
  const wal = join(dataDir, `${DEFAULT_LADYBUG_FILE}.wal`);
  return existsSync(wal) ? statSync(wal).size : -1;
}

let work: string;
let seeds: string;
let clean: Dump;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'kg-faults-ingest-'));
  seeds = join(work, 'seeds');
  cpSync(SEEDS_DIR, seeds, { recursive: true });
  const reference = await openSeededStore([seeds]);
  try {
    expect(reference.report.failed).toBe(0);
    clean = await dump(reference.store);
  } finally {
    await reference.close();
  }
  expect(clean.documents).toHaveLength(SEED_DOCUMENTS);
}, 180_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('ingest killed with SIGKILL', () => {
  it('leaves no half document, and running it again gives the graph of a clean ingest', async () => {
    const dataDir = join(work, 'killed');
    const env = { KG_DATA_DIR: dataDir };

    // 1. Killed while reading and extracting: the store holds at most the schema.
    const early = runTs(INGEST_CLI, [seeds], env);
    await waitFor('the schema to be written', () => walBytes(dataDir) > 0, 120_000);
    early.child.kill('SIGKILL');
    expect(await early.exited).toMatchObject({ signal: 'SIGKILL' });
    const afterEarly = await dumpDir(dataDir);
    expect(afterEarly.documents).toEqual([]);
    expect(afterEarly.entities).toEqual([]);

    // 2. Run again, killed as soon as the first document is committed.
    const midway = runTs(INGEST_CLI, [seeds], env);
    await waitFor('the first document to be committed', () => walBytes(dataDir) > WAL_AFTER_FIRST_DOCUMENT_BYTES, 180_000, 2);
    midway.child.kill('SIGKILL');
    expect(await midway.exited).toMatchObject({ signal: 'SIGKILL' });
    // The kill may land while the transaction's log is being written: the store must still open (replaying the
    // committed transactions and dropping the torn one), not refuse with "the WAL file is corrupted".
    const partial = await dumpDir(dataDir);
    // Killed midway: not every document is there…
    expect(partial.documents.length).toBeLessThan(SEED_DOCUMENTS);
    // …and each one that is, is complete: exactly its passages from a clean ingest (a transaction per document).
    const cleanDocs = new Map(clean.documents.map((d) => [(d as { id: string }).id, d]));
    for (const d of partial.documents as { id: string }[]) {
      expect(d).toEqual(cleanDocs.get(d.id));
      expect(partial.passages.get(d.id)).toEqual(clean.passages.get(d.id));
    }
    expect([...partial.passages.keys()].sort()).toEqual(partial.documents.map((d) => (d as { id: string }).id));

    // 3. Run to the end: the same graph as a clean ingest.
    const rerun = runTs(INGEST_CLI, [seeds], env);
    const { code } = await rerun.exited;
    expect(code, rerun.stderr).toBe(0);
    expect(await dumpDir(dataDir)).toEqual(clean);
  }, 420_000);
});

describe('two ingests at once on one data directory', () => {
  it('the second fails with a message naming the directory; the first completes; the graph equals a clean ingest', async () => {
    // The first ingest gets eight copies of the seeds (40 documents, ~1.5 MB): long enough to still hold the store
    // when the second reaches it (the seeds alone take ~2 s), and large enough for its tokenizer thread.
    const copies = join(work, 'copies');
    mkdirSync(copies);
    for (let i = 0; i < 8; i++) for (const f of readdirSync(seeds)) copyFileSync(join(seeds, f), join(copies, `c${i}-${f}`));
    const reference = join(work, 'copies-clean');
    const referenceRun = runTs(INGEST_CLI, ['--quiet', copies], { KG_DATA_DIR: reference });
    expect((await referenceRun.exited).code, referenceRun.stderr).toBe(0);
    const cleanCopies = await dumpDir(reference);
    expect(cleanCopies.documents).toHaveLength(8 * SEED_DOCUMENTS);

    const dataDir = join(work, 'concurrent');
    const env = { KG_DATA_DIR: dataDir };
    const first = runTs(INGEST_CLI, ['--quiet', copies], env);
    // The first holds the store (and its lock) from the moment it writes the schema until it exits.
    await waitFor('the first ingest to open the store', () => walBytes(dataDir) > 0, 120_000);
    const second = runTs(INGEST_CLI, [seeds], env);
    const secondExit = await second.exited;
    expect(secondExit.code).not.toBe(0);
    expect(second.stderr).toContain(dataDir);
    expect(second.stderr).toMatch(/in use by another process/);

    const firstExit = await first.exited;
    expect(firstExit.code, first.stderr).toBe(0);
    expect(await dumpDir(dataDir)).toEqual(cleanCopies);
  }, 300_000);
});
