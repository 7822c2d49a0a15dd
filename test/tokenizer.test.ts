// Exact token output of the shared kuromoji tokenizer for inputs that break naive offset handling.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadTokenizer, type Tokenizer } from '../src/text/tokenizer.ts';

let tokenize: Tokenizer;
beforeAll(async () => {
  tokenize = await loadTokenizer();
});

const brief = (text: string) => tokenize(text).map((t) => [t.surface, t.pos.join(','), t.start]);

function expectOffsetsInside(text: string) {
  const tokens = tokenize(text);
  let last = -1;
  for (const t of tokens) {
    expect(t.start).toBeGreaterThan(last);
    expect(t.start + t.surface.length).toBeLessThanOrEqual(text.length);
    last = t.start;
  }
  return tokens;
}

describe('tokenizer', () => {
  it('gives UTF-16 offsets after a 4-byte character', () => {
    expect(brief('𠮷野家で食べた')).toEqual([
      ['𠮷', '記号,一般', 0],
      ['野家', '名詞,固有名詞,地域,一般', 2],
      ['で', '助詞,格助詞,一般', 4],
      ['食べ', '動詞,自立', 5],
      ['た', '助動詞', 7],
    ]);
  });

  it('tokenizes full-width input after NFKC', () => {
    expect(brief('ＡＰＮと５Ｇ'.normalize('NFKC'))).toEqual([
      ['APN', '名詞,固有名詞,組織', 0],
      ['と', '助詞,並立助詞', 3],
      ['5', '名詞,数', 4],
      ['G', '名詞,固有名詞,組織', 5],
    ]);
    const t = tokenize('オール光ネットワーク（ＡＰＮ）'.normalize('NFKC'));
    expect(t.map((x) => x.surface)).toContain('APN');
  });

  it('keeps a combining mark as its own token', () => {
    expect(brief('Cafe\u0301です')).toEqual([
      ['Cafe', '名詞,固有名詞,組織', 0],
      ['\u0301', '記号,空白', 4],
      ['です', '助動詞', 5],
    ]);
  });

  it('handles ZWJ emoji sequences', () => {
    expect(brief('👨\u200d👩\u200d👧家族')).toEqual([
      ['👨', '記号,一般', 0],
      ['\u200d', '名詞,サ変接続', 2],
      ['👩', '記号,一般', 3],
      ['\u200d', '名詞,サ変接続', 5],
      ['👧', '記号,一般', 6],
      ['家族', '名詞,一般', 8],
    ]);
  });

  it('does not crash on a lone surrogate (kuromoji throws on it): U+FFFD at the same offset', () => {
    expect(brief('\ud800abc')).toEqual([
      ['\ufffd', '記号,空白', 0],
      ['abc', '名詞,固有名詞,組織', 1],
    ]);
    expectOffsetsInside('前\udc00後\ud83d');
  });

  it('does not crash on control characters (kuromoji throws on NUL)', () => {
    expect(brief('a\u0000b\u0007c\u001b日本')).toEqual([
      ['a', '名詞,固有名詞,組織', 0],
      ['\ufffd', '記号,空白', 1],
      ['b', '名詞,固有名詞,組織', 2],
      ['\u0007', '記号,空白', 3],
      ['c', '名詞,固有名詞,組織', 4],
      ['\u001b', '記号,空白', 5],
      ['日本', '名詞,固有名詞,地域,国', 6],
    ]);
  });

  it('returns no tokens for an empty string and offsets inside for odd mixtures', () => {
    expect(tokenize('')).toEqual([]);
    const text = 'Ｑ\u3099ｶﾞ\u00ad①\u2028x\uFEFF𠀋\u0000';
    expect(expectOffsetsInside(text).length).toBeGreaterThan(0);
  });
});

describe('long runs of one character class', () => {
  it('are tokenized in pieces that still cover the whole text, in order', async () => {
    const tokenize = await loadTokenizer();
    const text = `${'a'.repeat(5000)}東京大学${'あ'.repeat(3000)}`;
    const tokens = tokenize(text);
    let at = 0;
    for (const t of tokens) {
      expect(t.start).toBe(at);
      at += t.surface.length;
    }
    expect(at).toBe(text.length);
    expect(tokens.some((t) => t.start === 5000 && t.surface.startsWith('東京'))).toBe(true);
  });
});
