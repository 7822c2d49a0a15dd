// npm run bench:ingest [-- --scale 100]
// A benchmark, not a test: each figure is measured in a fresh child process, all in one run, and printed beside its
// baseline so the ratio means something on a shared, noisy machine (seeds-scale runs are repeated, interleaved, and
// their medians compared).
//   1. seeds/: full ingest into a new embedded store vs kuromoji's dictionary load + one tokenization pass over the
//      same text (target ratio ≤ 1.3);
//   2. a corpus N× the seeds (generated: renamed entities, so the graph grows): ingest chars/s vs raw kuromoji chars/s
//      (target ≥ 0.8×) and the ingest's peak RSS (target ≤ 1 GB).
// The baseline is kuromoji as published (its builder, its tokenize, whole files). The ingest tokenizes with
// src/text/kuromojiEngine.ts (same dictionary and tokens, fewer costs); its own load + pass is printed too, so the
// share of the ratio that comes from the engine is visible.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import type { IpadicFeatures, Tokenizer } from 'kuromoji';

export const DEFAULT_SCALE = 100;
/** Seeds-scale runs of each kind, interleaved; medians are compared (one run of ~2 s swings ±30 % here). */
export const DEFAULT_SEED_RUNS = 5;
const SEEDS = join(import.meta.dirname, '..', 'seeds');
const SELF = fileURLToPath(import.meta.url);

interface Measure {
  ms: number;
  loadMs?: number;
  chars: number;
  maxRssMb: number;
}

type Mode = 'kuromoji' | 'engine' | 'ingest';

async function stockKuromoji(): Promise<(text: string) => unknown> {
  const { builder } = (await import('kuromoji')).default;
  const { DEFAULT_DICTIONARY_PATH } = await import('../src/text/tokenizer.ts');
  const tokenizer = await new Promise<Tokenizer<IpadicFeatures>>((resolve, reject) =>
    builder({ dicPath: DEFAULT_DICTIONARY_PATH }).build((err, t) => (err ? reject(err) : resolve(t))),
  );
  return (text) => tokenizer.tokenize(text);
}

async function tokenizeOnly(dir: string, mode: 'kuromoji' | 'engine'): Promise<Measure> {
  const started = performance.now();
  const tokenize = mode === 'kuromoji' ? await stockKuromoji() : await (await import('../src/text/tokenizer.ts')).loadTokenizer();
  const loadMs = performance.now() - started;
  let chars = 0;
  for (const f of readdirSync(dir).sort()) {
    const text = readFileSync(join(dir, f), 'utf8');
    chars += text.length;
    tokenize(text);
  }
  return { ms: performance.now() - started, loadMs, chars, maxRssMb: process.resourceUsage().maxRSS / 1024 };
}

/** The ingest command itself (`npm run ingest -- --quiet DIR`), in this process, from its import to its exit status. */
async function ingest(dir: string): Promise<Measure> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kg-bench-'));
  const started = performance.now();
  const { runIngestCli } = await import('../ingest/runIngestCli.ts');
  const status = await runIngestCli(['--quiet', '--data-dir', dataDir, dir]);
  const ms = performance.now() - started;
  rmSync(dataDir, { recursive: true, force: true });
  if (status !== 0) throw new Error(`ingest exited with status ${status}`);
  const chars = readdirSync(dir).reduce((n, f) => n + readFileSync(join(dir, f), 'utf8').length, 0);
  return { ms, chars, maxRssMb: process.resourceUsage().maxRSS / 1024 };
}

/** Copy i of the seeds with every Latin-script name and every katakana name renamed, so entities multiply. */
function renamed(text: string, i: number): string {
  const tag = i.toString(36).toUpperCase();
  return text
    .replace(/\b([A-Z][A-Za-z0-9]{2,})\b/g, `$1${tag}`)
    .replace(/([ァ-ヴー]{4,})(社|大学|機構)/g, `$1${tag}$2`);
}

function generate(scale: number): string {
  const dir = mkdtempSync(join(tmpdir(), `kg-corpus-${scale}x-`));
  const seeds = readdirSync(SEEDS).sort();
  for (let i = 0; i < scale; i++) {
    for (const f of seeds) writeFileSync(join(dir, `${String(i).padStart(3, '0')}_${f}`), renamed(readFileSync(join(SEEDS, f), 'utf8'), i));
  }
  return dir;
}

function child(mode: Mode, dir: string): Measure {
  const out = execFileSync(process.execPath, ['--import', 'tsx', SELF, '--child', mode, dir], { encoding: 'utf8', maxBuffer: 1 << 24, stdio: ['ignore', 'pipe', 'inherit'] });
  return JSON.parse(out.trim().split('\n').pop()!) as Measure;
}

const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function main(): Promise<void> {
  const program = new Command()
    .option('--scale <n>', 'size of the generated corpus in seeds', (v) => Number(v), DEFAULT_SCALE)
    .option('--runs <n>', 'seeds-scale runs of each kind (medians are compared)', (v) => Number(v), DEFAULT_SEED_RUNS)
    .option('--child <mode>', 'internal: run one measurement')
    .argument('[dir]')
    .parse();
  const opts = program.opts<{ scale: number; runs: number; child?: Mode }>();
  if (opts.child) {
    const dir = program.args[0]!;
    const m = opts.child === 'ingest' ? await ingest(dir) : await tokenizeOnly(dir, opts.child);
    process.stdout.write(`${JSON.stringify(m)}\n`);
    return;
  }

  const runs: Record<Mode, Measure[]> = { kuromoji: [], engine: [], ingest: [] };
  for (let i = 0; i < opts.runs; i++) for (const mode of ['kuromoji', 'engine', 'ingest'] as const) runs[mode].push(child(mode, SEEDS));
  const median = (ms: Measure[], key: 'ms' | 'loadMs' = 'ms') => {
    const sorted = ms.map((m) => m[key] ?? 0).sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)]!;
  };
  const all = (ms: Measure[]) => ms.map((m) => (m.ms / 1000).toFixed(2)).join(' ');
  console.log(`seeds (${runs.kuromoji[0]!.chars.toLocaleString()} chars; medians of ${opts.runs} interleaved runs each)`);
  console.log(`  kuromoji dictionary load + one tokenization pass: ${s(median(runs.kuromoji))} (load ${s(median(runs.kuromoji, 'loadMs'))}; runs ${all(runs.kuromoji)})`);
  console.log(`  the same with the ingest's engine:                ${s(median(runs.engine))} (load ${s(median(runs.engine, 'loadMs'))}; runs ${all(runs.engine)})`);
  console.log(`  full ingest into a new embedded store:           ${s(median(runs.ingest))} (runs ${all(runs.ingest)})`);
  console.log(`  ratio ingest / kuromoji: ${(median(runs.ingest) / median(runs.kuromoji)).toFixed(2)} (target ≤ 1.3)`);

  const dir = generate(opts.scale);
  mkdirSync(dir, { recursive: true });
  try {
    const bigBase = child('kuromoji', dir);
    const bigTuned = child('engine', dir);
    const bigIng = child('ingest', dir);
    const rate = (m: Measure) => m.chars / ((m.ms - m.loadMs!) / 1000);
    const rawRate = rate(bigBase);
    const ingRate = bigIng.chars / (bigIng.ms / 1000);
    console.log(`${opts.scale}× seeds (${bigBase.chars.toLocaleString()} chars, ${readdirSync(dir).length} files)`);
    console.log(`  raw kuromoji: ${Math.round(rawRate).toLocaleString()} chars/s (the ingest's engine: ${Math.round(rate(bigTuned)).toLocaleString()} chars/s)`);
    console.log(`  ingest:       ${Math.round(ingRate).toLocaleString()} chars/s (${s(bigIng.ms)} in all, dictionary load included)`);
    console.log(`  ratio: ${(ingRate / rawRate).toFixed(2)}× (target ≥ 0.8×)`);
    console.log(`  ingest peak RSS: ${Math.round(bigIng.maxRssMb)} MB (target ≤ 1024 MB)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
