// Every query file must be valid Neo4j 5 Cypher (the same files run on LadybugDB): zero linter diagnostics against
// our labels, relationship types, property keys, Neo4j 5's function list and the parameters each query declares.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintCypherQuery, testData, type DbSchema } from '@neo4j-cypher/language-support';
import { describe, expect, it } from 'vitest';
import { RELATION_TYPES } from '../src/model/graph.ts';
import {
  CYPHER_DIR,
  QUERY_NAMES,
  REL_PLACEHOLDER,
  cypherUnionForRelations,
  listCypherFiles,
  schemaStatements,
} from '../src/store/cypher.ts';

/** The parameters the store passes to each query (rows: the UNWIND list). */
const QUERY_PARAMS: Record<string, string[]> = {
  'read/ping': [],
  'read/document-versions': [],
  'read/document-entity-ids-mentioned': ['docId'],
  'read/document-entity-ids-related': ['docId'],
  'read/document-entity-ids-with-facts': ['docId'],
  'read/documents-all': [],
  'read/documents-by-ids': ['ids'],
  'read/passages-by-ids': ['ids'],
  'read/scan-passages': ['afterId', 'limit'],
  'read/entities-by-ids': ['ids'],
  'read/scan-entities': ['afterId', 'limit'],
  'read/entity-ids-by-key': ['key', 'type'],
  'read/find-entity-ids': ['text', 'type', 'orderBy'],
  'read/find-project-ids': ['covers', 'country', 'partner', 'homeCountryId', 'projectType', 'international'],
  'read/mentions-of-entities': ['ids'],
  'read/mentions-in-passages': ['ids'],
  'read/relations-from': ['ids'],
  'read/relations-to': ['ids'],
  'read/facts-of': ['ids'],
  'read/stats-totals': [],
  'read/stats-entities-by-type': [],
  'write/delete-document-relations': ['docId'],
  'write/delete-document-passages': ['docId'],
  'write/delete-document-facts': ['docId'],
  'write/delete-document': ['docId'],
  'write/upsert-document': [
    'id', 'file', 'title', 'date', 'dateSource', 'contentHash', 'encoding', 'lineCount', 'charCount', 'ingestedAt',
  ],
  'write/upsert-entities': ['rows'],
  'write/set-entity-numbers': ['rows'],
  'write/create-passages': ['rows', 'docId'],
  'write/create-mentions': ['rows', 'docId'],
  'write/create-relations': ['rows'],
  'write/create-facts': ['rows'],
  'write/set-fact-numbers': ['rows'],
  'write/delete-orphan-entities': ['ids'],
};

const ladybugDdl = schemaStatements('ladybug');
const tableName = (ddl: string) => /TABLE IF NOT EXISTS (\w+)\(/.exec(ddl)?.[1];
const labels = ladybugDdl.filter((s) => s.startsWith('CREATE NODE TABLE')).map((s) => tableName(s)!);
const relationshipTypes = ladybugDdl.filter((s) => s.startsWith('CREATE REL TABLE')).map((s) => tableName(s)!);
/** Fields of the UNWIND rows that are not stored under the same name. */
const ROW_FIELDS = ['entityId', 'fromId', 'toId', 'subjectId', 'prop'];
/** Property keys come from the LadybugDB DDL (so both backends agree on the names), plus the row fields. */
const propertyKeys = [
  ...ROW_FIELDS,
  ...new Set(
    ladybugDdl.flatMap((s) =>
      s
        .slice(s.indexOf('(') + 1, s.lastIndexOf(')'))
        .split(',')
        .map((col) => col.trim().split(/\s+/)[0]!)
        .filter((col) => col !== 'FROM' && col !== 'TO' && col !== ''),
    ),
  ),
];

function schemaFor(params: string[]): DbSchema {
  return {
    labels,
    relationshipTypes,
    propertyKeys,
    parameters: Object.fromEntries(params.map((p) => [p, null])),
    // Neo4j 5's own function list (shipped with the language support): flags functions only LadybugDB knows.
    functions: testData.mockSchema.functions,
    defaultLanguage: 'CYPHER 5',
  };
}

const paramsUsed = (text: string) => [...new Set([...text.matchAll(/\$(\w+)/g)].map((m) => m[1]!))].sort();

describe('cypher/ files', () => {
  it('are exactly the registered queries plus the two schema files', () => {
    const expected = [...QUERY_NAMES.map((n) => `${n}.cypher`), 'schema.ladybug.cypher', 'schema.neo4j.cypher'].sort();
    expect(listCypherFiles()).toEqual(expected);
    expect(Object.keys(QUERY_PARAMS).sort()).toEqual([...QUERY_NAMES].sort());
  });

  it('the LadybugDB schema has one relationship table per RELATION_TYPES entry, plus the structural ones', () => {
    expect(labels.sort()).toEqual(['Document', 'Entity', 'Fact', 'Passage']);
    expect(relationshipTypes.sort()).toEqual([...RELATION_TYPES, 'HAS_FACT', 'IN_DOCUMENT', 'MENTIONED_IN'].sort());
  });

  for (const name of QUERY_NAMES) {
    const raw = readFileSync(join(CYPHER_DIR, `${name}.cypher`), 'utf8');
    const variants = raw.includes(REL_PLACEHOLDER)
      ? RELATION_TYPES.map((t) => [t, raw.replaceAll(REL_PLACEHOLDER, t)] as const)
      : ([['', raw]] as const);
    it(`${name}.cypher is valid Neo4j 5 Cypher with its declared parameters`, () => {
      expect(paramsUsed(raw)).toEqual([...QUERY_PARAMS[name]!].sort());
      for (const [rel, text] of variants) {
        const { diagnostics } = lintCypherQuery(text, schemaFor(QUERY_PARAMS[name]!));
        expect(diagnostics.map((d) => `${rel} ${d.message}`)).toEqual([]);
      }
    });
  }

  it('the composed relationsOf query (UNION ALL over every type) is valid Neo4j 5 Cypher', () => {
    const text = cypherUnionForRelations(['read/relations-from', 'read/relations-to'], RELATION_TYPES);
    const { diagnostics } = lintCypherQuery(text, schemaFor(QUERY_PARAMS['read/relations-from']!));
    expect(diagnostics.map((d) => d.message)).toEqual([]);
  });

  it('schema.neo4j.cypher is valid Neo4j 5 Cypher and idempotent', () => {
    const text = readFileSync(join(CYPHER_DIR, 'schema.neo4j.cypher'), 'utf8');
    const { diagnostics } = lintCypherQuery(text, schemaFor([]));
    expect(diagnostics.map((d) => d.message)).toEqual([]);
    const statements = schemaStatements('neo4j');
    expect(statements.length).toBeGreaterThan(0);
    for (const s of statements) expect(s).toMatch(/ IF NOT EXISTS /);
  });

  it('the linter does flag what Neo4j would reject (the check has teeth)', () => {
    const bad = [
      'MATCH (a:Entity)-[r]->(b:Entity) RETURN label(r) AS t', // LadybugDB-only function
      'MATCH (e:Entity) RETURN e.nope AS x', // unknown property
      'MATCH (e:Entity) WHERE e.id = $undeclared RETURN e.id AS id', // undeclared parameter
      'MATCH (e:Entity)-[:NOT_A_TYPE]->(x) RETURN e.id AS id', // unknown relationship type
    ];
    for (const q of bad) expect(lintCypherQuery(q, schemaFor([])).diagnostics.length, q).toBeGreaterThan(0);
  });
});
