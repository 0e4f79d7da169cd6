/*
 * `check --changed-since <ref>`: the postmortems a pull request touches, so that its annotations are
 * the author's own findings and not every old postmortem's (GitHub shows only the first few
 * annotations of a step). Git is asked through its own CLI: it is on every machine that has the
 * repository, and its answers (merge base, renames, untracked files) are what a reviewer sees.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, realpathSync } from 'node:fs';
import { basename, join, relative, resolve, sep } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { splitFrontmatter } from '../kb/frontmatter';
import { CATALOG_FILES } from '../kb/read';
import type { Catalog } from '../schema/catalog';
import { UsageError } from './io';

function git(args: string[], cwd: string): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
}

/** What changed in a knowledge base since a git ref. */
export interface Changes {
  /** Postmortem files to check: the changed ones and those whose references the change affects. */
  files: string[];
  /** How many of them changed themselves (the rest are affected through a reference). */
  changed: number;
}

/** Every id an entry answers to (a category's aliases too), with the entry as JSON to compare. */
function catalogIds(text: string | undefined): Map<string, string> {
  const ids = new Map<string, string>();
  let list: unknown;
  try {
    list = text === undefined ? [] : parseYaml(text, { version: '1.2' });
  } catch {
    return ids; // A file that is not YAML: its own error says so; every reference to it is affected.
  }
  if (!Array.isArray(list)) return ids;
  for (const entry of list as Array<{ id?: unknown; aliases?: unknown }>) {
    if (typeof entry?.id !== 'string') continue;
    const json = JSON.stringify(entry);
    ids.set(entry.id, json);
    if (Array.isArray(entry.aliases)) for (const a of entry.aliases) if (typeof a === 'string') ids.set(a, json);
  }
  return ids;
}

/** The ids of one catalog whose entries were added, removed or changed between two versions of it. */
function changedIds(before: string | undefined, after: string | undefined): Set<string> {
  const a = catalogIds(before), b = catalogIds(after);
  const out = new Set<string>();
  for (const [id, json] of a) if (b.get(id) !== json) out.add(id);
  for (const id of b.keys()) if (!a.has(id)) out.add(id);
  return out;
}

/** The references of one postmortem's frontmatter, read without validating it (it is checked later, if wanted). */
function referencesOf(source: string): Record<keyof Catalog | 'postmortems', string[]> {
  const data = (splitFrontmatter(source, '').data ?? {}) as Record<string, unknown>;
  const strings = (v: unknown) => (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter((x): x is string => typeof x === 'string');
  const rootCause = data['root_cause'] as { category?: unknown } | undefined;
  const factors = Array.isArray(data['contributing_factors']) ? (data['contributing_factors'] as Array<{ category?: unknown }>) : [];
  return {
    severities: strings(data['severity']),
    services: strings(data['services']),
    teams: strings(data['teams']),
    categories: [...strings(rootCause?.category), ...factors.flatMap((f) => strings(f?.category))],
    postmortems: [...strings(data['related']), ...strings(data['recurrence_of'])],
  };
}

/**
 * The postmortems to check for a change since `ref`: those added or edited (committed since the
 * merge base with `ref`, staged, unstaged or untracked), plus those whose references the change
 * affects: a catalog entry added, removed or changed, or a postmortem removed or renamed.
 */
export function changedSince(ref: string, root: string): Changes {
  let top: string, base: string;
  try {
    top = git(['rev-parse', '--show-toplevel'], root).trim();
  } catch {
    throw new UsageError(`--changed-since needs a git repository, and ${root} is not in one`);
  }
  try {
    base = git(['merge-base', ref, 'HEAD'], top).trim();
  } catch {
    throw new UsageError(`--changed-since: git knows no commit "${ref}" (in a pull request, fetch the base branch first, e.g. actions/checkout with fetch-depth: 0)`);
  }
  const listed = (out: string) => out.split('\0').filter(Boolean).map((p) => resolve(top, p));
  const touched = [
    ...listed(git(['diff', '--name-only', '--no-renames', '-z', base, '--'], top)),
    ...listed(git(['ls-files', '--others', '--exclude-standard', '-z'], top)),
  ];
  // Git answers with real paths; the read lists files under `root` as given.
  const folder = join(realpathSync(root), 'postmortems');
  const asListed = (p: string) => join(root, 'postmortems', basename(p));
  const inFolder = (p: string) => p.startsWith(folder + sep) && p.endsWith('.mdx') && !p.slice(folder.length + 1).includes(sep);
  const changed = new Set(touched.filter((p) => inFolder(p) && existsSync(p)).map(asListed));
  const removedIds = new Set(touched.filter((p) => inFolder(p) && !existsSync(p)).map((p) => basename(p, '.mdx')));
  const catalogChanges = new Map<keyof Catalog, Set<string>>();
  for (const [key, name] of Object.entries(CATALOG_FILES) as Array<[keyof Catalog, string]>) {
    const path = join(realpathSync(root), name);
    if (!touched.includes(path)) continue;
    let before: string | undefined;
    try {
      before = git(['show', `${base}:${relative(top, path).split(sep).join('/')}`], top);
    } catch {
      before = undefined; // the catalog is new
    }
    catalogChanges.set(key, changedIds(before, existsSync(path) ? readFileSync(path, 'utf8') : undefined));
  }

  const files = new Set(changed);
  if (removedIds.size || catalogChanges.size) {
    for (const name of readdirSync(folder).filter((n) => n.endsWith('.mdx'))) {
      const path = join(root, 'postmortems', name);
      if (files.has(path)) continue;
      let refs: ReturnType<typeof referencesOf>;
      try {
        refs = referencesOf(readFileSync(path, 'utf8'));
      } catch {
        continue;
      }
      const hit = refs.postmortems.some((id) => removedIds.has(id)) || [...catalogChanges].some(([key, ids]) => refs[key].some((id) => ids.has(id)));
      if (hit) files.add(path);
    }
  }
  return { files: [...files].sort(), changed: changed.size };
}
