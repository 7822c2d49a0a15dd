// Every UI string lives here, Japanese first; English has exactly the same keys (checked by the type).
// The choice is persisted in localStorage and announced with a 'langchange' event so views re-render in place.

const ja = {
  appTitle: '政策ナレッジグラフ',
  skipLink: '本文へスキップ',
  navSearch: '検索',
  navProjects: '国際共同研究',
  navMain: 'メイン',
  langToggle: 'English',
  langToggleLabel: 'English（表示言語を英語に切り替える）',
  loading: '読み込み中…',
  errorPrefix: 'エラー',
  errorNetwork: 'サーバーに接続できません。',
  errorHttp: 'サーバーがエラーを返しました (HTTP {status})。',
  errorNotFound: '見つかりません: {id}',
  retry: '再試行',
  // search page
  searchHeading: '文書検索',
  searchLabel: '検索語',
  searchPlaceholder: '例: APN、日独、エリクソン、Beyond 5G 基金',
  searchHint: '入力すると検索します。↑↓ で候補を選び Enter でエンティティのページを開きます。',
  suggestions: '候補',
  resultsCount: '{count} 件',
  noResults: '該当する箇所はありません。',
  emptyQuery: '検索語を入力してください。',
  interpretedAs: '解釈',
  moreResults: 'さらに表示',
  lines: '{start}–{end} 行',
  line: '{start} 行',
  mentions: '言及されているエンティティ',
  filters: '絞り込み',
  facetDocuments: '文書',
  facetEntityTypes: 'エンティティの種類',
  clearFilters: '絞り込みを解除',
  // entity page
  entityType: '種類',
  nameJa: '名称',
  nameEn: '英語名',
  aliases: '別名',
  facts: '事実',
  relations: '関係',
  related: '関連エンティティ',
  neighbourhood: '周辺のグラフ',
  neighbourhoodHint: 'ノードをクリックするとそのエンティティへ移動します。同じ内容は「関係」「関連エンティティ」の一覧にもあります。',
  mentionsHeading: '言及箇所',
  mentionCount: '言及 {count} 件',
  source: '出典',
  history: '履歴（新しい文書で更新済み）',
  current: '現行',
  none: 'なし',
  period: '期間',
  budget: '予算',
  countries: '国・地域',
  covers: '技術',
  theme: 'テーマ',
  international: '国際共同',
  code: 'コード',
  date: '日付',
  place: '場所',
  amount: '金額',
  fiscalYear: '年度',
  kind: '区分',
  qualifiers: '条件',
  asOf: '{date} 時点',
  outgoing: '→',
  incoming: '←',
  perYear: '/年',
  // projects page
  projectsHeading: '国際共同研究プロジェクト',
  projectsIntro: '国際共同研究と、その対象技術・相手国・代表者・期間・予算の一覧です。',
  filterTechnology: '技術',
  filterCountry: '国・地域',
  filterInternational: '国際共同研究のみ',
  filterApply: '絞り込む',
  filterReset: '解除',
  filterAny: '指定なし',
  project: 'プロジェクト',
  leads: '各国側の代表者',
  noProjects: '条件に合うプロジェクトはありません。',
  projectsCount: '{count} 件のプロジェクト',
  side: '{side}側',
  // entity types and relation types
  'type.Country': '国・地域',
  'type.Organization': '組織',
  'type.Program': 'プログラム',
  'type.Project': 'プロジェクト',
  'type.Technology': '技術',
  'type.Budget': '予算',
  'type.Event': 'イベント',
  'rel.COVERS': '対象技術',
  'rel.LEAD_OF': '代表',
  'rel.PARTNER_OF': '参加',
  'rel.BETWEEN': '当事国',
  'rel.LOCATED_IN': '所在',
  'rel.HAS_BUDGET': '予算',
  'rel.PART_OF': '一部',
  'rel.RELATED_TO': '関連',
  'pred.PERIOD': '期間',
  'pred.START': '開始',
  'pred.END': '終了',
  'pred.DATE': '日付',
  'pred.PLACE': '場所',
  'pred.QUANTITY': '数量',
  'pred.TARGET': '目標',
  'pred.THEME': 'テーマ',
  'pred.SUPPORT_FORM': '支援形態',
  'pred.DESCRIPTION': '説明',
};

export type MessageKey = keyof typeof ja;

const en: Record<MessageKey, string> = {
  appTitle: 'Policy Knowledge Graph',
  skipLink: 'Skip to content',
  navSearch: 'Search',
  navProjects: 'Joint projects',
  navMain: 'Main',
  langToggle: '日本語',
  langToggleLabel: '日本語 (switch the display language to Japanese)',
  loading: 'Loading…',
  errorPrefix: 'Error',
  errorNetwork: 'Cannot reach the server.',
  errorHttp: 'The server returned an error (HTTP {status}).',
  errorNotFound: 'Not found: {id}',
  retry: 'Retry',
  searchHeading: 'Document search',
  searchLabel: 'Search terms',
  searchPlaceholder: 'e.g. APN, Japan–Germany, Ericsson, Beyond 5G fund',
  searchHint: 'Results update as you type. Use ↑↓ to pick a suggestion and Enter to open its entity page.',
  suggestions: 'Suggestions',
  resultsCount: '{count} results',
  noResults: 'No matching passages.',
  emptyQuery: 'Type something to search.',
  interpretedAs: 'Understood as',
  moreResults: 'More results',
  lines: 'lines {start}–{end}',
  line: 'line {start}',
  mentions: 'Entities mentioned',
  filters: 'Filters',
  facetDocuments: 'Documents',
  facetEntityTypes: 'Entity types',
  clearFilters: 'Clear filters',
  entityType: 'Type',
  nameJa: 'Name',
  nameEn: 'English name',
  aliases: 'Aliases',
  facts: 'Facts',
  relations: 'Relations',
  related: 'Related entities',
  neighbourhood: 'Neighbourhood',
  neighbourhoodHint: 'Click a node to open that entity. The same information is in the Relations and Related entities lists.',
  mentionsHeading: 'Mentions',
  mentionCount: '{count} mentions',
  source: 'Source',
  history: 'History (superseded by a newer document)',
  current: 'Current',
  none: 'None',
  period: 'Period',
  budget: 'Budget',
  countries: 'Countries',
  covers: 'Technologies',
  theme: 'Theme',
  international: 'International',
  code: 'Code',
  date: 'Date',
  place: 'Place',
  amount: 'Amount',
  fiscalYear: 'Fiscal year',
  kind: 'Kind',
  qualifiers: 'Qualifiers',
  asOf: 'as of {date}',
  outgoing: '→',
  incoming: '←',
  perYear: '/year',
  projectsHeading: 'International joint research projects',
  projectsIntro: 'International joint projects with the technologies they cover, countries, leads, period and budget.',
  filterTechnology: 'Technology',
  filterCountry: 'Country',
  filterInternational: 'International only',
  filterApply: 'Filter',
  filterReset: 'Reset',
  filterAny: 'Any',
  project: 'Project',
  leads: 'Leads by side',
  noProjects: 'No project matches these filters.',
  projectsCount: '{count} projects',
  side: '{side} side',
  'type.Country': 'Country',
  'type.Organization': 'Organization',
  'type.Program': 'Program',
  'type.Project': 'Project',
  'type.Technology': 'Technology',
  'type.Budget': 'Budget',
  'type.Event': 'Event',
  'rel.COVERS': 'Covers',
  'rel.LEAD_OF': 'Lead of',
  'rel.PARTNER_OF': 'Partner of',
  'rel.BETWEEN': 'Between',
  'rel.LOCATED_IN': 'Located in',
  'rel.HAS_BUDGET': 'Budget',
  'rel.PART_OF': 'Part of',
  'rel.RELATED_TO': 'Related to',
  'pred.PERIOD': 'Period',
  'pred.START': 'Start',
  'pred.END': 'End',
  'pred.DATE': 'Date',
  'pred.PLACE': 'Place',
  'pred.QUANTITY': 'Quantity',
  'pred.TARGET': 'Target',
  'pred.THEME': 'Theme',
  'pred.SUPPORT_FORM': 'Form of support',
  'pred.DESCRIPTION': 'Description',
};

export type Lang = 'ja' | 'en';
const DICTIONARIES: Record<Lang, Record<MessageKey, string>> = { ja, en };
const STORAGE_KEY = 'kg.lang';
export const DEFAULT_LANG: Lang = 'ja';

function readStoredLang(): Lang {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    return v === 'en' || v === 'ja' ? v : DEFAULT_LANG;
  } catch {
    return DEFAULT_LANG; // storage disabled: keep the default
  }
}

let current: Lang = readStoredLang();

export function lang(): Lang {
  return current;
}

export function setLang(next: Lang): void {
  current = next;
  try {
    localStorage.setItem(STORAGE_KEY, next);
  } catch {
    // storage disabled: the choice lasts for this page only
  }
  document.documentElement.lang = next;
  window.dispatchEvent(new Event('langchange'));
}

/** Translates a key, filling {name} placeholders. */
export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  return DICTIONARIES[current][key].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

/** Translates a key built at run time (entity type, relation type, predicate); unknown ones show as given. */
export function tDynamic(prefix: 'type' | 'rel' | 'pred', value: string): string {
  const key = `${prefix}.${value}`;
  return key in ja ? t(key as MessageKey) : value;
}

/** A country/bloc code (JP, DE, EU) in the current language, via the browser's own data. */
export function regionName(code: string): string {
  try {
    return new Intl.DisplayNames([current], { type: 'region' }).of(code.toUpperCase()) ?? code;
  } catch {
    return code; // not a region code the browser knows
  }
}

export function formatYen(amount: number): string {
  return new Intl.NumberFormat(current === 'ja' ? 'ja-JP' : 'en-US', {
    style: 'currency',
    currency: 'JPY',
    notation: 'compact',
    maximumFractionDigits: 2,
  }).format(amount);
}
