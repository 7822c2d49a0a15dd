// Load benchmark (npm run bench:load [-- --duration 10 --connections 20]): the real server (src/server/main.ts) in a
// child process over an embedded store with seeds/ ingested by the real CLI, and autocannon sending the web
// front end's own queries in a mix (search, projects, entity, suggest). Prints req/s, p50/p99 latency, errors, and
// the server process's RSS at start, after warm-up and at the end. Targets on the embedded store: 0 errors, RSS
// growth < 10 %, p99 <= 50 ms. A benchmark, not a test: it reports, it does not fail on a missed target.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { ENTITY, PROJECTS, SEARCH, SUGGEST } from '../web/src/queries.ts';

export const DEFAULT_LOAD_SECONDS = 60;
export const DEFAULT_LOAD_CONNECTIONS = 50;
/** Share of the run (at most 10 s) after which the "warm" RSS is read: caches filled, code optimized. */
export const WARMUP_SHARE = 0.1;
export const TARGET_P99_MS = 50;
export const TARGET_RSS_GROWTH = 0.1;

const ROOT = resolve(import.meta.dirname, '..');

interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; max: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  duration: number;
}
interface AutocannonRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string;
  onResponse: (status: number, body: string) => void;
}
type Autocannon = (options: Record<string, unknown>) => Promise<AutocannonResult>;
// autocannon ships no type declarations; the fields used here are documented in its README.
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError(`expected a positive integer, got "${value}"`);
  return n;
}

/** Resident set size of a process in bytes, from /proc (Linux); null elsewhere. */
function rssOf(pid: number): number | null {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : null;
  } catch {
    return null;
  }
}

const mb = (bytes: number | null) => (bytes === null ? 'n/a' : `${(bytes / 1024 / 1024).toFixed(1)} MB`);

function run(args: string[], env: Record<string, string>): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('close', (code) => (code === 0 ? resolvePromise() : reject(new Error(`${args.join(' ')} exited with ${code}`))));
  });
}

/** Starts the server; resolves with its URL once it logs that it listens. Its later output is read and dropped. */
function startServer(env: Record<string, string>, nodeFlags: string[]): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [...nodeFlags, '--import', 'tsx', 'src/server/main.ts'], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let head = '';
    const onData = (chunk: Buffer) => {
      head += chunk.toString('utf8');
      const url = /"url":"(http:[^"]+)"/.exec(head)?.[1];
      if (url) {
        child.stdout!.off('data', onData);
        child.stdout!.resume(); // keep draining: a full pipe would block the server's logger
        resolvePromise({ child, url });
      }
    };
    child.stdout!.on('data', onData);
    child.on('close', (code) => reject(new Error(`server exited with ${code} before listening`)));
  });
}

async function gql<T>(url: string, query: string, variables: Record<string, unknown>): Promise<T> {
  const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  const body = (await res.json()) as { data?: T; errors?: unknown[] };
  if (res.status !== 200 || body.errors) throw new Error(`warm-up query failed (${res.status}): ${JSON.stringify(body.errors)}`);
  return body.data!;
}

async function stop(server: ChildProcess | undefined): Promise<void> {
  if (!server || server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise((r) => server.once('close', r));
  server.kill('SIGTERM');
  await exited;
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

/** Self time by function from the V8 CPU profile the server wrote on exit (--cpu-prof), top 20. */
function printProfile(dir: string): void {
  const [file] = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'));
  if (!file) return void console.log(`no CPU profile written in ${dir}`);
  const profile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { nodes: ProfileNode[]; samples: number[] };
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const hits = new Map<string, number>();
  for (const id of profile.samples) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    const where = url ? `${url.replace(`file://${ROOT}/`, '').replace(/^.*node_modules\//, '')}:${lineNumber + 1}` : '';
    const key = `${functionName || '(anonymous)'} ${where}`.trim();
    hits.set(key, (hits.get(key) ?? 0) + 1);
  }
  const total = profile.samples.length;
  console.log(`server CPU profile (self time, top 20 of ${total} samples):`);
  for (const [key, n] of [...hits].sort((a, b) => b[1] - a[1]).slice(0, 20)) {
    console.log(`  ${((n / total) * 100).toFixed(1).padStart(5)} %  ${key}`);
  }
}

async function main(argv: string[]): Promise<void> {
  const opts = new Command()
    .name('bench:load')
    .option('--duration <seconds>', 'length of the run', positiveInt, DEFAULT_LOAD_SECONDS)
    .option('--connections <n>', 'concurrent connections', positiveInt, DEFAULT_LOAD_CONNECTIONS)
    .option('--log-level <level>', 'server LOG_LEVEL (one access-log line per request at info)', 'info')
    .option('--profile', 'CPU-profile the server during the run and print where its time went')
    .parse(argv, { from: 'user' })
    .opts<{ duration: number; connections: number; logLevel: string; profile?: boolean }>();

  const dataDir = await mkdtemp(join(tmpdir(), 'kg-bench-load-'));
  const env = { KG_DATA_DIR: dataDir, PORT: '0', NODE_ENV: 'production', LOG_LEVEL: opts.logLevel };
  let server: ChildProcess | undefined;
  try {
    const ingestStarted = performance.now();
    await run(['ingest/cli.ts', '--quiet', 'seeds'], env);
    console.log(`seeds/ ingested by the CLI in ${((performance.now() - ingestStarted) / 1000).toFixed(1)} s`);
    const profileDir = join(dataDir, 'profile');
    const started = await startServer(env, opts.profile ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []);
    server = started.child;
    const { url } = started;
    const pid = server.pid!;
    const rssStart = rssOf(pid);

    // The mix draws its arguments from the data: entity ids and suggest prefixes of the seeded graph.
    const listed = await gql<{ entities: { nodes: { id: string; name: string }[] } }>(url, 'query { entities(first: 40, orderBy: MENTIONS) { nodes { id name } } }', {});
    const ids = listed.entities.nodes.map((n) => n.id);
    const prefixes = [...new Set(listed.entities.nodes.map((n) => [...n.name].slice(0, 2).join('')))].slice(0, 8);
    const searches = ['オール光ネットワーク', 'APN international joint research', '6G 国際共同研究', 'ドイツ 研究開発', 'Beyond 5G 基金', '予算 令和7年度', 'NICT', '量子暗号通信'];
    const projectFilters = [{ covers: 'APN', international: true }, { country: 'DE' }, {}, { partner: 'NICT' }];

    const byOperation = new Map<string, { count: number; errors: number }>();
    const request = (operation: string, query: string, variables: Record<string, unknown>): AutocannonRequest => {
      const stats = { count: 0, errors: 0 };
      byOperation.set(operation, byOperation.get(operation) ?? stats);
      const counted = byOperation.get(operation)!;
      return {
        method: 'POST',
        path: '/graphql',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
        // A GraphQL error comes with status 200 when data is partial: count it as an error too.
        onResponse: (status, body) => {
          counted.count++;
          if (status !== 200 || body.includes('"errors"')) counted.errors++;
        },
      };
    };
    const requests: AutocannonRequest[] = [];
    for (let i = 0; i < 8; i++) {
      requests.push(request('search', SEARCH, { query: searches[i % searches.length], first: 10 }));
      requests.push(request('projects', PROJECTS, { filter: projectFilters[i % projectFilters.length], first: 20 }));
      requests.push(request('entity', ENTITY, { id: ids[(i * 5) % ids.length] }));
      requests.push(request('suggest', SUGGEST, { prefix: prefixes[i % prefixes.length], first: 8 }));
    }
    // Each request answers without error; timed one at a time (no concurrency) to show what each operation costs.
    const alone = new Map<string, number[]>();
    for (let round = 0; round < 3; round++) {
      for (const [i, r] of requests.entries()) {
        const { query, variables } = JSON.parse(r.body) as { query: string; variables: Record<string, unknown> };
        const t = performance.now();
        await gql(url, query, variables);
        const op = ['search', 'projects', 'entity', 'suggest'][i % 4]!;
        alone.set(op, [...(alone.get(op) ?? []), performance.now() - t]);
      }
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    console.log(`alone (1 connection, median of ${alone.get('search')!.length}): ${[...alone].map(([op, xs]) => `${op} ${median(xs).toFixed(1)} ms`).join(', ')}`);

    const warmupMs = Math.min(10_000, opts.duration * 1000 * WARMUP_SHARE);
    let rssWarm: number | null = null;
    let rssPeak = rssStart ?? 0;
    // A timeline (6 points over the run) tells steady growth (a leak) from a plateau (caches, heap sizing).
    const timeline: string[] = [];
    const runStarted = performance.now();
    let nextPoint = 0;
    const sampler = setInterval(() => {
      const rss = rssOf(pid) ?? 0;
      rssPeak = Math.max(rssPeak, rss);
      const elapsed = (performance.now() - runStarted) / 1000;
      if (elapsed >= nextPoint) {
        timeline.push(`${elapsed.toFixed(0)} s ${mb(rss)}`);
        nextPoint += opts.duration / 6;
      }
    }, 250);
    const warmTimer = setTimeout(() => (rssWarm = rssOf(pid)), warmupMs);
    console.log(`autocannon: ${opts.connections} connections, ${opts.duration} s, ${requests.length} requests in rotation (search, projects, entity, suggest); server pid ${pid}, LOG_LEVEL=${opts.logLevel}`);
    const result = await autocannon({ url, connections: opts.connections, duration: opts.duration, requests });
    clearInterval(sampler);
    clearTimeout(warmTimer);
    const rssEnd = rssOf(pid);

    const graphqlErrors = [...byOperation.values()].reduce((n, s) => n + s.errors, 0);
    const errors = result.errors + result.timeouts + result.non2xx + graphqlErrors;
    const growth = (from: number | null) => (from && rssEnd ? (rssEnd - from) / from : null);
    const pct = (g: number | null) => (g === null ? 'n/a' : `${(g * 100).toFixed(1)} %`);
    const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');
    console.log(`requests      ${result.requests.total} in ${result.duration.toFixed(1)} s, ${result.requests.average.toFixed(0)} req/s`);
    console.log(`  by operation ${[...byOperation].map(([op, s]) => `${op} ${s.count}`).join(', ')}`);
    console.log(`latency       p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms`);
    console.log(`errors        ${errors} (connection ${result.errors}, timeouts ${result.timeouts}, non-2xx ${result.non2xx}, GraphQL errors ${graphqlErrors})`);
    console.log(`server RSS    start ${mb(rssStart)}, after ${(warmupMs / 1000).toFixed(0)} s warm-up ${mb(rssWarm)}, end ${mb(rssEnd)}, peak ${mb(rssPeak)}`);
    console.log(`RSS timeline  ${timeline.join(', ')}, end ${mb(rssEnd)}`);
    console.log(`RSS growth    start→end ${pct(growth(rssStart))}, warm→end ${pct(growth(rssWarm))}`);
    const warmGrowth = growth(rssWarm);
    console.log(
      `targets       errors 0: ${verdict(errors === 0)}; p99 <= ${TARGET_P99_MS} ms: ${verdict(result.latency.p99 <= TARGET_P99_MS)}; ` +
        `RSS growth (warm→end) < ${TARGET_RSS_GROWTH * 100} %: ${warmGrowth === null ? 'n/a' : verdict(warmGrowth < TARGET_RSS_GROWTH)}`,
    );
    if (opts.profile) {
      await stop(server);
      printProfile(profileDir);
    }
  } finally {
    await stop(server);
    await rm(dataDir, { recursive: true, force: true });
  }
}

await main(process.argv.slice(2));
