// A data directory that cannot be used, with the real server and ingest entry points in child processes:
//  - at start (missing parent, a regular file in the path, not writable): a clear error naming the directory, exit 1;
//  - while a server holds the store (directory made read-only, then deleted): reads keep being answered.
// Tests run as root here, and root ignores permission bits: the processes that must meet a read-only directory
// run as the unprivileged user "nobody" (uid 65534). Under a non-root user, chmod is enough and no uid switch is
// made. ENOTDIR (a path under a regular file) fails for every user, root included.
import { chmodSync, chownSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SpawnOptions } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INGEST_CLI, SERVER_MAIN, runTs, startServerProcess, type Running } from './opsProcess.ts';
import { SEEDS_DIR } from './support/seededStore.ts';

const SEED_FILE = join(SEEDS_DIR, '000_76e89f63a03d41e7.txt');
const PROJECT_ID = 'proj:JP-DE';

const NOBODY = 65534;
const isRoot = process.getuid?.() === 0;
/** Spawn options that make the child subject to permission bits. */
const unprivileged: SpawnOptions = isRoot ? { uid: NOBODY, gid: NOBODY } : {};

let work: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'kg-faults-dir-'));
  chmodSync(work, 0o755); // mkdtemp makes it 0700; "nobody" must reach inside
  if (isRoot) chownSync(work, NOBODY, NOBODY); // and create the served data directory in it
});
afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

async function expectStartFailure(dataDir: string, reason: RegExp, spawnOptions: SpawnOptions = {}): Promise<void> {
  for (const [script, args] of [
    [SERVER_MAIN, []],
    [INGEST_CLI, [join(work, 'none.txt')]],
  ] as const) {
    const run: Running = runTs(script, [...args], { KG_DATA_DIR: dataDir, PORT: '0' }, spawnOptions);
    const { code } = await run.exited;
    const context = `${script}: ${run.stderr}${run.stdout}`;
    expect(code, context).toBe(1);
    expect(run.stderr, context).toContain(dataDir);
    expect(run.stderr, context).toMatch(reason);
    // One clear line, not a stack trace.
    expect(run.stderr, context).not.toMatch(/\n\s+at /);
  }
}

describe('unusable data directory at start', () => {
  it('a path under a regular file (ENOTDIR, even for root): exit 1 naming the directory', async () => {
    const file = join(work, 'a-file');
    writeFileSync(file, 'not a directory');
    await expectStartFailure(join(file, 'data'), /cannot create data directory .*ENOTDIR/);
  }, 120_000);

  it('the data directory is a regular file: exit 1 saying it is not a directory', async () => {
    const file = join(work, 'data-file');
    writeFileSync(file, 'not a directory');
    await expectStartFailure(file, /is not a directory/);
  }, 120_000);

  it('the parent directory is missing: exit 1 naming the missing parent', async () => {
    await expectStartFailure(join(work, 'missing', 'data'), /parent directory .*missing does not exist/);
  }, 120_000);

  it('a read-only data directory: exit 1 saying it is not writable', async () => {
    const dir = join(work, 'read-only');
    mkdirSync(dir);
    chmodSync(dir, 0o555);
    await expectStartFailure(dir, /is not writable/, unprivileged);
  }, 120_000);
});

describe('a running server whose data directory becomes unusable', () => {
  let dataDir: string;
  let server: (Running & { url: string }) | undefined;

  beforeAll(async () => {
    dataDir = join(work, 'serving');
    // Seeded by the ingest CLI as the same user the server runs as, so the files are the server's own.
    const ingest = runTs(INGEST_CLI, [SEED_FILE], { KG_DATA_DIR: dataDir }, unprivileged);
    const { code } = await ingest.exited;
    expect(code, ingest.stderr).toBe(0);
    server = await startServerProcess({ KG_DATA_DIR: dataDir }, unprivileged);
  }, 120_000);

  afterAll(async () => {
    if (server && server.child.exitCode === null) {
      server.child.kill('SIGKILL');
      await server.exited;
    }
  });

  const QUERY = `{ entity(id: "${PROJECT_ID}") { id name relations { type other { id } } }
    projects(filter: { covers: "APN" }) { totalCount nodes { id } }
    search(query: "オール光ネットワーク") { totalCount nodes { passage { id } } } }`;

  async function read(): Promise<{ status: number; body: any }> {
    const res = await fetch(`${server!.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: QUERY }),
    });
    return { status: res.status, body: await res.json() };
  }

  it('keeps answering reads after the directory is made read-only, and after it is deleted', async () => {
    const before = await read();
    expect(before.status).toBe(200);
    expect(before.body.errors).toBeUndefined();
    expect(before.body.data.entity.id).toBe(PROJECT_ID);
    expect(before.body.data.projects.totalCount).toBeGreaterThan(0);
    expect(before.body.data.search.totalCount).toBeGreaterThan(0);

    // Read-only: the directory and every file in it (the server runs as a user the bits apply to).
    for (const f of ['graph.lbug', 'graph.lbug.wal', 'search-cache']) {
      try {
        chmodSync(join(dataDir, f), 0o444);
      } catch {
        // absent files are fine
      }
    }
    chmodSync(dataDir, 0o555);
    const readOnly = await read();
    expect(readOnly.status).toBe(200);
    expect(readOnly.body).toEqual(before.body);
    expect((await fetch(`${server!.url}/readyz`)).status).toBe(200);

    // Deleted: the open database file stays readable through the process's file descriptors.
    chmodSync(dataDir, 0o755);
    rmSync(dataDir, { recursive: true, force: true });
    const deleted = await read();
    expect(deleted.status).toBe(200);
    expect(deleted.body).toEqual(before.body);
    expect((await fetch(`${server!.url}/healthz`)).status).toBe(200);

    // Shutdown still ends the process (closing may report that it cannot write its log, but must not hang).
    server!.child.kill('SIGTERM');
    const { code, signal } = await server!.exited;
    expect(signal).toBeNull();
    expect(code === 0 || /shutdown failed/.test(server!.stderr), server!.stderr).toBe(true);
  }, 120_000);
});
