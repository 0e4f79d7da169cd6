import type { Settings } from '../config/settings';

interface Selectable {
  id: string;
  file: string;
  data: { status: string; visibility: string };
}

/**
 * Which postmortems a build publishes, and why each other one is left out.
 * Drafts are reported, never silently dropped.
 */
export function selectForEdition<T extends Selectable>(all: readonly T[], options: Pick<Settings, 'edition' | 'preview'>): { included: T[]; excluded: Array<{ id: string; file: string; reason: string }> } {
  const included: T[] = [];
  const excluded: Array<{ id: string; file: string; reason: string }> = [];
  for (const pm of all) {
    if (options.edition === 'public' && pm.data.visibility !== 'public') {
      excluded.push({ id: pm.id, file: pm.file, reason: `visibility is ${pm.data.visibility}; this is the public edition` });
    } else if (pm.data.status !== 'published' && !options.preview) {
      excluded.push({ id: pm.id, file: pm.file, reason: `status is ${pm.data.status}; preview it with "npm run dev", or build with HINDSIGHT_PREVIEW=1 (npm run build:preview)` });
    } else included.push(pm);
  }
  return { included, excluded };
}
