/*
 * Astro content-layer loaders for a knowledge base. They keep Astro's loader contract: no state
 * outside one `load()` call (each collection can be loaded or refreshed alone), entries written
 * with a digest so that a file that did not change is not parsed again, and the dev server's
 * watcher listened to, so that saving a postmortem or a catalog file updates the pages.
 */
import type { Loader, LoaderContext } from 'astro/loaders';
import { join, sep } from 'node:path';
import { packageVersion } from '../config/package';
import type { Settings } from '../config/settings';
import { settingsFromConfig } from '../config/symbols';
import type { Catalog } from '../schema/catalog';
import type { PostmortemFrontmatter } from '../schema/postmortem';
import type { TimelineEvent } from '../schema/timeline-event';
import { resolveQualityConfig, runFollowThrough } from '../lib/quality';
import { formatIssueReport, type ContentIssue } from '../schema/issues';
import { checkReferences } from '../schema/references';
import { drawArtefacts, pruneRendered, renderedDir, renderedFileOf, writeRendered } from './artefacts';
import { isProblem, postmortemEntry, type PostmortemEntry, type ProblemEntry } from './entry';
import { readContentFile } from './files';
import { frontmatterLineOf } from './frontmatter';
import { LIMITS } from './limits';
import { runReadJobs } from './parallel';
import { CATALOG_FILES, displayRelativeTo, escapeName, listPostmortems, readCatalogFile, readCatalogs } from './read';
import type { LineOf, PartialPostmortem, PostmortemSource, ReadJob } from './read-one';
import { selectForEdition } from './select';

/** Every problem in a knowledge base, as one report: the build fails with it, naming each file, line, field and fix. */
class ContentValidationError extends Error {
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

/**
 * What a sync remembers of a postmortem it left out of the edition (a draft, or an internal one in
 * the public edition): its digest, what selecting it and checking its references need, and its
 * quality errors. Kept in the collection's meta store, not as an entry, so that no page can ever
 * see it; with it, an unchanged left-out file is not read again.
 */
interface LeftOut {
  digest: string;
  file: string;
  data: Pick<PostmortemFrontmatter, 'status' | 'visibility' | 'severity' | 'services' | 'teams' | 'related' | 'recurrence_of' | 'action_items'> & {
    root_cause: { category: string };
    contributing_factors?: Array<{ category: string }>;
    timeline: Array<{ kind?: TimelineEvent['kind']; at: string }>;
  };
  errors: ContentIssue[];
}

const LEFT_OUT = 'left-out';

/**
 * What the last sync remembered of left-out files. Anything that is not a JSON object (a cache
 * kept from another version of Hindsight, a damaged store) is nothing remembered: those files are
 * read again. A record from another version cannot be reused either: its digest includes the
 * version (contextKey).
 */
export function rememberedLeftOut(text: string | undefined): Record<string, LeftOut> {
  if (!text) return {};
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, LeftOut>) : {};
  } catch {
    return {};
  }
}

function leftOutRecord(pm: PostmortemSource & { digest: string }): LeftOut {
  const d = pm.data;
  return {
    digest: pm.digest,
    file: pm.file,
    data: {
      status: d.status,
      visibility: d.visibility,
      severity: d.severity,
      services: d.services,
      ...(d.teams ? { teams: d.teams } : {}),
      ...(d.related ? { related: d.related } : {}),
      ...(d.recurrence_of ? { recurrence_of: d.recurrence_of } : {}),
      // The follow-through rules judge them on the day of each build.
      action_items: d.action_items,
      root_cause: { category: d.root_cause.category },
      ...(d.contributing_factors ? { contributing_factors: d.contributing_factors.map((f) => ({ category: f.category })) } : {}),
      // Every event, in order: a reference message names the started event by its index.
      timeline: d.timeline.map((e) => ({ ...(e.kind ? { kind: e.kind } : {}), at: e.at.toISOString() })),
    },
    errors: (pm.quality?.issues ?? []).filter((i) => i.level === 'error'),
  };
}

/** Reads what changed, checks everything, and writes the store. Returns the errors (dev) or throws them (build). */
async function syncPostmortems(ctx: LoaderContext, settings: Settings, dev: boolean): Promise<void> {
  const { store, meta, logger } = ctx;
  const generateDigest = (data: string | Record<string, unknown>) => ctx.generateDigest(data);
  const display = displayRelativeTo(settings.projectRoot);
  const { catalog, brokenIds, issues } = readCatalogs(settings.content, display);
  const listing = listPostmortems(settings.content, display);
  issues.push(...listing.issues);

  // A stored entry is kept when its file and the context are unchanged: nothing to parse. So is a
  // left-out file that the edition still leaves out.
  const key = contextKey(settings);
  const rendered = renderedDir(ctx.config.cacheDir);
  const leftOutBefore = rememberedLeftOut(meta.get(LEFT_OUT));
  const kept: Array<PostmortemSource & { digest: string }> = [];
  const keptLeftOut: Array<{ id: string; file: string; data: PostmortemFrontmatter; lineOf: LineOf; digest: string; errors: ContentIssue[] }> = [];
  const jobs: Array<ReadJob & { digest: string }> = [];
  for (const job of listing.jobs) {
    const file = readContentFile(job.path, job.file, { maxBytes: LIMITS.fileBytes, what: 'postmortem' });
    if (file.issue) {
      issues.push(file.issue);
      continue;
    }
    const source = file.text;
    const digest = generateDigest(`${key}\n${source}`);
    let lines: LineOf | undefined;
    const lineOf: LineOf = (path) => (lines ??= frontmatterLineOf(source))(path);
    const stored = store.get(job.id);
    const before = leftOutBefore[job.id];
    if (stored?.digest === digest && !isProblem(stored.data) && renderedFileOf(stored.rendered?.metadata, rendered)) {
      const { file, text, headings, quality, ...data } = stored.data as unknown as PostmortemEntry;
      kept.push({ id: job.id, file, data, body: '', bodyLine: 1, html: undefined, text, headings, quality, digest, lineOf });
    } else if (before?.digest === digest && before.file === job.file && selectForEdition([{ id: job.id, file: job.file, data: before.data }], settings).excluded.length) {
      const data = { ...before.data, timeline: before.data.timeline.map((e) => ({ ...e, at: new Date(e.at) })) } as unknown as PostmortemFrontmatter;
      keptLeftOut.push({ id: job.id, file: job.file, data, lineOf, digest, errors: before.errors });
    } else jobs.push({ ...job, digest });
  }
  // How much was reused: the proof, in the log and in tests, that digests spare the parsing.
  logger.info(`read ${jobs.length} of ${listing.jobs.length} postmortem files (${kept.length + keptLeftOut.length} unchanged)`);
  const results = await runReadJobs(jobs, { edition: settings.edition, render: true, fields: settings.fields, quality: { overrides: settings.quality, strict: false, lines: 'errors' } }, settings.threads);
  const read: Array<PostmortemSource & { digest: string }> = [...kept];
  const partials: PartialPostmortem[] = [];
  const fileIssues = new Map<string, ContentIssue[]>();
  results.forEach((one, i) => {
    issues.push(...one.issues);
    if (one.postmortem) read.push({ ...(one.postmortem as PostmortemSource), digest: jobs[i]!.digest });
    else if (one.partial) partials.push(one.partial);
  });
  // A file that cannot be published still has its valid references checked: every error in one report.
  issues.push(...checkReferences([...read, ...keptLeftOut, ...partials], catalog, { knownIds: listing.allIds, brokenIds }));
  // A team may make a policy rule an error; overdue items are judged on today's date, and not stored.
  const followThrough = resolveQualityConfig(settings.quality);
  for (const pm of [...read, ...keptLeftOut]) {
    issues.push(...runFollowThrough({ file: pm.file, data: pm.data, today: settings.today }, followThrough).filter((i) => i.level === 'error'));
  }
  for (const pm of read) if (pm.quality) issues.push(...pm.quality.issues.filter((i) => i.level === 'error'));
  for (const pm of keptLeftOut) issues.push(...pm.errors);

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
  const excludedIds = new Set(excluded.map((x) => x.id));
  const leftOut: Record<string, LeftOut> = {};
  for (const pm of read) if (excludedIds.has(pm.id)) leftOut[pm.id] = leftOutRecord(pm);
  for (const pm of keptLeftOut) {
    if (broken.has(pm.file)) continue;
    leftOut[pm.id] = leftOutBefore[pm.id]!;
    excluded.push(...selectForEdition([pm], settings).excluded);
  }
  const remembered = JSON.stringify(leftOut);
  // Only when it changed: a write makes Astro save the whole store again.
  if (remembered !== (meta.get(LEFT_OUT) ?? '{}')) meta.set(LEFT_OUT, remembered);
  excluded.sort((a, b) => a.file.localeCompare(b.file));
  for (const x of excluded) {
    // A draft left out is a warning, so that no build hides it, even a quiet one.
    if (x.reason.startsWith('status')) logger.warn(`not published: ${x.file} (${x.reason})`);
    else logger.info(`not published: ${x.file} (${x.reason})`);
  }
  logger.info(`${included.length} postmortem${included.length === 1 ? '' : 's'} published, ${excluded.length} left out (${settings.edition} edition${settings.preview ? ', with drafts' : ''})`);

  const untouched = new Set(store.keys());
  for (const pm of included) {
    untouched.delete(pm.id);
    const stored = store.get(pm.id);
    if (stored?.digest === pm.digest && renderedFileOf(stored.rendered?.metadata, rendered)) continue;
    if (!pm.quality) throw new Error(`${pm.file}: the quality policy did not run`);
    const entry = postmortemEntry({ ...pm, quality: pm.quality });
    // The body's HTML and the drawings go to a file beside the store (see artefacts.ts); the entry keeps its path.
    const renderedFile = writeRendered(rendered, pm.digest, { html: pm.html ?? '', artefacts: pm.artefacts ?? drawArtefacts(pm.data) });
    store.set({ id: pm.id, data: { ...entry }, body: '', rendered: { html: '', metadata: { renderedFile } }, filePath: pm.file, digest: pm.digest });
  }
  pruneRendered(rendered, new Set(included.map((pm) => pm.digest)));
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
