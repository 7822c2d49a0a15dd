// The currentness rule on hand-made statements: the newest document's value is current, older different values are
// history, and the same value stated twice is one entry with both sources.
import { describe, expect, it } from 'vitest';
import type { AttributeFact, RelationFact } from '../src/model/graph.ts';
import { versionFacts } from '../src/api/history/factHistory.ts';
import { versionRelations } from '../src/api/history/relationHistory.ts';

const provenance = (docId: string, asOf: string | null) => ({
  docId,
  passageId: `${docId}#1`,
  lineStart: 1,
  lineEnd: 1,
  quote: 'q',
  asOf,
});

function lead(id: string, org: string, asOf: string | null, side = 'JP', role = '代表者'): RelationFact {
  return { id, type: 'LEAD_OF', fromId: org, toId: 'proj:X', side, role, ...provenance(`doc:${id}`, asOf) };
}

function period(id: string, start: string, asOf: string, value = '期間'): AttributeFact {
  return {
    id,
    subjectId: 'proj:X',
    predicate: 'PERIOD',
    value,
    num: null,
    unit: null,
    dateStart: start,
    dateEnd: null,
    ...provenance(`doc:${id}`, asOf),
  };
}

describe('relation currentness', () => {
  it('makes the newest lead of a side current and the older, different one history', () => {
    const versions = versionRelations([lead('a', 'org:FUJITSU', '2025-10-16'), lead('b', 'org:1FINITY', '2026-03-09')]);
    expect(versions.map((v) => [v.item.fromId, v.current])).toEqual([
      ['org:1FINITY', true],
      ['org:FUJITSU', false],
    ]);
  });

  it('keeps slots apart: a new Japanese lead does not supersede the German lead', () => {
    const versions = versionRelations([
      lead('a', 'org:FUJITSU', '2025-10-16'),
      lead('g', 'org:ADVA', '2025-10-16', 'DE'),
      lead('b', 'org:1FINITY', '2026-03-09'),
    ]);
    expect(versions.filter((v) => v.current).map((v) => v.item.fromId).sort()).toEqual(['org:1FINITY', 'org:ADVA']);
  });

  it('merges the same lead stated by two documents into one current entry, newest statement first', () => {
    const versions = versionRelations([lead('a', 'org:ADVA', '2025-10-16', 'DE'), lead('b', 'org:ADVA', '2026-03-09', 'DE')]);
    expect(versions).toHaveLength(1);
    expect(versions[0]!.current).toBe(true);
    expect(versions[0]!.statements.map((s) => s.asOf)).toEqual(['2026-03-09', '2025-10-16']);
  });

  it('treats undated statements as oldest', () => {
    const versions = versionRelations([lead('a', 'org:A', null), lead('b', 'org:B', '2020-01-01')]);
    expect(versions.find((v) => v.current)!.item.fromId).toBe('org:B');
  });

  it('never supersedes accumulating relations such as COVERS', () => {
    const covers = (id: string, to: string, asOf: string): RelationFact => ({
      id,
      type: 'COVERS',
      fromId: 'proj:X',
      toId: to,
      side: null,
      role: null,
      ...provenance(`doc:${id}`, asOf),
    });
    const versions = versionRelations([covers('a', 'tech:APN', '2025-01-01'), covers('b', 'tech:6G', '2026-01-01')]);
    expect(versions.every((v) => v.current)).toBe(true);
  });
});

describe('fact currentness', () => {
  it('moves a period: the newer start date is current, the older one history', () => {
    const versions = versionFacts([period('a', '2026-04-01', '2025-10-16'), period('b', '2026-06-01', '2026-03-09')]);
    expect(versions.map((v) => [v.item.dateStart, v.current])).toEqual([
      ['2026-06-01', true],
      ['2026-04-01', false],
    ]);
  });

  it('does not invent history when only the wording of the same period changed', () => {
    const versions = versionFacts([
      period('a', '2025-06-01', '2025-10-16', '2025年6月から開始し、最大3年間'),
      period('b', '2025-06-01', '2026-03-09', '2025年6月から開始。最大3年間'),
    ]);
    expect(versions).toHaveLength(1);
    expect(versions[0]!.current).toBe(true);
    expect(versions[0]!.statements).toHaveLength(2);
  });
});
