import type { QualityResult } from '../lib/quality';
import type { ContentIssue } from '../schema/issues';
import type { PostmortemFrontmatter } from '../schema/postmortem';
import type { PostmortemSource } from './read';

/**
 * What the content store keeps per published postmortem: everything that comes from the file
 * alone, so that an entry whose file did not change can be kept as it is on the next sync.
 * Whatever depends on other files (which references this edition shows, category aliases) is
 * resolved by the data module.
 */
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
 * In `astro dev`, a file that cannot be published is kept in the store as its problems, so that
 * its page and every other page can show what to fix; the next save that fixes it replaces it.
 * Production builds fail instead.
 */
export interface ProblemEntry {
  problem: true;
  file: string;
  issues: ContentIssue[];
}

export type StoredEntry = PostmortemEntry | ProblemEntry;

export function isProblem(data: unknown): data is ProblemEntry {
  return typeof data === 'object' && data !== null && (data as { problem?: unknown }).problem === true;
}

/** Prepares a validated postmortem for the store. */
export function postmortemEntry(pm: PostmortemSource & { quality: QualityResult }): PostmortemEntry {
  return { ...pm.data, file: pm.file, text: pm.text, headings: pm.headings, quality: pm.quality };
}
