// The ingest command (ingest/cli.ts runs it; the ingest benchmark too): [files or folders] (default seeds/). Progress
// bars on a terminal, a summary at the end, --json for scripts, --quiet for nothing but errors.
// Modules load as they are needed: kuromoji's dictionary starts loading as soon as the arguments are read.
import { stat } from 'node:fs/promises';
import { Command, InvalidArgumentError } from 'commander';
import type { IngestReport, IngestStage } from './ingestPaths.ts';
import { listInputFiles } from './read/listInputFiles.ts';

export const DEFAULT_INPUT = 'seeds';
/**
 * Input size from which kuromoji and the store get a thread each. Below it, starting those threads (and loading
 * TypeScript in each) costs more than it saves: the seeds (0.2 MB) ingest in ~2.2 s on one thread against ~2.6 s with
 * the store on its own and ~2.7 s with both (medians of 7 runs, 2 cores).
 */
export const DEFAULT_INGEST_THREADS_MIN_BYTES = 1024 * 1024;
const STAGES: IngestStage[] = ['read', 'normalize', 'segment', 'tokenize', 'discover', 'extract', 'store'];

function parseDate(value: string, previous: Record<string, string> = {}): Record<string, string> {
  const m = value.match(/^(.+)=(\d{4}-\d{2}-\d{2})$/);
  if (!m || Number.isNaN(Date.parse(m[2]!))) throw new InvalidArgumentError(`expected FILE=YYYY-MM-DD, got "${value}"`);
  return { ...previous, [m[1]!.split(/[\\/]/).pop()!]: m[2]! };
}

function parseBytes(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError(`expected a positive number of bytes, got "${value}"`);
  return n;
}

async function printSummary(report: IngestReport): Promise<void> {
  const { ENTITY_TYPES } = await import('../src/model/graph.ts');
  const out = process.stdout;
  for (const f of report.files) {
    if (f.status === 'failed') continue;
    out.write(`  ${f.status === 'ingested' ? 'ingested ' : 'unchanged'}  ${f.file}${f.summary?.changed ? `  (${f.summary.passages} passages, ${f.summary.entities} entities, ${f.summary.relations} relations, ${f.summary.facts} facts)` : ''}\n`);
  }
  const types = ENTITY_TYPES.map((t) => `${t} ${report.entitiesByType[t]}`).join(', ');
  out.write(
    `documents ${report.documents}, passages ${report.passages}, entities: ${types}; relations ${report.relations}, facts ${report.facts}, conflicts ${report.conflicts}; ${report.seconds.toFixed(1)} s\n`,
  );
}

/**
 * LadybugDB buffer pool per byte of the largest document: a document is written in one transaction, held in the pool
 * until it commits (a 13 MB file needed between 128 and 256 MB).
 */
export const DEFAULT_BUFFER_BYTES_PER_DOCUMENT_BYTE = 24;

/** Total and largest size of the listed files (a file that cannot be read counts 0: reading it reports the error). */
async function inputSizes(paths: string[]): Promise<{ total: number; largest: number }> {
  const { files } = await listInputFiles(paths);
  const sizes = await Promise.all(files.map((f) => stat(f).then((s) => s.size, () => 0)));
  return { total: sizes.reduce((a, b) => a + b, 0), largest: sizes.reduce((a, b) => Math.max(a, b), 0) };
}

/** Runs the command; resolves to the exit status (1 when any file failed, 2 for bad arguments). */
export async function runIngestCli(argv: string[]): Promise<number> {
  const program = new Command()
    .name('ingest')
    .description('Ingest Japanese policy documents (.txt, .md) into the knowledge graph.')
    .argument('[paths...]', 'files or folders to ingest', [DEFAULT_INPUT])
    .option('--store <kind>', 'graph store: ladybug (embedded, default) or neo4j (overrides KG_STORE)')
    .option('--data-dir <dir>', 'embedded store directory (overrides KG_DATA_DIR)')
    .option('--date <file=YYYY-MM-DD>', 'date of a document, when its text has none (repeatable)', parseDate, {})
    .option('--max-bytes <n>', 'largest file accepted (overrides KG_MAX_FILE_BYTES)', parseBytes)
    .option('--if-empty', 'do nothing when the store already holds documents (used by npm start)')
    .option('--json', 'print the report as JSON')
    .option('--quiet', 'print errors only')
    .exitOverride();
  try {
    program.parse(argv, { from: 'user' });
  } catch (err) {
    return (err as { exitCode?: number }).exitCode ?? 2;
  }
  const inputs = program.processedArgs[0] as string[];
  const sizes = await inputSizes(inputs);
  const threaded = sizes.total >= DEFAULT_INGEST_THREADS_MIN_BYTES;
  const tokenizer = threaded
    ? new (await import('../src/text/TokenizerWorker.ts')).TokenizerWorker()
    : (await import('../src/text/tokenizer.ts')).tokenizerOnThisThread();
  const opts = program.opts<{ store?: string; dataDir?: string; date: Record<string, string>; maxBytes?: number; ifEmpty?: boolean; json?: boolean; quiet?: boolean }>();
  const env = { ...process.env, ...(opts.store ? { KG_STORE: opts.store } : {}), ...(opts.dataDir ? { KG_DATA_DIR: opts.dataDir } : {}) };
  let config;
  try {
    config = (await import('../src/config.ts')).loadConfig(env);
    // Room in LadybugDB's buffer pool for the largest document's transaction (files over the limit are not read).
    const largest = Math.min(sizes.largest, opts.maxBytes ?? config.KG_MAX_FILE_BYTES);
    config = { ...config, KG_LADYBUG_BUFFER_BYTES: Math.max(config.KG_LADYBUG_BUFFER_BYTES, DEFAULT_BUFFER_BYTES_PER_DOCUMENT_BYTE * largest) };
  } catch (err) {
    await tokenizer.close();
    throw err;
  }
  // On its own thread the store opens while the pipeline's modules load here and kuromoji's dictionary loads, and then
  // LadybugDB writes there while this thread extracts.
  const { openStore, startStoreThread } = await import('../src/store/openStore.ts');
  let store;
  try {
    store = threaded ? await startStoreThread(config) : await openStore(config);
  } catch (err) {
    await tokenizer.close();
    throw err;
  }
  const { ingestPaths } = await import('./ingestPaths.ts');
  try {
    if (opts.ifEmpty) {
      const stats = await store.stats();
      if (stats.documents > 0) {
        if (!opts.quiet && !opts.json) process.stdout.write(`store already holds ${stats.documents} documents; nothing to ingest\n`);
        return 0;
      }
    }
    const showBars = process.stderr.isTTY && !opts.quiet && !opts.json;
    const cliProgress = showBars ? (await import('cli-progress')).default : null;
    const bars = cliProgress ? new cliProgress.MultiBar({ format: ' {bar} {stage} {file}', hideCursor: true, clearOnComplete: true }, cliProgress.Presets.shades_classic) : null;
    const perFile = new Map<string, import('cli-progress').SingleBar>();
    const report = await ingestPaths(inputs, store, {
      maxBytes: opts.maxBytes ?? config.KG_MAX_FILE_BYTES,
      dates: opts.date,
      tokenizer,
      onProgress: ({ file, stage }) => {
        if (!bars) return;
        let bar = perFile.get(file);
        if (!bar) perFile.set(file, (bar = bars.create(STAGES.length, 0, { file, stage })));
        bar.update(STAGES.indexOf(stage) + 1, { file, stage });
      },
    });
    bars?.stop();
    for (const f of report.files) if (f.error) process.stderr.write(`error: ${f.error.message} [${f.error.code}]\n`);
    if (opts.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    else if (!opts.quiet) await printSummary(report);
    return report.failed > 0 ? 1 : 0;
  } finally {
    await tokenizer.close();
    await store.close();
  }
}
