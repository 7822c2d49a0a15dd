// The contract between the API and the search index (src/search). The index is derived from the graph store.
import type { EntityType } from '../model/graph.ts';

export interface SearchFilter {
  /** Document ids ("doc:…") or file names. */
  documents?: string[];
  /** ISO dates, inclusive, compared with the document date. */
  dateFrom?: string;
  dateTo?: string;
  /** Only passages mentioning at least one entity of one of these types. */
  entityTypes?: EntityType[];
  /** Only passages mentioning all of these entity ids. */
  entities?: string[];
}

export interface SearchRequest {
  query: string;
  /** Page size and offset; the API validates bounds before calling. */
  limit: number;
  offset: number;
  filter?: SearchFilter;
}

export interface HighlightRange {
  start: number; // UTF-16 offsets into the snippet
  end: number;
}

export interface SearchHitResult {
  passageId: string;
  score: number;
  snippet: string;
  highlights: HighlightRange[];
  /** Entities the passage mentions, most relevant to the query first. */
  entityIds: string[];
}

export interface DetectedEntityResult {
  entityId: string;
  matched: string;
  expandedTo: string[];
}

export interface FacetCountResult {
  key: string;
  label: string;
  count: number;
}

export interface SearchResult {
  hits: SearchHitResult[];
  total: number;
  interpretation: { entities: DetectedEntityResult[]; tokens: string[] };
  facets: { documents: FacetCountResult[]; entityTypes: FacetCountResult[]; entities: FacetCountResult[] };
}

export interface SuggestionResult {
  entityId: string;
  label: string;
}

export interface SearchService {
  search(request: SearchRequest): Promise<SearchResult>;
  suggest(prefix: string, limit: number): Promise<SuggestionResult[]>;
  /** Rebuilds (or reloads from the disk cache) when the store's graphVersion changed; cheap otherwise. */
  refresh(): Promise<void>;
  /** True once an index is loaded. */
  isReady(): boolean;
}
