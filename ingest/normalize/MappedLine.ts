// A string with, for each UTF-16 unit, the column it came from in the original physical line. Every normalization
// step reads one MappedLine and builds the next, so any normalized offset maps back to a file column.

export class MappedLine {
  constructor(
    readonly text: string,
    /** cols[i] = column (UTF-16 index) in the original line of text[i]. */
    readonly cols: number[],
  ) {}

  static identity(text: string): MappedLine {
    const cols = new Array<number>(text.length);
    for (let i = 0; i < text.length; i++) cols[i] = i;
    return new MappedLine(text, cols);
  }
}

/** Accumulates output units with their source columns. */
export class MappedBuilder {
  private readonly parts: string[] = [];
  readonly cols: number[] = [];

  /** Appends `s`, every unit of it coming from column `col`. */
  push(s: string, col: number): void {
    this.parts.push(s);
    for (let i = 0; i < s.length; i++) this.cols.push(col);
  }

  /** Appends src.text[from, to) keeping its columns. */
  copy(src: MappedLine, from: number, to: number): void {
    if (to <= from) return;
    this.parts.push(src.text.slice(from, to));
    for (let i = from; i < to; i++) this.cols.push(src.cols[i]!);
  }

  build(): MappedLine {
    return new MappedLine(this.parts.join(''), this.cols);
  }
}

/** Removes the given [start, end) ranges (sorted, non-overlapping) from a line. */
export function deleteRanges(line: MappedLine, ranges: Array<[number, number]>): MappedLine {
  if (ranges.length === 0) return line;
  const b = new MappedBuilder();
  let at = 0;
  for (const [start, end] of ranges) {
    b.copy(line, at, start);
    at = Math.max(at, end);
  }
  b.copy(line, at, line.text.length);
  return b.build();
}
