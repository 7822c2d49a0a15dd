// kuromoji on a second core: the ingest reads, normalizes and extracts on the main thread while this worker loads the
// dictionary and tokenizes the next documents. Requests are answered in order.
import { Worker } from 'node:worker_threads';
import type { Token } from './tokenizer.ts';

interface Pending {
  resolve(tokens: Token[][]): void;
  reject(err: Error): void;
}

export class TokenizerWorker {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private failure: Error | null = null;
  readonly ready: Promise<void>;

  constructor() {
    this.worker = new Worker(new URL('./workerBootstrap.mjs', import.meta.url), {
      workerData: { entry: new URL('./tokenizeInWorker.ts', import.meta.url).href },
    });
    this.ready = new Promise<void>((resolve, reject) => {
      this.worker.on('message', (m: { ready?: true; fatal?: string; id?: number; tokens?: Token[][]; error?: string }) => {
        if (m.ready) resolve();
        else if (m.fatal !== undefined) this.fail(new Error(m.fatal), reject);
        else if (m.id !== undefined) {
          const p = this.pending.get(m.id);
          this.pending.delete(m.id);
          if (m.error !== undefined) p?.reject(new Error(`tokenizer: ${m.error}`));
          else p?.resolve(m.tokens!);
        }
      });
      this.worker.on('error', (err) => this.fail(err, reject));
      this.worker.on('exit', (code) => {
        if (code !== 0 || this.pending.size > 0) this.fail(new Error(`tokenizer worker exited with code ${code}`), reject);
      });
    });
    this.ready.catch(() => undefined);
  }

  private fail(err: Error, reject: (err: Error) => void): void {
    this.failure ??= err;
    reject(err);
    for (const p of this.pending.values()) p.reject(err);
    this.pending.clear();
  }

  /** Tokens of each text, in order. */
  tokenize(texts: string[]): Promise<Token[][]> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise<Token[][]>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, texts });
    });
  }

  async close(): Promise<void> {
    this.pending.clear();
    await this.worker.terminate();
  }
}
