// International joint research blocks: a heading or ○ line naming a country pair in the one-character style of
// Japanese (○日EU(…), ## 日独(…)) followed by field lines — テーマ/内容, 期間, 予算, 日本側代表者, EU側代表者 … .
// Each block with a theme, period or representatives is a Project BETWEEN the countries, led on each side by the
// named organization, COVERING the technologies its theme names. A block without those fields (日英 … その他) still
// yields its events (a workshop between NICT and a UK body) with each organization's side.
import type { EntityDictionary } from './EntityDictionary.ts';
import type { AnalyzedPassage, ExtractionContext } from './ExtractionContext.ts';
import { hashId } from './ExtractionContext.ts';
import { entityIdFor } from './discoverEntities.ts';
import { findAmounts } from './parseAmounts.ts';
import { endOf, findDates, fiscalYearRange, startOf } from './japaneseDates.ts';
import { countryId } from './curatedDictionaries.ts';
import { emptyEntity } from '../../src/model/graph.ts';
import { compactKey } from '../../src/text/compactKey.ts';

interface Line {
  p: AnalyzedPassage;
  start: number;
  end: number;
  text: string;
}

const FIELD = /^(テーマ|内容|概要|期間|予算)\s*[:：]\s*/;
const REPRESENTATIVE = /([^\s:：、。]{1,8}?)側代表者\s*[:：]\s*/g;

function linesOf(p: AnalyzedPassage): Line[] {
  const out: Line[] = [];
  let start = 0;
  for (const part of p.text.split('\n')) {
    const end = start + part.length;
    const lead = part.length - part.trimStart().length;
    out.push({ p, start: start + lead, end, text: part.trim() });
    start = end + 1;
  }
  return out.filter((l) => l.text.length > 0);
}

/** Country codes of a pair prefix such as 日EU, 日独, 日米英; null unless Japan and at least one other. */
export function parsePair(text: string, oneChar: Map<string, string>): { codes: string[]; raw: string } | null {
  const m = text.match(/^[○〇◯●#\s]*((?:EU|[^\sA-Za-z0-9(（]){2,6})/);
  if (!m) return null;
  const codes: string[] = [];
  let raw = '';
  let rest = m[1]!;
  while (rest.length > 0) {
    const token = rest.startsWith('EU') ? 'EU' : rest[0]!;
    const code = oneChar.get(token);
    if (!code) break;
    codes.push(code);
    raw += token;
    rest = rest.slice(token.length);
  }
  if (codes.length < 2 || codes[0] !== 'JP' || new Set(codes).size !== codes.length) return null;
  // The pair must stand alone (日EU(…), 日独 …), not open a longer word (日本, 米国).
  if (rest.length > 0 && !/^[\s(（]|^国際|^共同|^間/.test(rest)) return null;
  return { codes, raw };
}

interface JointBlock {
  pair: { codes: string[]; raw: string };
  heading: string;
  passages: AnalyzedPassage[];
}

function findBlocks(passages: AnalyzedPassage[], oneChar: Map<string, string>): JointBlock[] {
  const blocks: JointBlock[] = [];
  for (let i = 0; i < passages.length; i++) {
    const head = passages[i]!;
    const pair = parsePair(head.text.split('\n')[0]!, oneChar);
    if (!pair) continue;
    const headingText = head.text.split('\n')[0]!.trim();
    // The block: this passage, then what follows until the next pair, heading or ○ block.
    const block: AnalyzedPassage[] = [head];
    for (let j = i + 1; j < passages.length; j++) {
      const q = passages[j]!;
      const first = q.text.split('\n')[0]!;
      if (q.kind === 'heading' || /^[○〇◯●]/.test(first) || parsePair(first, oneChar)) break;
      const underHeading = head.kind === 'heading' && q.section.at(-1)?.trim() === headingText.replace(/^#+\s*/, '');
      if (!underHeading && !FIELD.test(first) && !/側代表者|^[(（]|^最大/.test(first)) break;
      block.push(q);
    }
    blocks.push({ pair, heading: headingText, passages: block });
  }
  return blocks;
}

/** "Japan–Germany" for JP, DE. */
function pairNameEn(codes: string[], dictionary: EntityDictionary): string {
  return codes.map((c) => dictionary.get(countryId(c))?.nameEn ?? dictionary.get(`region:${c}`)?.nameEn ?? c).join('–');
}

/** A block's project: named by its theme's closing parentheses (…(6G MIRAI-HARMONY)), else by the country pair. */
function blockProject(block: JointBlock, dictionary: EntityDictionary): { id: string; name: string; nameEn: string; genericName: string } | null {
  const lines = block.passages.flatMap(linesOf);
  const theme = lines.map((l) => l.text.match(/^(?:テーマ|内容|概要)\s*[:：]\s*(.*)$/)?.[1]).find(Boolean);
  const hasFields = lines.some((l) => FIELD.test(l.text) || /側代表者/.test(l.text));
  if (!hasFields) return null;
  const explicit = theme?.match(/[(（]\s*([A-Za-z0-9][^()（）]{1,40}?)\s*[)）]\s*$/)?.[1]?.trim() ?? null;
  const genericName = `${block.pair.raw}国際共同研究プロジェクト`;
  const pairEn = pairNameEn(block.pair.codes, dictionary);
  return {
    id: explicit ? entityIdFor('Project', explicit) : `proj:${block.pair.codes.join('-')}`,
    name: explicit ?? genericName,
    nameEn: explicit ?? `${pairEn} joint research project`,
    genericName,
  };
}

/** Discovery pass: the projects of joint-research blocks enter the dictionary before any document is matched. */
export function registerJointProjects(passages: AnalyzedPassage[], dictionary: EntityDictionary, oneChar: Map<string, string>): void {
  for (const block of findBlocks(passages, oneChar)) {
    const p = blockProject(block, dictionary);
    if (!p) continue;
    if (dictionary.get(p.id)) dictionary.addAlias(p.id, p.genericName);
    else dictionary.add({ id: p.id, type: 'Project', name: p.name, nameEn: p.nameEn, aliases: p.name === p.genericName ? [] : [p.genericName] });
  }
}

/** A project name such as 日独国際共同研究プロジェクト belongs to the joint-research blocks, not to discovery. */
export function isPairProjectName(name: string, oneChar: Map<string, string>): boolean {
  const m = name.match(/^(.+?)(?:国際)?共同研究プロジェクト$/);
  return m !== null && parsePair(m[1]!, oneChar) !== null;
}

export function extractJointProjects(ctx: ExtractionContext): void {
  for (const block of findBlocks(ctx.passages, ctx.curated.oneCharacterCountries)) {
    extractBlock(ctx, block.pair, block.heading, block.passages.flatMap(linesOf), blockProject(block, ctx.dictionary));
  }
}

function sideCode(ctx: ExtractionContext, side: string): string | null {
  const one = ctx.curated.oneCharacterCountries.get(side);
  if (one) return one;
  for (const id of ctx.dictionary.lookup(side)) {
    const e = ctx.dictionary.get(id);
    if (e?.type === 'Country' && e.code) return e.code;
  }
  return null;
}

function organizationId(ctx: ExtractionContext, name: string): string {
  const clean = name.replace(/[。、,]$/, '').trim();
  const known = ctx.dictionary.lookup(clean).find((id) => ctx.dictionary.get(id)?.type === 'Organization');
  if (known) return known;
  const id = entityIdFor('Organization', clean);
  ctx.dictionary.add({ id, type: 'Organization', name: clean, nameEn: null, aliases: [] });
  return id;
}

function extractBlock(ctx: ExtractionContext, pair: { codes: string[]; raw: string }, heading: string, lines: Line[], project: ReturnType<typeof blockProject>): void {
  const fields = new Map<string, Line & { value: string }>();
  const representatives: { side: string; org: string; line: Line; start: number; end: number }[] = [];
  let lastField: string | null = null;
  for (const l of lines) {
    const f = l.text.match(FIELD);
    if (f) {
      const key = f[1] === '概要' ? '内容' : f[1]!;
      fields.set(key, { ...l, value: l.text.slice(f[0].length) });
      lastField = key;
    } else if (lastField === '期間' && /^[(（]|^最大/.test(l.text)) {
      const prev = fields.get('期間')!;
      fields.set('期間', { ...prev, value: `${prev.value} ${l.text}`, end: l.end });
    }
    const reps = [...l.text.matchAll(REPRESENTATIVE)];
    reps.forEach((m, k) => {
      const valueStart = m.index! + m[0].length;
      const valueEnd = k + 1 < reps.length ? reps[k + 1]!.index! : l.text.length;
      const org = l.text.slice(valueStart, valueEnd).trim();
      if (org) {
        const offset = l.p.text.indexOf(l.text, l.start);
        representatives.push({ side: m[1]!, org, line: l, start: offset + m.index!, end: offset + valueEnd });
      }
    });
  }

  const theme = fields.get('テーマ') ?? fields.get('内容');
  const first = lines[0]!;
  const blockProv = ctx.provenance(first.p, first.start, first.end);
  const pairEn = pairNameEn(pair.codes, ctx.dictionary);

  if (!project) {
    extractBlockEvents(ctx, pair, pairEn, lines);
    return;
  }
  for (const l of lines) ctx.consumed.add(l.p.id);
  const explicit = project.name === project.genericName ? null : project.name;

  const { id, name } = project;
  ctx.useEntity(id);
  ctx.mention(id, first.p, heading);

  for (const code of pair.codes) {
    const cid = ctx.curated.countryIdByCode.get(code);
    if (!cid) continue;
    ctx.useEntity(cid);
    ctx.relate('BETWEEN', id, cid, blockProv, { role: heading.replace(/^[○〇◯●#\s]+/, '') });
  }

  if (theme) {
    const prov = ctx.provenance(theme.p, theme.start, theme.end);
    ctx.fact(id, 'THEME', prov, { value: theme.value });
    const themeStart = theme.p.text.indexOf(theme.value, theme.start);
    // The project's own name (…(6G MIRAI-HARMONY)) is not a technology it covers.
    const themeEnd = themeStart + (explicit ? theme.value.lastIndexOf(explicit) : theme.value.length);
    for (const { id: tech } of ctx.matchesIn(theme.p, themeStart, themeEnd, ['Technology'])) {
      ctx.useEntity(tech);
      ctx.relate('COVERS', id, tech, prov);
    }
  }

  const period = fields.get('期間');
  if (period) {
    const prov = ctx.provenance(period.p, period.start, period.end);
    const dates = findDates(period.value);
    // The start is the date that begins (から/より/開始), not a call for proposals (公募).
    const startDate = dates.find((d) => !d.fiscal && /^\s*(から|より|以降|開始)/.test(period.value.slice(d.end))) ??
      dates.find((d) => !d.fiscal && !/^[~～〜\-].*公募|^\s*に公募/.test(period.value.slice(d.end, d.end + 12)));
    const endFy = dates.find((d) => d.fiscal && /^\s*まで/.test(period.value.slice(d.end)));
    const endDate = endFy ? fiscalYearRange(Number(endFy.value)).end : (dates.find((d) => !d.fiscal && /^\s*まで/.test(period.value.slice(d.end)))?.value ?? null);
    ctx.fact(id, 'PERIOD', prov, {
      value: period.value,
      dateStart: startDate ? startOf(startDate.value) : null,
      dateEnd: endDate ? (endDate.length === 10 ? endDate : endOf(endDate)) : null,
    });
  }

  const budget = fields.get('予算');
  if (budget) {
    const prov = ctx.provenance(budget.p, budget.start, budget.end);
    const side = budget.value.match(/[(（]([^()（）]{1,8})側[)）]/)?.[1];
    for (const a of findAmounts(budget.value)) {
      const perYear = a.qualifiers.includes('per year');
      const bid = `budget:${hashId(id, a.amountJpy, a.amountForeign, a.currency, perYear)}`;
      const b = ctx.addEntity({ ...emptyEntity(bid, 'Budget', a.text), amountJpy: a.amountJpy, amountJpyMax: a.amountJpyMax, currency: a.currency, amountForeign: a.amountForeign, qualifiers: a.qualifiers });
      b.name = `${name} ${budget.value}`.slice(0, 120);
      ctx.relate('HAS_BUDGET', id, bid, prov, { side: side ? sideCode(ctx, side) : null, role: perYear ? '各年度' : null });
      ctx.mention(bid, budget.p, a.text);
    }
  }

  for (const r of representatives) {
    const orgId = organizationId(ctx, r.org);
    ctx.useEntity(orgId);
    const code = sideCode(ctx, r.side);
    const prov = ctx.provenance(r.line.p, r.start, r.end);
    ctx.relate('LEAD_OF', orgId, id, prov, { side: code ?? r.side, role: '代表者' });
    ctx.mention(orgId, r.line.p, r.org);
    // The side an organization represents is where it belongs (ドイツ側代表者 → Germany; EU側 → the EU).
    const cid = code ? ctx.curated.countryIdByCode.get(code) : undefined;
    if (cid) {
      ctx.useEntity(cid);
      ctx.relate('LOCATED_IN', orgId, cid, prov, { role: `${r.side}側代表者` });
    }
  }
}

/** Events of a block without project fields: "…NICTとDSIT(…)間で、今年度ワークショップを開催予定". */
function extractBlockEvents(ctx: ExtractionContext, pair: { codes: string[]; raw: string }, pairEn: string, lines: Line[]): void {
  const partnerCodes = pair.codes.filter((c) => c !== 'JP');
  for (const l of lines) {
    const kind = l.text.match(/(ワークショップ|会合|シンポジウム|会議)/)?.[1];
    if (!kind) continue;
    // Only lines about the partner country (英国, DSIT …): a block heading's section can run on into other slides.
    const lineStart0 = l.p.text.indexOf(l.text, l.start);
    const aboutPartner = ctx.matchesIn(l.p, lineStart0, lineStart0 + l.text.length).some(({ id }) => {
      const e = ctx.dictionary.get(id);
      return (e?.type === 'Country' && partnerCodes.includes(e.code ?? '')) || (e?.type === 'Organization' && partnerCodes.includes(e.country ?? ''));
    });
    if (!aboutPartner && l !== lines[0]) continue;
    ctx.consumed.add(l.p.id);
    const name = `${pair.raw}${kind}`;
    const id = `event:${pair.codes.join('-')}-${compactKey(kind)}`;
    if (!ctx.dictionary.get(id)) ctx.dictionary.add({ id, type: 'Event', name, nameEn: `${pairEn} ${kind === 'ワークショップ' ? 'workshop' : 'meeting'}`, aliases: [] });
    ctx.useEntity(id);
    const prov = ctx.provenance(l.p, l.start, l.end);
    ctx.mention(id, l.p, kind);
    for (const code of pair.codes) {
      const cid = ctx.curated.countryIdByCode.get(code);
      if (cid) {
        ctx.useEntity(cid);
        ctx.relate('BETWEEN', id, cid, prov);
      }
    }
    const lineStart = l.p.text.indexOf(l.text, l.start);
    for (const { id: orgId, match } of ctx.matchesIn(l.p, lineStart, lineStart + l.text.length, ['Organization'])) {
      const org = ctx.dictionary.get(orgId)!;
      const code = org.country && pair.codes.includes(org.country) ? org.country : null;
      ctx.useEntity(orgId);
      ctx.relate('PARTNER_OF', orgId, id, prov, { side: code, role: kind === 'ワークショップ' ? '共催' : '参加' });
      ctx.mention(orgId, l.p, match.surface);
    }
    // Each occurrence: 2025年12月に…東京で開催 / 次回は2026年3月にロンドンで開催予定.
    for (const clause of l.text.split(/。/)) {
      const date = findDates(clause)[0];
      const place = clause.match(/([^\s、。でにはを]{2,8})で(?:開催|実施)/)?.[1] ?? null;
      const fiscalThisYear = /今年度/.test(clause) && ctx.docDate ? String(Number(ctx.docDate.slice(0, 4)) - (Number(ctx.docDate.slice(5, 7)) < 4 ? 1 : 0)) : null;
      if (!date && !place && !fiscalThisYear) continue;
      const cs = l.p.text.indexOf(clause, l.start);
      const prov2 = ctx.provenance(l.p, cs, cs + clause.length);
      const planned = /予定/.test(clause);
      const label = [clause.match(/第\s*\d+\s*回|次回/)?.[0], planned ? '予定' : null].filter(Boolean).join(' ') || null;
      if (date) ctx.fact(id, 'DATE', prov2, { value: label, dateStart: startOf(date.value), dateEnd: endOf(date.value) });
      else if (fiscalThisYear) {
        const fy = fiscalYearRange(Number(fiscalThisYear));
        ctx.fact(id, 'DATE', prov2, { value: label ?? '今年度', dateStart: fy.start, dateEnd: fy.end });
      }
      if (place) ctx.fact(id, 'PLACE', prov2, { value: place, dateStart: date ? startOf(date.value) : null });
    }
  }
}
