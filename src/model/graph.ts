// The graph model shared by ingest, the stores and the API. Plain data, no I/O.
// See DESIGN.md for the picture; every fact carries a Provenance.

export const ENTITY_TYPES = [
  'Country',
  'Organization',
  'Program',
  'Project',
  'Technology',
  'Budget',
  'Event',
] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/** Entity → entity relationship types; the allow-list for anything that names a relationship type. */
export const RELATION_TYPES = [
  'COVERS', // project/program → technology
  'LEAD_OF', // organization → project (side, role)
  'PARTNER_OF', // organization → project/program (side, role)
  'BETWEEN', // project/program/event → country or bloc
  'LOCATED_IN', // organization/program/project → country
  'HAS_BUDGET', // project/program → budget
  'PART_OF', // project → program, program → program, organization → organization
  'RELATED_TO', // weaker co-occurrence inside one structured block (event → organization, …)
] as const;
export type RelationType = (typeof RELATION_TYPES)[number];

/** Attribute facts: a value stated about one entity, with provenance (a Fact node in the store). */
export const FACT_PREDICATES = [
  'PERIOD', // dateStart/dateEnd (+ text), e.g. a project's period
  'START', // dateStart: began / begins / established
  'END', // dateEnd
  'DATE', // an event's date (dateStart, dateEnd for ranges)
  'PLACE', // value: where an event was/will be held
  'QUANTITY', // num + unit: counts (participants, companies, projects), percentages, shares
  'TARGET', // num + unit + value: a numeric goal ("30%以上", "シェア20%以上")
  'THEME', // value: a project's theme/content text
  'SUPPORT_FORM', // value: 助成 / 委託
  'DESCRIPTION', // value: one-sentence description from the source
] as const;
export type FactPredicate = (typeof FACT_PREDICATES)[number];

export const PASSAGE_KINDS = ['heading', 'bullet', 'paragraph', 'table-row', 'block'] as const;
export type PassageKind = (typeof PASSAGE_KINDS)[number];

/** Where a fact was read: document, 1-based physical line range, the quoted source text, and the document's date. */
export interface Provenance {
  docId: string;
  passageId: string;
  lineStart: number;
  lineEnd: number;
  quote: string;
  /** ISO date (YYYY-MM-DD) of the document that states the fact; null when the document has no date. */
  asOf: string | null;
}

export interface DocumentRecord {
  id: string; // "doc:" + file name
  file: string; // file name as given (basename)
  title: string;
  date: string | null; // ISO YYYY-MM-DD
  dateSource: 'text' | 'given' | 'none';
  /** sha256 of the raw bytes, ':' and the extraction version that read them (a new extractor re-reads the file). */
  contentHash: string;
  encoding: string; // detected source encoding
  lineCount: number;
  charCount: number;
  ingestedAt: string; // ISO timestamp
}

export interface PassageRecord {
  id: string;
  docId: string;
  ordinal: number; // order inside the document
  text: string; // normalized text (NFKC, joined split words)
  lineStart: number; // 1-based physical lines of the original file
  lineEnd: number;
  section: string[]; // heading path, outermost first
  kind: PassageKind;
}

export interface EntityRecord {
  id: string; // stable, e.g. "org:NICT", "country:DE", "tech:APN"
  type: EntityType;
  name: string; // as written in the documents (Japanese where the documents are Japanese)
  nameEn: string | null;
  aliases: string[]; // every other surface form, both languages, normalized (NFKC)
  /** Country: ISO 3166 alpha-2 or a bloc code (EU, G7); else null. */
  code: string | null;
  /** Budget only: amounts in yen; amountJpyMax for ranges/upper bounds ("～数十億円"). */
  amountJpy: number | null;
  amountJpyMax: number | null;
  /** Budget only: original foreign amount ("2.03億ユーロ"), its currency (ISO 4217) and value. */
  currency: string | null;
  amountForeign: number | null;
  /** Budget only: fiscal year (Gregorian, e.g. 2025 for 令和7年度) and kind (当初, 補正, 当初案, …). */
  fiscalYear: number | null;
  budgetKind: string | null;
  /** Budget only: "per year", "内数" (part of a larger sum), "upper bound" … as free qualifiers. */
  qualifiers: string[];
}

export interface MentionRecord {
  entityId: string;
  passageId: string;
  docId: string;
  surface: string; // the surface form found
  count: number;
}

export interface RelationFact extends Provenance {
  id: string; // deterministic: hash of (type, from, to, docId, passageId, side, role)
  type: RelationType;
  fromId: string;
  toId: string;
  side: string | null; // "日本側", "EU側", "ドイツ側", …; normalized to a country/bloc code where possible (JP, EU, DE)
  role: string | null; // "代表者", "主導", "設立", …
}

export interface AttributeFact extends Provenance {
  id: string;
  subjectId: string;
  predicate: FactPredicate;
  value: string | null;
  num: number | null;
  unit: string | null;
  dateStart: string | null; // ISO date
  dateEnd: string | null;
}

/** Everything one document contributes to the graph; the unit of transactional replacement. */
export interface DocumentBundle {
  document: DocumentRecord;
  passages: PassageRecord[];
  entities: EntityRecord[];
  mentions: MentionRecord[];
  relations: RelationFact[];
  facts: AttributeFact[];
}

export function emptyEntity(id: string, type: EntityType, name: string): EntityRecord {
  return {
    id,
    type,
    name,
    nameEn: null,
    aliases: [],
    code: null,
    amountJpy: null,
    amountJpyMax: null,
    currency: null,
    amountForeign: null,
    fiscalYear: null,
    budgetKind: null,
    qualifiers: [],
  };
}
