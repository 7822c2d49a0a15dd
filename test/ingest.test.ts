// The whole ingest pipeline on a real LadybugDB store: idempotent re-ingest, replacement of a changed document,
// bad files reported and skipped while the others are ingested, a Shift_JIS file, and the CLI's exit status.
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Encoding from 'encoding-japanese';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import type { GraphStore } from '../src/store/GraphStore.ts';
import { openStore } from '../src/store/openStore.ts';
import { ingestPaths } from '../ingest/ingestPaths.ts';
import { SEEDS_DIR } from './support/seededStore.ts';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '..');
const OCT = '000_76e89f63a03d41e7.txt';
const MAR = '001_2089f0eb9d58c753.txt';

let work: string;
let store: GraphStore;
const maxBytes = 20 * 1024 * 1024;

/** Every passage of the other documents, to prove a replacement touched only its own document. */
async function passagesOf(docId: string): Promise<string[]> {
  const out: string[] = [];
  let after: string | null = null;
  for (;;) {
    const page = await store.scanPassages(after, 500);
    for (const p of page) if (p.docId === docId) out.push(`${p.id}|${p.lineStart}|${p.text}`);
    if (page.length < 500) return out;
    after = page.at(-1)!.id;
  }
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'kg-ingest-'));
  mkdirSync(join(work, 'docs'));
  for (const f of [OCT, MAR]) copyFileSync(join(SEEDS_DIR, f), join(work, 'docs', f));
  store = await openStore(loadConfig({ KG_DATA_DIR: join(work, 'data') }));
});
afterAll(async () => {
  await store?.close();
  rmSync(work, { recursive: true, force: true });
});

describe('ingest', () => {
  it('re-ingesting unchanged documents changes nothing', async () => {
    const first = await ingestPaths([join(work, 'docs')], store, { maxBytes });
    expect(first.files.map((f) => f.status)).toEqual(['ingested', 'ingested']);
    const stats = await store.stats();
    const version = await store.graphVersion();
    const again = await ingestPaths([join(work, 'docs')], store, { maxBytes });
    expect(again.files.map((f) => f.status)).toEqual(['unchanged', 'unchanged']);
    expect(await store.stats()).toEqual(stats);
    expect(await store.graphVersion()).toBe(version);
    expect(first.conflicts).toBe(2); // the Japan–Germany lead and the Japan–US start differ between the decks
  });

  it('a changed document replaces its own passages and facts and nothing else', async () => {
    const other = await passagesOf(`doc:${OCT}`);
    const path = join(work, 'docs', MAR);
    writeFileSync(path, readFileSync(path, 'utf8').replace('日本側代表者: 1Finity', '日本側代表者: 早稲田大学'));
    const report = await ingestPaths([join(work, 'docs')], store, { maxBytes });
    expect(report.files.map((f) => [f.file, f.status])).toEqual([[OCT, 'unchanged'], [MAR, 'ingested']]);
    expect(await passagesOf(`doc:${OCT}`)).toEqual(other);
    const leads = await store.relationsOf(['proj:JP-DE'], 'in', ['LEAD_OF']);
    const jp = leads.filter((r) => r.side === 'JP').map((r) => [r.fromId, r.asOf]);
    expect(jp.sort()).toEqual([['org:FUJITSU', '2025-10-16'], ['org:WASEDA', '2026-03-09']]);
    // 1Finity was only in the replaced text: gone with it.
    expect((await store.getEntities(['org:1FINITY']))[0]).toBeNull();
  });

  it('reports bad files with the file and the reason, ingests the others, and loses nothing stored', async () => {
    const before = await store.stats();
    const bad = join(work, 'bad');
    mkdirSync(bad);
    writeFileSync(join(bad, 'empty.txt'), '');
    writeFileSync(join(bad, 'binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0, 1, 2, 3]));
    writeFileSync(join(bad, 'big.txt'), 'あ'.repeat(4000));
    writeFileSync(join(bad, 'deck.pdf'), '%PDF-1.7');
    writeFileSync(join(bad, 'broken.txt'), Buffer.from([0xe3, 0x81, 0xff, 0xfe, 0xc0, 0xaf, 0x80, 0x81, 0xfe, 0xff, 0xc1, 0xbf].flatMap((b) => [b, b])));
    const sjis = '日独国際共同研究プロジェクト\n\n○日独(協力趣意書案件)\nテーマ：オール光ネットワークのデジタルツイン技術\n日本側代表者：富士通\nドイツ側代表者：アドラン・ネットワークSE社\n';
    writeFileSync(join(bad, 'sjis.txt'), Buffer.from(Encoding.convert(Encoding.stringToCode(sjis), { to: 'SJIS', from: 'UNICODE' })));
    const report = await ingestPaths([bad, join(work, 'missing.txt')], store, { maxBytes: 10_000 });
    const failed = Object.fromEntries(report.files.filter((f) => f.status === 'failed').map((f) => [f.file.split('/').pop(), f.error!.code]));
    expect(failed).toEqual({ 'empty.txt': 'EMPTY', 'binary.txt': 'BINARY', 'big.txt': 'TOO_LARGE', 'broken.txt': 'UNDECODABLE', 'missing.txt': 'UNREADABLE' });
    for (const f of report.files.filter((x) => x.status === 'failed')) expect(f.error!.message).toContain(f.file.split('/').pop());
    expect(report.failed).toBe(5);
    const ok = report.files.find((f) => f.file === 'sjis.txt')!;
    expect(ok.status).toBe('ingested');
    const doc = (await store.getDocuments(['doc:sjis.txt']))[0]!;
    expect(doc.encoding).toBe('Shift_JIS');
    expect(await store.resolveEntityIds('アドラン・ネットワークSE社')).toEqual(['org:ADTRAN']);
    const after = await store.stats();
    expect(after.documents).toBe(before.documents + 1);
    expect(after.passages).toBeGreaterThan(before.passages);
  });

  it('the CLI prints a JSON report and exits 1 when a file failed', async () => {
    const dataDir = join(work, 'cli-data');
    const err = await run(process.execPath, ['--import', 'tsx', 'ingest/cli.ts', '--json', join(SEEDS_DIR, '003_167667bd1f5c54e1.txt'), join(work, 'nope.txt')], {
      cwd: ROOT,
      env: { ...process.env, KG_DATA_DIR: dataDir },
    }).catch((e: { code: number; stdout: string; stderr: string }) => e);
    expect('code' in err && err.code).toBe(1);
    const report = JSON.parse(err.stdout) as { documents: number; files: { status: string }[] };
    expect(report.documents).toBe(1);
    expect(report.files.map((f) => f.status).sort()).toEqual(['failed', 'ingested']);
    expect(err.stderr).toContain('nope.txt');
  });
});
