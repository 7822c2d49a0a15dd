// Hostile and malformed GraphQL over HTTP against the real server: document limits (aliases, depth, tokens), unknown
// fields, out-of-range pages and forged cursors are refused with a 4xx and a stable code; Cypher-looking strings in
// every string argument are plain data and leave the graph untouched.
import { readFileSync } from 'node:fs';
import {
  buildSchema,
  getIntrospectionQuery,
  getNamedType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLArgument,
  type GraphQLInputType,
  type GraphQLInterfaceType,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCHEMA_PATH } from '../src/api/createApolloServer.ts';
import { DEFAULT_MAX_ALIASES, DEFAULT_MAX_DEPTH, DEFAULT_MAX_DIRECTIVES } from '../src/api/security/limits.ts';
import { MAX_PAGE_SIZE } from '../src/api/pagination/pageSize.ts';
import { startHarness, type Harness } from './apiHarness.ts';

const INJECTIONS = ["' OR 1=1 //", '}) DETACH DELETE n //', '"}) MATCH (n) DETACH DELETE n RETURN 1 //', "x'); DROP TABLE Entity; --"];

const schema = buildSchema(readFileSync(SCHEMA_PATH, 'utf8'));

const isListInput = (type: GraphQLInputType) => isListType(isNonNullType(type) ? type.ofType : type);

function codes(body: { errors?: { extensions?: Record<string, unknown> }[] }): unknown[] {
  return (body.errors ?? []).map((e) => e.extensions?.code);
}

describe('GraphQL safety over HTTP', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('refuses a 1,000-alias query before running it', async () => {
    const query = `{ ${Array.from({ length: 1000 }, (_, i) => `a${i}: __typename`).join(' ')} }`;
    const res = await h.gql(query);
    expect(res.status).toBe(400);
    expect(res.body.data).toBeUndefined();
    // 3,000 tokens: stopped by the parser's token limit, before validation even counts the aliases.
    expect(codes(res.body)).toEqual(['GRAPHQL_PARSE_FAILED']);
    expect(res.body.errors![0]!.message).toMatch(/tokens/);
  });

  it(`refuses more than ${DEFAULT_MAX_ALIASES} aliases even in a short query`, async () => {
    const query = `{ ${Array.from({ length: DEFAULT_MAX_ALIASES + 1 }, (_, i) => `a${i}: documents { id }`).join(' ')} }`;
    const res = await h.gql(query);
    expect(res.status).toBe(400);
    expect(codes(res.body)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(res.body.errors![0]!.message).toMatch(/aliases/i);
  });

  it('refuses a depth-40 query', async () => {
    // The only cycle in the schema is through introspection types (__Type.fields.type → __Type).
    let inner = 'name';
    for (let i = 0; i < 19; i++) inner = `fields { type { ${inner} } }`;
    const query = `{ __type(name: "Query") { ${inner} } }`;
    const res = await h.gql(query);
    expect(res.status).toBe(400);
    expect(codes(res.body)).toContain('GRAPHQL_VALIDATION_FAILED');
    expect(res.body.errors!.map((e) => e.message).join(' ')).toMatch(/depth/i);
  });

  it(`still accepts the standard introspection query and depth ${DEFAULT_MAX_DEPTH} queries outside production`, async () => {
    const res = await h.gql(getIntrospectionQuery());
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.__schema.queryType.name).toBe('Query');
  });

  it(`refuses more than ${DEFAULT_MAX_DIRECTIVES} directives`, async () => {
    const query = `{ documents { id ${'@include(if: true) '.repeat(DEFAULT_MAX_DIRECTIVES + 1)}} }`;
    const res = await h.gql(query);
    expect(res.status).toBe(400);
    expect(codes(res.body)).toContain('GRAPHQL_VALIDATION_FAILED');
    expect(res.body.errors!.map((e) => e.message).join(' ')).toMatch(/directives/i);
  });

  it('refuses an unknown field with GRAPHQL_VALIDATION_FAILED', async () => {
    const res = await h.gql('{ documents { id secretField } }');
    expect(res.status).toBe(400);
    expect(codes(res.body)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(res.body.errors![0]!.message).toContain('secretField');
  });

  it('refuses invalid syntax with GRAPHQL_PARSE_FAILED', async () => {
    const res = await h.gql('{ documents { id }');
    expect(res.status).toBe(400);
    expect(codes(res.body)).toEqual(['GRAPHQL_PARSE_FAILED']);
  });

  it.each([
    ['entities', '{ entities(first: 1000) { totalCount } }'],
    ['projects', '{ projects(first: 1000) { totalCount } }'],
    ['search', '{ search(query: "APN", first: 1000) { totalCount } }'],
    ['suggest', '{ suggest(prefix: "A", first: 1000) { label } }'],
    ['negative', '{ entities(first: -1) { totalCount } }'],
  ])('refuses first out of range on %s with BAD_USER_INPUT naming the argument', async (_name, query) => {
    const res = await h.gql(query);
    expect(res.status).toBe(400);
    expect(codes(res.body)).toEqual(['BAD_USER_INPUT']);
    expect(res.body.errors![0]!.message).toMatch(new RegExp(`^first: must be between 0 and ${MAX_PAGE_SIZE}`));
  });

  it('refuses a forged or foreign cursor with BAD_USER_INPUT', async () => {
    const page = await h.gql('{ entities(first: 1) { pageInfo { endCursor } } }');
    const entityCursor = page.body.data!.entities.pageInfo.endCursor as string;
    expect(entityCursor).toBeTruthy();
    for (const after of ['not-a-cursor', Buffer.from('entities:99999999').toString('base64url'), entityCursor]) {
      const res = await h.gql('query($after: String) { projects(after: $after) { totalCount } }', { after });
      expect(res.status, after).toBe(400);
      expect(codes(res.body)).toEqual(['BAD_USER_INPUT']);
      expect(res.body.errors![0]!.message).toMatch(/^after: not a valid cursor for projects/);
    }
  });

  it('refuses an over-long text argument with BAD_USER_INPUT', async () => {
    const res = await h.gql('query($q: String) { entities(query: $q) { totalCount } }', { q: 'x'.repeat(5000) });
    expect(res.status).toBe(400);
    expect(codes(res.body)).toEqual(['BAD_USER_INPUT']);
    expect(res.body.errors![0]!.message).toMatch(/^query: must be at most/);
  });

  describe('Cypher-looking strings are data', () => {
    /** Every (Type.field(arg) or Input.field) in the schema that takes a string, so a new one cannot go untested. */
    function stringInputsInSchema(): Set<string> {
      const found = new Set<string>();
      const visitInput = (path: string, type: GraphQLInputType) => {
        const named = getNamedType(type);
        if (named.name === 'String' || named.name === 'ID') found.add(path);
        if (isInputObjectType(named)) for (const f of Object.values(named.getFields())) visitInput(`${named.name}.${f.name}`, f.type);
      };
      for (const type of Object.values(schema.getTypeMap())) {
        if (type.name.startsWith('__') || !(isObjectType(type) || isInterfaceType(type))) continue;
        for (const field of Object.values(type.getFields())) {
          for (const arg of field.args) visitInput(`${type.name}.${field.name}(${arg.name})`, arg.type);
        }
      }
      return found;
    }

    /** Root-field requests with one string input set to `value` and the other required ones harmless. */
    function rootCases(value: string): { covers: string[]; query: string; variables: Record<string, unknown> }[] {
      const cases: { covers: string[]; query: string; variables: Record<string, unknown> }[] = [];
      const queryType = schema.getQueryType()!;
      for (const field of Object.values(queryType.getFields())) {
        const stringArgs = field.args.filter((a) => ['String', 'ID'].includes(getNamedType(a.type).name));
        const inputArgs = field.args.filter((a) => isInputObjectType(getNamedType(a.type)));
        const baseline = (arg: GraphQLArgument) => (isNonNullType(arg.type) ? 'APN' : undefined);
        const build = (covers: string[], vars: Record<string, unknown>) => {
          const declared = field.args.filter((a) => vars[a.name] !== undefined);
          const defs = declared.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
          const args = declared.map((a) => `${a.name}: $${a.name}`).join(', ');
          cases.push({
            covers,
            query: `query${defs ? `(${defs})` : ''} { ${field.name}${args ? `(${args})` : ''} { __typename } }`,
            variables: vars,
          });
        };
        for (const arg of stringArgs) {
          const vars: Record<string, unknown> = {};
          for (const a of stringArgs) vars[a.name] = baseline(a);
          vars[arg.name] = isListInput(arg.type) ? [value] : value;
          build([`Query.${field.name}(${arg.name})`], vars);
        }
        for (const arg of inputArgs) {
          const input = getNamedType(arg.type);
          if (!isInputObjectType(input)) continue;
          for (const f of Object.values(input.getFields())) {
            if (!['String', 'ID'].includes(getNamedType(f.type).name)) continue;
            const vars: Record<string, unknown> = {};
            for (const a of stringArgs) vars[a.name] = baseline(a);
            vars[arg.name] = { [f.name]: isListInput(f.type) ? [value] : value };
            build([`Query.${field.name}(${arg.name})`, `${input.name}.${f.name}`], vars);
          }
        }
      }
      return cases;
    }

    /** String arguments below the root, reached through a real entity of each type. */
    async function nestedCases(value: string) {
      const ids = await h.gql('{ entities(first: 100) { nodes { id type } } }');
      const byType = new Map<string, string>();
      for (const n of ids.body.data!.entities.nodes as { id: string; type: string }[]) if (!byType.has(n.type)) byType.set(n.type, n.id);
      // Every implementation of Entity shares these two resolvers, so asking through the interface on the entities
      // at hand covers the arguments of all of them.
      const implementations = schema.getPossibleTypes(schema.getType('Entity') as GraphQLInterfaceType).map((t) => t.name);
      const cases: { covers: string[]; query: string; variables: Record<string, unknown> }[] = [];
      for (const id of byType.values()) {
        cases.push({
          covers: ['Entity', ...implementations].flatMap((t) => [`${t}.relations(type)`, `${t}.facts(predicate)`]),
          query: `query($id: ID!, $v: String) { entity(id: $id) { relations(type: $v) { type } facts(predicate: $v) { predicate } } }`,
          variables: { id, v: value },
        });
      }
      return cases;
    }

    it.each(INJECTIONS)('%s in every string argument returns ordinary answers and changes nothing', async (value) => {
      const statsBefore = await h.store.stats();
      const versionBefore = await h.store.graphVersion();
      const cases = [...rootCases(value), ...(await nestedCases(value))];

      const covered = new Set(cases.flatMap((c) => c.covers));
      const missing = [...stringInputsInSchema()].filter((p) => !covered.has(p));
      expect(missing, 'string inputs without an injection case').toEqual([]);

      for (const c of cases) {
        const res = await h.gql(c.query, c.variables);
        const label = `${c.covers.join(' ')} = ${value}`;
        // Ordinary: data, or a plain "bad input" refusal (e.g. a date filter that is not a date); never a crash.
        expect([200, 400], label).toContain(res.status);
        for (const code of codes(res.body)) expect(code, label).toBe('BAD_USER_INPUT');
      }
      expect(await h.store.stats()).toEqual(statsBefore);
      expect(await h.store.graphVersion()).toBe(versionBefore);
      // And the data is still there.
      const after = await h.gql('{ documents { id } }');
      expect(after.body.data!.documents.length).toBe(statsBefore.documents);
    });
  });
});
