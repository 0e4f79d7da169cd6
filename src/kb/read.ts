import { readdirSync, readFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { CustomField } from '../config/options';
import { category, service, severity, team, type Catalog } from '../schema/catalog';
import { parseWithFriendlyErrors } from '../schema/friendly-errors';
import type { ContentIssue } from '../schema/issues';
import { checkCatalog, checkReferences } from '../schema/references';
import { runReadJobs } from './parallel';
import type { PostmortemSource, ReadJob, ReadJobOptions } from './read-one';
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

/** Reads one catalog file, entry by entry: a bad entry is reported and left out, the others are kept. */
export function readCatalogFile<K extends keyof Catalog>(root: string, key: K, display: Display): { items: Catalog[K]; brokenIds: Set<string>; issues: ContentIssue[] } {
  const path = join(root, CATALOG_FILES[key]);
  const file = display(path);
  const brokenIds = new Set<string>();
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return { items: [], brokenIds, issues: [{ file, field: '', level: 'error', rule: 'catalog/missing', message: 'is missing', fix: `create ${CATALOG_FILES[key]} beside postmortems/ ("hindsight init" writes the default ones)` }] };
  }
  let raw: unknown;
  try {
    raw = parseYaml(text, { version: '1.2' }) ?? [];
  } catch (error) {
    const e = error as { message: string; linePos?: Array<{ line: number }> };
    const line = e.linePos?.[0]?.line;
    return {
      items: [],
      brokenIds,
      issues: [{ file, field: '', level: 'error', rule: 'file/yaml', ...(line ? { line } : {}), message: `is not valid YAML: ${e.message.split('\n')[0]}`, fix: 'check indentation and quoting' }],
    };
  }
  if (!Array.isArray(raw)) {
    return { items: [], brokenIds, issues: [{ file, field: '', level: 'error', rule: 'schema/type', message: 'must be a YAML list of entries', fix: 'write one entry per "- id: …" item' }] };
  }
  const items: unknown[] = [];
  const issues: ContentIssue[] = [];
  raw.forEach((entry, i) => {
    const result = parseWithFriendlyErrors(CATALOG_ITEM_SCHEMAS[key], entry, file);
    if (result.ok) items.push(result.data);
    else {
      issues.push(...result.issues.map((issue) => ({ ...issue, field: `[${i}]${issue.field ? (issue.field.startsWith('[') ? issue.field : `.${issue.field}`) : ''}` })));
      const id = (entry as { id?: unknown } | null)?.id;
      if (typeof id === 'string') brokenIds.add(id);
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

/** Lists postmortems/ (one level: every postmortem is a file directly in it). */
export function listPostmortems(root: string, display: Display): PostmortemListing {
  const dir = join(root, 'postmortems');
  const issues: ContentIssue[] = [];
  let names: string[] = [];
  try {
    names = readdirSync(dir, { withFileTypes: true }).filter((d) => d.isFile()).map((d) => d.name).sort();
  } catch {
    issues.push({ file: display(dir), field: '', level: 'error', rule: 'file/missing', message: 'folder is missing', fix: 'create postmortems/ and add a postmortem with `npx hindsight new`' });
  }
  const jobs: ReadJob[] = [];
  const allIds = new Set<string>();
  for (const name of names) {
    const path = join(dir, name);
    const file = display(path);
    if (name.startsWith('.')) continue;
    if (!name.endsWith('.mdx')) {
      if (name.endsWith('.md') || name.endsWith('.markdown')) {
        issues.push({ file, field: '', level: 'error', rule: 'file/extension', message: 'is not published: postmortems are .mdx files', fix: `rename it to ${name.replace(/\.(md|markdown)$/, '.mdx')}` });
      } else if (!/^readme(\..*)?$/i.test(name)) {
        issues.push({ file, field: '', level: 'warning', rule: 'file/extension', message: 'is not a postmortem (not .mdx) and is ignored', fix: 'move it out of postmortems/, or rename it to .mdx if it is one' });
      }
      continue;
    }
    const id = name.slice(0, -'.mdx'.length);
    allIds.add(id);
    jobs.push({ path, id, file, wanted: true });
  }
  return { jobs, allIds, issues };
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
  /** Only these postmortem files (absolute or relative paths); the rest are still read for references. */
  only?: readonly string[];
  /** How paths are shown in messages; defaults to relative to the working directory. */
  displayBase?: string;
  /** Apply the quality policy to each wanted file while reading it (`hindsight check`); see PostmortemSource.quality. */
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
  const jobs = listing.jobs.map((job) => ({ ...job, wanted: !only || only.has(job.file) }));
  const results = await runReadJobs(jobs, { edition, render, fields: options.fields ?? {}, ...(options.quality ? { quality: options.quality } : {}) }, options.threads);
  const postmortems: PostmortemSource[] = [];
  for (const one of results) {
    issues.push(...one.issues);
    if (one.postmortem) postmortems.push(one.postmortem as PostmortemSource);
  }
  const refIssues = checkReferences(postmortems, catalog, { knownIds: listing.allIds, brokenIds });
  issues.push(...(only ? refIssues.filter((i) => only.has(i.file)) : refIssues));
  return { root, catalog, postmortems: only ? postmortems.filter((p) => only.has(p.file)) : postmortems, issues };
}
