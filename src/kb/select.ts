import type { QualityConfigOverrides } from '../lib/quality';
import type { Edition } from './safe-mdx';

export interface BuildOptions {
  /** Knowledge-base folder (holds postmortems/ and the catalogs). */
  root: string;
  /** `internal` (default) publishes everything published; `public` only `visibility: public`. */
  edition: Edition;
  /** Include draft and in-review postmortems, with a banner on their pages. */
  preview: boolean;
  /** Quality-policy settings (hindsight.config.mjs) and the date overdue items are judged against. */
  quality?: { overrides: QualityConfigOverrides; today: string };
}

interface Selectable {
  id: string;
  file: string;
  data: { status: string; visibility: string };
}

/**
 * Which postmortems a build publishes, and why each other one is left out.
 * Drafts are reported, never silently dropped.
 */
export function selectForEdition<T extends Selectable>(all: readonly T[], options: Pick<BuildOptions, 'edition' | 'preview'>): { included: T[]; excluded: Array<{ id: string; file: string; reason: string }> } {
  const included: T[] = [];
  const excluded: Array<{ id: string; file: string; reason: string }> = [];
  for (const pm of all) {
    if (options.edition === 'public' && pm.data.visibility !== 'public') {
      excluded.push({ id: pm.id, file: pm.file, reason: `visibility is ${pm.data.visibility}; this is the public edition` });
    } else if (pm.data.status !== 'published' && !options.preview) {
      excluded.push({ id: pm.id, file: pm.file, reason: `status is ${pm.data.status}; build with HINDSIGHT_PREVIEW=1 (npm run build:preview) to include it` });
    } else included.push(pm);
  }
  return { included, excluded };
}

/** Build options from the environment: the one place the switches are read. */
export function buildOptionsFromEnv(env: Record<string, string | undefined>, root: string): BuildOptions {
  const edition = env.HINDSIGHT_EDITION ?? 'internal';
  if (edition !== 'internal' && edition !== 'public') {
    throw new Error(`HINDSIGHT_EDITION is "${edition}"; use "internal" (default) or "public"`);
  }
  return { root, edition, preview: env.HINDSIGHT_PREVIEW === '1' || env.HINDSIGHT_PREVIEW === 'true' };
}
