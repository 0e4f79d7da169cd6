/*
 * `hindsight import`: a Markdown postmortem in the shape most teams' templates share (a title
 * heading; Date / Severity / Duration / Authors / Status lines; Summary, Impact, Timeline, Root
 * cause, Contributing factors, 5 Whys, What went well / poorly / lucky, Action items, Lessons
 * learned), or with loose YAML frontmatter, turned into a Hindsight draft. Pure: text and catalogs
 * in, the new file's text and a report out. The document is parsed with remark (the parser the
 * site's own bodies go through); what is read from it is matched by hand, because templates vary
 * in wording far more than in structure.
 */
import type { RootContent, Table } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { parse as parseYaml } from 'yaml';
import type { Catalog } from '../../schema/catalog';
import { IMPACT_NUMBERS } from '../../schema/impact';
import { TEMPLATE_TEXT } from '../quality/placeholders';
import { kebabCase, slugFromTitle } from '../text/slug';
import { importBody } from './body';
import { parseClock, parseDay, parseDuration, zoneOffset, type Clock } from './time';

export interface ImportContext {
  catalog: Catalog;
  /** Who is written as author when the document names nobody. */
  author: string;
  /** The date to use when the document gives none, YYYY-MM-DD. */
  today: string;
  /** The body sections the draft should end up with (the full or the light list). */
  sections: (light: boolean) => readonly string[];
  /** Whether a postmortem of this severity and type is light (config.light). */
  isLight: (severity: string, type: string) => boolean;
}

interface ImportReport {
  /** Fields taken from the document. */
  mapped: string[];
  /** Fields set from a guess (a catalog id matched in the text, a default): the author confirms them. */
  guessed: string[];
  /** Fields the document does not give: marked TODO in the draft. */
  missing: string[];
}

export interface ImportResult extends ImportReport {
  id: string;
  text: string;
}

type Section = { key: SectionKey | undefined; title: string; nodes: RootContent[] };
type SectionKey =
  | 'summary' | 'impact' | 'timeline' | 'rootCause' | 'contributing' | 'whys' | 'well' | 'poorly' | 'lucky'
  | 'actions' | 'lessons' | 'detection' | 'mitigation';

/** Section headings as templates write them, and the key each one maps to. */
const SECTION_NAMES: Array<[RegExp, SectionKey]> = [
  [/^(executive summary|summary|overview|tl;?dr|description|incident summary)$/, 'summary'],
  [/^(customer impact|impact|user impact|business impact)$/, 'impact'],
  [/^(timeline|incident timeline|sequence of events|chronology)\b/, 'timeline'],
  [/^(root causes?|root cause analysis|rca|cause)$/, 'rootCause'],
  [/^(contributing factors?|contributing causes|trigger)$/, 'contributing'],
  [/^(5|five) whys$/, 'whys'],
  [/^(what went well|went well|things that went well)$/, 'well'],
  [/^(what went (wrong|poorly|badly)|went (wrong|poorly)|things that went wrong)$/, 'poorly'],
  [/^(where we got lucky|what we got lucky|where we were lucky|lucky)$/, 'lucky'],
  [/^(action items|actions|follow[- ]up actions|follow[- ]ups|remediation( items)?|next steps|corrective actions)$/, 'actions'],
  [/^(lessons learned|lessons learnt|lessons|learnings|takeaways)$/, 'lessons'],
  [/^(detection|how we noticed|how it was detected)$/, 'detection'],
  [/^(mitigation|resolution|recovery|how we mitigated|how it was resolved)$/, 'mitigation'],
];

/** The body heading a mapped section gets in the draft (the quality policy's section names). */
const BODY_HEADING: Partial<Record<SectionKey, string>> = {
  summary: 'Summary', impact: 'Customer impact', detection: 'How we noticed', mitigation: 'How we mitigated',
  rootCause: 'Root cause analysis', well: 'What went well', poorly: 'What went poorly', lucky: 'Where we got lucky', lessons: 'Lessons learned',
};

const normaliseHeading = (s: string) => s.toLowerCase().replace(/[*_`:.]/g, '').replace(/\s*\(.*\)\s*$/, '').replace(/\s+/g, ' ').trim();

/** Plain text of a node (remark keeps text in `value` leaves; soft line breaks stay newlines). */
function textOf(node: unknown): string {
  const n = node as { value?: unknown; children?: unknown[]; type?: string };
  if (n.type === 'break') return '\n';
  if (n.type === 'html') return ' '; // <br>, comments: markup, not text
  if (typeof n.value === 'string') return n.value;
  return (n.children ?? []).map(textOf).join('');
}

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

function tableRows(table: Table): string[][] {
  return table.children.map((row) => row.children.map((cell) => oneLine(textOf(cell))));
}

/** Sentences up to `max` characters, cut at a sentence end when there is one. */
function shorten(text: string, max: number): string {
  const t = oneLine(text);
  if (t.length <= max) return t;
  const cut = t.slice(0, max);
  const end = Math.max(cut.lastIndexOf('. '), cut.lastIndexOf('! '), cut.lastIndexOf('? '));
  return end > max / 3 ? cut.slice(0, end + 1) : `${cut.slice(0, max - 1).replace(/\s+\S*$/, '')}…`;
}

/** The metadata keys templates use, and the field each feeds. */
const META_KEYS: Array<[RegExp, 'date' | 'severity' | 'duration' | 'authors' | 'status']> = [
  [/^(incident )?date|^when$|^day$/, 'date'],
  [/^sev(erity)?$|^severity level$|^impact level$/, 'severity'],
  [/^duration|^length$|^time to (resolve|recover)/, 'duration'],
  [/^authors?(\(s\))?$|^written by$|^owners?(\(s\))?$|^author\(s\)$|^prepared by$/, 'authors'],
  [/^status$|^state$/, 'status'],
];

function metaKey(label: string): (typeof META_KEYS)[number][1] | undefined {
  const l = label.toLowerCase().replace(/[*_]/g, '').trim();
  return META_KEYS.find(([re]) => re.test(l))?.[1];
}

interface Parsed {
  frontmatter: Record<string, unknown>;
  title: string | undefined;
  meta: Partial<Record<'date' | 'severity' | 'duration' | 'authors' | 'status', string>>;
  lead: RootContent[];
  sections: Section[];
  /** Source offsets of what the body leaves out: the title heading and the metadata lines. */
  consumed: Array<[number, number]>;
  body: string;
}

function parseDocument(source: string): Parsed {
  let body = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  let frontmatter: Record<string, unknown> = {};
  const fence = /^---[ \t]*\n([\s\S]*?)\n---[ \t]*(?:\n|$)/.exec(body);
  if (fence) {
    try {
      const data = parseYaml(fence[1] ?? '', { version: '1.2' }) as unknown;
      if (data && typeof data === 'object' && !Array.isArray(data)) frontmatter = data as Record<string, unknown>;
    } catch {
      // Loose frontmatter that is not YAML: left in the body as text.
    }
    if (Object.keys(frontmatter).length) body = body.slice(fence[0].length);
  }
  const tree = unified().use(remarkParse).use(remarkGfm).parse(body);
  const consumed: Array<[number, number]> = [];
  const span = (n: RootContent): [number, number] => [n.position?.start.offset ?? 0, n.position?.end.offset ?? 0];
  let title: string | undefined;
  const meta: Parsed['meta'] = {};
  const headingDepths = tree.children.filter((n) => n.type === 'heading' && n.depth >= 2).map((n) => (n as { depth: number }).depth);
  const sectionDepth = headingDepths.length ? Math.min(...headingDepths) : 2;
  const lead: RootContent[] = [];
  const sections: Section[] = [];
  for (const node of tree.children) {
    if (node.type === 'heading' && node.depth === 1 && title === undefined && !sections.length) {
      title = oneLine(textOf(node));
      consumed.push(span(node));
      continue;
    }
    if (node.type === 'heading' && node.depth <= sectionDepth) {
      const heading = oneLine(textOf(node));
      const name = normaliseHeading(heading);
      sections.push({ key: SECTION_NAMES.find(([re]) => re.test(name))?.[1], title: heading, nodes: [] });
      continue;
    }
    const current = sections.at(-1);
    if (current) {
      current.nodes.push(node);
      continue;
    }
    // Before the first section: metadata lines ("Date: …", a list of them, a two-column table) or lead prose.
    if (readMeta(node, meta)) consumed.push(span(node));
    else lead.push(node);
  }
  return { frontmatter, title, meta, lead, sections, consumed, body };
}

/** Reads "Key: value" lines (a paragraph, a list) or a two-column table into `meta`; true when the node was all metadata. */
function readMeta(node: RootContent, meta: Parsed['meta']): boolean {
  const take = (label: string, value: string) => {
    const key = metaKey(label);
    if (key && value.trim()) meta[key] = value.trim();
    return key !== undefined;
  };
  if (node.type === 'table') {
    const rows = tableRows(node);
    if (rows[0]?.length !== 2) return false;
    const hits = rows.filter(([k, v]) => take(k ?? '', v ?? ''));
    return hits.length > 0;
  }
  if (node.type === 'paragraph' || node.type === 'list') {
    const lines = node.type === 'list' ? node.children.map((li) => oneLine(textOf(li))) : textOf(node).split('\n');
    const pairs = lines.map((l) => /^\s*([A-Za-z][A-Za-z ()]{1,30}?)\s*:\s*(.+)$/.exec(l));
    if (!pairs.length || pairs.some((p) => !p)) return false;
    return pairs.filter((p) => take(p![1]!, p![2]!)).length === pairs.length;
  }
  return false;
}

const sectionText = (s: Section | undefined) => (s ? s.nodes.map((n) => textOf(n)).join('\n\n') : '');
const firstParagraph = (nodes: readonly RootContent[]) => {
  const p = nodes.find((n) => n.type === 'paragraph');
  return p ? oneLine(textOf(p)) : '';
};
const listItems = (nodes: readonly RootContent[]) =>
  nodes.flatMap((n) => (n.type === 'list' ? n.children.map((li) => ({ text: oneLine(textOf(li)), checked: li.checked })) : []));

/** A number as documents write it: 4,180 · 25k · 1.2M · 18 400. */
function parseCount(text: string): number | undefined {
  const m = /(\d[\d,. ]*\d|\d)\s*([kKmM])?\b/.exec(text);
  if (!m) return undefined;
  const raw = m[1]!.replace(/[ ,]/g, '');
  const n = Number(raw) * (m[2]?.toLowerCase() === 'k' ? 1_000 : m[2]?.toLowerCase() === 'm' ? 1_000_000 : 1);
  return Number.isFinite(n) ? Math.round(n) : undefined;
}

const PEOPLE = /\b(users?|customers?|recipients?|merchants?|drivers?|shoppers?|accounts?|people|clients?)\b/i;

/** Impact numbers from a table of metrics and from sentences ("about 1,900 merchants", "310 contacted support"). */
function impactNumbers(section: Section | undefined): Partial<Record<(typeof IMPACT_NUMBERS)[number], number>> {
  const out: Partial<Record<(typeof IMPACT_NUMBERS)[number], number>> = {};
  if (!section) return out;
  const set = (k: (typeof IMPACT_NUMBERS)[number], n: number | undefined) => {
    if (n !== undefined && out[k] === undefined) out[k] = n;
  };
  for (const node of section.nodes) {
    if (node.type !== 'table') continue;
    for (const [label = '', value = ''] of tableRows(node).slice(1)) {
      if (/ticket|contact/i.test(label)) set('support_tickets', parseCount(value));
      else if (/revenue|cost|\$|usd|loss/i.test(label) || /\$/.test(value)) set('revenue_usd', parseCount(value));
      else if (/slo|error budget/i.test(label)) set('slo_budget_consumed_pct', parseCount(value));
      else if (PEOPLE.test(label)) set('users_affected', parseCount(value));
    }
  }
  const text = sectionText({ ...section, nodes: section.nodes.filter((n) => n.type !== 'table') });
  const people = new RegExp(`(\\d[\\d,.]*\\s*[kKmM]?)\\s+(?:\\w+\\s+){0,2}?${PEOPLE.source}`, 'i').exec(text);
  if (people) set('users_affected', parseCount(people[1]!));
  const tickets = /(\d[\d,.]*)\s+(?:\w+\s+){0,2}?(?:support tickets|tickets|contacted support|calls to support)/i.exec(text);
  if (tickets) set('support_tickets', parseCount(tickets[1]!));
  const money = /\$\s?(\d[\d,.]*\s*[kKmM]?)/.exec(text);
  if (money) set('revenue_usd', parseCount(money[1]!));
  return out;
}

interface Row {
  day: string | undefined;
  clock: Clock;
  event: string;
  source?: string;
}

/** The time zone a document names for its timeline: in a header, the section, or anywhere. */
function findZone(...texts: string[]): { minutes: number; name: string } | undefined {
  for (const t of texts) {
    const z = zoneOffset(t);
    if (z) return z;
  }
  return undefined;
}

function timelineRows(section: Section | undefined): { rows: Row[]; header: string } {
  const rows: Row[] = [];
  let header = '';
  if (!section) return { rows, header };
  for (const node of section.nodes) {
    if (node.type === 'table') {
      const [head = [], ...body] = tableRows(node);
      header = head.join(' ');
      const timeCol = Math.max(0, head.findIndex((h) => /time|when|date|timestamp|utc|clock/i.test(h)));
      let eventCol = head.findIndex((h, i) => i !== timeCol && /event|description|what|happened|detail|action|update/i.test(h));
      if (eventCol < 0) eventCol = timeCol === 0 ? 1 : 0;
      const sourceCol = head.findIndex((h, i) => i !== timeCol && i !== eventCol && /source|link|evidence|graph|dashboard/i.test(h));
      for (const cells of body) {
        const when = cells[timeCol] ?? '';
        const clock = parseClock(when);
        const event = cells[eventCol] ?? '';
        if (!clock || !event) continue;
        const source = sourceCol >= 0 && /^https?:\/\/\S+$/.test(cells[sourceCol] ?? '') ? cells[sourceCol] : undefined;
        rows.push({ day: parseDay(when), clock, event, ...(source ? { source } : {}) });
      }
    }
    for (const item of node.type === 'list' ? listItems([node]) : []) {
      const m = /^(.{0,40}?\d{1,2}[:.h]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*\(?[A-Z]{2,5}(?:[+-]\d{1,2}(?::?\d{2})?)?\)?)?)\s*[—–:|-]+\s*(.+)$/i.exec(item.text);
      const clock = m ? parseClock(m[1]!) : undefined;
      if (m && clock) rows.push({ day: parseDay(m[1]!), clock, event: m[2]!.trim() });
    }
  }
  return { rows, header };
}

type Milestone = 'started' | 'detected' | 'acknowledged' | 'diagnosed' | 'mitigated' | 'resolved';
const MILESTONE_WORDS: Array<[Exclude<Milestone, 'started' | 'resolved'>, RegExp]> = [
  ['detected', /\b(alert|alarm|paged?|detected|noticed|reported|report(s)? of|fired|ticket opened)\b/i],
  ['acknowledged', /\b(acknowledged|ack'?d|on-?call (joined|responded)|started investigating)\b/i],
  ['diagnosed', /\b(root cause|traced|identified|found( the)?|diagnosed|pinpointed)\b/i],
  ['mitigated', /\b(mitigat\w*|rolled back|rollback|roll back|workaround|failed over|capped|halted|disabled|reverted|patched)\b/i],
];
const RESOLVED = /\b(resolved|recovered|back to (normal|baseline)|fully restored|all clear|closed|drained|normal again)\b/i;

interface TimelineEvent {
  at: string;
  kind?: Milestone;
  event: string;
  source?: string;
}

/** Milestones from the events' wording, kept in the order the content model requires. */
function markMilestones(events: TimelineEvent[]): void {
  if (!events.length) return;
  events[0]!.kind = 'started';
  let from = 1;
  const resolvedAt = events.findLastIndex((e, i) => i > 0 && RESOLVED.test(e.event));
  const last = resolvedAt > 0 ? resolvedAt : events.length;
  for (const [kind, words] of MILESTONE_WORDS) {
    // diagnosed sits on its own branch (after detected); the others follow one another.
    const i = events.findIndex((e, j) => j >= from && j < last && !e.kind && words.test(e.event));
    if (i < 0) continue;
    events[i]!.kind = kind;
    if (kind !== 'diagnosed') from = i + 1;
  }
  if (resolvedAt > 0 && !events[resolvedAt]!.kind) events[resolvedAt]!.kind = 'resolved';
}

/** The id of a catalog entry named in a text (by id, or by name), best first. */
function named<T extends { id: string; name: string }>(list: readonly T[], text: string): T[] {
  const hay = ` ${text.toLowerCase().replace(/[^a-z0-9]+/g, ' ')} `;
  return list.filter((e) => [e.id, e.name].some((n) => n && hay.includes(` ${n.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim()} `)));
}

/** The taxonomy category whose words a text uses most (id, name and description words of four letters or more). */
function guessCategory(catalog: Catalog, text: string): string | undefined {
  const words = new Set(text.toLowerCase().match(/[a-z]{4,}/g) ?? []);
  let best: { id: string; score: number } | undefined;
  for (const c of catalog.categories.filter((c) => !c.deprecated)) {
    const own = new Set(`${c.id.replace(/-/g, ' ')} ${c.name} ${c.description}`.toLowerCase().match(/[a-z]{4,}/g) ?? []);
    let score = 0;
    for (const w of own) if (words.has(w) || words.has(`${w}s`) || words.has(w.replace(/s$/, ''))) score++;
    if (score > (best?.score ?? 0)) best = { id: c.id, score };
  }
  return best?.id;
}

function guessSeverity(catalog: Catalog, given: string | undefined): string | undefined {
  if (!given) return undefined;
  const g = given.toLowerCase().replace(/[^a-z0-9]/g, '');
  const bySeverity = [...catalog.severities].sort((a, b) => a.rank - b.rank);
  const exact = bySeverity.find((s) => s.id.toLowerCase().replace(/[^a-z0-9]/g, '') === g || s.name.toLowerCase() === given.toLowerCase().trim());
  if (exact) return exact.id;
  const digit = /(\d)/.exec(g)?.[1];
  if (digit) return bySeverity.find((s) => s.rank === Number(digit) || s.id.endsWith(digit))?.id;
  const words: Record<string, number> = { critical: 1, major: 2, high: 2, medium: 3, moderate: 3, minor: 4, low: 4 };
  const rank = Object.entries(words).find(([w]) => g.includes(w))?.[1];
  return rank ? bySeverity.find((s) => s.rank === rank)?.id : undefined;
}

const handleOf = (name: string) => (name.trim().startsWith('@') ? name.trim().slice(1) : kebabCase(name));

function people(text: string): string[] {
  return text.split(/\s*(?:,|;|\band\b|&|\/)\s*/).map(handleOf).filter((h) => /^[a-z0-9][a-z0-9._-]*$/i.test(h));
}

function actionType(title: string): 'prevent' | 'detect' | 'mitigate' | 'process' {
  if (/\b(alert|alarm|monitor|dashboard|page|detect|notify)\w*/i.test(title)) return 'detect';
  if (/\b(runbook|checklist|review|training|document|process|playbook|communicat)\w*/i.test(title)) return 'process';
  if (/\b(rollback|roll back|failover|retry|timeout|circuit|rate limit|throttle|restore)\w*/i.test(title)) return 'mitigate';
  return 'prevent';
}

function priorityOf(text: string | undefined): 'P0' | 'P1' | 'P2' | 'P3' | undefined {
  if (!text) return undefined;
  const p = /\bP([0-3])\b/i.exec(text);
  if (p) return `P${p[1]}` as 'P0' | 'P1' | 'P2' | 'P3';
  if (/critical|urgent|highest/i.test(text)) return 'P0';
  if (/high/i.test(text)) return 'P1';
  if (/medium|normal|moderate/i.test(text)) return 'P2';
  if (/low|minor/i.test(text)) return 'P3';
  return undefined;
}

function statusOf(text: string | undefined, checked: boolean | null | undefined): 'open' | 'in-progress' | 'done' | 'wont-do' {
  if (checked) return 'done';
  if (!text) return 'open';
  if (/won'?t|will not|declined|cancel/i.test(text)) return 'wont-do';
  if (/done|complete|closed|fixed|finished|shipped/i.test(text)) return 'done';
  if (/progress|doing|started|ongoing/i.test(text)) return 'in-progress';
  return 'open';
}

interface RawAction {
  title: string;
  owner?: string;
  due?: string;
  priority?: string;
  status?: string;
  checked?: boolean | null | undefined;
  tracker?: string;
}

function rawActions(section: Section | undefined): RawAction[] {
  if (!section) return [];
  const out: RawAction[] = [];
  for (const node of section.nodes) {
    if (node.type === 'table') {
      const [head = [], ...body] = tableRows(node);
      const col = (re: RegExp) => head.findIndex((h) => re.test(h));
      const title = [col(/action|task|item|title|what|description|remediation/i), head.findIndex((h, i) => i > 0 && !/^#|no\.?$/i.test(h))].find((i) => i >= 0) ?? 0;
      const owner = col(/owner|who|assignee|responsible/i), due = col(/due|deadline|date|eta|by when/i), priority = col(/prio|severity|importance/i), status = col(/status|state|done/i), tracker = col(/ticket|tracker|issue|link|jira/i);
      for (const cells of body) {
        const t = cells[title]?.trim();
        if (!t) continue;
        const get = (i: number) => (i >= 0 ? cells[i]?.trim() || undefined : undefined);
        out.push({ title: t, ...pick({ owner: get(owner), due: get(due), priority: get(priority), status: get(status), tracker: get(tracker) }) });
      }
    }
    for (const item of node.type === 'list' ? listItems([node]) : []) {
      // "Do X (owner: @a, due 2026-03-20, P1)" · "Do X — owner: a — due: 2026-04-01" · "[x] Do X"
      const text = item.text.replace(/^\[[ xX]\]\s*/, '');
      const owner = /\bowner:?\s*(@?[\w.-]+)/i.exec(text)?.[1] ?? /(?:^|\s)(@[\w.-]+)/.exec(text)?.[1];
      const due = /\bdue(?: date)?:?\s*(\d{4}-\d{2}-\d{2}|\w+ \d{1,2},? \d{4}|\d{1,2} \w+ \d{4})/i.exec(text)?.[1];
      const priority = /\b(?:priority:?\s*)?(P[0-3])\b/i.exec(text)?.[1];
      const title = text.replace(/\s*\((?:[^()]*\b(?:owner|due|P[0-3])\b[^()]*)\)\s*$/i, '').split(/\s+[—–]\s+(?=owner|due|priority)/i)[0]!.trim();
      out.push({ title, checked: item.checked, ...pick({ owner, due, priority }) });
    }
  }
  return out;
}

function pick<T extends Record<string, string | undefined>>(o: T): Partial<Record<keyof T, string>> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<Record<keyof T, string>>;
}

function whysOf(section: Section | undefined): Array<{ why: string; because: string }> {
  if (!section) return [];
  const out: Array<{ why: string; because: string }> = [];
  for (const node of section.nodes) {
    if (node.type === 'table') {
      for (const [why = '', because = ''] of tableRows(node).slice(1)) if (why && because) out.push({ why, because });
    }
  }
  const lines = [
    ...listItems(section.nodes).map((i) => i.text),
    ...section.nodes.filter((n) => n.type === 'paragraph').flatMap((n) => textOf(n).split('\n')),
  ];
  for (const line of lines) {
    const m = /^(?:\d+[.)]\s*)?(?:\*\*)?(why\b[^?]*\?)\s*(?:[—–:-]+\s*)?(?:because[,:]?\s*)?(.+)$/i.exec(line.trim());
    if (m && m[2]!.trim()) out.push({ why: m[1]!.trim(), because: m[2]!.replace(/^because[,:]?\s*/i, '').trim() });
  }
  return out;
}

const yamlValue = (v: unknown): string => JSON.stringify(v);

/** Turns one Markdown postmortem into the text of a Hindsight draft and says what it mapped. */
export function importMarkdown(source: string, ctx: ImportContext): ImportResult {
  const doc = parseDocument(source);
  const fm = doc.frontmatter;
  const mapped: string[] = [];
  const guessed: string[] = [];
  const missing: string[] = [];
  const section = (key: SectionKey) => doc.sections.find((s) => s.key === key);
  const str = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : undefined);
  const allText = [doc.title ?? '', ...doc.lead.map(textOf), ...doc.sections.map((s) => `${s.title}\n${sectionText(s)}`)].join('\n');

  // Title
  const rawTitle = str(fm['title']) ?? doc.title;
  const title = rawTitle ? oneLine(rawTitle.replace(/^(post-?mortem|incident( report)?|rca|coe|correction of errors)\s*[:\-–—]\s*/i, '')) : undefined;
  if (title) mapped.push('title');
  else missing.push('title');

  // Date, duration, severity, authors
  const dayText = str(fm['date']) ?? doc.meta.date;
  let day = dayText ? parseDay(dayText) : undefined;
  const durationText = str(fm['duration']) ?? doc.meta.duration;
  const duration = durationText ? parseDuration(durationText) : undefined;
  const severityText = str(fm['severity']) ?? doc.meta.severity;
  let severity = guessSeverity(ctx.catalog, severityText);
  if (severity) mapped.push('severity');
  else {
    severity = [...ctx.catalog.severities].sort((a, b) => b.rank - a.rank)[0]?.id ?? 'SEV3';
    guessed.push(`severity (${severityText ? `"${severityText}" is not in severities.yml` : 'none given'}; set to ${severity})`);
  }
  const authorsText = Array.isArray(fm['authors']) ? (fm['authors'] as unknown[]).map(String).join(', ') : str(fm['authors']) ?? str(fm['author']) ?? doc.meta.authors;
  let authors = authorsText ? people(authorsText) : [];
  if (authors.length) mapped.push('authors');
  else {
    authors = [ctx.author];
    guessed.push(`authors (none named; set to ${ctx.author})`);
  }

  // Timeline
  const timeline = section('timeline');
  const { rows, header } = timelineRows(timeline);
  const zone = findZone(header, sectionText(timeline), allText);
  if (rows.length && !day) day = rows.find((r) => r.day)?.day;
  const events: TimelineEvent[] = [];
  if (rows.length) {
    if (!zone) guessed.push('timeline times (no time zone named: taken as UTC)');
    const offset = zone?.minutes ?? 0;
    let current = day ?? ctx.today;
    let previous = -1;
    for (const r of rows) {
      const minutes = r.clock.h * 60 + r.clock.m;
      if (r.day) current = r.day;
      else if (minutes < previous) current = addDays(current, 1); // past midnight
      previous = minutes;
      events.push({ at: `${current}T${pad(r.clock.h)}:${pad(r.clock.m)}${offsetText(offset)}`, event: r.event, ...(r.source ? { source: r.source } : {}) });
    }
    events.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
    markMilestones(events);
    mapped.push(`timeline (${events.length} events${zone ? `, ${zone.name}` : ''})`);
    if (!events.some((e) => e.kind === 'resolved') && duration !== undefined) {
      const end = new Date(Date.parse(events[0]!.at) + duration * 60_000);
      events.push({ at: `${end.toISOString().slice(0, 16)}Z`, kind: 'resolved', event: `Resolved (the original document gives a duration of ${durationText})` });
      guessed.push('timeline resolved event (from the duration)');
    }
  }
  if (!day) {
    day = ctx.today;
    guessed.push(`date (none given; set to ${ctx.today}: rename the file when you know it)`);
  } else mapped.push('date');
  if (events.length < 2) {
    const start = events[0]?.at ?? `${day}T00:00Z`;
    if (!events.length) events.push({ at: start, kind: 'started', event: 'TODO what changed or failed first (and when: the time is a placeholder)' });
    const end = duration !== undefined ? `${new Date(Date.parse(start) + duration * 60_000).toISOString().slice(0, 16)}Z` : start;
    events.push({ at: end, kind: duration !== undefined ? 'resolved' : 'detected', event: duration !== undefined ? `Resolved (the original document gives a duration of ${durationText})` : `TODO ${TEMPLATE_TEXT.detectedEvent}` });
    missing.push('timeline');
  }
  const startedDay = new Date(Date.parse(events[0]!.at)).toISOString().slice(0, 10);

  // Summary
  const summarySection = section('summary');
  const summarySource = firstParagraph(summarySection?.nodes ?? []) || firstParagraph(doc.lead) || str(fm['summary']) || str(fm['description']) || '';
  const summary = summarySource ? shorten(summarySource, 400) : `TODO ${TEMPLATE_TEXT.summary}`;
  if (summarySource) mapped.push('summary');
  else missing.push('summary');

  // Impact
  const impactSection = section('impact');
  const numbers = impactNumbers(impactSection);
  const impactText = firstParagraph(impactSection?.nodes.filter((n) => n.type !== 'table') ?? []) || listItems(impactSection?.nodes ?? []).map((i) => i.text).join('; ');
  if (impactText) mapped.push('impact.description');
  else missing.push('impact.description');
  for (const k of Object.keys(numbers)) mapped.push(`impact.${k}`);
  if (!Object.keys(numbers).length) missing.push('impact numbers');

  // Root cause, contributing factors, whys
  const rootText = firstParagraph(section('rootCause')?.nodes ?? []);
  if (rootText) mapped.push('root_cause.summary');
  else missing.push('root_cause.summary');
  const category = guessCategory(ctx.catalog, `${rootText} ${title ?? ''}`) ?? ctx.catalog.categories.find((c) => !c.deprecated)?.id ?? 'software-defect';
  guessed.push(`root_cause.category (${category})`);
  const factors = listItems(section('contributing')?.nodes ?? []).map((i) => ({ category: guessCategory(ctx.catalog, i.text) ?? category, description: i.text }));
  if (factors.length) mapped.push(`contributing_factors (${factors.length})`);
  const whys = whysOf(section('whys'));
  if (whys.length) mapped.push(`five_whys (${whys.length})`);
  else missing.push('five_whys');

  // Action items
  const actions = rawActions(section('actions')).map((a) => {
    const due = (a.due && parseDay(a.due)) || undefined;
    const status = statusOf(a.status, a.checked);
    const owner = a.owner ? handleOf(a.owner) : undefined;
    const dueDay = due ?? addDays(startedDay, 30);
    return {
      title: a.title,
      owner: owner && /^[a-z0-9][a-z0-9._-]*$/i.test(owner) ? owner : authors[0]!,
      due: dueDay,
      priority: priorityOf(a.priority ?? a.title) ?? 'P2',
      type: actionType(a.title),
      status,
      ...(status === 'done' ? { completed: dueDay < startedDay ? startedDay : dueDay } : {}),
      ...(a.tracker && /^https?:\/\/\S+$/.test(a.tracker) ? { tracker: a.tracker } : {}),
      guesses: [!owner && 'owner', !due && 'due', !priorityOf(a.priority ?? a.title) && 'priority', status === 'done' && 'completed'].filter(Boolean) as string[],
    };
  });
  if (actions.length) {
    mapped.push(`action_items (${actions.length})`);
    const guesses = [...new Set(actions.flatMap((a) => a.guesses))];
    if (guesses.length) guessed.push(`action_items ${guesses.join(', ')} (not in the document)`);
  } else missing.push('action_items');

  // Services, teams, type, detection, tags
  const focus = `${title ?? ''}\n${summary}\n${impactText}\n${rootText}`;
  let services = named(ctx.catalog.services, focus).map((s) => s.id);
  if (!services.length) services = named(ctx.catalog.services, allText).map((s) => s.id).slice(0, 3);
  if (services.length) guessed.push(`services (${services.join(', ')}: named in the text)`);
  else {
    services = ctx.catalog.services.slice(0, 1).map((s) => s.id);
    guessed.push(`services (none named in the text; set to ${services.join(', ')})`);
  }
  const teams = [...new Set(services.flatMap((id) => ctx.catalog.services.find((s) => s.id === id)?.team ?? []))];
  const type = /near[- ]miss/i.test(allText) ? 'near-miss' : /\b(breach|security|exposed|leak)\w*/i.test(focus) ? 'security' : /\bdata loss|lost data\b/i.test(focus) ? 'data-loss' : /\b(slow|latency|delay\w*|degrad\w*|stale|lag)\b/i.test(focus) ? 'degradation' : 'outage';
  guessed.push(`incident_type (${type})`);
  const detectedEvent = [events.find((e) => e.kind === 'detected')?.event ?? '', sectionText(section('detection'))].filter((t) => !/^TODO\b/.test(t)).join('\n');
  const detection = /\b(customer|merchant|recipient|driver|user|support|depot lead)s?\b.*\b(report|told|complain|contact|ticket)/i.test(detectedEvent) || /\breport(ed|s)? (by|from|to)\b/i.test(detectedEvent)
    ? 'customer-report'
    : /\b(alert|alarm|page|paged|monitor|fired)\b/i.test(detectedEvent) ? 'alert' : 'other';
  guessed.push(`detection (${detection})`);
  const tags = (Array.isArray(fm['tags']) ? (fm['tags'] as unknown[]) : []).map((t) => kebabCase(String(t))).filter(Boolean);
  if (tags.length) mapped.push('tags');
  if (doc.meta.status || fm['status']) mapped.push(`status noted ("${str(fm['status']) ?? doc.meta.status}"; the draft starts as status: draft)`);

  const light = ctx.isLight(severity, type);
  const id = `${startedDay}-${slugFromTitle(title ?? 'imported postmortem')}`;
  const fmLines = [
    '---',
    `# Imported by \`hindsight import\`. Confirm every value marked TODO or "confirm", then run \`npx hindsight check\`.`,
    `title: ${yamlValue(title ?? 'TODO one-line title')}`,
    `summary: ${yamlValue(summary)}`,
    'status: draft',
    `severity: ${yamlValue(severity)}${severityText && guessSeverity(ctx.catalog, severityText) ? '' : '   # confirm: not given in the document'}`,
    'visibility: internal',
    `incident_type: ${yamlValue(type)}   # confirm (guessed from the text)`,
    `detection: ${yamlValue(detection)}   # confirm (guessed from the text)`,
    `authors: ${yamlValue(authors)}`,
    'reviewers: []',
    `services: ${yamlValue(services)}   # confirm (guessed from the text)`,
    `teams: ${yamlValue(teams)}`,
    ...(tags.length ? [`tags: ${yamlValue(tags)}`] : []),
    'timeline:',
    ...events.flatMap((e) => [
      `  - at: ${yamlValue(e.at)}`,
      ...(e.kind ? [`    kind: ${e.kind}`] : []),
      `    event: ${yamlValue(e.event)}`,
      ...(e.source ? [`    source: ${yamlValue(e.source)}`] : []),
    ]),
    'impact:',
    `  description: ${yamlValue(impactText ? shorten(impactText, 600) : `TODO ${TEMPLATE_TEXT.impact}`)}`,
    ...IMPACT_NUMBERS.filter((k) => numbers[k] !== undefined).map((k) => `  ${k}: ${numbers[k]}`),
    'root_cause:',
    `  category: ${yamlValue(category)}   # confirm: an id from taxonomy.yml`,
    `  summary: ${yamlValue(rootText || `TODO ${TEMPLATE_TEXT.rootCause}`)}`,
    ...(factors.length ? ['contributing_factors:', ...factors.flatMap((f) => [`  - category: ${yamlValue(f.category)}   # confirm`, `    description: ${yamlValue(f.description)}`])] : []),
    'five_whys:',
    ...(whys.length ? whys : [{ why: `TODO ${TEMPLATE_TEXT.firstWhy}`, because: 'TODO' }]).flatMap((w) => [`  - why: ${yamlValue(w.why)}`, `    because: ${yamlValue(w.because)}`]),
    'action_items:',
    ...(actions.length ? actions : [{ title: `TODO ${TEMPLATE_TEXT.action}`, owner: authors[0]!, due: addDays(startedDay, 30), priority: 'P2', type: 'prevent', status: 'open', guesses: [] as string[] }]).flatMap((a) => [
      `  - title: ${yamlValue(a.title)}`,
      `    owner: ${yamlValue(a.owner)}`,
      `    due: ${a.due}${a.guesses.includes('due') ? '   # confirm: not in the document' : ''}`,
      `    priority: ${a.priority}`,
      `    type: ${a.type}   # confirm`,
      `    status: ${a.status}`,
      ...('completed' in a && a.completed ? [`    completed: ${a.completed}   # confirm: the document gives no completion date`] : []),
      ...('tracker' in a && a.tracker ? [`    tracker: ${yamlValue(a.tracker)}`] : []),
    ]),
    '---',
    '',
  ];
  const body = importBody(doc.body, {
    consumed: doc.consumed,
    headings: doc.sections.map((s) => ({ from: s.title, to: s.key ? BODY_HEADING[s.key] : undefined })),
    leadHeading: summarySection ? undefined : 'Summary',
    expected: ctx.sections(light),
    guidance: TEMPLATE_TEXT.sections,
  });
  return { id, text: `${fmLines.join('\n')}\n${body}`, mapped, guessed, missing: [...missing, ...body.split('\n').filter((l) => /^TODO: /.test(l)).length ? ['body sections (added with TODO)'] : []] };
}

const pad = (n: number) => String(n).padStart(2, '0');
const offsetText = (minutes: number) => (minutes === 0 ? 'Z' : `${minutes < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(minutes) / 60))}:${pad(Math.abs(minutes) % 60)}`);
function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}
