/*
 * The JSON export, split so that no file grows with the knowledge base: an index
 * (/api/postmortems.json) naming one file per year, or several when a year has more than
 * `jsonExport.perFile` postmortems. Parts are cut in the order incidents started, so that a
 * new incident only ever changes the last part of its year and every other file keeps its
 * contents (and its cache entry). Documented in the README ("JSON export").
 */
import type { CustomField } from '../config/options';
import { isOverdue } from '../lib/metrics';
import { customFieldValues } from '../schema/custom-fields';
import type { Postmortem } from './index';

/** Written into the index and into every file; bumped when the shape changes (see README, "Migrating from @1"). */
export const EXPORT_SCHEMA = 'hindsight/postmortems@2';

export interface ExportFile {
  /** The file name without `.json`: `2026`, then `2026-2`, … */
  name: string;
  year: number;
  /** 1-based part of the year. */
  part: number;
  /** How many parts the year has. */
  parts: number;
  /** Oldest first. */
  postmortems: Postmortem[];
}

/** The published postmortems of one edition (any order), grouped into the export's files: years ascending, parts in order. */
export function exportFiles(published: readonly Postmortem[], perFile: number): ExportFile[] {
  const byYear = new Map<number, Postmortem[]>();
  for (const pm of published) {
    const year = pm.metrics.startedAt.getUTCFullYear();
    const list = byYear.get(year) ?? [];
    list.push(pm);
    byYear.set(year, list);
  }
  const files: ExportFile[] = [];
  for (const year of [...byYear.keys()].sort((a, b) => a - b)) {
    const list = byYear.get(year)!.sort((a, b) => a.metrics.startedAt.getTime() - b.metrics.startedAt.getTime() || a.id.localeCompare(b.id));
    const parts = Math.ceil(list.length / perFile);
    for (let part = 1; part <= parts; part++) {
      files.push({ name: part === 1 ? String(year) : `${year}-${part}`, year, part, parts, postmortems: list.slice((part - 1) * perFile, part * perFile) });
    }
  }
  return files;
}

const minutes = (ms: number | undefined) => (ms === undefined ? null : Math.round(ms / 60_000));

/**
 * One postmortem as the export writes it: the content model's fields at the top level, the team's
 * own under `fields` (so a name a team picks never collides with one the model adds later), derived
 * metrics, the later incidents that recurred it, its quality score and its overdue action items on
 * the day of the build.
 */
export function exportRecord(pm: Postmortem, url: string, opts: { fields: Readonly<Record<string, CustomField>>; today: string }): Record<string, unknown> {
  const { file: _file, text: _text, headings: _headings, quality: _quality, ...data } = pm.data;
  const custom = customFieldValues(data, opts.fields);
  const frontmatter = Object.fromEntries(Object.entries(data).filter(([name]) => !Object.hasOwn(opts.fields, name)));
  return {
    id: pm.id,
    url,
    ...frontmatter,
    fields: Object.fromEntries(custom.map((f) => [f.name, f.value])),
    metrics: {
      started: pm.metrics.startedAt.toISOString(),
      ttd_minutes: minutes(pm.metrics.ttd),
      tta_minutes: minutes(pm.metrics.tta),
      ttdiag_minutes: minutes(pm.metrics.ttdiag),
      ttm_minutes: minutes(pm.metrics.ttm),
      ttf_minutes: minutes(pm.metrics.ttf),
      ttr_minutes: minutes(pm.metrics.ttr),
    },
    recurred_as: pm.recurredAs,
    quality_score: pm.quality.score,
    overdue_action_items: pm.data.action_items.filter((i) => isOverdue(i, opts.today)).length,
  };
}
