// The GraphQL documents the UI sends (graphql/schema.graphql) and the shapes it reads back.

export type EntityType = 'Country' | 'Organization' | 'Program' | 'Project' | 'Technology' | 'Budget' | 'Event';
export const ENTITY_TYPES: EntityType[] = ['Country', 'Organization', 'Program', 'Project', 'Technology', 'Budget', 'Event'];

export interface EntityRef {
  id: string;
  type: EntityType;
  name: string;
  nameEn: string | null;
}

export interface DocumentRef {
  id: string;
  file: string;
  title: string;
  date: string | null;
}

export interface Source {
  lineStart: number;
  lineEnd: number;
  quote: string;
  document: DocumentRef;
}

export interface PageInfo {
  endCursor: string | null;
  hasNextPage: boolean;
}

const REF = 'id type name nameEn';
const SOURCE = 'source { lineStart lineEnd quote document { id file title date } }';

// ---------- search ----------

export interface SearchHit {
  score: number;
  snippet: string;
  snippetHighlights: { start: number; end: number }[];
  entities: EntityRef[];
  passage: {
    id: string;
    lineStart: number;
    lineEnd: number;
    section: string | null;
    sectionPath: string[];
    document: DocumentRef;
  };
}

export interface FacetCount {
  key: string;
  label: string;
  count: number;
}

export interface SearchData {
  search: {
    totalCount: number;
    pageInfo: PageInfo;
    interpretation: { entities: { entity: EntityRef; matched: string; expandedTo: string[] }[]; tokens: string[] };
    facets: { documents: FacetCount[]; entityTypes: FacetCount[] };
    nodes: SearchHit[];
  };
}

export interface SearchFilterInput {
  documents?: string[];
  entityTypes?: EntityType[];
}

export const SEARCH = `query Search($query: String!, $first: Int, $after: String, $filter: SearchFilter) {
  search(query: $query, first: $first, after: $after, filter: $filter) {
    totalCount
    pageInfo { endCursor hasNextPage }
    interpretation { entities { entity { ${REF} } matched expandedTo } tokens }
    facets { documents { key label count } entityTypes { key label count } }
    nodes {
      score snippet snippetHighlights { start end }
      entities { ${REF} }
      passage { id lineStart lineEnd section sectionPath document { id file title date } }
    }
  }
}`;

export interface SuggestData {
  suggest: { label: string; entity: EntityRef }[];
}

export const SUGGEST = `query Suggest($prefix: String!, $first: Int) {
  suggest(prefix: $prefix, first: $first) { label entity { ${REF} } }
}`;

// ---------- entity ----------

export interface Relation {
  type: string;
  direction: string;
  side: string | null;
  role: string | null;
  asOf: string | null;
  current: boolean;
  other: EntityRef;
  source: Source;
}

export interface Fact {
  predicate: string;
  value: string | null;
  number: number | null;
  unit: string | null;
  start: string | null;
  end: string | null;
  asOf: string | null;
  current: boolean;
  source: Source;
}

export interface EntityDetail extends EntityRef {
  aliases: string[];
  mentionCount: number;
  facts: Fact[];
  relations: Relation[];
  related: EntityRef[];
  mentions: { surface: string; source: Source }[];
  code?: string | null;
  theme?: string | null;
  international?: boolean;
  date?: string | null;
  place?: string | null;
  amountJpy?: number | null;
  amountJpyMax?: number | null;
  currency?: string | null;
  amountForeign?: number | null;
  fiscalYear?: number | null;
  kind?: string | null;
  qualifiers?: string[];
}

export interface EntityData {
  entity: EntityDetail | null;
}

export const ENTITY = `query Entity($id: ID!) {
  entity(id: $id) {
    ${REF} aliases mentionCount
    facts { predicate value number unit start end asOf current ${SOURCE} }
    relations { type direction side role asOf current other { ${REF} } ${SOURCE} }
    related(first: 24) { ${REF} }
    mentions(first: 8) { surface ${SOURCE} }
    ... on Country { code }
    ... on Project { theme international }
    ... on Event { date place }
    ... on Budget { amountJpy amountJpyMax currency amountForeign fiscalYear kind qualifiers }
  }
}`;

// ---------- projects ----------

export interface ProjectRow {
  id: string;
  name: string;
  nameEn: string | null;
  theme: string | null;
  countries: EntityRef[];
  covers: EntityRef[];
  partners: { organization: EntityRef; kind: 'LEAD' | 'PARTNER'; side: string | null; role: string; current: boolean; source: Source }[];
  period: { text: string; start: string | null; end: string | null; source: Source } | null;
  budget: { text: string; amountJpy: number | null; perYear: boolean } | null;
}

export interface ProjectsData {
  projects: { totalCount: number; pageInfo: PageInfo; nodes: ProjectRow[] };
}

export const PROJECTS = `query Projects($filter: ProjectFilter, $first: Int, $after: String) {
  projects(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo { endCursor hasNextPage }
    nodes {
      id name nameEn theme
      countries { ${REF} }
      covers { ${REF} }
      partners { organization { ${REF} } kind side role current ${SOURCE} }
      period { text start end ${SOURCE} }
      budget { text amountJpy perYear }
    }
  }
}`;

export interface EntityListData {
  entities: { nodes: (EntityRef & { aliases: string[]; code?: string | null })[] };
}

/** Names for the projects view's filter pickers. */
export const ENTITY_LIST = `query EntityList($type: EntityType, $first: Int) {
  entities(type: $type, first: $first) { nodes { ${REF} aliases ... on Country { code } } }
}`;
