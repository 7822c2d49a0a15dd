// Checks a DocumentBundle and turns it into the parameter rows of the write queries.
// Inconsistent bundles are refused before any write, with the file and the offending record named.
import {
  ENTITY_TYPES,
  FACT_PREDICATES,
  PASSAGE_KINDS,
  RELATION_TYPES,
  type DocumentBundle,
  type EntityRecord,
  type RelationType,
} from '../model/graph.ts';
import { entityKeys } from './entityKeys.ts';
import { InvalidBundleError } from './errors.ts';

/** Nullable numeric entity properties, written one (id, prop, value) row each (see cypher/write/set-entity-numbers). */
export const ENTITY_NUMBER_PROPS = ['amountJpy', 'amountJpyMax', 'amountForeign', 'fiscalYear'] as const;

export type Row = Record<string, unknown>;

export interface BundleRows {
  document: Row;
  passages: Row[];
  mentions: Row[];
  relationsByType: Map<RelationType, Row[]>;
  facts: Row[];
  factNumbers: Row[];
}

export function validateBundle(bundle: DocumentBundle): void {
  const { document: doc } = bundle;
  const file = typeof doc?.file === 'string' && doc.file ? doc.file : '(bundle without a file name)';
  const fail = (reason: string): never => {
    throw new InvalidBundleError(file, reason);
  };
  if (typeof doc?.id !== 'string' || !doc.id) fail('document.id is missing');
  if (!doc.file) fail('document.file is missing');
  if (!doc.contentHash) fail('document.contentHash is missing');
  for (const key of ['lineCount', 'charCount'] as const) {
    if (!Number.isInteger(doc[key])) fail(`document.${key} is not an integer: ${String(doc[key])}`);
  }

  const unique = (kind: string, ids: string[]): Set<string> => {
    const seen = new Set<string>();
    for (const id of ids) {
      if (typeof id !== 'string' || !id) fail(`a ${kind} has no id`);
      if (seen.has(id)) fail(`${kind} id ${id} appears twice`);
      seen.add(id);
    }
    return seen;
  };
  const passageIds = unique('passage', bundle.passages.map((p) => p.id));
  const entityIds = unique('entity', bundle.entities.map((e) => e.id));
  unique('relation', bundle.relations.map((r) => r.id));
  unique('fact', bundle.facts.map((f) => f.id));

  const sameDoc = (what: string, docId: string) => {
    if (docId !== doc.id) fail(`${what} belongs to ${docId}, not ${doc.id}`);
  };
  const lines = (what: string, p: { lineStart: number; lineEnd: number }) => {
    if (!Number.isInteger(p.lineStart) || !Number.isInteger(p.lineEnd) || p.lineStart < 1 || p.lineEnd < p.lineStart) {
      fail(`${what} has an invalid line range ${String(p.lineStart)}-${String(p.lineEnd)}`);
    }
  };
  const known = (what: string, set: Set<string>, id: string, kind: string) => {
    if (!set.has(id)) fail(`${what} refers to ${kind} ${id}, which is not in the bundle`);
  };

  for (const p of bundle.passages) {
    sameDoc(`passage ${p.id}`, p.docId);
    lines(`passage ${p.id}`, p);
    if (!Number.isInteger(p.ordinal)) fail(`passage ${p.id} has a non-integer ordinal`);
    if (!PASSAGE_KINDS.includes(p.kind)) fail(`passage ${p.id} has an unknown kind ${String(p.kind)}`);
  }
  for (const e of bundle.entities) {
    if (!ENTITY_TYPES.includes(e.type)) fail(`entity ${e.id} has an unknown type ${String(e.type)}`);
    if (!e.name) fail(`entity ${e.id} has no name`);
  }
  for (const m of bundle.mentions) {
    const what = `mention of ${m.entityId} in ${m.passageId}`;
    sameDoc(what, m.docId);
    known(what, entityIds, m.entityId, 'entity');
    known(what, passageIds, m.passageId, 'passage');
    if (!Number.isInteger(m.count) || m.count < 1) fail(`${what} has an invalid count ${String(m.count)}`);
  }
  for (const r of bundle.relations) {
    const what = `relation ${r.id}`;
    if (!RELATION_TYPES.includes(r.type)) fail(`${what} has an unknown type ${String(r.type)}`);
    sameDoc(what, r.docId);
    known(what, entityIds, r.fromId, 'entity');
    known(what, entityIds, r.toId, 'entity');
    known(what, passageIds, r.passageId, 'passage');
    lines(what, r);
  }
  for (const f of bundle.facts) {
    const what = `fact ${f.id}`;
    if (!FACT_PREDICATES.includes(f.predicate)) fail(`${what} has an unknown predicate ${String(f.predicate)}`);
    sameDoc(what, f.docId);
    known(what, entityIds, f.subjectId, 'entity');
    known(what, passageIds, f.passageId, 'passage');
    lines(what, f);
  }
}

/** Rows for everything except entities (those are merged with the stored ones first: see mergeEntity). */
export function bundleRows(bundle: DocumentBundle): BundleRows {
  validateBundle(bundle);
  const d = bundle.document;
  const relationsByType = new Map<RelationType, Row[]>();
  for (const r of bundle.relations) {
    const rows = relationsByType.get(r.type) ?? [];
    rows.push({
      id: r.id,
      fromId: r.fromId,
      toId: r.toId,
      docId: r.docId,
      passageId: r.passageId,
      lineStart: r.lineStart,
      lineEnd: r.lineEnd,
      quote: r.quote,
      asOf: r.asOf,
      side: r.side,
      role: r.role,
    });
    relationsByType.set(r.type, rows);
  }
  return {
    document: {
      id: d.id,
      file: d.file,
      title: d.title,
      date: d.date,
      dateSource: d.dateSource,
      contentHash: d.contentHash,
      encoding: d.encoding,
      lineCount: d.lineCount,
      charCount: d.charCount,
      ingestedAt: d.ingestedAt,
    },
    passages: bundle.passages.map((p) => ({
      id: p.id,
      ordinal: p.ordinal,
      text: p.text,
      lineStart: p.lineStart,
      lineEnd: p.lineEnd,
      section: p.section,
      kind: p.kind,
    })),
    mentions: bundle.mentions.map((m) => ({
      entityId: m.entityId,
      passageId: m.passageId,
      surface: m.surface,
      count: m.count,
    })),
    relationsByType,
    facts: bundle.facts.map((f) => ({
      id: f.id,
      subjectId: f.subjectId,
      docId: f.docId,
      passageId: f.passageId,
      lineStart: f.lineStart,
      lineEnd: f.lineEnd,
      quote: f.quote,
      asOf: f.asOf,
      predicate: f.predicate,
      value: f.value,
      unit: f.unit,
      dateStart: f.dateStart,
      dateEnd: f.dateEnd,
    })),
    factNumbers: bundle.facts.filter((f) => f.num != null).map((f) => ({ id: f.id, value: f.num })),
  };
}

/**
 * The entity to store when `incoming` meets what is `stored`: aliases and qualifiers are the union, a stated value
 * wins over a missing one, and a changed name keeps the old one as an alias so earlier lookups still resolve.
 */
export function mergeEntity(stored: EntityRecord | null, incoming: EntityRecord): EntityRecord {
  if (!stored) return { ...incoming, aliases: dedupe(incoming.aliases), qualifiers: dedupe(incoming.qualifiers) };
  const aliases = dedupe([...stored.aliases, ...(stored.name !== incoming.name ? [stored.name] : []), ...incoming.aliases]);
  return {
    id: incoming.id,
    type: incoming.type,
    name: incoming.name,
    nameEn: incoming.nameEn ?? stored.nameEn,
    aliases,
    code: incoming.code ?? stored.code,
    amountJpy: incoming.amountJpy ?? stored.amountJpy,
    amountJpyMax: incoming.amountJpyMax ?? stored.amountJpyMax,
    currency: incoming.currency ?? stored.currency,
    amountForeign: incoming.amountForeign ?? stored.amountForeign,
    fiscalYear: incoming.fiscalYear ?? stored.fiscalYear,
    budgetKind: incoming.budgetKind ?? stored.budgetKind,
    qualifiers: dedupe([...stored.qualifiers, ...incoming.qualifiers]),
  };
}

/** True when writing `merged` would change nothing stored (same values, same aliases in the same order). */
export function sameEntity(stored: EntityRecord, merged: EntityRecord): boolean {
  return (Object.keys(merged) as (keyof EntityRecord)[]).every((k) => JSON.stringify(stored[k] ?? null) === JSON.stringify(merged[k] ?? null));
}

export function entityRow(e: EntityRecord): Row {
  return {
    id: e.id,
    type: e.type,
    name: e.name,
    nameEn: e.nameEn,
    aliases: e.aliases,
    code: e.code,
    currency: e.currency,
    budgetKind: e.budgetKind,
    qualifiers: e.qualifiers,
    keys: entityKeys(e),
  };
}

/**
 * Rows of set-entity-numbers, one list per property: within one statement LadybugDB reads properties as they were
 * before it, so two rows for the same entity would overwrite each other's value with the old one.
 */
export function entityNumberRows(entities: readonly EntityRecord[]): Row[][] {
  return ENTITY_NUMBER_PROPS.map((prop) =>
    entities.filter((e) => e[prop] != null).map((e) => ({ id: e.id, prop, value: e[prop] })),
  );
}

function dedupe(values: readonly string[]): string[] {
  return [...new Set(values)];
}
