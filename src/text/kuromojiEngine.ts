// kuromoji 0.1.2 (unmaintained since 2018) with costs removed, same dictionary, same lattice, same best path:
// - its loader inflates each dictionary file in 16 KB chunks and copies them together, on every start; here each file
//   is inflated once into one buffer of the size the gzip trailer gives, and kept inflated for the next start;
// - its lattice builder re-encodes the whole rest of the sentence to UTF-8 (and re-indexes its surrogates) at every
//   position, quadratic in the sentence length; here the trie is walked one character at a time and stops where the
//   trie does;
// - it decodes and splits a word's features on every occurrence; here once per word id;
// - it expands the trie-id → word-ids map into a JS object of arrays (about 70 MB of heap); here it stays int32s.
// test/kuromojiEngine.test.ts checks that the tokens equal stock kuromoji's on the seeds and on odd Unicode.
import { mkdir, readFile, rename, unlink, writeFile } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { gunzip } from 'node:zlib';

const require = createRequire(import.meta.url);

export const KUROMOJI_DIR = dirname(require.resolve('kuromoji/package.json'));
/**
 * Where the inflated dictionary (about 100 MB) is kept between starts: node_modules/.cache, as build tools do. Reading
 * it takes a tenth of inflating it. When it cannot be written (read-only node_modules) every start inflates.
 */
export const DEFAULT_DICTIONARY_CACHE_DIR = join(
  KUROMOJI_DIR,
  '..',
  '.cache',
  'kg-policy',
  `kuromoji-${(require('kuromoji/package.json') as { version: string }).version}-dict`,
);

interface ByteBuffer {
  getShort(index: number): number;
}
interface WordDictionary {
  dictionary: ByteBuffer;
  getFeatures(id: number): string | null;
}
/** tid_map.dat: per trie id, the ids of the words with that surface, as int32s. */
interface TargetMap {
  /** Index in `ints` of a trie id's word count (its ids follow), or -1. */
  at: Int32Array;
  ints: Int32Array;
}
interface CharacterClass {
  class_id: number;
  class_name: string;
  is_always_invoke: number;
  is_grouping: number;
}
interface UnknownDictionary extends WordDictionary {
  target_map: Record<number, number[]>;
  lookup(ch: string): CharacterClass;
}
interface DoubleArray {
  traverse(parent: number, code: number): number;
  bc: { getBase(index: number): number };
}
export interface KuromojiDictionaries {
  trie: DoubleArray;
  token_info_dictionary: WordDictionary & { targets: TargetMap };
  unknown_dictionary: UnknownDictionary;
  connection_costs: unknown;
}
interface ViterbiNode {
  name: number;
  type: 'KNOWN' | 'UNKNOWN' | 'BOS' | 'EOS';
  surface_form: string;
}
interface ViterbiLattice {
  append(node: ViterbiNode): void;
  appendEos(): void;
}
type DictionaryLoaderConstructor = new (dicPath: string) => {
  dic: { token_info_dictionary: { loadTargetMap(buffer: Uint8Array): unknown } };
  load(callback: (err: Error | null, dic: KuromojiDictionaries) => void): void;
};

const DictionaryLoader = require('kuromoji/src/loader/DictionaryLoader') as DictionaryLoaderConstructor & { prototype: object };
const ViterbiLatticeClass = require('kuromoji/src/viterbi/ViterbiLattice') as new () => ViterbiLattice;
const ViterbiNodeClass = require('kuromoji/src/viterbi/ViterbiNode') as new (
  id: number,
  cost: number,
  start: number,
  length: number,
  type: string,
  left: number,
  right: number,
  surface: string,
) => ViterbiNode;
const ViterbiSearcher = require('kuromoji/src/viterbi/ViterbiSearcher') as new (costs: unknown) => { search(l: ViterbiLattice): ViterbiNode[] };
const splitByPunctuation = (require('kuromoji/src/Tokenizer') as { splitByPunctuation(text: string): string[] }).splitByPunctuation;

/** Smallest output buffer zlib is given: the gzip trailer holds the size modulo 2^32, 0 for an empty file. */
const MIN_INFLATE_CHUNK = 64 * 1024;

type Loaded = (err: Error | null, buffer?: ArrayBuffer) => void;
const noop = () => undefined;

/** The bytes as an ArrayBuffer of their own, copied only when the Buffer is a slice of a larger one. */
const ownArrayBuffer = (b: Buffer): ArrayBuffer =>
  b.byteOffset === 0 && b.byteLength === b.buffer.byteLength ? (b.buffer as ArrayBuffer) : (b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer);

function inflatedArrayBuffer(file: string, callback: Loaded): void {
  readFile(file, (err, gz) => {
    if (err) return callback(err);
    const size = gz.length >= 4 ? gz.readUInt32LE(gz.length - 4) : 0;
    gunzip(gz, { chunkSize: Math.max(MIN_INFLATE_CHUNK, size + 1) }, (err2, out) => {
      if (err2) return callback(new Error(`${file}: ${err2.message}`));
      callback(null, ownArrayBuffer(out));
    });
  });
}

/** Reads the inflated copy from `cacheDir`, or inflates the .gz and writes the copy (aside, then renamed: whole or absent). */
function cachedArrayBuffer(cacheDir: string, file: string, callback: Loaded): void {
  const cached = join(cacheDir, basename(file, '.gz'));
  readFile(cached, (err, raw) => {
    if (!err) return callback(null, ownArrayBuffer(raw));
    inflatedArrayBuffer(file, (err2, buffer) => {
      if (err2 || !buffer) return callback(err2);
      callback(null, buffer);
      const aside = `${cached}.${process.pid}-${threadId}.tmp`;
      mkdir(cacheDir, { recursive: true }, (err3) => {
        if (err3) return;
        writeFile(aside, new Uint8Array(buffer), (err4) => (err4 ? unlink(aside, noop) : rename(aside, cached, noop)));
      });
    });
  });
}

/** tid_map.dat as kuromoji writes it (little-endian int32s): a count, then per trie id: id, n, n word ids. */
function readTargetMap(bytes: Uint8Array): TargetMap {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const ints = new Int32Array(bytes.byteLength >> 2);
  for (let i = 0; i < ints.length; i++) ints[i] = view.getInt32(i * 4, true);
  let maxKey = -1;
  for (let p = 1; p + 1 < ints.length; p += 2 + ints[p + 1]!) maxKey = Math.max(maxKey, ints[p]!);
  const at = new Int32Array(maxKey + 1).fill(-1);
  for (let p = 1; p + 1 < ints.length; p += 2 + ints[p + 1]!) at[ints[p]!] = p + 1;
  return { at, ints };
}

/**
 * kuromoji's own loader (same files, same structures), inflating each file in one piece, or reading the copy inflated
 * by an earlier start from `cacheDir` (null: no cache).
 */
export function loadKuromojiDictionaries(dicPath: string, cacheDir: string | null = DEFAULT_DICTIONARY_CACHE_DIR): Promise<KuromojiDictionaries> {
  function WholeFileLoader(this: object, path: string) {
    (DictionaryLoader as unknown as (this: object, p: string) => void).call(this, path);
  }
  WholeFileLoader.prototype = Object.create(DictionaryLoader.prototype) as object;
  (WholeFileLoader.prototype as { loadArrayBuffer(file: string, callback: Loaded): void }).loadArrayBuffer = (file, callback) =>
    cacheDir ? cachedArrayBuffer(cacheDir, file, callback) : inflatedArrayBuffer(file, callback);
  const loader = new (WholeFileLoader as unknown as DictionaryLoaderConstructor)(dicPath);
  loader.dic.token_info_dictionary.loadTargetMap = function (this: { targets: TargetMap }, buffer: Uint8Array) {
    this.targets = readTargetMap(buffer);
    return this;
  };
  return new Promise((resolve, reject) => loader.load((err, dic) => (err ? reject(err) : resolve(dic))));
}

const TRIE_TERMINAL = 0;
const TRIE_NOT_FOUND = -1;
const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;

/** What the dictionary says of one word: parsed once per word id and shared by all its occurrences. */
export interface WordInfo {
  /** Part of speech with its sub-categories, "*" levels dropped, e.g. ["名詞", "固有名詞", "組織"]. */
  pos: readonly string[];
  /** Base (dictionary) form, or null when the dictionary has none. */
  base: string | null;
  /** Katakana reading, or null (unknown words have none). */
  reading: string | null;
  known: boolean;
}

export interface EngineToken {
  surface: string;
  word: WordInfo;
}

export interface KuromojiEngine {
  /** Tokens of `text` in order; their surfaces concatenate to `text`. */
  tokenize(text: string): EngineToken[];
}

const orNull = (f: string | undefined) => (f && f !== '*' ? f : null);

/** UTF-8 bytes of one code point, as the trie stores its keys, into `out`; returns how many. */
function utf8(cp: number, out: Uint8Array): number {
  if (cp < 0x80) {
    out[0] = cp;
    return 1;
  }
  if (cp < 0x800) {
    out[0] = 0xc0 | (cp >>> 6);
    out[1] = 0x80 | (cp & 0x3f);
    return 2;
  }
  if (cp < 0x10000) {
    out[0] = 0xe0 | (cp >>> 12);
    out[1] = 0x80 | ((cp >>> 6) & 0x3f);
    out[2] = 0x80 | (cp & 0x3f);
    return 3;
  }
  out[0] = 0xf0 | (cp >>> 18);
  out[1] = 0x80 | ((cp >>> 12) & 0x3f);
  out[2] = 0x80 | ((cp >>> 6) & 0x3f);
  out[3] = 0x80 | (cp & 0x3f);
  return 4;
}

export function createKuromojiEngine(dic: KuromojiDictionaries): KuromojiEngine {
  const { trie, token_info_dictionary: known, unknown_dictionary: unknown } = dic;
  const searcher = new ViterbiSearcher(dic.connection_costs);
  const words = new Map<number, { surface: string; word: WordInfo }>();
  const unknownWords = new Map<number, WordInfo>();
  const parse = (features: string[], isKnown: boolean): WordInfo => ({
    pos: Object.freeze(features.slice(1, 5).filter((p) => p && p !== '*')),
    base: orNull(features[7]),
    reading: isKnown ? orNull(features[8]) : null,
    known: isKnown,
  });
  const knownWord = (id: number) => {
    let w = words.get(id);
    if (!w) {
      const features = (known.getFeatures(id) ?? '').split(',');
      words.set(id, (w = { surface: features[0]!, word: Object.freeze(parse(features, true)) }));
    }
    return w;
  };
  const unknownWord = (id: number) => {
    let w = unknownWords.get(id);
    if (!w) unknownWords.set(id, (w = Object.freeze(parse((unknown.getFeatures(id) ?? '').split(','), false))));
    return w;
  };

  const appendWord = (lattice: ViterbiLattice, dict: WordDictionary, id: number, pos: number, length: number, type: string, surface: string) => {
    const d = dict.dictionary;
    lattice.append(new ViterbiNodeClass(id, d.getShort(id + 4), pos + 1, length, type, d.getShort(id), d.getShort(id + 2), surface));
  };
  const { at, ints } = known.targets;

  const bytes = new Uint8Array(4);
  /** kuromoji's ViterbiBuilder.build: `pos` counts code points (a high surrogate always takes its successor). */
  const buildLattice = (s: string): ViterbiLattice => {
    const lattice = new ViterbiLatticeClass();
    const n = s.length;
    for (let i = 0, pos = 0; i < n; pos++) {
      const width = isHighSurrogate(s.charCodeAt(i)) ? 2 : 1;
      let found = 0;
      let parent = 0;
      walk: for (let j = i; j < n; ) {
        let cp = s.charCodeAt(j);
        let w = 1;
        if (isHighSurrogate(cp)) {
          cp = (cp - 0xd800) * 0x400 + 0x10000 + (s.charCodeAt(j + 1) - 0xdc00);
          w = 2;
        }
        const count = utf8(cp, bytes);
        for (let b = 0; b < count; b++) {
          const child = trie.traverse(parent, bytes[b]!);
          if (child === TRIE_NOT_FOUND) break walk;
          parent = child;
        }
        j += w;
        const leaf = trie.traverse(parent, TRIE_TERMINAL);
        if (leaf === TRIE_NOT_FOUND) continue;
        found++;
        // The searcher never reads a known word's surface (the dictionary has it): no slice per candidate.
        const first = at[-trie.bc.getBase(leaf) - 1]!;
        for (let t = 1; t <= ints[first]!; t++) appendWord(lattice, known, ints[first + t]!, pos, j - i, 'KNOWN', '');
      }
      const head = s.slice(i, i + width);
      const cls = unknown.lookup(head);
      if (found === 0 || cls.is_always_invoke === 1) {
        let key = head;
        let grouped = false;
        if (cls.is_grouping === 1) {
          for (let k = i + width; k < n; ) {
            const next = s.slice(k, k + (isHighSurrogate(s.charCodeAt(k)) ? 2 : 1));
            if (unknown.lookup(next).class_name !== cls.class_name) break;
            key += next;
            grouped = true;
            k += next.length;
          }
        }
        // kuromoji counts a grouped unknown word in UTF-16 units and a single one as one character; kept as is, since
        // the lattice positions (and so the best path) depend on it.
        for (const id of unknown.target_map[cls.class_id]!) appendWord(lattice, unknown, Number(id), pos, grouped ? key.length : 1, 'UNKNOWN', key);
      }
      i += width;
    }
    lattice.appendEos();
    return lattice;
  };

  return {
    tokenize(text: string): EngineToken[] {
      const out: EngineToken[] = [];
      for (const sentence of splitByPunctuation(text)) {
        for (const node of searcher.search(buildLattice(sentence))) {
          if (node.type === 'KNOWN') out.push(knownWord(node.name));
          else if (node.type === 'UNKNOWN') out.push({ surface: node.surface_form, word: unknownWord(node.name) });
        }
      }
      return out;
    },
  };
}
