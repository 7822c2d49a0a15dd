// Child processes for the operations and fault tests: the real CLI and server entry points, run with Node and the
// tsx loader directly (not through npx, so a signal reaches the process itself and not a wrapper that would
// leave it running), with their output collected.
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..');
export const INGEST_CLI = join(ROOT, 'ingest', 'cli.ts');
export const SERVER_MAIN = join(ROOT, 'src', 'server', 'main.ts');

export interface Running {
  child: ChildProcess;
  /** Everything written so far. */
  readonly stdout: string;
  readonly stderr: string;
  /** Exit code, or the signal name when killed. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export function runTs(script: string, args: string[], env: Record<string, string>, options: SpawnOptions = {}): Running {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: ROOT,
    // No inherited KG_*/NEO4J_* settings from the developer's shell: each test states its configuration.
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', NODE_ENV: 'test', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    ...options,
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (c: string) => (stdout += c));
  child.stderr!.setEncoding('utf8').on('data', (c: string) => (stderr += c));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on('close', (code, signal) => resolve({ code, signal }));
  });
  return {
    child,
    get stdout() {
      return stdout;
    },
    get stderr() {
      return stderr;
    },
    exited,
  };
}

/** Polls `check` every few milliseconds until it returns a value other than undefined/false. */
export async function waitFor<T>(what: string, check: () => T | undefined | false, timeoutMs = 60_000, everyMs = 5): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** Starts src/server/main.ts and resolves with its URL once it logs that it listens. */
export async function startServerProcess(env: Record<string, string>, options: SpawnOptions = {}): Promise<Running & { url: string }> {
  const running = runTs(SERVER_MAIN, [], { PORT: '0', LOG_LEVEL: 'info', ...env }, options);
  let exitedEarly = false;
  void running.exited.then(() => (exitedEarly = true));
  const url = await waitFor(
    'the server to listen',
    () => {
      if (exitedEarly) throw new Error(`server exited before listening: ${running.stderr}${running.stdout}`);
      return /"url":"(http:[^"]+)"/.exec(running.stdout)?.[1];
    },
    120_000,
    20,
  );
  return Object.assign(running, { url });
}
