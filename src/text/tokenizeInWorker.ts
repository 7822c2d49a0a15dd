// Body of the tokenizer worker thread: loads kuromoji once, then answers { id, texts } with { id, tokens }.
// Tokens cross the thread boundary by structured clone, which keeps shared objects shared: each distinct
// part-of-speech list is sent once per message, not once per token. Readings are not sent (the ingest reads none).
import { parentPort } from 'node:worker_threads';
import { loadTokenizer, type Token } from './tokenizer.ts';

const port = parentPort!;
try {
  const tokenize = await loadTokenizer();
  port.on('message', (m: { id: number; texts: string[] }) => {
    try {
      const pos = new Map<string, readonly string[]>();
      const shared = (p: readonly string[]) => {
        const key = p.join(',');
        let s = pos.get(key);
        if (!s) pos.set(key, (s = p));
        return s;
      };
      const tokens = m.texts.map((t) => tokenize(t).map((k): Token => ({ ...k, pos: shared(k.pos), reading: null })));
      port.postMessage({ id: m.id, tokens });
    } catch (err) {
      port.postMessage({ id: m.id, error: (err as Error).message });
    }
  });
  port.postMessage({ ready: true });
} catch (err) {
  port.postMessage({ fatal: (err as Error).message });
}
