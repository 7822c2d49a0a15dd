// End to end: Debian's Chromium drives the built front end served by the real server over a real LadybugDB store
// with the seed documents ingested. Screenshots go to test/artifacts/ (git-ignored); with UPDATE_DOCS_SCREENSHOT=1
// the search page screenshot also replaces docs/screenshot-search.png.
import { execFileSync } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pino } from 'pino';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestPaths } from '../ingest/ingestPaths.ts';
import { loadConfig } from '../src/config.ts';
import { createSearchService } from '../src/search/createSearchService.ts';
import { createServer } from '../src/server/createServer.ts';
import { openStore } from '../src/store/openStore.ts';
import type { GraphStore } from '../src/store/GraphStore.ts';

const CHROMIUM = '/usr/bin/chromium';
const ROOT = resolve(import.meta.dirname, '..');
const ARTIFACTS = join(ROOT, 'test', 'artifacts');
const hasChromium = existsSync(CHROMIUM);

if (!hasChromium) {
  if (process.env.CI) {
    throw new Error(`e2e: no Chromium at ${CHROMIUM}. CI must install it first: apt-get install -y chromium`);
  }
  console.log(`skipped: no Chromium at ${CHROMIUM} (install it with: apt-get install -y chromium)`);
}

describe.skipIf(!hasChromium)('web front end in Chromium over the real server', () => {
  let dataDir: string;
  let store: GraphStore;
  let server: { url: string; close(): Promise<void> };
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    if (!existsSync(join(ROOT, 'web', 'dist', 'index.html'))) {
      execFileSync('npm', ['run', 'build:web'], { cwd: ROOT, stdio: 'inherit' });
    }
    await mkdir(ARTIFACTS, { recursive: true });
    dataDir = await mkdtemp(join(tmpdir(), 'kg-e2e-'));
    const config = loadConfig({ KG_DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'silent', NODE_ENV: 'test' });
    const logger = pino({ level: 'silent' });
    store = await openStore(config);
    const seeds = (await readdir(join(ROOT, 'seeds'))).filter((f) => f.endsWith('.txt')).map((f) => join(ROOT, 'seeds', f));
    const report = await ingestPaths(seeds, store, { maxBytes: config.KG_MAX_FILE_BYTES });
    expect(report.files.filter((f) => f.status === 'failed')).toEqual([]);
    const search = await createSearchService({ store, cacheDir: join(dataDir, 'search-cache') });
    await search.refresh();
    server = await createServer({ config, store, search, logger, host: '127.0.0.1' });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
    });
    context = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'ja-JP' });
    // The UI must never reach another host (no CDN scripts or fonts).
    const origin = new URL(server.url).origin;
    await context.route(
      (u) => u.origin !== origin && u.protocol.startsWith('http'),
      (route) => {
        pageErrors.push(`request to another host: ${route.request().url()}`);
        return route.abort();
      },
    );
    page = await context.newPage();
    page.on('pageerror', (err) => pageErrors.push(err.message));
    // every query the UI sends must be one the API accepts (the failure test below aborts requests instead)
    page.on('response', (res) => {
      if (new URL(res.url()).pathname === '/graphql' && res.status() >= 400) pageErrors.push(`HTTP ${res.status()} from /graphql`);
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await store?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('searches as you type and shows the Japan–Germany APN passage with the match highlighted', async () => {
    await page.goto(server.url);
    const box = page.getByRole('combobox');
    await expect.poll(() => box.evaluate((el) => el === document.activeElement)).toBe(true);
    await box.pressSequentially('APN', { delay: 40 });

    // How the query was understood: APN expanded to the technology's names.
    await page.locator('.interpretation').filter({ hasText: 'オール光ネットワーク' }).waitFor();
    expect(page.url()).toContain('q=APN');

    // cursor pagination: "more results" appends the next page
    const hits = page.locator('.hit');
    await hits.first().waitFor();
    const firstPage = await hits.count();
    const more = page.getByRole('button', { name: 'さらに表示' });
    if ((await more.count()) > 0) {
      await more.click();
      await expect.poll(() => hits.count()).toBeGreaterThan(firstPage);
    }

    // facet filter: only passages that mention a project
    await page.locator('.facet').filter({ hasText: 'エンティティの種類' }).getByLabel('プロジェクト').click();
    await page.waitForURL(/type=Project/);
    const passage = page.locator('.hit').filter({ hasText: 'オール光ネットワークの高度化に向けたデジタルツイン技術' });
    const hit = passage.first();
    await hit.waitFor();
    await expect.poll(() => hit.innerText()).toContain('日独');
    const marks = await hit.locator('.snippet mark').allInnerTexts();
    expect(marks.some((m) => /APN|オール光ネットワーク|All-Photonics/i.test(m))).toBe(true);
    // title and date of the document, line range, and chips linking to entity pages
    await expect.poll(() => hit.locator('.hit-meta').innerText()).toMatch(/\d+(–\d+)? 行/);
    expect(await hit.locator('a.chip').count()).toBeGreaterThan(0);
    expect(await hit.locator('a.chip').first().getAttribute('href')).toMatch(/^\/entity\//);

    await hit.scrollIntoViewIfNeeded();
    const shot = join(ARTIFACTS, 'search-apn.png');
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: shot });
    if (process.env.UPDATE_DOCS_SCREENSHOT) {
      await mkdir(join(ROOT, 'docs'), { recursive: true });
      await copyFile(shot, join(ROOT, 'docs', 'screenshot-search.png'));
    }
  });

  it('opens the Ericsson France entity page from the keyboard and shows 6G MIRAI-HARMONY with source lines', async () => {
    await page.goto(server.url);
    const box = page.getByRole('combobox');
    await box.pressSequentially('Ericsson France', { delay: 20 });
    const option = page.getByRole('option').filter({ hasText: /エリクソン|Ericsson/ }).first();
    await option.waitFor();
    const options = await page.getByRole('option').allInnerTexts();
    const index = options.findIndex((o) => /エリクソン|Ericsson/.test(o));
    for (let i = 0; i <= index; i++) await box.press('ArrowDown');
    expect(await option.getAttribute('aria-selected')).toBe('true');
    await box.press('Enter');

    await page.waitForURL(/\/entity\//);
    const h1 = page.locator('h1');
    await expect.poll(() => h1.innerText()).toMatch(/エリクソン|Ericsson/);
    const statement = page.locator('.section-relations .statement').filter({ hasText: 'MIRAI-HARMONY' }).first();
    await statement.waitFor();
    await expect.poll(() => statement.locator('.source-lines').innerText()).toMatch(/\d+(–\d+)? 行/);
    expect(await statement.locator('cite').innerText()).not.toBe('');
    // the neighbourhood drawing is a canvas made by the bundled cytoscape
    await page.locator('.graph canvas').first().waitFor();

    // the entity URL is shareable: a reload shows the same entity (SPA fallback on the server)
    const entityUrl = page.url();
    await page.reload();
    await expect.poll(() => page.locator('h1').innerText()).toMatch(/エリクソン|Ericsson/);
    expect(page.url()).toBe(entityUrl);
    await page.screenshot({ path: join(ARTIFACTS, 'entity-ericsson.png'), fullPage: true });
  });

  it('lists the international projects covering APN, filtered from the URL and from the form', async () => {
    await page.goto(`${server.url}/projects?covers=APN`);
    const rows = page.locator('table.projects tbody tr');
    await rows.first().waitFor();
    const texts = await rows.allInnerTexts();
    const germany = texts.find((t) => t.includes('デジタルツイン'));
    expect(germany, texts.join('\n---\n')).toBeDefined();
    expect(germany).toMatch(/ドイツ/);
    expect(await page.locator('#f-covers').inputValue()).toBe('APN');
    await page.screenshot({ path: join(ARTIFACTS, 'projects-apn.png'), fullPage: true });

    // the form writes the filter into the URL and the table follows it
    const apnCount = texts.length;
    await page.goto(`${server.url}/projects`);
    await page.locator('table.projects tbody tr').first().waitFor();
    expect(await page.locator('table.projects tbody').innerText()).toContain('MIRAI-HARMONY');
    await page.locator('#f-covers').fill('APN');
    await page.locator('#f-covers').press('Enter');
    await page.waitForURL(/\/projects\?covers=APN$/);
    await expect.poll(() => page.locator('.results-count').innerText()).toBe(`${apnCount} 件のプロジェクト`);
    expect(await page.locator('table.projects tbody').innerText()).toContain('デジタルツイン');
    expect(await page.locator('table.projects tbody').innerText()).not.toContain('MIRAI-HARMONY');

    // a phone-width screen gets cards without horizontal scrolling
    await page.setViewportSize({ width: 390, height: 844 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(ARTIFACTS, 'projects-phone.png'), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 860 });
  });

  it('is usable from the keyboard: the skip link moves focus to the content', async () => {
    await page.goto(`${server.url}/projects`);
    await page.locator('table.projects tbody tr').first().waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('skip-link');
    expect(await page.locator('#skip-link').isVisible()).toBe(true);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    // the next Tab lands inside the content: the technology filter
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('f-covers');
  });

  it('shows progress while an answer is slow', async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    await page.route('**/graphql', async (route) => {
      await held; // the answer is held back until the progress indicator has been seen
      await route.continue();
    });
    await page.goto(`${server.url}/?q=APN`);
    await page.locator('.results[aria-busy="true"] .spinner').waitFor();
    release();
    await page.locator('.hit').first().waitFor();
    expect(await page.locator('.results').getAttribute('aria-busy')).toBeNull();
    expect(await page.locator('.spinner').count()).toBe(0);
    await page.unroute('**/graphql');
  });

  it('shows an API failure as a message instead of a blank page', async () => {
    await page.route('**/graphql', (route) => route.abort());
    await page.goto(`${server.url}/?q=APN`);
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toContain('サーバーに接続できません');
    await page.unroute('**/graphql');
  });

  it('switches to English and keeps the choice after a reload', async () => {
    await page.goto(`${server.url}/?q=APN`);
    await page.locator('.hit').first().waitFor();
    await page.getByRole('button', { name: /英語/ }).click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    await expect.poll(() => page.locator('h1').innerText()).toBe('Document search');
    expect(await page.getByRole('navigation').innerText()).toContain('Joint projects');
    await page.reload();
    await expect.poll(() => page.locator('h1').innerText()).toBe('Document search');
    await page.locator('.hit').first().waitFor();
    await expect.poll(() => page.locator('.results-count').innerText()).toMatch(/\d+ results/);
    await page.screenshot({ path: join(ARTIFACTS, 'search-apn-en.png') });
    expect(pageErrors).toEqual([]);
  });
});
