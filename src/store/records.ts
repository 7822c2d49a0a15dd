// Query rows (plain JS values: numbers, strings, ISO dates, lists) → graph-model records.
import type {
  AttributeFact,
  DocumentRecord,
  EntityRecord,
  MentionRecord,
  PassageRecord,
  RelationFact,
} from '../model/graph.ts';
import type { Row } from './bundleRows.ts';

const str = (v: unknown): string => (v == null ? '' : String(v));
const strOrNull = (v: unknown): string | null => (v == null ? null : String(v));
const num = (v: unknown): number => Number(v);
const numOrNull = (v: unknown): number | null => (v == null ? null : Number(v));
const strList = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);

export function toDocument(r: Row): DocumentRecord {
  return {
    id: str(r.id),
    file: str(r.file),
    title: str(r.title),
    date: strOrNull(r.date),
    dateSource: str(r.dateSource) as DocumentRecord['dateSource'],
    contentHash: str(r.contentHash),
    encoding: str(r.encoding),
    lineCount: num(r.lineCount),
    charCount: num(r.charCount),
    ingestedAt: str(r.ingestedAt),
  };
}

export function toPassage(r: Row): PassageRecord {
  return {
    id: str(r.id),
    docId: str(r.docId),
    ordinal: num(r.ordinal),
    text: str(r.text),
    lineStart: num(r.lineStart),
    lineEnd: num(r.lineEnd),
    section: strList(r.section),
    kind: str(r.kind) as PassageRecord['kind'],
  };
}

export function toEntity(r: Row): EntityRecord {
  return {
    id: str(r.id),
    type: str(r.type) as EntityRecord['type'],
    name: str(r.name),
    nameEn: strOrNull(r.nameEn),
    aliases: strList(r.aliases),
    code: strOrNull(r.code),
    amountJpy: numOrNull(r.amountJpy),
    amountJpyMax: numOrNull(r.amountJpyMax),
    currency: strOrNull(r.currency),
    amountForeign: numOrNull(r.amountForeign),
    fiscalYear: numOrNull(r.fiscalYear),
    budgetKind: strOrNull(r.budgetKind),
    qualifiers: strList(r.qualifiers),
  };
}

export function toMention(r: Row): MentionRecord {
  return {
    entityId: str(r.entityId),
    passageId: str(r.passageId),
    docId: str(r.docId),
    surface: str(r.surface),
    count: num(r.count),
  };
}

export function toRelation(r: Row): RelationFact {
  return {
    id: str(r.id),
    type: str(r.type) as RelationFact['type'],
    fromId: str(r.fromId),
    toId: str(r.toId),
    side: strOrNull(r.side),
    role: strOrNull(r.role),
    docId: str(r.docId),
    passageId: str(r.passageId),
    lineStart: num(r.lineStart),
    lineEnd: num(r.lineEnd),
    quote: str(r.quote),
    asOf: strOrNull(r.asOf),
  };
}

export function toFact(r: Row): AttributeFact {
  return {
    id: str(r.id),
    subjectId: str(r.subjectId),
    predicate: str(r.predicate) as AttributeFact['predicate'],
    value: strOrNull(r.value),
    num: numOrNull(r.num),
    unit: strOrNull(r.unit),
    dateStart: strOrNull(r.dateStart),
    dateEnd: strOrNull(r.dateEnd),
    docId: str(r.docId),
    passageId: str(r.passageId),
    lineStart: num(r.lineStart),
    lineEnd: num(r.lineEnd),
    quote: str(r.quote),
    asOf: strOrNull(r.asOf),
  };
}

/** One slot per id, in order, null where absent (DataLoader contract). */
export function slots<T extends { id: string }>(ids: readonly string[], items: T[]): (T | null)[] {
  const byId = new Map(items.map((i) => [i.id, i]));
  return ids.map((id) => byId.get(id) ?? null);
}
