// Property-based bad input against the real HTTP server: random values for every argument of every GraphQL field
// (weird strings, huge and negative ints, forged cursors, wrong types) must never produce a 500. The answer is a 200
// (data, maybe with errors that carry a client code) or a 4xx whose errors carry a stable code.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorCode, isErrorCode } from '../src/api/errors/ErrorCode.ts';
import { encodeCursor } from '../src/api/pagination/cursor.ts';
import { startHarness, type Harness } from './apiHarness.ts';

/** Per property; the requests are cheap, the bound keeps the file to a few seconds on a busy machine. */
const NUM_RUNS = 60;

const weirdString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    '\ud800',
    'a\udfffb',
    '𠮷野家',
    'か\u3099',
    '\u202e\u200b',
    'APN',
    'ＡＰＮ',
    'オール光ネットワーク',
    'tech:APN',
    'org:FUJITSU',
    'country:DE',
    'doc:000_76e89f63a03d41e7.txt',
    '000_76e89f63a03d41e7.txt',
    "' OR 1=1 --",
    '}) MATCH (n) DETACH DELETE n //',
    '$x',
    '.*',
    '(((((',
    '\\',
    '%00',
    '<script>alert(1)</script>',
    '2025-13-45',
    '9999-12-31',
    '-0001-01-01',
  ),
  fc.integer({ min: 1, max: 200_000 }).map((n) => 'あ'.repeat(n)), // up to ~600 KB of UTF-8, under the body limit
);

const cursor = fc.oneof(
  weirdString,
  fc.tuple(fc.constantFrom('search', 'entities', 'projects', 'x', ''), fc.integer({ min: -5, max: 2 ** 31 })).map(([c, n]) => encodeCursor(c, n)),
  fc.base64String({ maxLength: 40 }),
);

/** Any JSON value, typed or not: GraphQL coercion must reject the wrong ones with a 400. */
const intLike = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: -10, max: 120 }) },
  { weight: 2, arbitrary: fc.constantFrom(0, -1, 2 ** 31 - 1, -(2 ** 31), 2 ** 31, 2 ** 53, Number.MAX_SAFE_INTEGER, 1e308) },
  { weight: 1, arbitrary: fc.oneof(fc.double(), fc.constant('10'), fc.constant(null), fc.constant(true), fc.constant([1])) },
);
const maybe = <T,>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
const entityType = fc.constantFrom('Country', 'Organization', 'Program', 'Project', 'Technology', 'Budget', 'Event', 'Nope', '');

const searchFilter = maybe(
  fc.record(
    {
      documents: maybe(fc.array(weirdString, { maxLength: 3 })),
      dateFrom: maybe(weirdString),
      dateTo: maybe(weirdString),
      entityTypes: maybe(fc.array(entityType, { maxLength: 3 })),
      entities: maybe(fc.array(weirdString, { maxLength: 3 })),
    },
    { requiredKeys: [] },
  ),
);
const projectFilter = maybe(
  fc.record(
    { covers: maybe(weirdString), country: maybe(weirdString), partner: maybe(weirdString), international: maybe(fc.oneof(fc.boolean(), fc.constant('yes'))) },
    { requiredKeys: [] },
  ),
);

const ENTITY_FIELDS = `id type name nameEn aliases mentionCount
  mentions(first: $inner) { surface source { lineStart lineEnd document { id } } }
  relations(type: $relType, includeHistory: $history) { type direction current other { id } }
  facts(predicate: $predicate, includeHistory: $history) { predicate value current }
  related(first: $inner) { id }
  ... on Project { period { start end } periods(includeHistory: $history) { text } partners(includeHistory: $history) { side role } }`;

interface Case {
  query: string;
  variables: Record<string, unknown>;
}

const cases: fc.Arbitrary<Case> = fc.oneof(
  fc.record({ q: weirdString, first: intLike, after: maybe(cursor), filter: searchFilter }).map(({ q, first, after, filter }) => ({
    query: `query S($q: String!, $first: Int, $after: String, $filter: SearchFilter) {
      search(query: $q, first: $first, after: $after, filter: $filter) {
        totalCount pageInfo { hasNextPage endCursor } nodes { score snippet passage { id lineStart lineEnd } }
        interpretation { __typename } facets { __typename }
      } }`,
    variables: { q, first, after, filter },
  })),
  fc.record({ prefix: weirdString, first: intLike }).map(({ prefix, first }) => ({
    query: `query G($prefix: String!, $first: Int) { suggest(prefix: $prefix, first: $first) { label entity { id } } }`,
    variables: { prefix, first },
  })),
  fc
    .record({ type: maybe(entityType), q: maybe(weirdString), first: intLike, after: maybe(cursor), orderBy: maybe(fc.constantFrom('NAME', 'TYPE', 'MENTIONS', 'SIZE')) })
    .map((v) => ({
      query: `query E($type: EntityType, $q: String, $first: Int, $after: String, $orderBy: EntityOrder) {
        entities(type: $type, query: $q, first: $first, after: $after, orderBy: $orderBy) { totalCount nodes { id name } } }`,
      variables: v,
    })),
  fc
    .record({
      id: fc.oneof(weirdString, fc.constantFrom('proj:JP-DE-APN-DIGITAL-TWIN', 'proj:6G-MIRAI-HARMONY', 'org:FUJITSU', 'budget:6G-FLAGSHIP')),
      inner: intLike,
      relType: maybe(fc.oneof(weirdString, fc.constantFrom('COVERS', 'LEAD_OF', 'PARTNER_OF'))),
      predicate: maybe(fc.oneof(weirdString, fc.constantFrom('PERIOD', 'START', 'BUDGET'))),
      history: maybe(fc.oneof(fc.boolean(), fc.constant('yes'), fc.constant(1))),
    })
    .map((v) => ({
      query: `query O($id: ID!, $inner: Int, $relType: String, $predicate: String, $history: Boolean) { entity(id: $id) { ${ENTITY_FIELDS} } }`,
      variables: v,
    })),
  fc.record({ filter: projectFilter, first: intLike, after: maybe(cursor) }).map((v) => ({
    query: `query P($filter: ProjectFilter, $first: Int, $after: String) {
      projects(filter: $filter, first: $first, after: $after) { totalCount pageInfo { endCursor } nodes { id name budget { amountJpy } } } }`,
    variables: v,
  })),
  fc.record({ id: weirdString }).map((v) => ({
    query: `query D($id: ID!) { document(id: $id) { id title lineCount passageCount } documents { id } }`,
    variables: v,
  })),
  // Literals in the document itself: huge ints and odd strings reach the parser and validation, not coercion.
  fc.tuple(fc.constantFrom('search(query: X, first: N)', 'suggest(prefix: X, first: N)', 'entities(query: X, first: N)', 'projects(first: N)'), weirdString, fc.oneof(fc.integer(), fc.constantFrom('99999999999999999999', '-0', '1.5', '"1"', 'null')))
    .map(([field, s, n]) => ({
      query: `{ ${field.replace('X', JSON.stringify(s)).replace('N', String(n))} { __typename } }`,
      variables: {},
    })),
);

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
}, 120_000);
afterAll(async () => {
  await h?.close();
});

async function post(body: unknown): Promise<{ status: number; json: any }> {
  const res = await fetch(`${h.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  let json: any;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error(`non-JSON ${res.status} answer: ${text.slice(0, 200)}`);
  }
  return { status: res.status, json };
}

function expectNoServerError({ status, json }: { status: number; json: any }, sent: unknown): void {
  const context = JSON.stringify({ status, sent, errors: json.errors }).slice(0, 2000);
  expect(status, context).not.toBeGreaterThanOrEqual(500);
  if (status !== 200) {
    expect(status, context).toBeGreaterThanOrEqual(400);
    expect(json.errors?.length, context).toBeGreaterThan(0);
  }
  for (const e of json.errors ?? []) {
    expect(isErrorCode(e.extensions?.code), context).toBe(true);
    expect(e.extensions.code, context).not.toBe(ErrorCode.INTERNAL_SERVER_ERROR);
  }
}

describe('GraphQL under random arguments (fast-check, real HTTP server)', () => {
  it('never answers 500: a 200, or a 4xx with a stable error code', async () => {
    const seen = new Set<number>();
    await fc.assert(
      fc.asyncProperty(cases, async (c) => {
        const answer = await post(c);
        seen.add(answer.status);
        expectNoServerError(answer, c);
      }),
      { numRuns: NUM_RUNS * 3 },
    );
    // Both kinds of answer occurred: the arguments reached the resolvers, not only the validation layer.
    expect([...seen]).toEqual(expect.arrayContaining([200, 400]));
  }, 180_000);

  it('malformed request bodies (wrong JSON shapes, variables of the wrong type) answer 400 with a code', async () => {
    const body = fc.oneof(
      fc.jsonValue(),
      fc.record({ query: fc.oneof(weirdString, fc.jsonValue()), variables: fc.oneof(fc.jsonValue(), fc.dictionary(fc.string(), fc.jsonValue())) }, { requiredKeys: [] }),
      fc.record({ query: fc.constant('query Q($x: Int!) { search(query: "a", first: $x) { totalCount } }'), variables: fc.record({ x: fc.jsonValue() }) }),
    );
    await fc.assert(
      fc.asyncProperty(body, async (b) => {
        expectNoServerError(await post(b), b);
      }),
      { numRuns: NUM_RUNS },
    );
  }, 120_000);
});
