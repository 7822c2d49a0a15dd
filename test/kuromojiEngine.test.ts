// The tuned engine must give exactly stock kuromoji's tokens: same dictionary, same lattice, same best path.
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import kuromoji from 'kuromoji';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { createKuromojiEngine, loadKuromojiDictionaries, type KuromojiEngine } from '../src/text/kuromojiEngine.ts';
import { DEFAULT_DICTIONARY_PATH } from '../src/text/tokenizer.ts';

let stock: kuromoji.Tokenizer<kuromoji.IpadicFeatures>;
let engine: KuromojiEngine;
beforeAll(async () => {
  stock = await new Promise((resolve, reject) => kuromoji.builder({ dicPath: DEFAULT_DICTIONARY_PATH }).build((err, t) => (err ? reject(err) : resolve(t))));
  engine = createKuromojiEngine(await loadKuromojiDictionaries(DEFAULT_DICTIONARY_PATH));
});

const orNull = (f: string | undefined) => (f && f !== '*' ? f : null);
const fromStock = (text: string) =>
  stock.tokenize(text).map((t) => ({
    surface: t.surface_form,
    pos: [t.pos, t.pos_detail_1, t.pos_detail_2, t.pos_detail_3].filter((p) => p && p !== '*'),
    base: orNull(t.basic_form),
    reading: orNull(t.reading),
    known: t.word_type === 'KNOWN',
  }));
const fromEngine = (text: string) => engine.tokenize(text).map(({ surface, word }) => ({ surface, pos: [...word.pos], base: word.base, reading: word.reading, known: word.known }));

const folder = (dir: string) => readdirSync(dir).map((f) => readFileSync(join(dir, f), 'utf8'));
const SEEDS = folder(join(import.meta.dirname, '..', 'seeds'));
const UNSEEN = folder(join(import.meta.dirname, 'fixtures', 'documents'));

describe('kuromoji engine', () => {
  it('tokenizes every seed and unseen document, whole and line by line, exactly as stock kuromoji', () => {
    for (const text of [...SEEDS, ...UNSEEN]) {
      expect(fromEngine(text)).toEqual(fromStock(text));
      for (const line of text.split('\n')) expect(fromEngine(line)).toEqual(fromStock(line));
    }
  });

  it.each([
    ['4-byte characters', '𠮷野家で𠮷田さんが𠮷𠮷を食べた'],
    ['emoji and ZWJ', '👨\u200d👩\u200d👧家族🍣🍣'],
    ['a grouped run with a 4-byte character', 'abc𠮷def𠮷𠮷ghi'],
    ['half-width kana and full-width letters', 'ｶﾀｶﾅとＡＰＮと５Ｇ'],
    ['combining marks', 'Cafe\u0301です'],
    ['punctuation only', '、、。。'],
    ['empty', ''],
    ['long kanji run', '情報通信研究機構総務省国際共同研究プログラム'.repeat(10)],
  ])('matches stock kuromoji on %s', (_name, text) => {
    expect(fromEngine(text)).toEqual(fromStock(text));
  });

  it('gives surfaces that concatenate back to the input', () => {
    const text = SEEDS[0]!;
    expect(engine.tokenize(text).map((t) => t.surface).join('')).toBe(text);
  });

  it('keeps the inflated dictionary for the next start and tokenizes the same from it', async () => {
    const cacheDir = join(mkdtempSync(join(tmpdir(), 'kg-dict-')), 'cache');
    try {
      const first = createKuromojiEngine(await loadKuromojiDictionaries(DEFAULT_DICTIONARY_PATH, cacheDir));
      const gz = readdirSync(DEFAULT_DICTIONARY_PATH).filter((f) => f.endsWith('.gz'));
      // written after the load resolves, aside and then renamed
      await vi.waitFor(() => expect(readdirSync(cacheDir).sort()).toEqual(gz.map((f) => f.replace(/\.gz$/, '')).sort()), { timeout: 20_000 });
      const second = createKuromojiEngine(await loadKuromojiDictionaries(DEFAULT_DICTIONARY_PATH, cacheDir));
      const text = SEEDS[1]!;
      expect(second.tokenize(text)).toEqual(first.tokenize(text));
      expect(fromEngine(text)).toEqual(fromStock(text));
    } finally {
      rmSync(dirname(cacheDir), { recursive: true, force: true });
    }
  });

  it('shares one parsed word between its occurrences', () => {
    const tokens = engine.tokenize('研究と研究');
    expect(tokens.map((t) => t.surface)).toEqual(['研究', 'と', '研究']);
    expect(tokens[0]!.word).toBe(tokens[2]!.word);
  });
});
