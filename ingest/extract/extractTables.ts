// Table rows (tab-separated cells, as PDF extraction leaves them): the first cell names a programme; the other cells
// say how it is funded (助成 / 委託 → SUPPORT_FORM) and how much (…億円程度/年 → a Budget). A row whose first cell is
// empty continues the programme above it (a sub-type such as 【事業戦略支援型】).
import { emptyEntity } from '../../src/model/graph.ts';
import type { ExtractionContext } from './ExtractionContext.ts';
import { hashId } from './ExtractionContext.ts';
import { SUPPORT_FORM, cleanName } from './discoverEntities.ts';
import { findAmounts } from './parseAmounts.ts';
import type { SectionContext } from './sectionSubjects.ts';

export function extractTables(ctx: ExtractionContext, sections: Map<string, SectionContext>): void {
  let owner: string | null = null;
  for (const p of ctx.passages) {
    if (p.kind !== 'table-row') {
      owner = null;
      continue;
    }
    ctx.consumed.add(p.id);
    const cells = p.text.split('\t').map((c) => c.trim());
    const first = cells[0] ?? '';
    // A first cell that opens with 【…】 (or is empty) continues the programme of the row above.
    if (first && !first.startsWith('【') && !SUPPORT_FORM.test(first)) {
      const name = cleanName(first, ctx.curated.patterns);
      owner = ctx.dictionary.lookup(name).find((id) => ['Program', 'Project'].includes(ctx.dictionary.get(id)?.type ?? '')) ?? null;
    }
    if (!owner) continue;
    ctx.useEntity(owner);
    const prov = ctx.provenance(p);
    // A table of programmes under a heading that names a programme (…基金事業の概要): its parts.
    const section = sections.get(p.id);
    const parent = section?.subjectId ?? section?.topicId ?? null;
    if (parent && parent !== owner && ctx.dictionary.get(parent)?.type === 'Program') {
      ctx.useEntity(parent);
      ctx.relate('PART_OF', owner, parent, prov);
    }
    const sub = p.text.match(/【([^】]{2,20})】/)?.[1] ?? null;
    for (const cell of SUPPORT_FORM.test(first) ? cells : cells.slice(1)) {
      const form = cell.match(SUPPORT_FORM)?.[1];
      if (form) ctx.fact(owner, 'SUPPORT_FORM', prov, { value: sub ? `${cell} (${sub})` : cell });
      for (const a of findAmounts(cell)) {
        const perYear = /[/／]\s*年/.test(cell.slice(a.end, a.end + 4));
        const per2 = cell.slice(a.end).match(/^\s*[/／]\s*(\d+)\s*年/)?.[1];
        const qualifiers = [...new Set([...a.qualifiers, ...(perYear ? ['per year'] : []), ...(per2 ? [`per ${per2} years`] : []), '1件あたり'])];
        const id = `budget:${hashId(owner, sub, a.amountJpy, a.amountJpyMax, qualifiers.join(','))}`;
        const ownerName = ctx.dictionary.get(owner)?.name ?? owner;
        ctx.addEntity({
          ...emptyEntity(id, 'Budget', `${ownerName}${sub ? ` 【${sub}】` : ''} ${cell}`.slice(0, 160)),
          amountJpy: a.amountJpy,
          amountJpyMax: a.amountJpyMax,
          currency: a.currency,
          amountForeign: a.amountForeign,
          qualifiers,
        });
        ctx.relate('HAS_BUDGET', owner, id, prov, { role: sub ?? '1件あたりの支援規模' });
        ctx.mention(id, p, a.text);
      }
    }
  }
}
