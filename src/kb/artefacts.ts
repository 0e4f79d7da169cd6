/*
 * What a page shows of a postmortem that is bulky and the same on every build until the file
 * changes: the body's HTML and the drawings (the timeline's SVG). Both are made once, where the
 * file is read (the read worker threads), and kept in files beside Astro's content store, named
 * by the entry's digest, not in the store itself: Astro compiles the whole store into the build
 * as one JavaScript module, and at 1,000 postmortems the HTML and the SVG were 60% of its 23 MB
 * (importing the 14 MB store of the body HTML alone cost 2.4 s of CPU). A page reads its own file
 * when it renders; a warm build reads and draws nothing again.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { timelineSvg } from '../lib/timeline/svg';
import type { PostmortemFrontmatter } from '../schema/postmortem';

export interface PostmortemArtefacts {
  /** The timeline chart (SVG markup); its table twin is rendered by the page. */
  timelineSvg: string;
}

export interface RenderedPostmortem {
  /** The body as HTML, for the edition this file was rendered for. */
  html: string;
  artefacts: PostmortemArtefacts;
}

export function drawArtefacts(data: Pick<PostmortemFrontmatter, 'timeline'>): PostmortemArtefacts {
  return { timelineSvg: timelineSvg(data.timeline) };
}

/** The folder of rendered postmortems inside Astro's cacheDir. */
export function renderedDir(cacheDir: URL): string {
  return join(fileURLToPath(cacheDir), 'hindsight', 'rendered');
}

const nameOf = (digest: string) => `${digest.replace(/[^\w-]/g, '_')}.json`;

/** Writes one postmortem's rendered file (named by its digest); returns its path, which the entry keeps. */
export function writeRendered(dir: string, digest: string, rendered: RenderedPostmortem): string {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, nameOf(digest));
  writeFileSync(path, JSON.stringify(rendered));
  return path;
}

/** The stored entry's rendered file, when it is still there (a cache step may have kept the store and not this folder). */
export function renderedFileOf(metadata: Record<string, unknown> | undefined, dir: string): string | undefined {
  const path = metadata?.renderedFile;
  return typeof path === 'string' && path.startsWith(dir) && existsSync(path) ? path : undefined;
}

export function readRendered(path: string): RenderedPostmortem {
  return JSON.parse(readFileSync(path, 'utf8')) as RenderedPostmortem;
}

/** Deletes the rendered files no entry uses any more (older versions of changed postmortems). */
export function pruneRendered(dir: string, used: ReadonlySet<string>): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  const keep = new Set([...used].map(nameOf));
  for (const name of names) if (!keep.has(name)) rmSync(join(dir, name), { force: true });
}
