// The Cypher text of every query, loaded once from cypher/ (one statement per file, shared by both backends).
// Relationship types are substituted only from the RELATION_TYPES allow-list; every value is a parameter.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RELATION_TYPES, type RelationType } from '../model/graph.ts';

export const CYPHER_DIR = fileURLToPath(new URL('../../cypher/', import.meta.url));
export const REL_PLACEHOLDER = '{{REL}}';

export const QUERY_NAMES = [
  'read/ping',
  'read/document-versions',
  'read/document-entity-ids-mentioned',
  'read/document-entity-ids-related',
  'read/document-entity-ids-with-facts',
  'read/documents-all',
  'read/documents-by-ids',
  'read/passages-by-ids',
  'read/scan-passages',
  'read/entities-by-ids',
  'read/scan-entities',
  'read/entity-ids-by-key',
  'read/find-entity-ids',
  'read/find-project-ids',
  'read/mentions-of-entities',
  'read/mentions-in-passages',
  'read/relations-from',
  'read/relations-to',
  'read/facts-of',
  'read/stats-totals',
  'read/stats-entities-by-type',
  'write/delete-document-relations',
  'write/delete-document-passages',
  'write/delete-document-facts',
  'write/delete-document',
  'write/upsert-document',
  'write/upsert-entities',
  'write/set-entity-numbers',
  'write/create-passages',
  'write/create-mentions',
  'write/create-relations',
  'write/create-facts',
  'write/set-fact-numbers',
  'write/delete-orphan-entities',
] as const;
export type QueryName = (typeof QUERY_NAMES)[number];

let cache: Map<QueryName, string> | undefined;

function load(): Map<QueryName, string> {
  if (cache) return cache;
  const loaded = new Map<QueryName, string>();
  for (const name of QUERY_NAMES) {
    const text = stripComments(readFileSync(join(CYPHER_DIR, `${name}.cypher`), 'utf8')).replace(/;\s*$/, '');
    if (text.includes(';')) throw new Error(`cypher/${name}.cypher must hold exactly one statement`);
    loaded.set(name, text);
  }
  cache = loaded;
  return loaded;
}

/** Full-line `//` comments only: both databases accept them, but statements are split on ';'. */
function stripComments(text: string): string {
  return text
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('//'))
    .join('\n')
    .trim();
}

/** The text of a query without a relationship-type placeholder. */
export function cypher(name: QueryName): string {
  const text = load().get(name)!;
  if (text.includes(REL_PLACEHOLDER)) throw new Error(`cypher/${name}.cypher needs a relationship type`);
  return text;
}

/** The text of a query with {{REL}} filled by one allowed relationship type. */
export function cypherForRelation(name: QueryName, type: RelationType): string {
  if (!(RELATION_TYPES as readonly string[]).includes(type)) throw new Error(`not an allowed relationship type: ${String(type)}`);
  const text = load().get(name)!;
  if (!text.includes(REL_PLACEHOLDER)) throw new Error(`cypher/${name}.cypher has no ${REL_PLACEHOLDER} placeholder`);
  return text.replaceAll(REL_PLACEHOLDER, type);
}

/** One copy of a {{REL}} query per type, joined with UNION ALL (one round trip; no type()/label() needed). */
export function cypherUnionForRelations(names: readonly QueryName[], types: readonly RelationType[]): string {
  return names.flatMap((name) => types.map((t) => cypherForRelation(name, t))).join('\nUNION ALL\n');
}

/** Every statement text replaceDocument can run (relationship-typed ones once per type). */
export function documentWriteStatements(): string[] {
  const names = QUERY_NAMES.filter((n) => n.startsWith('write/') || n === 'read/documents-by-ids' || n === 'read/entities-by-ids' || n.startsWith('read/document-entity-ids-'));
  return names.flatMap((name) => (load().get(name)!.includes(REL_PLACEHOLDER) ? RELATION_TYPES.map((t) => cypherForRelation(name, t)) : [cypher(name)]));
}

/** The schema statements of one backend, in order (each idempotent: IF NOT EXISTS). */
export function schemaStatements(kind: 'ladybug' | 'neo4j'): string[] {
  return stripComments(readFileSync(join(CYPHER_DIR, `schema.${kind}.cypher`), 'utf8'))
    .split(';')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** Every .cypher file under cypher/, relative paths (for the linter test). */
export function listCypherFiles(): string[] {
  return readdirSync(CYPHER_DIR, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.cypher'))
    .map((f) => f.split('\\').join('/'))
    .sort();
}
