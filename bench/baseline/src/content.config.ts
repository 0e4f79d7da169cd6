import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';

const base = process.env.BASELINE_CONTENT;
if (!base) throw new Error('BASELINE_CONTENT must name the folder of *.md postmortems (bench/run.mjs sets it)');

// No schema: the baseline does no validation beyond Astro's own frontmatter parsing.
export const collections = {
  postmortems: defineCollection({ loader: glob({ pattern: '*.md', base }) }),
};
