// The ingestion pipeline: files → read (encoding) → normalize → segment → tokenize → extract → store.
// Bad files are reported with the file and the reason and skipped; the others are still ingested. Each document is
// written in one transaction (GraphStore.replaceDocument), so a failure leaves the graph as it was before it.
import type { DocumentBundle, DocumentRecord, EntityType } from '../src/model/graph.ts';
import { ENTITY_TYPES } from '../src/model/graph.ts';
import type { GraphStore, WriteSummary } from '../src/store/GraphStore.ts';
import { TokenizerWorker } from '../src/text/TokenizerWorker.ts';
import type { BatchTokenizer, Token } from '../src/text/tokenizer.ts';
import type { DictionaryEntry } from './extract/EntityDictionary.ts';
import type { EntityDictionary } from './extract/EntityDictionary.ts';
import { loadCuratedData } from './extract/curatedDictionaries.ts';
import { extractionVersion } from './extract/extractionVersion.ts';
import { BatchExtractor, createDictionary, type SegmentedInput } from './extract/extractDocuments.ts';
import { IngestInputError } from './read/IngestInputError.ts';
import { listInputFiles } from './read/listInputFiles.ts';
import { readDocument } from './read/readDocument.ts';
import { normalizeDocument } from './normalize/normalizeDocument.ts';
import { segmentDocument } from './segment/segmentDocument.ts';

export const DEFAULT_SCAN_PAGE = 2000;
/** Documents extracted together: names learned in one apply to all of the batch; memory grows with its size. */
export const DEFAULT_INGEST_BATCH_FILES = 16;

export type IngestStage = 'read' | 'normalize' | 'segment' | 'tokenize' | 'discover' | 'extract' | 'store';

export interface IngestOptions {
  maxBytes: number;
  /** Dates given at ingest (file name → ISO date); they win over a date found in the text. */
  dates?: Record<string, string>;
  /** Documents per extraction batch (DEFAULT_INGEST_BATCH_FILES). */
  batchFiles?: number;
  /**
   * The tokenizer, already started by the caller (so its dictionary loads while the caller opens the store); it is
   * closed at the end. Without one, a TokenizerWorker is started here.
   */
  tokenizer?: BatchTokenizer;
  /** Progress: one call per file and stage. */
  onProgress?: (event: { file: string; stage: IngestStage; index: number; total: number }) => void;
}

export interface IngestFileResult {
  file: string;
  path: string;
  status: 'ingested' | 'unchanged' | 'failed';
  error?: { code: string; message: string };
  summary?: WriteSummary;
}

export interface IngestReport {
  files: IngestFileResult[];
  documents: number;
  passages: number;
  entitiesByType: Record<EntityType, number>;
  relations: number;
  facts: number;
  conflicts: number;
  seconds: number;
  failed: number;
}

const docIdOf = (file: string) => `doc:${file}`;

/** Names and aliases the store already knows, so an abbreviation learned from an earlier ingest applies now. */
async function knownEntities(store: GraphStore): Promise<DictionaryEntry[]> {
  const out: DictionaryEntry[] = [];
  let after: string | null = null;
  for (;;) {
    const page = await store.scanEntities(after, DEFAULT_SCAN_PAGE);
    for (const e of page) {
      if (e.type === 'Budget') continue;
      out.push({ id: e.id, type: e.type, name: e.name, nameEn: e.nameEn, aliases: e.aliases, code: e.code });
    }
    if (page.length < DEFAULT_SCAN_PAGE) return out;
    after = page.at(-1)!.id;
  }
}

/**
 * Facts the documents disagree on: a project side whose lead differs between documents, an entity whose period or
 * start differs. Both are kept (the newest is current); this counts them for the summary.
 */
export async function countConflicts(store: GraphStore): Promise<number> {
  const projects = await store.findEntities({ type: 'Project' }, { limit: 10_000, offset: 0 });
  const ids = projects.items.map((p) => p.id);
  if (ids.length === 0) return 0;
  let conflicts = 0;
  const leads = new Map<string, Set<string>>();
  for (const r of await store.relationsOf(ids, 'in', ['LEAD_OF'])) {
    const key = `${r.toId}|${r.side ?? ''}|${r.role ?? ''}`;
    if (!leads.has(key)) leads.set(key, new Set());
    leads.get(key)!.add(r.fromId);
  }
  for (const s of leads.values()) if (s.size > 1) conflicts++;
  const periods = new Map<string, Set<string>>();
  for (const f of await store.factsOf(ids)) {
    if (f.predicate !== 'PERIOD' && f.predicate !== 'START') continue;
    const key = `${f.subjectId}|${f.predicate}`;
    if (!periods.has(key)) periods.set(key, new Set());
    periods.get(key)!.add(`${f.dateStart}|${f.dateEnd}`);
  }
  for (const s of periods.values()) if (s.size > 1) conflicts++;
  return conflicts;
}

export async function ingestPaths(paths: string[], store: GraphStore, options: IngestOptions): Promise<IngestReport> {
  const started = performance.now();
  const { files, errors } = await listInputFiles(paths);
  const results: IngestFileResult[] = errors.map((e) => ({ file: e.file, path: e.file, status: 'failed', error: { code: e.code, message: e.message } }));
  const batchFiles = options.batchFiles ?? DEFAULT_INGEST_BATCH_FILES;
  const progress = (file: string, stage: IngestStage, index: number) => options.onProgress?.({ file, stage, index, total: files.length });

  const fail = (path: string, file: string, err: unknown) => {
    const e = err instanceof IngestInputError ? { code: err.code, message: err.message } : { code: 'INGEST_FAILED', message: `${path}: ${(err as Error).message}` };
    results.push({ file, path, status: 'failed', error: e });
  };

  // Unless the caller brings a tokenizer, kuromoji runs on a second core: the worker loads its dictionary while the
  // first batch is read, normalized and segmented, and tokenizes the next batch while this thread extracts the current.
  const tokenizer = options.tokenizer ?? new TokenizerWorker();
  // What is stored, read once (deciding what to skip never waits behind the writes in flight) and not waited for: the
  // first documents are read and tokenized while the store is still opening; one found unchanged is dropped before
  // extraction.
  let storedHash: Map<string, string> | null = null;
  const storedHashes = store.listDocuments().then((docs) => (storedHash = new Map(docs.map((d) => [d.file, d.contentHash]))));
  storedHashes.catch(() => undefined);
  let dictionary: EntityDictionary | null = null;
  const indexOf = new Map(files.map((f, i) => [f.split(/[\\/]/).pop()!, i]));

  interface Prepared {
    inputs: { input: SegmentedInput; path: string; tokens: Promise<Token[][]> }[];
  }
  const prepare = async (first: number): Promise<Prepared> => {
    const inputs: Prepared['inputs'] = [];
    for (const [offset, path] of files.slice(first, first + batchFiles).entries()) {
      const index = first + offset;
      const file = path.split(/[\\/]/).pop()!;
      try {
        const raw = await readDocument(path, { maxBytes: options.maxBytes });
        progress(file, 'read', index);
        const fingerprint = `${raw.contentHash}:${extractionVersion()}`;
        if (storedHash?.get(raw.file) === fingerprint) {
          results.push({ file: raw.file, path, status: 'unchanged' });
          continue;
        }
        const normalized = normalizeDocument(raw);
        progress(file, 'normalize', index);
        const segmented = segmentDocument(normalized, raw);
        progress(file, 'segment', index);
        const given = options.dates?.[raw.file] ?? null;
        const document: DocumentRecord = {
          id: docIdOf(raw.file),
          file: raw.file,
          title: segmented.title,
          date: given ?? segmented.date,
          dateSource: given ? 'given' : segmented.date ? 'text' : 'none',
          contentHash: fingerprint,
          encoding: raw.encoding,
          lineCount: raw.lines.length,
          charCount: raw.text.length,
          ingestedAt: new Date().toISOString(),
        };
        const tokens = tokenizer.tokenize(segmented.passages.map((p) => p.text));
        tokens.catch(() => undefined);
        inputs.push({ input: { document, passages: segmented.passages }, path, tokens });
      } catch (err) {
        fail(path, file, err);
      }
    }
    return { inputs };
  };

  const storeOne = async (bundle: DocumentBundle, path: string): Promise<void> => {
    const { file } = bundle.document; // not the bundle: a store on another thread has its own copy
    try {
      const summary = await store.replaceDocument(bundle);
      progress(file, 'store', indexOf.get(file) ?? 0);
      results.push({ file, path, status: summary.changed ? 'ingested' : 'unchanged', summary });
    } catch (err) {
      fail(path, file, err);
    }
  };
  // The writes of one batch are in flight while the next is tokenized and extracted (a store on its own thread runs
  // them meanwhile).
  let writing: Promise<unknown> = Promise.resolve();

  try {
    // Batches bound memory (tokens of a batch only) while keeping the two passes: names learned in one document of a
    // batch apply to all of it, and to later batches through the shared dictionary.
    let next: Promise<Prepared> | null = files.length > 0 ? prepare(0) : null;
    for (let first = 0; next; first += batchFiles) {
      const current = await next;
      next = first + batchFiles < files.length ? prepare(first + batchFiles) : null;
      next?.catch(() => undefined);
      // Built while kuromoji may still be loading its dictionary: curated entries plus what the store knows.
      if (!dictionary) {
        dictionary = createDictionary(loadCuratedData(), await knownEntities(store));
        // Not waited for: the store plans its writes while this batch is analyzed.
        store.prepareWrites?.().catch(() => undefined);
      }
      const batch = new BatchExtractor({ dictionary, onProgress: (file, stage) => progress(file, stage, indexOf.get(file) ?? 0) });
      const paths: string[] = [];
      const stored = await storedHashes;
      for (const item of current.inputs) {
        const { file, contentHash } = item.input.document;
        if (stored.get(file) === contentHash) {
          results.push({ file, path: item.path, status: 'unchanged' });
          continue;
        }
        try {
          batch.add({ ...item.input, tokens: await item.tokens });
          paths.push(item.path);
        } catch (err) {
          fail(item.path, item.input.document.file, err);
        }
      }
      current.inputs.length = 0; // the batch extractor holds the tokens from here, and lets them go document by document
      if (paths.length === 0) continue;
      // Stores apply writes one at a time in call order: each bundle is handed over as soon as it is extracted, behind
      // the previous batch's writes; waiting for those after this batch is out keeps two batches of writes at most.
      const previous = writing;
      const writes: Promise<void>[] = [];
      let k = 0;
      for (const bundle of batch.bundles()) writes.push(storeOne(bundle, paths[k++]!));
      writing = Promise.all(writes);
      await previous;
    }
    await writing;
  } finally {
    await writing.catch(() => undefined);
    await tokenizer.close();
  }

  const stats = await store.stats();
  const entitiesByType = Object.fromEntries(ENTITY_TYPES.map((t) => [t, stats.entitiesByType[t] ?? 0])) as Record<EntityType, number>;
  return {
    files: results,
    documents: stats.documents,
    passages: stats.passages,
    entitiesByType,
    relations: stats.relations,
    facts: stats.facts,
    conflicts: await countConflicts(store),
    seconds: (performance.now() - started) / 1000,
    failed: results.filter((r) => r.status === 'failed').length,
  };
}
