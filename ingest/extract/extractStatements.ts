// Facts stated in running text, sentence by sentence, about the entities the sentence (or its heading) names:
// budgets (HAS_BUDGET, fiscal year and kind), beginnings (設立 / 立ち上げ / 開始 / 策定 + a date → START),
// founders and leads (ORGが…設立 / 主導 / 中心 → LEAD_OF), counts and shares (11社, 25名, 3プロジェクト, 1.7% →
// QUANTITY), goals (…を目指す with a percentage or a year → TARGET), events (「…ワークショップ」を開催 and the ■ lines
// that follow: date, place, participants), focus-area lists of a strategy document (COVERS with the list's label),
// and where organizations and programmes belong (LOCATED_IN).
import type { EntityType } from '../../src/model/graph.ts';
import { emptyEntity } from '../../src/model/graph.ts';
import type { AnalyzedPassage, ExtractionContext } from './ExtractionContext.ts';
import { hashId } from './ExtractionContext.ts';
import { endOf, findDates, fiscalYearRange, startOf } from './japaneseDates.ts';
import { findAmounts } from './parseAmounts.ts';
import type { SectionContext } from './sectionSubjects.ts';

export const DEFAULT_BUDGET_LOOKBACK_LINES = 45;
/** An event's detail line (date, venue, participants) is a short bullet right after its announcement. */
export const DEFAULT_MAX_DETAIL_CHARS = 100;

const BUDGET_WORDS = /予算|補正|当初|投資|拠出|投じ|基金|支援規模|充て|助成|委託|造成|措置/;
const START_VERBS = /(設立|立ち上げ|立上げ|発足|創設|運用開始|活動開始|開始|策定|発表|発出|公表|閣議決定|成立|運用)/;
const FOUNDER_VERBS = /^(?:が|により|は|を中心に|が中心となって|が主体となり|が主導|主導)/;
const OWNER_TYPES: EntityType[] = ['Program', 'Project', 'Event', 'Organization'];
const SUBJECT_TYPES: EntityType[] = ['Program', 'Project', 'Event', 'Organization', 'Technology'];
const GOAL = /目指す|目標|目途|\[[^\]]*(?:頃|まで)/;
const COUNT_UNITS = /^(社|名|人|件|プロジェクト|か国|カ国|ヶ国|機関|拠点|か所|箇所|機|企業|大学|団体)/;

interface Sentence {
  p: AnalyzedPassage;
  start: number;
  end: number;
  text: string;
}

function sentences(p: AnalyzedPassage): Sentence[] {
  const out: Sentence[] = [];
  const re = /[^。\n]+[。]?/g;
  for (const m of p.text.matchAll(re)) {
    const text = m[0];
    if (text.trim().length === 0) continue;
    out.push({ p, start: m.index!, end: m.index! + text.length, text });
  }
  return out;
}

export function extractStatements(ctx: ExtractionContext, sections: Map<string, SectionContext>): void {
  let currentEvent: { id: string; ordinal: number; section: string } | null = null;
  let listLabel: { text: string; ordinal: number } | null = null;
  const locatedBySection = new Set<string>();
  const documentProgram = ctx.dictionary.lookup(ctx.title).find((id) => ctx.dictionary.get(id)?.type === 'Program') ?? null;

  for (const p of ctx.passages) {
    const section = sections.get(p.id) ?? { countryId: null, subjectId: null, topicId: null };
    // Entities of a country's section belong to it (6GIC → 英国), when nothing else says where they are.
    if (section.countryId && section.subjectId) {
      ctx.useEntity(section.subjectId);
      ctx.mention(section.subjectId, p, ctx.dictionary.get(section.subjectId)!.name);
      if (!locatedBySection.has(section.subjectId)) {
        locatedBySection.add(section.subjectId);
        ctx.useEntity(section.countryId);
        ctx.relate('LOCATED_IN', section.subjectId, section.countryId, ctx.provenance(p, 0, Math.min(p.text.length, 160)), { role: 'section' });
      }
    }
    if (p.kind === 'heading' && currentEvent && p.section.join('›') !== currentEvent.section) currentEvent = null;
    for (const s of ctx.consumed.has(p.id) ? [] : sentences(p)) {
      extractBudgets(ctx, s, section);
      extractStarts(ctx, s, section);
      extractQuantities(ctx, s, section, currentEvent?.id ?? null);
      extractTargets(ctx, s, section);
      extractDurations(ctx, s, section);
      const ev = extractEvent(ctx, s);
      if (ev) currentEvent = { id: ev, ordinal: p.ordinal, section: p.section.join('›') };
    }
    // ■ detail lines right after an event's announcement: its date, venue and participants.
    if (currentEvent && p.ordinal !== currentEvent.ordinal) {
      // Detail lines are short bullets (■ date / ■ venue / ■ participants; the segmenter strips the marker).
      if (p.kind === 'bullet' && p.text.length <= DEFAULT_MAX_DETAIL_CHARS && p.ordinal - currentEvent.ordinal <= 6) extractEventDetails(ctx, p, currentEvent.id);
      else if (p.ordinal - currentEvent.ordinal > 6) currentEvent = null;
    }
    // Focus-area lists of a strategy document: "安全保障の観点から自律性の確保が必要な分野:" then ①…、②… bullets.
    const trimmed = p.text.trim();
    if (/[:：]$/.test(trimmed) && trimmed.length <= 80) listLabel = { text: trimmed.replace(/[:：]$/, ''), ordinal: p.ordinal };
    else if (p.kind === 'bullet' && /[①-⑳]/.test(trimmed)) {
      const inline = trimmed.match(/^[-・\s]*([^①-⑳:：]{4,60})[:：]\s*(?=[①-⑳])/);
      const label = inline?.[1]?.trim() ?? (listLabel && p.ordinal - listLabel.ordinal <= 3 ? listLabel.text : null);
      if (inline) listLabel = { text: inline[1]!.trim(), ordinal: p.ordinal };
      else if (listLabel) listLabel.ordinal = p.ordinal;
      if (label && documentProgram) {
        ctx.useEntity(documentProgram);
        for (const { id, match } of ctx.matchesIn(p, 0, p.text.length, ['Technology'])) {
          ctx.useEntity(id);
          ctx.relate('COVERS', documentProgram, id, ctx.provenance(p, match.start, match.end), { role: label });
        }
      }
    } else if (p.kind !== 'bullet') listLabel = null;
  }
}

/** The entity a sentence is about: the heading's subject, else the first named entity of the given types. */
function subjectOf(ctx: ExtractionContext, s: Sentence, section: SectionContext, types: EntityType[], before?: number): string | null {
  const inSentence = ctx.matchesIn(s.p, s.start, before ?? s.end, types);
  if (inSentence.length > 0) return inSentence[0]!.id;
  return section.subjectId;
}

function budgetOwner(ctx: ExtractionContext, s: Sentence, amountStart: number, amountEnd: number, section: SectionContext): string | null {
  // 0. "…億円に基づく NAME事業" / "…億円による NAME": the programme named right after the amount.
  const after = ctx.matchesIn(s.p, amountEnd, Math.min(s.end, amountEnd + 40), ['Program', 'Project'])[0];
  if (after && /^[^。]{0,20}?(?:に基づく|による|を活用した)\s*$/.test(s.p.text.slice(amountEnd, after.match.start))) return after.id;
  // 1. The nearest programme/project named before the amount in the same sentence (NAME【R7補正予算：…】).
  const before = ctx.matchesIn(s.p, s.start, amountStart, OWNER_TYPES).filter(({ id }) => ctx.dictionary.get(id)?.type !== 'Organization');
  if (before.length > 0) return before.at(-1)!.id;
  // 2. The heading's subject.
  if (section.subjectId) return section.subjectId;
  // 3. A bracketed budget line continues the item above it (✓ 宇宙戦略基金事業 / 【R7補正予算：…】).
  const idx = ctx.passages.indexOf(s.p);
  if (/^\s*【/.test(s.p.text) && idx > 0) {
    const prev = ctx.matchesIn(ctx.passages[idx - 1]!, 0, undefined, ['Program', 'Project']);
    if (prev.length > 0) return prev.at(-1)!.id;
  }
  // 4. A budget table under a slide without a title: the fund or 事業 named most recently above it (this passage
  // first, before the amount).
  for (let j = idx; j >= 0; j--) {
    const q = ctx.passages[j]!;
    if (s.p.lineStart - q.lineEnd > DEFAULT_BUDGET_LOOKBACK_LINES) break;
    const funds = ctx.matchesIn(q, 0, j === idx ? amountStart : undefined, ['Program']).filter(({ id }) => /基金|事業|Fund/i.test(ctx.dictionary.get(id)!.name));
    if (funds.length > 0) return funds.at(-1)!.id;
  }
  return null;
}

function extractBudgets(ctx: ExtractionContext, s: Sentence, section: SectionContext): void {
  const amounts = findAmounts(s.text);
  if (amounts.length === 0 || !BUDGET_WORDS.test(s.text)) return;
  const dates = findDates(s.text);
  for (const a of amounts) {
    if (a.qualifiers.includes('breakdown')) continue;
    const absStart = s.start + a.start;
    const owner = budgetOwner(ctx, s, absStart, s.start + a.end, section);
    if (!owner) continue;
    // Fiscal year and kind from the words just before the amount (R7補正予算：, 令和7年度予算額, R8当初予算（案）).
    const left = s.text.slice(0, a.start);
    const andAt = left.lastIndexOf('及び');
    const clauseStart = Math.max(left.lastIndexOf('、'), left.lastIndexOf('+'), left.lastIndexOf('，'), andAt < 0 ? -1 : andAt + 1);
    const clause = left.slice(clauseStart + 1);
    const fy = [...dates].reverse().find((d) => d.end <= a.start && d.start >= clauseStart + 1);
    const fiscalYear = fy && (fy.fiscal || /^R|度/.test(fy.text)) ? Number(fy.value.slice(0, 4)) : null;
    const kind = /補正/.test(clause) ? '補正' : /当初|予算額|予算/.test(clause) && fiscalYear ? '当初' : null;
    const qualifiers = [...a.qualifiers, ...(/[(（]案[)）]|案\)/.test(clause) ? ['proposed'] : [])];
    const id = `budget:${hashId(owner, fiscalYear, kind, a.amountJpy, a.currency, a.amountForeign, qualifiers.includes('per year'))}`;
    const ownerName = ctx.dictionary.get(owner)?.name ?? owner;
    const label = [fiscalYear ? `FY${fiscalYear}` : null, kind].filter(Boolean).join(' ');
    const budget = ctx.addEntity({
      ...emptyEntity(id, 'Budget', `${ownerName} ${label ? `${label} ` : ''}${a.text}`.slice(0, 160)),
      amountJpy: a.amountJpy,
      amountJpyMax: a.amountJpyMax,
      currency: a.currency,
      amountForeign: a.amountForeign,
      fiscalYear,
      budgetKind: kind,
      qualifiers,
    });
    ctx.useEntity(owner);
    const prov = ctx.provenance(s.p, s.start, s.end);
    ctx.relate('HAS_BUDGET', owner, budget.id, prov, { role: kind });
    ctx.mention(budget.id, s.p, a.text);
  }
}

function extractStarts(ctx: ExtractionContext, s: Sentence, section: SectionContext): void {
  for (const d of findDates(s.text)) {
    const after = s.text.slice(d.end, d.end + 40);
    const verb = after.match(START_VERBS);
    if (!verb || verb.index! > 30) continue;
    const verbAt = d.end + verb.index!;
    // Relative clause: 2023年10月に立ち上げられた「電気通信に関するグローバル連合（GCOT…）」 → the entity after the verb.
    const afterVerb = ctx.matchesIn(s.p, s.start + verbAt, s.start + Math.min(s.text.length, verbAt + 30), ['Program', 'Project', 'Event', 'Organization']);
    const beforeDate = ctx.matchesIn(s.p, s.start, s.start + d.start, ['Program', 'Project', 'Event', 'Organization']);
    // A founder: ORG が/により … 設立 — the thing founded is the heading's subject or what follows the verb.
    const beforeVerb = ctx.matchesIn(s.p, s.start, s.start + verbAt, ['Organization']);
    const founder = beforeVerb.filter(({ id, match }) => ctx.dictionary.get(id)?.type === 'Organization' && FOUNDER_VERBS.test(s.p.text.slice(match.end, match.end + 12).replace(/^[（(][^）)]*[）)]/, ''))).at(-1);
    let subject: string | null = null;
    // The object of the verb: 2024年5月、国家周波数戦略を発表.
    const object = ctx
      .matchesIn(s.p, s.start + d.end, s.start + verbAt, ['Program', 'Project', 'Event', 'Organization'])
      .find(({ match }) => /^を/.test(s.p.text.slice(match.end, match.end + 1)));
    if (object) subject = object.id;
    if (!subject && afterVerb.length > 0 && /^(?:された|した|られた|れた)?「?/.test(s.text.slice(verbAt + verb[0].length, verbAt + verb[0].length + 4))) subject = afterVerb[0]!.id;
    if (!subject && !founder && beforeDate.length > 0) subject = beforeDate.at(-1)!.id;
    subject ??= section.subjectId;
    if (!subject || subject === founder?.id) continue;
    const prov = ctx.provenance(s.p, s.start, s.end);
    const fiscal = d.fiscal ? fiscalYearRange(Number(d.value)) : null;
    ctx.useEntity(subject);
    ctx.fact(subject, ctx.dictionary.get(subject)?.type === 'Event' ? 'DATE' : 'START', prov, {
      value: verb[1]!,
      dateStart: fiscal ? fiscal.start : startOf(d.value),
      dateEnd: fiscal ? null : d.value.length < 10 ? endOf(d.value) : d.value,
    });
    if (founder && /設立|立ち上げ|立上げ|創設|発足|主導|構築/.test(s.text)) {
      ctx.useEntity(founder.id);
      ctx.relate('LEAD_OF', founder.id, subject, prov, { role: verb[1] === '開始' ? '主導' : verb[1]! });
    }
  }
  // Leads without a date: "Nokiaが主導", "NICTが主体となり構築", "オウル大主導の…".
  for (const m of s.text.matchAll(/(が主導|主導の|が中心となって|を中心に|が主体となり)/g)) {
    const orgs = ctx.matchesIn(s.p, s.start, s.start + m.index!, ['Organization']);
    const org = orgs.at(-1);
    if (!org || s.start + m.index! - org.match.end > 14) continue;
    const others = ctx.matchesIn(s.p, s.start, s.end, ['Project', 'Program', 'Event']).filter(({ id }) => id !== org.id);
    const at = s.start + m.index!;
    others.sort((x, y) => Math.abs(x.match.start - at) - Math.abs(y.match.start - at));
    const target = section.subjectId ?? others[0]?.id ?? null;
    if (!target || target === org.id) continue;
    ctx.useEntity(org.id);
    ctx.useEntity(target);
    ctx.relate('LEAD_OF', org.id, target, ctx.provenance(s.p, s.start, s.end), { role: '主導' });
  }
}

function extractQuantities(ctx: ExtractionContext, s: Sentence, section: SectionContext, eventId: string | null): void {
  const isGoal = GOAL.test(s.text);
  for (const m of s.text.matchAll(/([0-9]+(?:\.[0-9]+)?)\s*(?:(以上|超|程度|余り)?の)?(%|％|社|名|人|件|プロジェクト|か国|カ国|ヶ国|機関|拠点|か所|箇所|企業・大学|企業|大学|団体)(以上|程度|超|未満|以下)?/g)) {
    const unitWord = m[3]!;
    if (unitWord !== '%' && unitWord !== '％' && !COUNT_UNITS.test(unitWord)) continue;
    if (isGoal) continue; // a goal's figures are TARGET facts
    const before = s.text.slice(Math.max(0, m.index! - 1), m.index!);
    if (/[0-9A-Za-z.]/.test(before)) continue;
    const unit = unitWord === '％' ? '%' : unitWord;
    // A label: the words just before the number within the clause (日本企業は, 2023年度は, 現地参加 :).
    const clauseStart = Math.max(s.text.lastIndexOf('、', m.index!), s.text.lastIndexOf('，', m.index!), -1) + 1;
    const label = s.text.slice(clauseStart, m.index!).replace(/[:：\s]+$/, '').trim();
    const subject =
      (unit === '名' && eventId) ||
      subjectOf(ctx, s, section, SUBJECT_TYPES, s.start + m.index!) ||
      ctx.matchesIn(s.p, 0, s.start, SUBJECT_TYPES).at(-1)?.id || // the previous sentence's subject
      section.topicId;
    if (!subject) continue;
    const fy = findDates(label).find((d) => d.fiscal);
    const prov = ctx.provenance(s.p, s.start, s.end);
    ctx.useEntity(subject);
    ctx.fact(subject, 'QUANTITY', prov, {
      value: [label, m[2] ?? m[4]].filter(Boolean).join(' ') || null,
      num: Number(m[1]),
      unit,
      dateStart: fy ? fiscalYearRange(Number(fy.value)).start : null,
      dateEnd: fy ? fiscalYearRange(Number(fy.value)).end : null,
    });
  }
}

/** "活動期間は2年半", "最大3年間": a duration without dates. */
function extractDurations(ctx: ExtractionContext, s: Sentence, section: SectionContext): void {
  const m = s.text.match(/(?:活動)?期間は\s*([0-9一二三四五六七八九十]+\s*(?:年半|年間|年|か月|ヶ月|カ月))/);
  if (!m) return;
  const subject = section.subjectId ?? subjectOf(ctx, s, section, ['Project', 'Program', 'Organization', 'Event']);
  if (!subject) return;
  ctx.useEntity(subject);
  ctx.fact(subject, 'PERIOD', ctx.provenance(s.p, s.start, s.end), { value: m[1]!.replace(/\s+/g, '') });
}

function extractTargets(ctx: ExtractionContext, s: Sentence, section: SectionContext): void {
  if (!GOAL.test(s.text)) return;
  const percent = s.text.match(/([0-9]+(?:\.[0-9]+)?)\s*[%％]\s*(以上|超|程度)?/);
  const year = findDates(s.text).find((d) => /まで|頃|目途|を目途/.test(s.text.slice(d.end, d.end + 6)));
  if (!percent && !year) return;
  const subject = subjectOf(ctx, s, section, ['Technology', 'Program', 'Project', 'Organization']);
  if (!subject) return;
  ctx.useEntity(subject);
  ctx.fact(subject, 'TARGET', ctx.provenance(s.p, s.start, s.end), {
    value: s.text.trim(),
    num: percent ? Number(percent[1]) : null,
    unit: percent ? '%' : null,
    dateEnd: year ? (year.fiscal ? fiscalYearRange(Number(year.value)).end : endOf(year.value)) : null,
  });
}

/** 「Beyond 5G研究開発ワークショップ」を開催 → the event's id. */
function extractEvent(ctx: ExtractionContext, s: Sentence): string | null {
  if (!/開催|実施|開かれ/.test(s.text)) return null;
  const events = ctx.matchesIn(s.p, s.start, s.end, ['Event']);
  const ev = events[0];
  if (!ev) return null;
  ctx.useEntity(ev.id);
  const prov = ctx.provenance(s.p, s.start, s.end);
  // Only a date close before the verb dates the event (令和8年度以降の公募に向けて…開催 is not a date of it).
  const verbAt = s.text.search(/開催|実施|開かれ/);
  const d = findDates(s.text).find((x) => !x.fiscal && x.end <= verbAt && verbAt - x.end <= 30);
  if (d) ctx.fact(ev.id, 'DATE', prov, { value: null, dateStart: startOf(d.value), dateEnd: endOf(d.value) });
  for (const { id } of ctx.matchesIn(s.p, s.start, s.end, ['Organization'])) {
    ctx.useEntity(id);
    ctx.relate('PARTNER_OF', id, ev.id, prov, { role: '参加' });
  }
  return ev.id;
}

function extractEventDetails(ctx: ExtractionContext, p: AnalyzedPassage, eventId: string): void {
  const prov = ctx.provenance(p);
  const detail = p.text.trim();
  // A date line starts with its date (日時：2025年9月18日 (木) 14:00-…); a venue line names the place.
  const d = findDates(detail)[0];
  if (d && d.start <= 4 && !d.fiscal && !/。|目指|目標|まで/.test(detail.slice(d.end))) ctx.fact(eventId, 'DATE', prov, { value: detail, dateStart: startOf(d.value), dateEnd: endOf(d.value) });
  else if (/^(?:会場|場所|開催場所|開催方法|ハイブリッド|オンライン|Web)/.test(detail) && !/\d+\s*(?:名|人)/.test(detail)) {
    ctx.fact(eventId, 'PLACE', prov, { value: detail.replace(/^(?:会場|場所|開催場所)\s*[:：]\s*/, '') });
  }
}
