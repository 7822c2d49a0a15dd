// Body of the tokenizer worker thread: loads kuromoji once, then answers tokenize(texts) with the tokens of each.
// Tokens cross the thread boundary by structured clone, which keeps shared objects shared: each distinct
// part-of-speech list is sent once per message, not once per token. Readings are not sent (the ingest reads none).
import { serveCalls } from '../threads/RpcWorker.ts';
import { loadTokenizer, type Token } from './tokenizer.ts';

await serveCalls(async () => {
  const tokenize = await loadTokenizer();
  return {
    tokenize(texts: string[]): Token[][] {
      const pos = new Map<string, readonly string[]>();
      const shared = (p: readonly string[]) => {
        const key = p.join(',');
        let s = pos.get(key);
        if (!s) pos.set(key, (s = p));
        return s;
      };
      return texts.map((t) => tokenize(t).map((k): Token => ({ ...k, pos: shared(k.pos), reading: null })));
    },
  };
});
