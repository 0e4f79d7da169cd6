import type { QualityResult } from '../lib/quality';
import type { PostmortemFrontmatter } from '../schema/postmortem';
import type { PostmortemSource } from './read';

/** What the content store keeps per published postmortem. */
export interface PostmortemEntry extends PostmortemFrontmatter {
  /** Source path, for "Edit this postmortem" links and messages. */
  file: string;
  /** Plain text of the body as this edition shows it (similarity, excerpts). */
  text: string;
  /** The body's `##` headings. */
  headings: string[];
  /**
   * The quality policy's result, computed while the file was read (on the read's
   * threads, as `hindsight check` does), so that the store need not keep the MDX source.
   */
  quality: QualityResult;
}

/**
 * Prepares a validated postmortem for the store. References to postmortems
 * this build does not publish are dropped here, so that no id, link or count
 * of an internal or draft postmortem reaches a page of the public edition.
 * Category aliases are resolved to their canonical id.
 */
export function postmortemEntry(
  pm: PostmortemSource & { quality: QualityResult },
  ctx: { visible: ReadonlySet<string>; canonicalCategory: (id: string) => string },
): PostmortemEntry {
  const { related, recurrence_of, ...rest } = pm.data;
  const keptRelated = (related ?? []).filter((id) => ctx.visible.has(id));
  return {
    ...rest,
    root_cause: { ...rest.root_cause, category: ctx.canonicalCategory(rest.root_cause.category) },
    ...(rest.contributing_factors
      ? { contributing_factors: rest.contributing_factors.map((f) => ({ ...f, category: ctx.canonicalCategory(f.category) })) }
      : {}),
    ...(keptRelated.length ? { related: keptRelated } : {}),
    ...(recurrence_of && ctx.visible.has(recurrence_of) ? { recurrence_of } : {}),
    file: pm.file,
    text: pm.text,
    headings: pm.headings,
    quality: pm.quality,
  };
}
