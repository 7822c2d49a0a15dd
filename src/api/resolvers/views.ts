// Parent values passed between resolvers. Records come straight from the store; views add what the API derives
// (which end of a relation we look from, whether a statement is current, every statement of the same value).
import type { AttributeFact, RelationFact } from '../../model/graph.ts';

export interface RelationView {
  relation: RelationFact;
  /** The entity whose relations are listed: decides `direction` and `other`. */
  perspective: string;
  current: boolean;
  statements: RelationFact[];
}

export interface FactView {
  fact: AttributeFact;
  current: boolean;
  statements: AttributeFact[];
}

/** The fields of a Source: a Provenance, or a passage's own range for mentions. */
export interface SourceView {
  docId: string;
  passageId: string;
  lineStart: number;
  lineEnd: number;
  quote: string;
}
