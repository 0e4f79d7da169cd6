import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { category, service, severity, team, type Catalog } from '../schema/catalog';
import { parseWithFriendlyErrors } from '../schema/friendly-errors';
import type { ContentIssue } from '../schema/issues';
import { checkCatalog, checkReferences } from '../schema/references';
import { runReadJobs } from './parallel';
import type { PostmortemSource, ReadJob, ReadJobOptions } from './read-one';
import type { Edition } from './safe-mdx';

export { readPostmortem, type PostmortemSource } from './read-one';

export const CATALOG_FILES = {
  services: 'services.yml',
  teams: 'teams.yml',
  categories: 'taxonomy.yml',
  severities: 'severities.yml',
} as const satisfies Record<keyof Catalog, string>;

const CATALOG_SCHEMAS = {
  services: z.array(service),
  teams: z.array(team),
  categories: z.array(category),
  severities: z.array(severity),
};

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
  /** Threads to read with; default from HINDSIGHT_THREADS or the number of cores (see src/kb/parallel.ts). */
  threads?: number;
}

async function readCatalog(root: string, display: (p: string) => string): Promise<{ catalog: Catalog; issues: ContentIssue[] }> {
  const issues: ContentIssue[] = [];
  const catalog = { services: [], teams: [], categories: [], severities: [] } as Catalog;
  for (const key of Object.keys(CATALOG_FILES) as Array<keyof Catalog>) {
    const path = join(root, CATALOG_FILES[key]);
    const file = display(path);
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch {
      issues.push({ file, field: '', level: 'error', rule: 'catalog/missing', message: `is missing`, fix: `create ${CATALOG_FILES[key]} beside postmortems/ (see README: "The knowledge base")` });
      continue;
    }
    let raw: unknown;
    try {
      raw = parseYaml(text, { version: '1.2' }) ?? [];
    } catch (error) {
      issues.push({ file, field: '', level: 'error', rule: 'file/yaml', message: `is not valid YAML: ${(error as Error).message.split('\n')[0]}`, fix: 'check indentation and quoting' });
      continue;
    }
    const result = parseWithFriendlyErrors(CATALOG_SCHEMAS[key], raw, file);
    if (result.ok) (catalog[key] as unknown[]) = result.data;
    else issues.push(...result.issues);
  }
  issues.push(...checkCatalog(catalog, Object.fromEntries(Object.entries(CATALOG_FILES).map(([k, f]) => [k, display(join(root, f))])) as Record<keyof Catalog, string>));
  return { catalog, issues };
}

/**
 * Reads a whole knowledge base: catalogs, then every postmortem, validating
 * each one fully and collecting every issue rather than stopping at the first.
 * The build and the CLI both start here.
 */
export async function readKnowledgeBase(options: ReadOptions): Promise<KnowledgeBase> {
  const { root, edition = 'internal', render = true } = options;
  const base = options.displayBase ?? process.cwd();
  const display = (p: string) => relative(base, p) || p;
  const { catalog, issues } = await readCatalog(root, display);

  const dir = join(root, 'postmortems');
  let names: string[] = [];
  try {
    names = (await readdir(dir, { withFileTypes: true })).filter((d) => d.isFile()).map((d) => d.name).sort();
  } catch {
    issues.push({ file: display(dir), field: '', level: 'error', rule: 'file/missing', message: 'folder is missing', fix: 'create postmortems/ and add a postmortem with `npx hindsight new`' });
  }
  const only = options.only ? new Set(options.only.map((p) => display(join(p.startsWith('/') ? '' : process.cwd(), p)))) : undefined;

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
    jobs.push({ path, id, file, wanted: !only || only.has(file) });
  }
  const results = await runReadJobs(jobs, { edition, render, ...(options.quality ? { quality: options.quality } : {}) }, options.threads);
  const postmortems: PostmortemSource[] = [];
  for (const one of results) {
    issues.push(...one.issues);
    if (one.postmortem) postmortems.push(one.postmortem as PostmortemSource);
  }
  const refIssues = checkReferences(postmortems, catalog, allIds);
  issues.push(...(only ? refIssues.filter((i) => only.has(i.file)) : refIssues));
  return { root, catalog, postmortems: only ? postmortems.filter((p) => only.has(p.file)) : postmortems, issues };
}

