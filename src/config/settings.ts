/*
 * The one module that turns options and environment into settings. The integration calls it once
 * per Astro run, the CLI once per command, the tests directly; everything downstream receives the
 * resulting plain object (it crosses worker threads and Vite's virtual module as JSON).
 */
import { statSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { closestIds } from '../lib/text/did-you-mean';
import { RULE_IDS } from '../lib/quality/registry';
import { keysAt } from '../schema/friendly-errors';
import { isCalendarDate } from '../schema/datetime';
import { POSTMORTEM_FIELDS } from '../schema/postmortem';
import { describeOptionIssues, excerpt, HindsightConfigError } from './errors';
import { hindsightOptions, listingsOptions, type CustomField, type HindsightOptions, type ListingsOptions } from './options';

export type Edition = 'internal' | 'public';
export type Command = 'dev' | 'build' | 'preview' | 'sync' | 'cli';

/** Everything the build and the CLI need to know, resolved once. Plain data. */
export interface Settings {
  title: string;
  organisation: string;
  description: string;
  /** Absolute path of the project (the folder holding astro.config.mjs). */
  projectRoot: string;
  /** Absolute path of the knowledge-base folder (postmortems/ and the catalogs). */
  content: string;
  /** The knowledge-base folder inside the repository, for "Edit this postmortem" links. */
  contentDir: string;
  repository: { url?: string; branch: string };
  /** `internal` publishes every published postmortem; `public` only `visibility: public` ones. */
  edition: Edition;
  /** Drafts and in-review postmortems are built too, each with a banner (default in `astro dev`). */
  preview: boolean;
  /** The date overdue items and unfinished periods are judged against, YYYY-MM-DD (UTC). */
  today: string;
  /** Threads that read and validate postmortems; undefined: one per core from 400 files on. */
  threads: number | undefined;
  patterns: { windowDays: number };
  listings: ListingsOptions;
  /** `/rss.xml`: how many postmortems it carries. */
  feed: HindsightOptions['feed'];
  /** The JSON export: postmortems per file. */
  jsonExport: HindsightOptions['jsonExport'];
  quality: HindsightOptions['quality'];
  /** Frontmatter fields the team declared. */
  fields: Record<string, CustomField>;
}

/** Where the options came from, named in error messages. */
export interface OptionsSource {
  /** e.g. `hindsight.config.mjs` or `hindsight({ … }) in astro.config.mjs`. */
  where: string;
}

type Env = Readonly<Record<string, string | undefined>>;

/** Environment variables Hindsight reads, with what each one overrides. Documented in the README. */
export const ENVIRONMENT = {
  HINDSIGHT_CONTENT: 'the knowledge-base folder (option `content`)',
  HINDSIGHT_EDITION: '`internal` (default) or `public`',
  HINDSIGHT_PREVIEW: '`1`/`true` builds drafts and in-review postmortems with a banner, `0`/`false` leaves them out (default: on in `astro dev`, off otherwise)',
  HINDSIGHT_TODAY: 'the date overdue items are judged against, YYYY-MM-DD (default: today, UTC)',
  HINDSIGHT_THREADS: 'threads that read postmortems, a whole number ≥ 1 (default: one per core, up to four, from 400 postmortems)',
  HINDSIGHT_LISTINGS: 'JSON overriding `listings` for one build, e.g. {"pageSize":10}',
  HINDSIGHT_BASE: "Astro's `base`: serve the site under a sub-path, e.g. /kb/",
  HINDSIGHT_SITE: "Astro's `site`: the public URL",
  HINDSIGHT_OUT_DIR: "Astro's `outDir`",
  HINDSIGHT_CACHE_DIR: "Astro's `cacheDir` (the content store lives there)",
} as const;

/** A folder a build can write into: it is one, or does not exist yet and its nearest existing parent is one. */
function writableFolder(path: string): boolean {
  for (let at = path; ; at = dirname(at)) {
    try {
      return statSync(at).isDirectory();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') return false;
      if (dirname(at) === at) return false;
    }
  }
}

function readEnv(env: Env, problems: string[], projectRoot: string) {
  const text = (name: keyof typeof ENVIRONMENT) => {
    const value = env[name];
    return value === undefined || value.trim() === '' ? undefined : value.trim();
  };
  const edition = text('HINDSIGHT_EDITION');
  if (edition !== undefined && edition !== 'internal' && edition !== 'public') {
    problems.push(`HINDSIGHT_EDITION is ${excerpt(edition)}: use "internal" (the default) or "public"`);
  }
  const previewText = text('HINDSIGHT_PREVIEW');
  let preview: boolean | undefined;
  if (previewText !== undefined) {
    if (/^(1|true|yes)$/i.test(previewText)) preview = true;
    else if (/^(0|false|no)$/i.test(previewText)) preview = false;
    else problems.push(`HINDSIGHT_PREVIEW is ${excerpt(previewText)}: use 1 (build drafts with a banner) or 0`);
  }
  const today = text('HINDSIGHT_TODAY');
  if (today !== undefined && !isCalendarDate(today)) {
    problems.push(`HINDSIGHT_TODAY is ${excerpt(today)}, not a real date: write it as YYYY-MM-DD, e.g. 2026-12-01`);
  }
  const threadsText = text('HINDSIGHT_THREADS');
  let threads: number | undefined;
  if (threadsText !== undefined) {
    const n = Number(threadsText);
    if (!Number.isInteger(n) || n < 1 || n > 64) problems.push(`HINDSIGHT_THREADS is ${excerpt(threadsText)}: use a whole number from 1 to 64 (1 reads in one thread)`);
    else threads = n;
  }
  const listingsText = text('HINDSIGHT_LISTINGS');
  let listings: Partial<ListingsOptions> = {};
  if (listingsText !== undefined) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(listingsText);
    } catch {
      problems.push(`HINDSIGHT_LISTINGS is not JSON: write it as e.g. {"pageSize":10}`);
    }
    if (parsed !== undefined) {
      const result = listingsOptions.partial().safeParse(parsed);
      // Only the keys given: the schema's defaults must not override the configured values.
      if (result.success) listings = Object.fromEntries(Object.entries(result.data).filter(([k]) => Object.hasOwn(parsed as object, k)));
      else problems.push(...describeOptionIssues(result.error.issues, 'HINDSIGHT_LISTINGS', parsed, (p) => keysAt(listingsOptions, p)));
    }
  }
  // The four that go to Astro's own configuration: checked here, because Astro reports them with a stack trace, late, or not at all.
  const site = text('HINDSIGHT_SITE');
  if (site !== undefined) {
    let url: URL | undefined;
    try {
      url = new URL(site);
    } catch {
      url = undefined;
    }
    if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || !url.hostname) {
      problems.push(`HINDSIGHT_SITE is ${excerpt(site)}: use the site's public address, with https://, e.g. https://kb.example.com`);
    }
  }
  const base = text('HINDSIGHT_BASE');
  if (base !== undefined && (!/^\/?(?:[A-Za-z0-9._~-]+\/?)*$/.test(base) || /(^|\/)\.\.?(\/|$)/.test(base))) {
    problems.push(`HINDSIGHT_BASE is ${excerpt(base)}: use a path such as /kb/ (letters, digits, ".", "_", "-" and "/")`);
  }
  for (const name of ['HINDSIGHT_OUT_DIR', 'HINDSIGHT_CACHE_DIR'] as const) {
    const dir = text(name);
    if (dir !== undefined && !writableFolder(resolve(projectRoot, dir))) {
      problems.push(`${name} is ${excerpt(dir)}, which is not a folder (or inside something that is not one): use a folder the build can create or write into`);
    }
  }
  return {
    content: text('HINDSIGHT_CONTENT'),
    edition: edition === 'public' ? ('public' as const) : edition === 'internal' ? ('internal' as const) : undefined,
    preview,
    today: today !== undefined && isCalendarDate(today) ? today : undefined,
    threads,
    listings,
  };
}

/** Checks that need more than the schema: rule ids that exist, custom fields that do not shadow built-in ones. */
function crossChecks(options: HindsightOptions, where: string, problems: string[]): void {
  const names = RULE_IDS.map((id) => id.slice('quality/'.length));
  for (const [option, rules] of [['quality.rules', options.quality.rules], ['quality.light.rules', options.quality.light.rules]] as const) {
    for (const key of Object.keys(rules)) {
      const name = key.replace(/^quality\//, '');
      if (!names.includes(name)) {
        const close = closestIds(name, names, 1);
        problems.push(`${where}: ${option} has an unknown rule ${excerpt(key)}${close.length ? `; did you mean "${close[0]}"?` : `; the rules are ${names.join(', ')}`}`);
      }
    }
  }
  for (const name of Object.keys(options.fields)) {
    if (POSTMORTEM_FIELDS.includes(name)) problems.push(`${where}: fields.${name} is a built-in field of the content model; give the custom field another name`);
  }
}

/**
 * Options (as written by the team) plus the environment, validated once. Throws a
 * HindsightConfigError listing every problem, one line each, naming the option or the variable.
 */
export function resolveSettings(input: unknown, opts: { projectRoot: string; env?: Env; command?: Command; source?: OptionsSource; now?: Date }): Settings {
  const where = opts.source?.where ?? 'hindsight options';
  const problems: string[] = [];
  const parsed = hindsightOptions.safeParse(input ?? {});
  const env = readEnv(opts.env ?? {}, problems, resolve(opts.projectRoot));
  if (!parsed.success) {
    problems.push(...describeOptionIssues(parsed.error.issues, where, input, (p) => keysAt(hindsightOptions, p)));
    throw new HindsightConfigError(problems);
  }
  const options = parsed.data;
  crossChecks(options, where, problems);
  if (problems.length) throw new HindsightConfigError(problems);

  const projectRoot = resolve(opts.projectRoot);
  const content = resolve(projectRoot, env.content ?? options.content);
  const contentDir = options.repository.contentDir ?? toPosix(isAbsolute(options.content) ? relative(projectRoot, content) : options.content);
  return {
    title: options.title,
    organisation: options.organisation,
    description: options.description,
    projectRoot,
    content,
    contentDir,
    repository: { ...(options.repository.url ? { url: options.repository.url } : {}), branch: options.repository.branch },
    edition: env.edition ?? 'internal',
    preview: env.preview ?? opts.command === 'dev',
    today: env.today ?? (opts.now ?? new Date()).toISOString().slice(0, 10),
    threads: env.threads,
    patterns: options.patterns,
    listings: { ...options.listings, ...env.listings },
    feed: options.feed,
    jsonExport: options.jsonExport,
    quality: options.quality,
    fields: options.fields,
  };
}

function toPosix(path: string): string {
  return path.split('\\').join('/').replace(/^\.\//, '').replace(/\/$/, '') || '.';
}
