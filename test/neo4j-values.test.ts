// Driver value conversions, with values constructed by neo4j-driver itself (no server needed).
import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { fromNeo4j, fromNeo4jRecord } from '../src/store/neo4j/fromNeo4j.ts';
import { redactUri } from '../src/store/neo4j/Neo4jStore.ts';
import { toNeo4jParams } from '../src/store/neo4j/toNeo4j.ts';

const { Date: Neo4jDate, DateTime, LocalDateTime, Duration, Node, Relationship } = neo4j.types;

describe('fromNeo4j', () => {
  it('turns Integers into numbers and refuses ones a number cannot hold', () => {
    expect(fromNeo4j(neo4j.int(42))).toBe(42);
    expect(fromNeo4j(neo4j.int(-7))).toBe(-7);
    expect(fromNeo4j(neo4j.int(Number.MAX_SAFE_INTEGER))).toBe(Number.MAX_SAFE_INTEGER);
    expect(() => fromNeo4j(neo4j.int('9007199254740993'))).toThrow(/9007199254740993/);
  });

  it('turns temporal values into ISO strings', () => {
    expect(fromNeo4j(new Neo4jDate(2025, 10, 16))).toBe('2025-10-16');
    expect(fromNeo4j(new Neo4jDate(neo4j.int(2026), neo4j.int(3), neo4j.int(9)))).toBe('2026-03-09');
    expect(fromNeo4j(new DateTime(2026, 3, 9, 12, 30, 0, 0, 9 * 3600))).toBe('2026-03-09T12:30:00+09:00');
    expect(fromNeo4j(new LocalDateTime(2026, 4, 1, 0, 0, 5, 0))).toBe('2026-04-01T00:00:05');
    expect(fromNeo4j(new Duration(14, 0, 0, 0))).toBe('P1Y2MT');
  });

  it('turns nodes and relationships into plain property records, converting nested values', () => {
    const node = new Node(neo4j.int(1), ['Entity'], {
      id: 'tech:APN',
      aliases: ['APN', 'オール光ネットワーク'],
      fiscalYear: neo4j.int(2025),
    }, '4:abc:1');
    expect(fromNeo4j(node)).toEqual({ id: 'tech:APN', aliases: ['APN', 'オール光ネットワーク'], fiscalYear: 2025 });
    const rel = new Relationship(neo4j.int(7), neo4j.int(1), neo4j.int(2), 'LEAD_OF', {
      side: 'JP',
      lineStart: neo4j.int(488),
      asOf: new Neo4jDate(2025, 10, 16),
    }, '5:abc:7', '4:abc:1', '4:abc:2');
    expect(fromNeo4j(rel)).toEqual({ side: 'JP', lineStart: 488, asOf: '2025-10-16', type: 'LEAD_OF' });
  });

  it('converts lists, maps and nulls deeply and keeps plain values', () => {
    expect(fromNeo4j([neo4j.int(1), { d: new Neo4jDate(2025, 1, 2), s: 'x', n: null }, true, 2.5])).toEqual([
      1,
      { d: '2025-01-02', s: 'x', n: null },
      true,
      2.5,
    ]);
    expect(fromNeo4j(null)).toBeNull();
    expect(fromNeo4j(undefined)).toBeNull();
  });

  it('converts a whole record by its keys', () => {
    const record = new neo4j.Record(['id', 'lineStart', 'asOf'], ['rel:1', neo4j.int(613), new Neo4jDate(2026, 3, 9)]);
    expect(fromNeo4jRecord(record)).toEqual({ id: 'rel:1', lineStart: 613, asOf: '2026-03-09' });
  });
});

describe('toNeo4jParams', () => {
  it('sends the model’s integer properties as Neo4j integers, everything else unchanged', () => {
    const out = toNeo4jParams({
      limit: 10,
      docId: 'doc:x',
      rows: [{ id: 'p1', ordinal: 0, lineStart: 3, lineEnd: 4, section: ['a'] }, { id: 'f1', value: 2.5 }],
    });
    expect(neo4j.isInt(out.limit)).toBe(true);
    expect((out.limit as ReturnType<typeof neo4j.int>).toNumber()).toBe(10);
    expect(out.docId).toBe('doc:x');
    const rows = out.rows as Record<string, unknown>[];
    expect(neo4j.isInt(rows[0]!.ordinal)).toBe(true);
    expect(neo4j.isInt(rows[0]!.lineStart)).toBe(true);
    expect(rows[0]!.section).toEqual(['a']);
    // value can be fractional or a yen amount: it stays a float.
    expect(rows[1]!.value).toBe(2.5);
  });

  it('leaves a non-integer in an integer slot alone (the database then rejects it loudly)', () => {
    expect(toNeo4jParams({ lineStart: 1.5 }).lineStart).toBe(1.5);
  });
});

describe('redactUri', () => {
  it('never shows credentials embedded in the URI', () => {
    expect(redactUri('neo4j://neo4j:s3cret@db.example:7687')).toBe('neo4j://db.example:7687');
    expect(redactUri('bolt://localhost:7687')).toBe('bolt://localhost:7687');
  });
});
