// kuromoji on a second core: the ingest reads, normalizes and extracts on the main thread while this worker loads the
// dictionary and tokenizes the next documents. Requests are answered in order.
import { RpcWorker } from '../threads/RpcWorker.ts';
import type { BatchTokenizer, Token } from './tokenizer.ts';

export class TokenizerWorker implements BatchTokenizer {
  private readonly rpc = new RpcWorker(new URL('./tokenizeInWorker.ts', import.meta.url), null, (e) => new Error(`tokenizer: ${e.message}`));

  /** Tokens of each text, in order. */
  tokenize(texts: string[]): Promise<Token[][]> {
    return this.rpc.call<Token[][]>('tokenize', [texts]);
  }

  close(): Promise<void> {
    return this.rpc.close();
  }
}
