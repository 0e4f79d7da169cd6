/*
 * Micro-benchmark of the read path (src/kb/read.ts) on a generated set, to
 * locate its cost and to size possible fixes:
 *
 *   npx tsx bench/lib/readpath.ts <kb dir>
 *
 * Each row is the total over every file of the set, single-threaded.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { parse as parseYaml } from 'yaml';
import { splitFrontmatter } from '../../src/kb/frontmatter.ts';
import { renderSafeBody } from '../../src/kb/safe-mdx.ts';
import { parseWithFriendlyErrors } from '../../src/schema/friendly-errors.ts';
import { postmortemFrontmatter } from '../../src/schema/postmortem.ts';

const root = process.argv[2];
if (!root) throw new Error('usage: tsx bench/lib/readpath.ts <kb dir>');
const dir = join(root, 'postmortems');
const names = readdirSync(dir).filter((n) => n.endsWith('.mdx')).sort();
const rows: Array<[string, number]> = [];
const time = async (label: string, fn: () => unknown) => {
  const t = performance.now();
  await fn();
  rows.push([label, performance.now() - t]);
};

let sources: string[] = [];
await time('readFile, awaited one by one (as read.ts does)', async () => {
  sources = [];
  for (const n of names) sources.push(await readFile(join(dir, n), 'utf8'));
});
await time('readFile, 64 at a time', async () => {
  const out: string[] = Array.from({ length: names.length }, () => '');
  let next = 0;
  await Promise.all(Array.from({ length: 64 }, async () => {
    while (next < names.length) {
      const i = next++;
      out[i] = await readFile(join(dir, names[i]!), 'utf8');
    }
  }));
});
await time('readFileSync', () => names.map((n) => readFileSync(join(dir, n), 'utf8')));

const splits = sources.map((s, i) => splitFrontmatter(s, names[i]!));
await time('YAML: parseDocument + LineCounter (as frontmatter.ts does)', () => sources.forEach((s, i) => splitFrontmatter(s, names[i]!)));
const FENCE = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;
await time('YAML: parse() only (positions computed on error)', () => sources.forEach((s) => void parseYaml(FENCE.exec(s)![1]!, { version: '1.2' })));
await time('zod: postmortemFrontmatter', () => splits.forEach((s, i) => parseWithFriendlyErrors(postmortemFrontmatter, s.data, names[i]!)));

const mdx = unified().use(remarkParse).use(remarkMdx).use(remarkGfm);
const md = unified().use(remarkParse).use(remarkGfm);
await time('body: remark-parse + remark-mdx + gfm (as safe-mdx.ts does)', () => splits.forEach((s) => mdx.parse(s.body)));
await time('body: remark-parse + gfm, no MDX', () => splits.forEach((s) => md.parse(s.body)));
await time('body: renderSafeBody render:false', () => splits.forEach((s, i) => renderSafeBody(s.body, { file: names[i]!, bodyLine: s.bodyLine, edition: 'internal', render: false })));
await time('body: renderSafeBody render:true', () => splits.forEach((s, i) => renderSafeBody(s.body, { file: names[i]!, bodyLine: s.bodyLine, edition: 'internal', render: true })));

const w = Math.max(...rows.map(([l]) => l.length));
for (const [label, ms] of rows) process.stdout.write(`${label.padEnd(w)}  ${(ms / 1000).toFixed(2).padStart(7)} s  ${(ms / names.length).toFixed(3).padStart(7)} ms/file\n`);
