// Where kuromoji tokens start or end in a passage: one byte per character instead of a Set entry per offset
// (a large document has millions of them).
import type { Token } from '../../src/text/tokenizer.ts';

export class TokenBoundaries {
  private readonly marks: Uint8Array;

  constructor(length: number, tokens: readonly Token[]) {
    this.marks = new Uint8Array(length + 1);
    this.marks[0] = 1;
    this.marks[length] = 1;
    for (const t of tokens) {
      this.marks[t.start] = 1;
      this.marks[Math.min(length, t.start + t.surface.length)] = 1;
    }
  }

  has(offset: number): boolean {
    return this.marks[offset] === 1;
  }
}
