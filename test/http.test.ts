// The HTTP layer over the real server: health checks, static front end with SPA fallback, request limits and the
// request shapes GraphQL over HTTP refuses (batches, CSRF-able bodies, bad JSON, wrong methods).
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_MAX_BODY_BYTES } from '../src/api/security/limits.ts';
import { createServer, type RunningServer } from '../src/server/createServer.ts';
import { NOT_BUILT_MESSAGE } from '../src/server/staticFiles.ts';
import { startHarness, type Harness } from './apiHarness.ts';

/** A raw GET, so the path reaches the server exactly as written (fetch would normalize "..", "%2e%2e"). */
function rawGet(url: string, path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url + path, { method: 'GET', headers, path }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('HTTP server', () => {
  let h: Harness;
  let webDir: string;
  let built: RunningServer;
  const INDEX = '<!doctype html><title>front end</title><div id="app"></div>';

  beforeAll(async () => {
    h = await startHarness();
    webDir = await mkdtemp(join(tmpdir(), 'kg-web-'));
    await mkdir(join(webDir, 'assets'));
    await writeFile(join(webDir, 'index.html'), INDEX);
    await writeFile(join(webDir, 'assets', 'app-1234.js'), 'console.log("app");');
    built = await createServer({
      config: { PORT: 0, NODE_ENV: 'test' },
      store: h.store,
      search: h.search,
      logger: pino({ level: 'silent' }),
      host: '127.0.0.1',
      webDir,
    });
  });

  afterAll(async () => {
    await built?.close();
    await h?.close();
    if (webDir) await rm(webDir, { recursive: true, force: true });
  });

  it('GET /healthz answers 200 JSON while the process is up', async () => {
    const res = await fetch(`${h.url}/healthz`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('GET /readyz answers 200 when the store pings and the search index is loaded', async () => {
    const res = await fetch(`${h.url}/readyz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ready', checks: { store: 'ok', search: 'ok' } });
  });

  it('without a front-end build, / explains how to build it', async () => {
    const res = await fetch(`${h.url}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/plain/);
    const text = await res.text();
    expect(text).toBe(NOT_BUILT_MESSAGE);
    expect(text).toContain('npm run build:web');
  });

  it('serves the built front end at / and its assets with long caching', async () => {
    const index = await fetch(`${built.url}/`);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toMatch(/text\/html/);
    expect(index.headers.get('cache-control')).toBe('no-cache');
    expect(index.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(await index.text()).toBe(INDEX);

    const asset = await fetch(`${built.url}/assets/app-1234.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toMatch(/text\/javascript/);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect(await asset.text()).toContain('console.log');
  });

  it('falls back to index.html for browser navigations to unknown paths (SPA routes)', async () => {
    const res = await fetch(`${built.url}/entity/org%3ANICT`, { headers: { accept: 'text/html,application/xhtml+xml' } });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(INDEX);
    // A route whose last segment looks like a file name (a document id) still reaches the front end.
    const doc = await fetch(`${built.url}/documents/doc:000_x.txt`, { headers: { accept: 'text/html' } });
    expect(await doc.text()).toBe(INDEX);
  });

  it('answers 404 JSON for a missing asset requested by a script, not index.html', async () => {
    const res = await fetch(`${built.url}/assets/missing.js`, { headers: { accept: '*/*' } });
    expect(res.status).toBe(404);
    expect((await res.json()).errors[0].extensions.code).toBe('NOT_FOUND');
  });

  it('never serves files outside the web root', async () => {
    for (const path of ['/../package.json', '/%2e%2e/package.json', '/assets/..%2f..%2fpackage.json', '/..%5cpackage.json']) {
      const res = await rawGet(built.url, path);
      expect(res.body, path).not.toContain('"dependencies"');
    }
  });

  it('sets a request id and the security headers on every answer', async () => {
    const res = await fetch(`${h.url}/healthz`, { headers: { 'x-request-id': 'trace-42' } });
    expect(res.headers.get('x-request-id')).toBe('trace-42');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const generated = await fetch(`${h.url}/healthz`, { headers: { 'x-request-id': 'bad id with spaces' } });
    expect(generated.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses a body over 1 MB with 413 PAYLOAD_TOO_LARGE', async () => {
    const query = `{ documents { id } } # ${'x'.repeat(DEFAULT_MAX_BODY_BYTES)}`;
    const res = await fetch(`${h.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query }),
    });
    expect(res.status).toBe(413);
    const body = await res.json();
    expect(body.errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
    expect(body.errors[0].message).toContain(String(DEFAULT_MAX_BODY_BYTES));
    // The server is still fine afterwards.
    expect((await fetch(`${h.url}/healthz`)).status).toBe(200);
  });

  it('refuses a batched request (JSON array) with 400 BAD_REQUEST', async () => {
    const res = await fetch(`${h.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]),
    });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.errors[0].extensions.code).toBe('BAD_REQUEST');
    expect(body.errors[0].message).toMatch(/batching/i);
  });

  it('refuses a text/plain POST (a CSRF-able simple request) with 400 BAD_REQUEST', async () => {
    const res = await fetch(`${h.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ query: '{ documents { id } }' }),
    });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.errors[0].extensions.code).toBe('BAD_REQUEST');
    expect(body.errors[0].message).toMatch(/Cross-Site Request Forgery/);
  });

  it('refuses a body that is not JSON with 400 BAD_REQUEST', async () => {
    const res = await fetch(`${h.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query": ',
    });
    expect(res.status).toBe(400);
    expect((await res.json()).errors[0]).toEqual({
      message: 'The request body is not valid JSON',
      extensions: { code: 'BAD_REQUEST' },
    });
  });

  it('answers 405 for methods a path does not accept', async () => {
    const put = await fetch(`${h.url}/graphql`, { method: 'PUT', body: '{}' });
    expect(put.status).toBe(405);
    expect(put.headers.get('allow')).toBe('GET, POST');
    expect((await put.json()).errors[0].extensions.code).toBe('METHOD_NOT_ALLOWED');
    const del = await fetch(`${h.url}/healthz`, { method: 'DELETE' });
    expect(del.status).toBe(405);
  });

  it('runs queries over GET when a preflight header is present', async () => {
    const res = await fetch(`${h.url}/graphql?query=${encodeURIComponent('{ __typename }')}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it('shows a self-contained landing page on GET /graphql outside production', async () => {
    const res = await fetch(`${h.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<textarea');
    // No script or style from another host.
    expect(html).not.toMatch(/(src|href)="https?:/);
  });
});
