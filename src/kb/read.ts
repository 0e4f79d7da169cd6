import { lstatSync, readdirSync, type Dirent } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import type { CustomField } from '../config/options';
import { kebabCase } from '../lib/text/slug';
import { category, service, severity, team, type Catalog } from '../schema/catalog';
import { parseWithFriendlyErrors } from '../schema/friendly-errors';
import type { ContentIssue } from '../schema/issues';
import { POSTMORTEM_ID } from '../schema/ids';
import { checkCatalog, checkReferences } from '../schema/references';
import { fastYaml, linesOf, parsePositioned, positionedLineOf, yamlProblems } from './frontmatter';
import { readContentFile, symlinkIssue } from './files';
import { checkLineLengths, checkYamlFlowNesting, LIMITS, nestingIssue, yamlValueDepth } from './limits';
import { runReadJobs } from './parallel';
import { checkStrings } from './text';
import type { PartialPostmortem, PostmortemSource, ReadJob, ReadJobOptions } from './read-one';
import type { Edition } from '../config/settings';

export { readPostmortem, type PostmortemSource } from './read-one';

export const CATALOG_FILES = {
  services: 'services.yml',
  teams: 'teams.yml',
  categories: 'taxonomy.yml',
  severities: 'severities.yml',
} as const satisfies Record<keyof Catalog, string>;

const CATALOG_ITEM_SCHEMAS = { services: service, teams: team, categories: category, severities: severity };

/** The catalog files as they were read: the valid entries, and the ids of entries that were not valid. */
export interface CatalogRead {
  catalog: Catalog;
  /**
   * Ids of catalog entries that failed validation. References to them are not reported again in
   * every postmortem that uses them: one bad catalog entry is one error.
   */
  brokenIds: Record<keyof Catalog, Set<string>>;
  issues: ContentIssue[];
}

/** Paths as messages show them: relative to `base` (the project or the working directory). */
export type Display = (path: string) => string;

export function displayRelativeTo(base: string): Display {
  return (p) => relative(base, p) || p;
}

/**
 * How a log names an entry of postmortems/: as is when it is a postmortem id, else quoted and
 * escaped. A file name can hold a newline, and a log line that starts with "::" is a workflow
 * command on GitHub Actions: a name that is not an id never reaches a log as written.
 */
function displayEntry(display: Display, folder: string, name: string): string {
  if (name.endsWith('.mdx') && POSTMORTEM_ID.test(name.slice(0, -'.mdx'.length))) return display(join(folder, name));
  return `${display(folder)}/${escapeName(name)}`;
}

/** A name as a JSON string, with the characters JSON leaves alone but a terminal would act on (DEL, C1, bidi and other format characters, line separators) escaped too. */
export function escapeName(name: string): string {
  return JSON.stringify(name).replace(/[\u007f-\u009f\p{Cf}\p{Zl}\p{Zp}]/gu, (c) => `\\u{${c.codePointAt(0)!.toString(16)}}`);
}

/**
 * Stands for every id of a catalog file that could not be read at all: the file's own error is the
 * one report, not one more in every postmortem that uses the catalog.
 */
class EveryId extends Set<string> {
  override has(): boolean {
    return true;
  }
}
const EVERY_ID: Set<string> = new EveryId();

/** Reads one catalog file, entry by entry: a bad entry is reported and left out, the others are kept. */
export function readCatalogFile<K extends keyof Catalog>(root: string, key: K, display: Display): { items: Catalog[K]; brokenIds: Set<string>; issues: ContentIssue[] } {
  const path = join(root, CATALOG_FILES[key]);
  const file = display(path);
  const brokenIds = new Set<string>();
  // A file that cannot be read at all stands for every id of its kind: its own error is the one report, no cascade over the postmortems.
  const none = (issues: ContentIssue[]) => ({ items: [], brokenIds: EVERY_ID, issues });
  const read = readContentFile(path, file, {
    maxBytes: LIMITS.catalogBytes,
    what: 'catalog',
    missing: () => ({ file, field: '', level: 'error', rule: 'catalog/missing', message: 'is missing', fix: `create ${CATALOG_FILES[key]} beside postmortems/ ("hindsight init" writes the default ones)` }),
  });
  if (read.issue) return none([read.issue]);
  const text = read.text;
  const limits = [...checkLineLengths(text, file), ...checkYamlFlowNesting(text, file, 1)];
  if (limits.length) return none(limits);
  // The fast parse as for frontmatter; the careful one words an error and names its line.
  let raw: unknown;
  let lineOf: (path: readonly PropertyKey[]) => number | undefined;
  const fast = fastYaml(text);
  if (fast.ok) {
    raw = fast.data ?? [];
    let lookup: typeof lineOf | undefined;
    lineOf = (path) => (lookup ??= positionedLineOf(text, 0))(path);
  } else {
    const { doc, lineCounter } = parsePositioned(text);
    const problems = yamlProblems(doc, text, lineCounter);
    if (problems.length) {
      return none(problems.map((p) => ({ file, field: p.key ?? '', level: 'error' as const, rule: 'file/yaml', ...(p.line ? { line: p.line } : {}), message: `is not valid YAML: ${p.message}`, fix: p.fix })));
    }
    try {
      raw = doc.toJS({ maxAliasCount: 50 }) ?? [];
    } catch (error) {
      const e = error as { message: string; linePos?: Array<{ line: number }> };
      const line = e.linePos?.[0]?.line;
      // The parser's own words, first line only and cut short: never a quotation of the file.
      const reason = e.message.split('\n')[0]!.replace(/\p{Cc}/gu, ' ').slice(0, 160);
      return none([{ file, field: '', level: 'error', rule: 'file/yaml', ...(line ? { line } : {}), message: `is not valid YAML: ${reason}`, fix: 'write the values out instead of repeating them through &anchors and *aliases' }]);
    }
    lineOf = linesOf(doc, lineCounter, 0);
  }
  const deep = yamlValueDepth(raw);
  if (deep.depth > LIMITS.nesting) return none([nestingIssue(file, '', undefined, deep.depth, 'yaml')]);
  if (!Array.isArray(raw)) {
    return { items: [], brokenIds: EVERY_ID, issues: [{ file, field: '', level: 'error', rule: 'schema/type', message: 'must be a YAML list of entries', fix: 'write one entry per "- id: …" item' }] };
  }
  const items: unknown[] = [];
  const issues: ContentIssue[] = [];
  raw.forEach((entry, i) => {
    const text = checkStrings(entry, { file, prefix: [i], where: 'catalog' });
    const result = parseWithFriendlyErrors(CATALOG_ITEM_SCHEMAS[key], entry, file);
    issues.push(...text);
    if (result.ok && !text.length) items.push(result.data);
    else {
      if (!result.ok) {
        issues.push(...result.issues.map((issue) => {
          const line = lineOf([i, ...(issue.field.match(/[^.[\]]+/g) ?? []).map((p) => (/^\d+$/.test(p) ? Number(p) : p))]);
          return { ...issue, field: `[${i}]${issue.field ? (issue.field.startsWith('[') ? issue.field : `.${issue.field}`) : ''}`, ...(line ? { line } : {}) };
        }));
      }
      // The ids postmortems may use for this entry: as written, and as the kebab-case id it was meant to be.
      for (const name of [(entry as { id?: unknown } | null)?.id, (entry as { name?: unknown } | null)?.name]) {
        if (typeof name === 'string') for (const id of [name, kebabCase(name)]) brokenIds.add(id);
      }
    }
  });
  return { items: items as Catalog[K], brokenIds, issues };
}

/** Reads the four catalog files and checks them against each other. */
export function readCatalogs(root: string, display: Display): CatalogRead {
  const catalog = { services: [], teams: [], categories: [], severities: [] } as Catalog;
  const brokenIds = { services: new Set<string>(), teams: new Set<string>(), categories: new Set<string>(), severities: new Set<string>() };
  const issues: ContentIssue[] = [];
  for (const key of Object.keys(CATALOG_FILES) as Array<keyof Catalog>) {
    const one = readCatalogFile(root, key, display);
    (catalog[key] as unknown[]) = one.items;
    brokenIds[key] = one.brokenIds;
    issues.push(...one.issues);
  }
  const files = Object.fromEntries(Object.entries(CATALOG_FILES).map(([k, f]) => [k, display(join(root, f))])) as Record<keyof Catalog, string>;
  issues.push(...checkCatalog(catalog, files, brokenIds));
  return { catalog, brokenIds, issues };
}

/** The postmortem files of a knowledge base, and what is wrong with the folder's other entries. */
export interface PostmortemListing {
  jobs: ReadJob[];
  /** Every postmortem id in the folder, valid or not, so that references to a broken file are not reported twice. */
  allIds: Set<string>;
  issues: ContentIssue[];
}

/**
 * Lists postmortems/ (one level: every postmortem is a file directly in it), accounting for every
 * entry: a postmortem to read, or an error or a warning saying what to do with it. Nothing in the
 * folder is dropped without a word, and no link is followed.
 */
export function listPostmortems(root: string, display: Display): PostmortemListing {
  const dir = join(root, 'postmortems');
  const folder = display(dir);
  const issues: ContentIssue[] = [];
  const jobs: ReadJob[] = [];
  const allIds = new Set<string>();
  let entries: Dirent[] = [];
  try {
    if (lstatSync(dir).isSymbolicLink()) return { jobs, allIds, issues: [symlinkIssue(folder, 'folder')] };
    entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch {
    issues.push({ file: folder, field: '', level: 'error', rule: 'file/missing', message: 'folder is missing', fix: 'create postmortems/ and add a postmortem with `npx hindsight new`' });
  }
  for (const entry of entries) {
    const name = entry.name;
    const path = join(dir, name);
    const file = displayEntry(display, dir, name);
    const problem = (level: ContentIssue['level'], rule: string, message: string, fix: string) => issues.push({ file, field: '', level, rule, message, fix });
    const kind = entryKind(entry, path);
    const lower = name.toLowerCase();
    const looksLikePostmortem = lower.endsWith('.mdx');
    const stem = name.replace(/^\.+/, '').replace(/\.mdx$/i, '');
    if (kind === 'link') {
      problem('error', 'file/symlink', 'is a symbolic link; Hindsight does not follow links, so that nothing outside the repository is read or published', 'replace the link with the file itself (copy it in and commit it)');
    } else if (kind === 'folder') {
      if (looksLikePostmortem) problem('error', 'file/folder', 'is a folder named like a postmortem; a postmortem is one .mdx file', `replace the folder with the file postmortems/${escapeName(`${stem}.mdx`).slice(1, -1)}`);
      else problem('error', 'file/folder', 'is a folder; postmortems/ is read one level deep, so nothing in it is published', 'move the postmortems in it up into postmortems/ (one .mdx file each), and anything else out of postmortems/');
    } else if (kind === 'other') {
      problem('error', 'file/type', 'is not a regular file (a pipe, socket or device)', 'remove it from postmortems/');
    } else if (name.startsWith('.')) {
      if (looksLikePostmortem) problem('error', 'file/hidden', 'is hidden (its name starts with a dot), so it is not published', `rename it to ${escapeName(`${stem}.mdx`).slice(1, -1)}`);
      else problem('warning', 'file/hidden', 'is a hidden file in postmortems/ and is not read', 'remove it, or move it out of postmortems/');
    } else if (name.endsWith('.mdx')) {
      const id = name.slice(0, -'.mdx'.length);
      allIds.add(id);
      jobs.push({ path, id, file });
    } else if (looksLikePostmortem) {
      problem('error', 'file/extension', 'is not published: a postmortem\'s name ends in lowercase .mdx', `rename it to ${escapeName(`${stem}.mdx`).slice(1, -1)}`);
    } else if (/\.(md|markdown)$/i.test(name)) {
      problem('error', 'file/extension', 'is not published: postmortems are .mdx files', `rename it to ${escapeName(name.replace(/\.(md|markdown)$/i, '.mdx')).slice(1, -1)}`);
    } else {
      problem('warning', 'file/extension', 'is not a postmortem (not .mdx) and is not published', 'move it out of postmortems/, or rename it to .mdx if it is one');
    }
  }
  return { jobs, allIds, issues };
}

/** What a directory entry is, without following it. */
function entryKind(entry: Dirent, path: string): 'file' | 'folder' | 'link' | 'other' {
  const of = (e: { isSymbolicLink(): boolean; isDirectory(): boolean; isFile(): boolean }) => (e.isSymbolicLink() ? 'link' : e.isDirectory() ? 'folder' : e.isFile() ? 'file' : 'other');
  const kind = of(entry);
  if (kind !== 'other') return kind;
  // Some file systems do not report the type in the listing: ask, still without following.
  try {
    return of(lstatSync(path));
  } catch {
    return 'other';
  }
}

export interface KnowledgeBase {
  root: string;
  catalog: Catalog;
  postmortems: PostmortemSource[];
  /** Every error and warning found while reading, in every file. */
  issues: ContentIssue[];
}

export interface ReadOptions {
  /** Folder holding postmortems/ and the catalog YAML files. */
  root: string;
  edition?: Edition;
  /** Render bodies to HTML (the build does; `check` does not need to). */
  render?: boolean;
  /**
   * Only these postmortem files (absolute or relative paths). No other postmortem is read: a
   * reference needs only the other ids (the file names) and the catalogs.
   */
  only?: readonly string[];
  /** How paths are shown in messages; defaults to relative to the working directory. */
  displayBase?: string;
  /** Apply the quality policy to each file it reads (`hindsight check`); see PostmortemSource.quality. */
  quality?: ReadJobOptions['quality'];
  /** The team's own frontmatter fields (settings.fields). */
  fields?: Readonly<Record<string, CustomField>>;
  /** Threads to read with; default one per core from 400 files on (see src/kb/parallel.ts). */
  threads?: number | undefined;
}

/**
 * Reads a whole knowledge base: catalogs, then every postmortem, validating
 * each one fully and collecting every issue rather than stopping at the first.
 * `hindsight check` starts here; the build's loader uses the same steps.
 */
export async function readKnowledgeBase(options: ReadOptions): Promise<KnowledgeBase> {
  const { root, edition = 'internal', render = true } = options;
  const display = displayRelativeTo(options.displayBase ?? process.cwd());
  const { catalog, brokenIds, issues } = readCatalogs(root, display);
  const listing = listPostmortems(root, display);
  issues.push(...listing.issues);
  const only = options.only ? new Set(options.only.map((p) => display(isAbsolute(p) ? p : resolve(p)))) : undefined;
  const jobs = only ? listing.jobs.filter((job) => only.has(job.file)) : listing.jobs;
  const results = await runReadJobs(jobs, { edition, render, fields: options.fields ?? {}, ...(options.quality ? { quality: options.quality } : {}) }, options.threads);
  const postmortems: PostmortemSource[] = [];
  const partials: PartialPostmortem[] = [];
  for (const one of results) {
    issues.push(...one.issues);
    if (one.postmortem) postmortems.push(one.postmortem as PostmortemSource);
    else if (one.partial) partials.push(one.partial);
  }
  // A file that cannot be published still has its valid references checked, in the same run.
  issues.push(...checkReferences([...postmortems, ...partials], catalog, { knownIds: listing.allIds, brokenIds }));
  return { root, catalog, postmortems, issues };
}
