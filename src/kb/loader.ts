import type { Loader } from 'astro/loaders';
import { join } from 'node:path';
import { categoryResolver } from '../schema/references';
import { formatIssueReport } from '../schema/issues';
import { postmortemEntry } from './entry';
import { readKnowledgeBase, type KnowledgeBase } from './read';
import { selectForEdition, type BuildOptions } from './select';

/**
 * Reading is shared by the five collections of one build: the postmortem
 * loader needs the catalogs for references, and the catalog loaders should
 * not re-read 10,000 postmortems. Cleared at the start of each sync.
 */
let pending: { key: string; promise: Promise<KnowledgeBase> } | undefined;

function read(options: BuildOptions, fresh: boolean): Promise<KnowledgeBase> {
  const key = JSON.stringify(options);
  if (!fresh && pending?.key === key) return pending.promise;
  const quality = options.quality ? { quality: { overrides: options.quality.overrides, strict: false, today: options.quality.today } } : {};
  pending = { key, promise: readKnowledgeBase({ root: options.root, edition: options.edition, render: true, ...quality }) };
  return pending.promise;
}

export class ContentValidationError extends Error {
  constructor(report: string, count: number) {
    super(`Hindsight found ${count} problem${count === 1 ? '' : 's'} in the knowledge base. Nothing was published.\n\n${report}\n`);
    this.name = 'ContentValidationError';
  }
}

/** Loads, validates and renders every postmortem once, at content-sync time. */
export function postmortemLoader(options: BuildOptions): Loader {
  return {
    name: 'hindsight-postmortems',
    async load({ store, logger, watcher }) {
      const kb = await read(options, true);
      const errors = kb.issues.filter((i) => i.level === 'error');
      for (const w of kb.issues.filter((i) => i.level === 'warning')) logger.warn(`${w.file}: ${w.message} (${w.fix})`);
      if (errors.length) throw new ContentValidationError(formatIssueReport(errors), errors.length);

      const { included, excluded } = selectForEdition(kb.postmortems, options);
      // Drafts are reported as warnings so that no build hides them, even a quiet one.
      for (const x of excluded) (x.reason.startsWith('status') ? logger.warn : logger.info).call(logger, `not published: ${x.file} (${x.reason})`);
      logger.info(`${included.length} postmortem${included.length === 1 ? '' : 's'} published, ${excluded.length} left out (${options.edition} edition${options.preview ? ', preview' : ''})`);

      const visible = new Set(included.map((p) => p.id));
      const canonical = categoryResolver(kb.catalog);
      store.clear();
      for (const pm of included) {
        if (!pm.quality) throw new Error(`${pm.file}: the quality policy did not run (postmortemLoader needs options.quality)`);
        const entry = postmortemEntry({ ...pm, quality: pm.quality }, { visible, canonicalCategory: (id) => canonical(id) ?? id });
        // The store is typed loosely; the collection's schema carries PostmortemEntry to the pages.
        store.set({ id: pm.id, data: { ...entry }, body: '', rendered: { html: pm.html ?? '' }, filePath: pm.file });
      }
      watcher?.add(join(options.root, 'postmortems'));
    },
  };
}

/** Loads one catalog file (services, teams, taxonomy, severities) from the same read. */
export function catalogLoader<K extends keyof KnowledgeBase['catalog']>(options: BuildOptions, key: K): Loader {
  return {
    name: `hindsight-${key}`,
    async load({ store }) {
      const kb = await read(options, false);
      store.clear();
      for (const item of kb.catalog[key]) store.set({ id: item.id, data: { ...item } as Record<string, unknown> });
    },
  };
}
