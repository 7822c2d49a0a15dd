// kuromoji (IPADIC) loaded once per process; every caller shares the same tokenizer.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import kuromoji from 'kuromoji';

export interface Token {
  surface: string;
  /** Base (dictionary) form; the surface when kuromoji has none ("*"). */
  base: string;
  /** Part of speech with its sub-categories, e.g. ["名詞", "固有名詞", "組織"]. */
  pos: string[];
  /** Katakana reading, or null for unknown words. */
  reading: string | null;
  /** UTF-16 offset of the token in the tokenized string. */
  start: number;
  known: boolean;
}

export type Tokenizer = (text: string) => Token[];

const require = createRequire(import.meta.url);
export const DEFAULT_DICTIONARY_PATH = join(dirname(require.resolve('kuromoji/package.json')), 'dict');

/** Characters kuromoji's lattice builder throws on: lone surrogates and NUL (measured over the whole BMP). */
const UNTOKENIZABLE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|\u0000/g;

let loading: Promise<Tokenizer> | null = null;

/** Resolves to the shared tokenizer; the dictionary is read from disk on the first call only. */
export function loadTokenizer(dicPath: string = DEFAULT_DICTIONARY_PATH): Promise<Tokenizer> {
  loading ??= new Promise<Tokenizer>((resolve, reject) => {
    kuromoji.builder({ dicPath }).build((err, raw) => {
      if (err) {
        loading = null;
        reject(new Error(`kuromoji dictionary could not be loaded from ${dicPath}: ${err.message}`));
        return;
      }
      resolve((input: string) => {
        // U+FFFD has the same UTF-16 length as what it replaces, so offsets into `input` hold.
        const text = input.replace(UNTOKENIZABLE, '\uFFFD');
        // kuromoji's word_position counts code points; offsets here are UTF-16 like every JS string index.
        let offset = 0;
        return raw.tokenize(text).map((t) => {
          const start = text.indexOf(t.surface_form, offset);
          offset = (start < 0 ? offset : start) + t.surface_form.length;
          return {
            surface: t.surface_form,
            base: t.basic_form && t.basic_form !== '*' ? t.basic_form : t.surface_form,
            pos: [t.pos, t.pos_detail_1, t.pos_detail_2, t.pos_detail_3].filter((p) => p && p !== '*'),
            reading: t.reading && t.reading !== '*' ? t.reading : null,
            start: start < 0 ? offset - t.surface_form.length : start,
            known: t.word_type === 'KNOWN',
          };
        });
      });
    });
  });
  return loading;
}
