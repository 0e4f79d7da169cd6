import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { expect } from 'vitest';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { readKnowledgeBase, readPostmortem } from '../../../src/kb/read';
import type { Catalog } from '../../../src/schema/catalog';
import { isCalendarDate, utcDate } from '../../../src/schema/datetime';
import { fieldPath, type ContentIssue } from '../../../src/schema/issues';
import { REQUIRED_FOR_PUBLISHED, type PostmortemFrontmatter } from '../../../src/schema/postmortem';
import { categoryResolver, checkReferences } from '../../../src/schema/references';
import { MILESTONE_ORDER } from '../../../src/schema/timeline-event';
import { isHttpUrl } from '../../../src/schema/url';
import { FIXTURES, tempKnowledgeBase } from '../../helpers/kb';
import { anyText } from './text';

const VALID_FILE = join(FIXTURES, 'rules/valid.mdx');
export const KNOWN_FILE = join(FIXTURES, 'sites/basic/content/postmortems/2026-03-02-checkout-pool-exhaustion.mdx');
export const ID = '2026-06-11-search-shard-rebalance';
export const KNOWN_ID = basename(KNOWN_FILE, '.mdx');

const VALID_TEXT = readFileSync(VALID_FILE, 'utf8');
const SPLIT = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(VALID_TEXT)!;
/** The valid postmortem's frontmatter as plain data (YAML 1.2: dates stay strings). */
export const BASE = parseYaml(SPLIT[1]!, { version: '1.2' }) as Record<string, unknown>;
export const BODY = SPLIT[2]!;
export const VALID_SOURCE = VALID_TEXT;

export type Path = Array<string | number>;

/* ------------------------------------------------------------------ paths */

function allPaths(value: unknown, prefix: Path = []): Path[] {
  const out: Path[] = [];
  if (Array.isArray(value)) value.forEach((v, i) => out.push([...prefix, i], ...allPaths(v, [...prefix, i])));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) out.push([...prefix, k], ...allPaths(v, [...prefix, k]));
  return out;
}

/** Every field of the valid postmortem, top-level and nested. */
export const EXISTING_PATHS = allPaths(BASE);
/** Optional fields the valid postmortem leaves out: mutations may add them. */
const ADDABLE_PATHS: Path[] = [
  ['related'], ['recurrence_of'], ['teams', 1], ['services', 1], ['tags', 1], ['authors', 1], ['contributing_factors'], ['five_whys'], ['reviewers'],
  ['approved'], ['follow_up_review'], ['action_items', 0, 'completed'], ['action_items', 0, 'tracker'], ['action_items', 1],
  ['timeline', 1, 'source'], ['timeline', 4], ['impact', 'revenue_usd'], ['impact', 'data_loss'], ['impact', 'slo_budget_consumed_pct'],
];
const leafPaths = (test: (v: unknown, p: Path) => boolean) => EXISTING_PATHS.filter((p) => test(getAt(BASE, p).value, p));
export const STRING_PATHS = leafPaths((v) => typeof v === 'string');
const OBJECT_PATHS: Path[] = [[], ...leafPaths((v) => !!v && typeof v === 'object' && !Array.isArray(v))];
const AT_PATHS = leafPaths((_, p) => p[0] === 'timeline' && p[2] === 'at');

/* ------------------------------------------------------------- set / get */

function getAt(root: unknown, path: Path): { found: boolean; value: unknown } {
  let node: unknown = root;
  for (const part of path) {
    if (node === null || typeof node !== 'object' || !Object.prototype.hasOwnProperty.call(node, part)) return { found: false, value: undefined };
    node = (node as Record<string | number, unknown>)[part];
  }
  return { found: true, value: node };
}

/** Sets an own property, even for keys such as __proto__ that plain assignment would treat specially. */
function define(target: object, key: string | number, value: unknown) {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Builds an object from entries with own properties only (no prototype tricks). */
function objectOf(entries: ReadonlyArray<readonly [string, unknown]>): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  for (const [k, v] of entries) define(o, k, v);
  return o;
}

function setAt(root: unknown, path: Path, value: unknown): boolean {
  if (!path.length) return false;
  const parent = getAt(root, path.slice(0, -1));
  const key = path[path.length - 1]!;
  if (!parent.found || parent.value === null || typeof parent.value !== 'object') return false;
  if (Array.isArray(parent.value)) {
    if (typeof key !== 'number' || key > parent.value.length) return false;
    parent.value[key] = value;
  } else {
    if (typeof key !== 'string') return false;
    define(parent.value, key, value);
  }
  return true;
}

function dropAt(root: unknown, path: Path): boolean {
  const parent = getAt(root, path.slice(0, -1));
  const key = path[path.length - 1]!;
  if (!parent.found || parent.value === null || typeof parent.value !== 'object') return false;
  if (Array.isArray(parent.value)) {
    if (typeof key !== 'number' || key >= parent.value.length) return false;
    parent.value.splice(key, 1);
    return true;
  }
  if (!Object.prototype.hasOwnProperty.call(parent.value, key)) return false;
  delete (parent.value as Record<string, unknown>)[key];
  return true;
}

/* ------------------------------------------------------------- mutations */

export type Mutation =
  | { op: 'drop'; path: Path }
  | { op: 'set'; path: Path; value: unknown; kind: string }
  | { op: 'shuffle'; order: number[] }
  | { op: 'duplicate'; index: number; to: number };

/** Applies the mutations to a copy; returns it and the mutations that actually changed something. */
export function mutate(mutations: readonly Mutation[]): { data: Record<string, unknown>; applied: Mutation[] } {
  const data = structuredClone(BASE);
  const applied: Mutation[] = [];
  for (const m of mutations) {
    let ok = false;
    if (m.op === 'drop') ok = dropAt(data, m.path);
    else if (m.op === 'set') ok = setAt(data, m.path, structuredCloneSafe(m.value));
    else {
      const tl: unknown = data.timeline;
      if (Array.isArray(tl)) {
        const events = tl as unknown[];
        if (m.op === 'shuffle') {
          const order = m.order.filter((i) => i < events.length);
          const shuffled = order.map((i) => events[i]);
          events.splice(0, order.length, ...shuffled);
          ok = true;
        } else if (m.index < tl.length) {
          tl.splice(Math.min(m.to, tl.length), 0, structuredCloneSafe(tl[m.index]));
          ok = true;
        }
      }
    }
    if (ok) applied.push(m);
  }
  return { data, applied };
}

/** A deep copy that keeps keys such as __proto__ as own properties (each run mutates its own copy). */
function structuredCloneSafe(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(structuredCloneSafe);
  if (value && typeof value === 'object') return objectOf(Object.entries(value).map(([k, v]) => [k, structuredCloneSafe(v)] as const));
  return value;
}

/**
 * The fields a mutation may legitimately be blamed on: the mutated path, plus
 * the whole-timeline rules (order, milestones, file date) for any timeline
 * change (and the dates that may not precede the start: completed,
 * follow_up_held), the published-milestones rule for status, and the
 * done/completed pairing within one action item.
 */
function scopesOf(m: Mutation): Path[] {
  if (m.op === 'shuffle' || m.op === 'duplicate') return [['timeline'], ['action_items']];
  const p = m.path;
  const out: Path[] = [p];
  if (p[0] === 'timeline') out.push(['timeline'], ['action_items'], ['follow_up_held']);
  if (p[0] === 'status') out.push(['timeline']);
  if (p[0] === 'action_items' && typeof p[1] === 'number') out.push(['action_items', p[1]]);
  return out;
}

/** True when `field` is the scope itself, inside it, or one of its parents (never the empty file-level field). */
function fieldWithin(field: string, scope: string): boolean {
  const under = (a: string, b: string) => b !== '' && (a.startsWith(`${b}.`) || a.startsWith(`${b}[`));
  return field === scope || under(field, scope) || (field !== '' && under(scope, field));
}

/** Rules about the file as a whole: the limits are checked before the file is parsed, so no field is known yet. */
const FILE_LEVEL_RULES = new Set(['file/yaml', 'file/frontmatter', 'file/name', 'reference/duplicate-id', 'limit/line-length', 'limit/file-size']);

/* -------------------------------------------------------------- values */

const weirdKey = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__', '', ' ', 'sevrity', 'Title', 'title ', 'timeline.0', 'a[0]', '0', '-1', 'null', '~', '<<', 'é', '标题', 'عنوان', '🙂'),
  anyText(20),
);

const number = fc.oneof(
  fc.integer(),
  fc.integer({ min: -5, max: 5 }),
  fc.double(),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0, 0, Number.MAX_SAFE_INTEGER, Number.MAX_VALUE, Number.MIN_VALUE, 1e21, 0.1),
);

const leaf: fc.Arbitrary<unknown> = fc.oneof(anyText(30), number, fc.boolean(), fc.constant(null));

/** Any value, for retyping a field: string, number, boolean, null, list or mapping. */
const anyValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.array(fc.tuple(weirdKey, tie('value')), { maxLength: 4 }).map(objectOf),
  ),
})).value;

const pad = (n: number, w: number) => String(Math.abs(n)).padStart(w, '0');

/** Timestamps, valid and odd: offsets +14:00, -12:00, +05:45, +0530, lowercase z, :60, years 0001/1960/9999, Feb 29 … */
export const oddTimestamp: fc.Arbitrary<string> = fc.oneof(
  fc
    .record({
      year: fc.oneof(fc.constantFrom(1, 1960, 1969, 1970, 2000, 2024, 2025, 2026, 2100, 9999, 0), fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 10000, max: 999999 })),
      month: fc.oneof(fc.constantFrom(2, 6), fc.integer({ min: 0, max: 13 })),
      day: fc.oneof(fc.constantFrom(11, 28, 29, 30, 31), fc.integer({ min: 0, max: 32 })),
      hour: fc.integer({ min: 0, max: 24 }),
      minute: fc.integer({ min: 0, max: 60 }),
      second: fc.option(fc.oneof(fc.constantFrom(0, 59, 60), fc.integer({ min: 0, max: 61 }))),
      frac: fc.option(fc.stringMatching(/^[0-9]{1,9}$/)),
      sep: fc.constantFrom('T', 'T', 'T', 't', ' '),
      offset: fc.constantFrom('Z', 'Z', 'z', '+00:00', '-00:00', '+14:00', '-12:00', '+05:45', '+05:30', '+0530', '-0930', '+14:59', '-14:00', '+15:00', '+12:60', '+5:30', '', 'UTC', ' Z', 'Z ', '+01', '−05:00'),
    })
    .map(({ year, month, day, hour, minute, second, frac, sep, offset }) =>
      `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}${sep}${pad(hour, 2)}:${pad(minute, 2)}${second === null ? '' : `:${pad(second, 2)}${frac === null ? '' : `.${frac}`}`}${offset}`),
  fc.constantFrom('2026-06-11T08:00Z', '2026-06-11', '08:00Z', '2026-06-11T08:00:00.000Z', '2026-06-11T08:00+00:00', '2026-06-10T23:59-08:00', '2026-06-11T13:45+05:45', '2025-02-29T10:00Z', '2024-02-29T10:00Z', '1900-02-29T00:00Z', '2000-02-29T00:00Z', '2026-06-11T23:59:60Z', '275760-09-13T00:00Z', '275760-09-13T00:01Z', '-271821-04-20T00:00Z', '-271821-04-19T23:59Z', '999999-12-31T23:59Z', '-000001-01-01T00:00Z', 'now', 'yesterday'),
  anyText(30),
);

const oddCalendarDate: fc.Arbitrary<string> = fc.oneof(
  fc
    .record({ year: fc.oneof(fc.constantFrom(1, 1960, 2025, 2026, 9999, 0), fc.integer({ min: 10000, max: 999999 })), month: fc.integer({ min: 0, max: 13 }), day: fc.integer({ min: 0, max: 32 }) })
    .map(({ year, month, day }) => `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`),
  fc.constantFrom('2026-06-10', '2026-06-11', '2026-06-12', '2026-02-29', '2024-02-29', '2026-6-1', '2026/06/11', '11.06.2026', '2026-06-11T00:00Z', ''),
  anyText(12),
);

const SEVERITIES = ['SEV1', 'SEV2', 'SEV3', 'SEV4', 'SEV5', 'sev3', 'SEV 3', 'SEV3 ', 'P1', ''];
const SERVICES = ['search', 'checkout-api', 'payments-db', 'serch', 'Search', 'search-api', 'unknown', 'a--b', ''];
const TEAMS = ['payments', 'discovery', 'discovry', 'Payments', 'nobody'];
const CATEGORIES = ['capacity', 'config-change', 'testing-gap', 'resource-exhaustion', 'capcity', 'human-error', 'Capacity', ''];
const POSTMORTEM_IDS = [ID, KNOWN_ID, '2026-03-02-checkout-pool-exhaustio', '2025-01-01-missing', '2026-06-11', 'not-an-id', '2026-13-45-odd'];

/** References that resolve, nearly resolve, or do not resolve. */
const reference: fc.Arbitrary<Mutation> = fc.oneof(
  fc.constantFrom(...SEVERITIES).map((v) => ({ op: 'set' as const, path: ['severity'], value: v, kind: 'reference' })),
  fc.tuple(fc.integer({ min: 0, max: 1 }), fc.constantFrom(...SERVICES)).map(([i, v]) => ({ op: 'set' as const, path: ['services', i], value: v, kind: 'reference' })),
  fc.tuple(fc.integer({ min: 0, max: 1 }), fc.constantFrom(...TEAMS)).map(([i, v]) => ({ op: 'set' as const, path: ['teams', i], value: v, kind: 'reference' })),
  fc.constantFrom(...CATEGORIES).map((v) => ({ op: 'set' as const, path: ['root_cause', 'category'], value: v, kind: 'reference' })),
  fc.constantFrom(...CATEGORIES).map((v) => ({ op: 'set' as const, path: ['contributing_factors'], value: [{ category: v, description: 'It made it worse.' }], kind: 'reference' })),
  fc.array(fc.constantFrom(...POSTMORTEM_IDS), { maxLength: 3 }).map((v) => ({ op: 'set' as const, path: ['related'], value: v, kind: 'reference' })),
  fc.constantFrom(...POSTMORTEM_IDS).map((v) => ({ op: 'set' as const, path: ['recurrence_of'], value: v, kind: 'reference' })),
);

const ENUMS: Array<[Path, string[]]> = [
  [['status'], ['draft', 'in-review', 'published', 'Published', 'done', '']],
  [['visibility'], ['internal', 'public', 'private', 'Public']],
  [['incident_type'], ['outage', 'degradation', 'security', 'data-loss', 'near-miss', 'process', 'project', 'incident', 'data loss']],
  [['detection'], ['alert', 'customer-report', 'internal-discovery', 'third-party', 'other', 'alarm']],
  [['action_items', 0, 'priority'], ['P0', 'P1', 'P2', 'P3', 'P4', 'p1', 'high']],
  [['action_items', 0, 'type'], ['prevent', 'detect', 'mitigate', 'process', 'fix']],
  [['action_items', 0, 'status'], ['open', 'in-progress', 'done', 'wont-do', 'closed', 'Done']],
  [['timeline', 0, 'kind'], ['started', 'detected', 'acknowledged', 'diagnosed', 'mitigated', 'resolved', 'begun']],
  [['timeline', 2, 'kind'], ['started', 'detected', 'acknowledged', 'diagnosed', 'mitigated', 'resolved', 'fixed']],
];

const URLS = ['https://grafana.example/d/x', 'http://x.example', 'javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:x', 'ftp://x.example', '//x.example', 'https://', 'x.example', ' https://x.example', 'https://例え.jp/パス', 'https://x.example/\u202egnp.exe'];

const path = (paths: Path[]) => fc.constantFrom(...paths);

/** One mutation of the valid postmortem. */
export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 3, arbitrary: path(EXISTING_PATHS).map((p) => ({ op: 'drop' as const, path: p })) },
  { weight: 3, arbitrary: fc.record({ path: path([...EXISTING_PATHS, ...ADDABLE_PATHS]), value: anyValue }).map((r) => ({ op: 'set' as const, ...r, kind: 'retype' })) },
  { weight: 3, arbitrary: fc.record({ path: path(STRING_PATHS), value: anyText(60) }).map((r) => ({ op: 'set' as const, ...r, kind: 'corrupt' })) },
  { weight: 3, arbitrary: fc.record({ path: path(AT_PATHS), value: oddTimestamp }).map((r) => ({ op: 'set' as const, ...r, kind: 'timestamp' })) },
  {
    weight: 2,
    arbitrary: fc
      .record({ path: path([['action_items', 0, 'due'], ['action_items', 0, 'completed'], ['approved'], ['follow_up_review'], ['follow_up_held']]), value: oddCalendarDate })
      .map((r) => ({ op: 'set' as const, ...r, kind: 'date' })),
  },
  { weight: 3, arbitrary: reference },
  { weight: 2, arbitrary: fc.constantFrom(...ENUMS).chain(([p, values]) => fc.constantFrom(...values).map((v) => ({ op: 'set' as const, path: p, value: v, kind: 'enum' }))) },
  { weight: 1, arbitrary: fc.record({ path: path([['timeline', 1, 'source'], ['action_items', 0, 'tracker']]), value: fc.constantFrom(...URLS) }).map((r) => ({ op: 'set' as const, ...r, kind: 'url' })) },
  { weight: 2, arbitrary: fc.record({ parent: path(OBJECT_PATHS), key: weirdKey, value: anyValue }).map(({ parent, key, value }) => ({ op: 'set' as const, path: [...parent, key], value, kind: 'key' })) },
  { weight: 1, arbitrary: fc.shuffledSubarray([0, 1, 2, 3], { minLength: 4, maxLength: 4 }).map((order) => ({ op: 'shuffle' as const, order })) },
  { weight: 1, arbitrary: fc.record({ index: fc.integer({ min: 0, max: 3 }), to: fc.integer({ min: 0, max: 4 }) }).map((r) => ({ op: 'duplicate' as const, ...r })) },
  {
    weight: 1,
    arbitrary: fc
      .record({ path: path([['impact', 'users_affected'], ['impact', 'revenue_usd'], ['impact', 'support_tickets']]), value: number })
      .map((r) => ({ op: 'set' as const, ...r, kind: 'number' })),
  },
);

/** A postmortem file (frontmatter serialized with yaml.stringify) with the valid body. */
export function toSource(data: unknown, body = BODY): string {
  return `---\n${stringifyYaml(data)}---\n${body}`;
}

/* ------------------------------------------------------------ reading */

let catalogPromise: Promise<Catalog> | undefined;

/** The rules fixture's catalogs, read (and checked clean) by the real reader. */
export function loadCatalog(): Promise<Catalog> {
  catalogPromise ??= (async () => {
    const root = tempKnowledgeBase({ [VALID_FILE]: `${ID}.mdx`, [KNOWN_FILE]: `${KNOWN_ID}.mdx` });
    const kb = await readKnowledgeBase({ root, displayBase: root, render: false });
    if (kb.issues.length) throw new Error(`the fuzz baseline is not clean:\n${JSON.stringify(kb.issues, null, 2)}`);
    return kb.catalog;
  })();
  return catalogPromise;
}

export interface ReadResult {
  issues: ContentIssue[];
  data: PostmortemFrontmatter | undefined;
}

/** What readKnowledgeBase does for one file, without the file system: its own per-file step, then the references. */
export function readOne(source: string, id: string, catalog: Catalog, known: ReadonlySet<string> = new Set([id, KNOWN_ID])): ReadResult {
  const file = `postmortems/${id}.mdx`;
  const { postmortem, issues, partial } = readPostmortem(source, id, file, { edition: 'internal', render: false });
  // A file that fails validation still has its valid references checked (every error in one run).
  const subject = postmortem ?? partial;
  if (subject) issues.push(...checkReferences([subject], catalog, { knownIds: known }));
  return { issues, data: issues.length ? undefined : postmortem?.data };
}

/* ---------------------------------------------------------- properties */

const describeIssue = (i: ContentIssue) => `${i.rule} "${i.field}"${i.line ? `:${i.line}` : ''}: ${i.message.slice(0, 200)} / fix: ${i.fix.slice(0, 200)}`;

/** Every issue names the file, says what and how to fix it, has a rule, and (except file-level rules) a field. */
export function expectWellFormed(issues: readonly ContentIssue[], file: string, lineCount: number): void {
  for (const i of issues) {
    const what = describeIssue(i);
    expect(i.file, what).toBe(file);
    expect(typeof i.message === 'string' && i.message.trim().length > 0, `empty message: ${what}`).toBe(true);
    expect(typeof i.fix === 'string' && i.fix.trim().length > 0, `empty fix: ${what}`).toBe(true);
    expect(typeof i.rule === 'string' && /^[a-z]+\/[a-z_-]+$/.test(i.rule), `bad rule: ${what}`).toBe(true);
    expect(['error', 'warning'], what).toContain(i.level);
    expect(typeof i.field, what).toBe('string');
    if (!FILE_LEVEL_RULES.has(i.rule)) expect(i.field.trim().length > 0, `unnamed field: ${what}`).toBe(true);
    if (i.line !== undefined) {
      expect(Number.isInteger(i.line) && i.line >= 1 && i.line <= lineCount + 1, `line ${i.line} outside the file (${lineCount} lines): ${what}`).toBe(true);
    }
  }
}

/** Every issue is blamed on a field the mutations touched (or a parent, or a rule spanning it). */
export function expectBlamedOnMutations(issues: readonly ContentIssue[], applied: readonly Mutation[]): void {
  const scopes = applied.flatMap(scopesOf).map(fieldPath);
  for (const i of issues) {
    if (FILE_LEVEL_RULES.has(i.rule) && i.field === '') continue;
    expect(
      scopes.some((s) => fieldWithin(i.field, s)),
      `issue at "${i.field}" is not at a mutated field (${scopes.map((s) => `"${s}"`).join(', ')}): ${describeIssue(i)}`,
    ).toBe(true);
  }
}

/** An accepted postmortem satisfies every rule of content-model.md that the reader is responsible for. */
export function expectInvariants(data: PostmortemFrontmatter, id: string, catalog: Catalog, known: ReadonlySet<string>): void {
  const tl = data.timeline;
  expect(tl.length).toBeGreaterThanOrEqual(2);
  for (const e of tl) {
    expect(e.at).toBeInstanceOf(Date);
    expect(Number.isFinite(e.at.getTime()), `invalid date in an accepted timeline`).toBe(true);
    expect(e.event.trim().length).toBeGreaterThan(0);
    if (e.source !== undefined) expect(isHttpUrl(e.source)).toBe(true);
  }
  for (let i = 1; i < tl.length; i++) expect(tl[i]!.at.getTime()).toBeGreaterThanOrEqual(tl[i - 1]!.at.getTime());
  const kinds = tl.map((e) => e.kind).filter((k) => k !== undefined);
  expect(new Set(kinds).size, 'each milestone at most once').toBe(kinds.length);
  const at = (k: string) => tl.find((e) => e.kind === k)?.at.getTime();
  for (const [a, b] of MILESTONE_ORDER) {
    const ta = at(a), tb = at(b);
    if (ta !== undefined && tb !== undefined) expect(tb, `${a} ≤ ${b}`).toBeGreaterThanOrEqual(ta);
  }
  if (data.status === 'published') for (const k of REQUIRED_FOR_PUBLISHED) expect(kinds).toContain(k);
  const started = tl.find((e) => e.kind === 'started');
  if (started) expect(utcDate(started.at), 'the file name carries the UTC start date').toBe(id.slice(0, 10));
  expect(data.title.trim().length).toBeGreaterThan(0);
  expect(data.title.length).toBeLessThanOrEqual(200);
  expect(data.summary.length).toBeLessThanOrEqual(400);
  expect(catalog.severities.map((s) => s.id)).toContain(data.severity);
  for (const s of data.services) expect(catalog.services.map((x) => x.id)).toContain(s);
  for (const t of data.teams ?? []) expect(catalog.teams.map((x) => x.id)).toContain(t);
  const resolve = categoryResolver(catalog);
  expect(resolve(data.root_cause.category)).toBeDefined();
  for (const f of data.contributing_factors ?? []) expect(resolve(f.category)).toBeDefined();
  for (const r of [...(data.related ?? []), ...(data.recurrence_of ? [data.recurrence_of] : [])]) {
    expect(r).not.toBe(id);
    expect(known.has(r)).toBe(true);
  }
  for (const n of Object.values(data.impact)) if (typeof n === 'number') expect(Number.isFinite(n) && n >= 0).toBe(true);
  const startDay = started ? utcDate(started.at) : undefined;
  for (const a of data.action_items) {
    expect(isCalendarDate(a.due)).toBe(true);
    expect(a.completed !== undefined, 'completed exactly when done').toBe(a.status === 'done');
    if (a.completed !== undefined && startDay) expect(a.completed >= startDay).toBe(true);
    if (a.tracker !== undefined) expect(isHttpUrl(a.tracker)).toBe(true);
  }
  expect(['internal', 'public']).toContain(data.visibility);
}
