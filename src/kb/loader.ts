/*
 * Astro content-layer loaders for a knowledge base. They keep Astro's loader contract: no state
 * outside one `load()` call (each collection can be loaded or refreshed alone), entries written
 * with a digest so that a file that did not change is not parsed again, and the dev server's
 * watcher listened to, so that saving a postmortem or a catalog file updates the pages.
 */
import type { Loader, LoaderContext } from 'astro/loaders';
import { join, sep } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { packageVersion } from '../config/package';
import type { Settings } from '../config/settings';
import { settingsFromConfig } from '../config/symbols';
import type { Catalog } from '../schema/catalog';
import { resolveQualityConfig, runFollowThrough } from '../lib/quality';
import { formatIssueReport, type ContentIssue } from '../schema/issues';
import { checkReferences } from '../schema/references';
import { isProblem, postmortemEntry, type PostmortemEntry, type ProblemEntry } from './entry';
import { readContentFile } from './files';
import { frontmatterLineOf } from './frontmatter';
import { LIMITS } from './limits';
import { runReadJobs } from './parallel';
import { CATALOG_FILES, displayRelativeTo, escapeName, listPostmortems, readCatalogFile, readCatalogs } from './read';
import type { PartialPostmortem, PostmortemSource, ReadJob } from './read-one';
import { selectForEdition } from './select';

/** Every problem in a knowledge base, as one report: the build fails with it, naming each file, line, field and fix. */
export class ContentValidationError extends Error {
  override name = 'ContentValidationError';
  constructor(report: string, count: number) {
    super(`Hindsight found ${count} problem${count === 1 ? '' : 's'} in the knowledge base. Nothing was published.\n\n${report}\n`);
    // An author's mistake, not a bug: Astro prints no stack trace for an error without one.
    this.stack = '';
  }
}

/**
 * What a stored entry depends on besides its own file: a change to any of these re-reads every
 * file. Catalogs are not here: references are checked again on every sync, from the stored data.
 * Nor is the date: the stored quality result is the document's writing quality, and overdue
 * action items are counted when a page is built (runFollowThrough, isOverdue).
 */
function contextKey(settings: Settings): string {
  return JSON.stringify([packageVersion(), settings.edition, settings.fields, settings.quality]);
}

/** The meta-store key under which the postmortems an edition leaves out are remembered. */
const LEFT_OUT = 'left-out';

/** A postmortem as read, with the digest of the file and context it was read from. */
interface Remembered {
  digest: string;
  entry: PostmortemEntry;
  html: string;
}

/*
 * The meta store holds strings, and a postmortem holds dates: v8's structured serialisation keeps
 * them (JSON would not). What cannot be read back (another Node version) is simply read again.
 */
function encodeLeftOut(leftOut: Record<string, Remembered>): string {
  return serialize(leftOut).toString('base64');
}

function decodeLeftOut(text: string | undefined): Record<string, Remembered> {
  if (!text) return {};
  try {
    return deserialize(Buffer.from(text, 'base64')) as Record<string, Remembered>;
  } catch {
    return {};
  }
}

/** Reads what changed, checks everything, and writes the store. Returns the errors (dev) or throws them (build). */
async function syncPostmortems(ctx: LoaderContext, settings: Settings, dev: boolean): Promise<void> {
  const { store, logger } = ctx;
  const generateDigest = (data: string | Record<string, unknown>) => ctx.generateDigest(data);
  const display = displayRelativeTo(settings.projectRoot);
  const { catalog, brokenIds, issues } = readCatalogs(settings.content, display);
  const listing = listPostmortems(settings.content, display);
  issues.push(...listing.issues);

  // A stored entry is kept when its file and the context are unchanged: nothing to parse. So is
  // one this edition leaves out (a draft, an internal postmortem in the public edition): it is not
  // in the store, but its reading is remembered in the collection's meta store.
  const key = contextKey(settings);
  const leftOutBefore = decodeLeftOut(ctx.meta.get(LEFT_OUT));
  const kept: Array<PostmortemSource & { digest: string }> = [];
  const jobs: Array<ReadJob & { digest: string }> = [];
  for (const job of listing.jobs) {
    const read = readContentFile(job.path, job.file, { maxBytes: LIMITS.fileBytes, what: 'postmortem' });
    if (read.issue) {
      issues.push(read.issue);
      continue;
    }
    const source = read.text;
    const digest = generateDigest(`${key}\n${source}`);
    const stored = store.get(job.id);
    const reusable: Remembered | undefined = stored?.digest === digest && !isProblem(stored.data)
      ? { digest, entry: stored.data as unknown as PostmortemEntry, html: stored.rendered?.html ?? '' }
      : leftOutBefore[job.id]?.digest === digest ? leftOutBefore[job.id] : undefined;
    if (reusable) {
      const { file, text, headings, quality, ...data } = reusable.entry;
      let lineOf: ((path: readonly PropertyKey[]) => number | undefined) | undefined;
      kept.push({ id: job.id, file, data, body: '', bodyLine: 1, html: reusable.html, text, headings, quality, digest, lineOf: (path) => (lineOf ??= frontmatterLineOf(source))(path) });
    } else jobs.push({ ...job, digest });
  }
  // How much was reused: the proof, in the log and in tests, that digests spare the parsing.
  logger.info(`read ${jobs.length} of ${listing.jobs.length} postmortem files (${kept.length} unchanged)`);
  const results = await runReadJobs(jobs, { edition: settings.edition, render: true, fields: settings.fields, quality: { overrides: settings.quality, strict: false } }, settings.threads);
  const read: Array<PostmortemSource & { digest: string }> = [...kept];
  const partials: PartialPostmortem[] = [];
  const fileIssues = new Map<string, ContentIssue[]>();
  results.forEach((one, i) => {
    issues.push(...one.issues);
    if (one.postmortem) read.push({ ...(one.postmortem as PostmortemSource), digest: jobs[i]!.digest });
    else if (one.partial) partials.push(one.partial);
  });
  // A file that cannot be published still has its valid references checked: every error in one report.
  issues.push(...checkReferences([...read, ...partials], catalog, { knownIds: listing.allIds, brokenIds }));
  // A team may make a policy rule an error; overdue items are judged on today's date, and not stored.
  const followThrough = resolveQualityConfig(settings.quality);
  for (const pm of read) {
    if (pm.quality) issues.push(...pm.quality.issues.filter((i) => i.level === 'error'));
    issues.push(...runFollowThrough({ file: pm.file, data: pm.data, today: settings.today }, followThrough).filter((i) => i.level === 'error'));
  }

  const errors = issues.filter((i) => i.level === 'error');
  if (!dev) {
    for (const w of issues.filter((i) => i.level === 'warning' && !i.rule.startsWith('quality/'))) logger.warn(`${w.file}: ${w.field ? `${w.field}: ` : ''}${w.message} (${w.fix})`);
    if (errors.length) throw new ContentValidationError(formatIssueReport(errors), errors.length);
  } else if (errors.length) {
    logger.error(`\n${formatIssueReport(errors)}\n`);
  }
  for (const e of errors) fileIssues.set(e.file, [...(fileIssues.get(e.file) ?? []), e]);

  const broken = new Set(fileIssues.keys());
  const { included, excluded } = selectForEdition(read.filter((pm) => !broken.has(pm.file)), settings);
  for (const x of excluded) {
    // A draft left out is a warning, so that no build hides it, even a quiet one.
    if (x.reason.startsWith('status')) logger.warn(`not published: ${x.file} (${x.reason})`);
    else logger.info(`not published: ${x.file} (${x.reason})`);
  }
  const byId = new Map(read.map((pm) => [pm.id, pm]));
  const leftOut: Record<string, Remembered> = {};
  for (const { id } of excluded) {
    const pm = byId.get(id);
    if (pm?.quality) leftOut[id] = { digest: pm.digest, entry: postmortemEntry({ ...pm, quality: pm.quality }), html: pm.html ?? '' };
  }
  const leftOutText = encodeLeftOut(leftOut);
  if (leftOutText !== ctx.meta.get(LEFT_OUT)) ctx.meta.set(LEFT_OUT, leftOutText);
  logger.info(`${included.length} postmortem${included.length === 1 ? '' : 's'} published, ${excluded.length} left out (${settings.edition} edition${settings.preview ? ', with drafts' : ''})`);

  const untouched = new Set(store.keys());
  for (const pm of included) {
    untouched.delete(pm.id);
    if (store.get(pm.id)?.digest === pm.digest) continue;
    if (!pm.quality) throw new Error(`${pm.file}: the quality policy did not run`);
    const entry = postmortemEntry({ ...pm, quality: pm.quality });
    store.set({ id: pm.id, data: { ...entry }, body: '', rendered: { html: pm.html ?? '' }, filePath: pm.file, digest: pm.digest });
  }
  // In dev, what cannot be published stays visible as its problems (see ProblemEntry).
  for (const [file, list] of fileIssues) {
    const id = problemId(file, listing.jobs);
    untouched.delete(id);
    const data: ProblemEntry = { problem: true, file, issues: list };
    store.set({ id, data: { ...data }, digest: generateDigest(JSON.stringify(data)) });
  }
  for (const id of untouched) store.delete(id);
}

/** A postmortem's own id when the problem is in a postmortem file, so its page shows it; else one per file. */
function problemId(file: string, jobs: readonly ReadJob[]): string {
  return jobs.find((j) => j.file === file)?.id ?? `problem:${file}`;
}

/** Loads, validates and renders every postmortem, at content-sync time. */
export function postmortemsLoader(): Loader {
  return {
    name: 'hindsight-postmortems',
    load: async (ctx) => {
      const settings = settingsFromConfig(ctx.config);
      const { watcher, logger } = ctx;
      await syncPostmortems(ctx, settings, Boolean(watcher));
      if (!watcher) return;
      const folder = join(settings.content, 'postmortems');
      const catalogs = Object.values(CATALOG_FILES).map((f) => join(settings.content, f));
      watcher.add([folder, ...catalogs]);
      // One sync at a time; a save during a sync is picked up by the next one (digests make it cheap).
      let queue = Promise.resolve();
      const onChange = (path: string) => {
        if (!path.startsWith(folder + sep) && !catalogs.includes(path)) return;
        queue = queue
          .then(() => syncPostmortems(ctx, settings, true))
          .then(() => logger.info(`reloaded after a change to ${escapeName(displayRelativeTo(settings.projectRoot)(path))}`))
          .catch((error: unknown) => logger.error(`could not reload the knowledge base: ${(error as Error).message}`));
      };
      watcher.on('add', onChange);
      watcher.on('change', onChange);
      watcher.on('unlink', onChange);
    },
  };
}

/** Loads one catalog file (services, teams, taxonomy, severities). Its problems are reported by the postmortems loader, which reads every catalog. */
export function catalogLoader<K extends keyof Catalog>(key: K): Loader {
  return {
    name: `hindsight-${key}`,
    load: (ctx) => {
      const settings = settingsFromConfig(ctx.config);
      const { store, watcher } = ctx;
      const path = join(settings.content, CATALOG_FILES[key]);
      const sync = () => {
        const { items } = readCatalogFile(settings.content, key, displayRelativeTo(settings.projectRoot));
        const untouched = new Set(store.keys());
        for (const item of items) {
          untouched.delete(item.id);
          store.set({ id: item.id, data: { ...item }, digest: ctx.generateDigest(item as unknown as Record<string, unknown>) });
        }
        for (const id of untouched) store.delete(id);
      };
      sync();
      if (!watcher) return Promise.resolve();
      watcher.add(path);
      const onChange = (changed: string) => {
        if (changed === path) sync();
      };
      watcher.on('add', onChange);
      watcher.on('change', onChange);
      watcher.on('unlink', onChange);
      return Promise.resolve();
    },
  };
}
