/*
 * What is drawn once per postmortem where its file is read (in the read worker threads, beside the
 * body's HTML) and kept in the content store, so that page generation only inserts it and a warm
 * build draws nothing again. Pure: a function of the postmortem's frontmatter alone.
 */
import { timelineSvg } from '../lib/timeline/svg';
import type { PostmortemFrontmatter } from '../schema/postmortem';

export interface PostmortemArtefacts {
  /** The timeline chart (SVG markup); its table twin is rendered by the page. */
  timelineSvg: string;
}

export function drawArtefacts(data: Pick<PostmortemFrontmatter, 'timeline'>): PostmortemArtefacts {
  return { timelineSvg: timelineSvg(data.timeline) };
}

/** The artefacts a stored entry carries (in `rendered.metadata`), when it has them. */
export function storedArtefacts(rendered: { metadata?: Record<string, unknown> } | undefined): PostmortemArtefacts | undefined {
  const a = rendered?.metadata?.artefacts as Partial<PostmortemArtefacts> | undefined;
  return typeof a?.timelineSvg === 'string' ? (a as PostmortemArtefacts) : undefined;
}
