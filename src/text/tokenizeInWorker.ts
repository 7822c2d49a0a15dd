// Body of the tokenizer worker thread: loads kuromoji once, then answers { id, texts } with { id, tokens }.
import { parentPort } from 'node:worker_threads';
import { loadTokenizer } from './tokenizer.ts';

const port = parentPort!;
try {
  const tokenize = await loadTokenizer();
  port.on('message', (m: { id: number; texts: string[] }) => {
    try {
      port.postMessage({ id: m.id, tokens: m.texts.map((t) => tokenize(t)) });
    } catch (err) {
      port.postMessage({ id: m.id, error: (err as Error).message });
    }
  });
  port.postMessage({ ready: true });
} catch (err) {
  port.postMessage({ fatal: (err as Error).message });
}
