// A worker thread that answers calls in order: call(method, args) resolves with what the worker's handler returned, or
// rejects with its error (message and code kept). The worker side is serveCalls(). Arguments and results cross the
// thread boundary by structured clone.
import { Worker, parentPort } from 'node:worker_threads';

/** An error as it crosses the thread boundary. */
export interface ThreadError {
  name: string;
  message: string;
  code?: string;
}

type Message = { fatal: ThreadError } | { id: number; result: unknown } | { id: number; error: ThreadError };

interface Pending {
  resolve(value: unknown): void;
  reject(err: Error): void;
}

const BOOTSTRAP = new URL('./workerBootstrap.mjs', import.meta.url);

const toThreadError = (err: unknown): ThreadError => {
  const e = err instanceof Error ? err : new Error(String(err));
  const code = (e as { code?: unknown }).code;
  return { name: e.name, message: e.message, ...(typeof code === 'string' ? { code } : {}) };
};

export class RpcWorker {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private failure: Error | null = null;

  /**
   * @param entry the TypeScript module the worker runs (it calls serveCalls)
   * @param data workerData for it
   * @param revive turns an error from the worker back into the caller's error type
   * @param options.idleUnref let the process exit while no call is pending (a worker kept for the process's life)
   */
  constructor(
    entry: URL,
    data: unknown,
    private readonly revive: (e: ThreadError) => Error = (e) => Object.assign(new Error(e.message), { name: e.name }),
    private readonly options: { idleUnref?: boolean } = {},
  ) {
    this.worker = new Worker(BOOTSTRAP, { workerData: { entry: entry.href, data } });
    if (options.idleUnref) this.worker.unref();
    // Calls made before the worker's set-up is done wait in its port; a set-up that fails fails them.
    this.worker.on('message', (m: Message) => {
      if ('fatal' in m) return this.fail(this.revive(m.fatal));
      const p = this.pending.get(m.id);
      this.pending.delete(m.id);
      if (this.options.idleUnref && this.pending.size === 0) this.worker.unref();
      if ('error' in m) p?.reject(this.revive(m.error));
      else p?.resolve(m.result);
    });
    this.worker.on('error', (err) => this.fail(err));
    this.worker.on('exit', (code) => {
      if (code !== 0 || this.pending.size > 0) this.fail(new Error(`worker ${entry.pathname.split('/').pop()} exited with code ${code}`));
    });
  }

  private fail(err: Error): void {
    this.failure ??= err;
    for (const p of this.pending.values()) p.reject(err);
    this.pending.clear();
  }

  get failed(): boolean {
    return this.failure !== null;
  }

  call<T>(method: string, args: unknown[] = []): Promise<T> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    if (this.options.idleUnref && this.pending.size === 0) this.worker.ref();
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.worker.postMessage({ id, method, args });
    });
  }

  async close(): Promise<void> {
    this.pending.clear();
    await this.worker.terminate();
  }
}

/**
 * The worker side: runs `setUp` (its error is reported as fatal), then answers each call with the handler of
 * that name, one at a time in arrival order.
 */
export async function serveCalls(setUp: () => Promise<Record<string, (...args: never[]) => unknown>>): Promise<void> {
  const port = parentPort!;
  let handlers: Record<string, (...args: unknown[]) => unknown>;
  try {
    handlers = (await setUp()) as Record<string, (...args: unknown[]) => unknown>;
  } catch (err) {
    port.postMessage({ fatal: toThreadError(err) });
    return;
  }
  let queue: Promise<void> = Promise.resolve();
  port.on('message', (m: { id: number; method: string; args: unknown[] }) => {
    queue = queue.then(async () => {
      try {
        const handler = handlers[m.method];
        if (!handler) throw new Error(`unknown method ${m.method}`);
        port.postMessage({ id: m.id, result: await handler(...m.args) });
      } catch (err) {
        port.postMessage({ id: m.id, error: toThreadError(err) });
      }
    });
  });
}
