import { readFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { category, service, severity, team, type Catalog } from '../schema/catalog';
import { parseWithFriendlyErrors } from '../schema/friendly-errors';
import type { ContentIssue } from '../schema/issues';
import { postmortemFrontmatter, type PostmortemFrontmatter } from '../schema/postmortem';
import { checkCatalog, checkReferences } from '../schema/references';
import { splitFrontmatter } from './frontmatter';
import { renderSafeBody, type Edition } from './safe-mdx';

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

export interface PostmortemSource {
  id: string;
  /** Path relative to the working directory's knowledge-base root, e.g. content/postmortems/x.mdx */
  file: string;
  data: PostmortemFrontmatter;
  /** MDX body as the edition may show it (<Internal> blanked in the public edition). */
  body: string;
  bodyLine: number;
  /** HTML of the body for the requested edition (undefined when rendering was not asked for). */
  html: string | undefined;
  /** Plain text of the body as the edition shows it. */
  text: string;
  headings: string[];
  lineOf: (path: readonly PropertyKey[]) => number | undefined;
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

  const postmortems: PostmortemSource[] = [];
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
    const wanted = !only || only.has(file);
    // Synchronous on purpose: parsing is CPU-bound, and awaiting each read between parses cost ~1 ms a file.
    const source = readFileSync(path, 'utf8');
    const one = readPostmortem(source, id, file, { edition, render: render && wanted });
    if (wanted) issues.push(...one.issues);
    if (one.postmortem) postmortems.push(one.postmortem);
  }
  const refIssues = checkReferences(postmortems, catalog, allIds);
  issues.push(...(only ? refIssues.filter((i) => only.has(i.file)) : refIssues));
  return { root, catalog, postmortems: only ? postmortems.filter((p) => only.has(p.file)) : postmortems, issues };
}

/**
 * One postmortem file, without the file system: frontmatter, schema, safe
 * MDX (and the HTML of one edition). References to other files are checked
 * by the caller once every file is read.
 */
export function readPostmortem(
  source: string,
  id: string,
  file: string,
  opts: { edition: Edition; render: boolean },
): { postmortem: PostmortemSource | undefined; issues: ContentIssue[] } {
  const split = splitFrontmatter(source, file);
  const issues: ContentIssue[] = [...split.issues];
  let data: PostmortemFrontmatter | undefined;
  if (!split.issues.length) {
    const result = parseWithFriendlyErrors(postmortemFrontmatter, split.data, file);
    if (result.ok) data = result.data;
    else issues.push(...result.issues.map((i) => withLine(i, split.lineOf)));
  }
  const body = renderSafeBody(split.body, { file, bodyLine: split.bodyLine, edition: opts.edition, render: opts.render });
  issues.push(...body.issues);
  const postmortem = data && !body.issues.length
    ? { id, file, data, body: body.source, bodyLine: split.bodyLine, html: body.html, text: body.text, headings: body.headings, lineOf: split.lineOf }
    : undefined;
  return { postmortem, issues };
}

function withLine(issue: ContentIssue, lineOf: (path: readonly PropertyKey[]) => number | undefined): ContentIssue {
  if (issue.line) return issue;
  const path = issue.field.match(/[^.[\]]+/g)?.map((p) => (/^\d+$/.test(p) ? Number(p) : p)) ?? [];
  const line = lineOf(path);
  return line ? { ...issue, line } : issue;
}
