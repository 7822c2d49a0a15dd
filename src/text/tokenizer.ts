// kuromoji (IPADIC) loaded once per process; every caller shares the same tokenizer.
import { join } from 'node:path';
import { KUROMOJI_DIR, createKuromojiEngine, loadKuromojiDictionaries } from './kuromojiEngine.ts';

export interface Token {
  surface: string;
  /** Base (dictionary) form; the surface when kuromoji has none ("*"). */
  base: string;
  /** Part of speech with its sub-categories, e.g. ["名詞", "固有名詞", "組織"]. */
  pos: readonly string[];
  /** Katakana reading, or null for unknown words. */
  reading: string | null;
  /** UTF-16 offset of the token in the tokenized string. */
  start: number;
  known: boolean;
}

export type Tokenizer = (text: string) => Token[];

/** Tokenizes texts in batches, on this thread or another (TokenizerWorker); close() frees it. */
export interface BatchTokenizer {
  tokenize(texts: string[]): Promise<Token[][]>;
  close(): Promise<void>;
}

/** A BatchTokenizer on this thread; the dictionary starts loading now. */
export function tokenizerOnThisThread(dicPath: string = DEFAULT_DICTIONARY_PATH): BatchTokenizer {
  const loaded = loadTokenizer(dicPath);
  loaded.catch(() => undefined);
  return {
    tokenize: async (texts) => {
      const tokenize = await loaded;
      return texts.map((t) => tokenize(t));
    },
    close: async () => undefined,
  };
}

export const DEFAULT_DICTIONARY_PATH = join(KUROMOJI_DIR, 'dict');

/** Characters kuromoji's lattice builder throws on: lone surrogates and NUL (measured over the whole BMP). */
const UNTOKENIZABLE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|\u0000/g;

let loading: Promise<Tokenizer> | null = null;

/**
 * kuromoji's unknown-word search grows quadratically with a run of one character class (100 KB of "a" takes a
 * minute): runs longer than this are tokenized in pieces. No word of real text is that long.
 */
export const DEFAULT_MAX_CHARACTER_RUN = 256;

const charClass = (ch: string): number =>
  /[A-Za-z0-9]/.test(ch) ? 1 : /[\u3040-\u309f]/.test(ch) ? 2 : /[\u30a0-\u30ff]/.test(ch) ? 3 : /[\u3400-\u9fff]/.test(ch) ? 4 : /\s/.test(ch) ? 5 : 6;

/** Offsets where a run of one character class reaches DEFAULT_MAX_CHARACTER_RUN (never inside a surrogate pair). */
function longRunCuts(text: string): number[] {
  const cuts: number[] = [];
  let run = 0;
  let last = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xdc00 && code <= 0xdfff) continue; // second half of a pair: same character
    const cls = charClass(text[i]!);
    run = cls === last ? run + 1 : 1;
    last = cls;
    if (run > DEFAULT_MAX_CHARACTER_RUN) {
      cuts.push(i);
      run = 1;
    }
  }
  return cuts;
}

/** Resolves to the shared tokenizer; the dictionary is read from disk on the first call only. */
export function loadTokenizer(dicPath: string = DEFAULT_DICTIONARY_PATH): Promise<Tokenizer> {
  loading ??= loadKuromojiDictionaries(dicPath).then(
    (dic) => {
      const engine = createKuromojiEngine(dic);
      const tokenizePiece = (text: string, base: number): Token[] => {
        let offset = 0;
        return engine.tokenize(text).map(({ surface, word }) => {
          const start = text.indexOf(surface, offset);
          offset = (start < 0 ? offset : start) + surface.length;
          return { surface, base: word.base ?? surface, pos: word.pos, reading: word.reading, start: base + (start < 0 ? offset - surface.length : start), known: word.known };
        });
      };
      return (input: string) => {
        // U+FFFD has the same UTF-16 length as what it replaces, so offsets into `input` hold.
        const text = input.replace(UNTOKENIZABLE, '\uFFFD');
        const cuts = longRunCuts(text);
        if (cuts.length === 0) return tokenizePiece(text, 0);
        const tokens: Token[] = [];
        let from = 0;
        for (const cut of [...cuts, text.length]) {
          tokens.push(...tokenizePiece(text.slice(from, cut), from));
          from = cut;
        }
        return tokens;
      };
    },
    (err: Error) => {
      loading = null;
      throw new Error(`kuromoji dictionary could not be loaded from ${dicPath}: ${err.message}`);
    },
  );
  return loading;
}
