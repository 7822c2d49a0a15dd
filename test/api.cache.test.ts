// The shared read cache never outlives a change of the graph: after a document is re-ingested, the next request
// sees the new graph (versionCheckMs: 0 re-reads graphVersion on every request).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDocA, IDS } from './fixtures/bundles.ts';
import { startHarness, type Harness } from './apiHarness.ts';

const PARTNERS = `{ entity(id: "${IDS.projDE}") { ... on Project { partners(includeHistory: true) { organization { id } current } } }
  fujitsu: entity(id: "${IDS.fujitsu}") { id } }`;

describe('read cache', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ readCache: { versionCheckMs: 0 } });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('answers from the new graph right after a re-ingest', async () => {
    const before = await h.gql(PARTNERS);
    expect(before.body.data!.fujitsu).toEqual({ id: IDS.fujitsu });
    expect(before.body.data!.entity.partners).toContainEqual({ organization: { id: IDS.fujitsu }, current: false });
    // Again, now from the cache.
    expect((await h.gql(PARTNERS)).body).toEqual(before.body);

    // The 2025-10-16 deck re-issued with 1Finity as the Japanese lead: 富士通 is stated nowhere any more.
    await h.store.replaceDocument(buildDocA('corrected'));
    const after = await h.gql(PARTNERS);
    expect(after.body.errors).toBeUndefined();
    expect(after.body.data!.fujitsu).toBeNull();
    const partners = after.body.data!.entity.partners as { organization: { id: string }; current: boolean }[];
    expect(partners.map((p) => p.organization.id)).not.toContain(IDS.fujitsu);
    expect(partners.filter((p) => p.current).map((p) => p.organization.id).sort()).toEqual([IDS.adtran, IDS.oneFinity].sort());
  });

  it('serves a repeated request from the response cache, but only to JSON requests: CSRF checks still apply', async () => {
    const body = JSON.stringify({ query: '{ documents { id } }' });
    const post = (contentType: string) => fetch(`${h.url}/graphql`, { method: 'POST', headers: { 'content-type': contentType }, body });
    const first = await post('application/json');
    const second = await post('application/json');
    expect(await second.text()).toBe(await first.text());
    const plain = await post('text/plain');
    expect(plain.status).toBe(400);
    expect(((await plain.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('BAD_REQUEST');
  });
});
