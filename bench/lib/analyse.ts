/*
 * Times, outside Astro, the pieces of a build that the log cannot separate:
 * reading the knowledge base (file I/O + YAML + zod + MDX parse + references),
 * rendering bodies to HTML, and the two whole-set computations of
 * src/data/index.ts: detectPatterns and similarIncidents.
 *
 *   npx tsx bench/lib/analyse.ts <kb dir> [sample size, default 2000]
 *
 * Prints one JSON object. The per-file split (YAML, zod, MDX parse, render)
 * is measured on a sample of files and scaled to the whole set.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { postmortemEntry } from '../../src/kb/entry.ts';
import { splitFrontmatter } from '../../src/kb/frontmatter.ts';
import { readKnowledgeBase } from '../../src/kb/read.ts';
import { renderSafeBody } from '../../src/kb/safe-mdx.ts';
import { selectForEdition } from '../../src/kb/select.ts';
import { detectPatterns } from '../../src/lib/patterns/index.ts';
import { runQualityPolicy } from '../../src/lib/quality/index.ts';
import { incidentDocument, similarIncidents } from '../../src/lib/similarity/index.ts';
import { parseWithFriendlyErrors } from '../../src/schema/friendly-errors.ts';
import { postmortemFrontmatter } from '../../src/schema/postmortem.ts';
import { categoryResolver } from '../../src/schema/references.ts';

const root = process.argv[2];
const sampleSize = Number(process.argv[3] ?? 2000);
if (!root) throw new Error('usage: tsx bench/lib/analyse.ts <kb dir> [sample size]');

const ms = (t0: number) => Math.round((performance.now() - t0) * 10) / 10;

// Per-file split on a sample (every k-th file, so it spans the whole period).
// Done first, on a small heap: later, GC pauses of the whole set would land in these intervals.
const allNames = (await readdir(join(root, 'postmortems'))).filter((n) => n.endsWith('.mdx')).sort();
const step = Math.max(1, Math.floor(allNames.length / sampleSize));
const sample = allNames.filter((_, i) => i % step === 0).slice(0, sampleSize).map((n) => ({ id: n.slice(0, -4) }));
const split = { readFile: 0, yaml: 0, zod: 0, mdxParse: 0, mdxParseAndRender: 0 };
for (const pm of sample) {
  const path = join(root, 'postmortems', `${pm.id}.mdx`);
  let s = performance.now();
  const source = await readFile(path, 'utf8');
  split.readFile += performance.now() - s;
  s = performance.now();
  const fm = splitFrontmatter(source, path);
  split.yaml += performance.now() - s;
  s = performance.now();
  parseWithFriendlyErrors(postmortemFrontmatter, fm.data, path);
  split.zod += performance.now() - s;
  s = performance.now();
  renderSafeBody(fm.body, { file: path, bodyLine: fm.bodyLine, edition: 'internal', render: false });
  split.mdxParse += performance.now() - s;
  s = performance.now();
  renderSafeBody(fm.body, { file: path, bodyLine: fm.bodyLine, edition: 'internal', render: true });
  split.mdxParseAndRender += performance.now() - s;
}

let t = performance.now();
const kb = await readKnowledgeBase({ root, render: false });
const readMs = ms(t);
const errors = kb.issues.filter((i) => i.level === 'error').length;

// The quality policy over every postmortem, in one thread (the build and check run it on the read's threads).
t = performance.now();
let qualityIssues = 0;
const quality = new Map(kb.postmortems.map((pm) => {
  const result = runQualityPolicy({ file: pm.file, data: pm.data, body: pm.body, bodyLineOffset: pm.bodyLine });
  qualityIssues += result.issues.length;
  return [pm.id, result];
}));
const qualityMs = ms(t);

// Mirror src/kb/loader.ts and src/data/index.ts for the internal edition.
const { included } = selectForEdition(kb.postmortems, { edition: 'internal', preview: false });
const visible = new Set(included.map((p) => p.id));
const canonical = categoryResolver(kb.catalog);
const entries = included.map((pm) => {
  const data = postmortemEntry({ ...pm, quality: quality.get(pm.id)! });
  const related = (data.related ?? []).filter((id) => visible.has(id));
  return { id: pm.id, data: { ...data, root_cause: { ...data.root_cause, category: canonical(data.root_cause.category) ?? data.root_cause.category }, related } };
});
const published = entries.filter((e) => e.data.status === 'published');

t = performance.now();
const patterns = detectPatterns(published, { windowDays: 180 });
const patternsMs = ms(t);
t = performance.now();
const similar = similarIncidents(entries.map(incidentDocument), { topN: 3 });
const similarityMs = ms(t);
const withSuggestions = [...similar.values()].filter((s) => s.length).length;

const scale = allNames.length / Math.max(1, sample.length);
const perFile = Object.fromEntries(Object.entries(split).map(([k, v]) => [k, Math.round((v / Math.max(1, sample.length)) * 100) / 100]));
const projected = Object.fromEntries(Object.entries(split).map(([k, v]) => [k, Math.round(v * scale)]));

process.stdout.write(`${JSON.stringify({
  postmortems: kb.postmortems.length,
  published: published.length,
  errors,
  readMs,
  patternsMs,
  patterns: patterns.length,
  explicitPatterns: patterns.filter((p) => p.kind === 'explicit').length,
  similarityMs,
  withSuggestions,
  qualityMs,
  qualityIssues,
  sample: sample.length,
  perFileMs: perFile,
  projectedMs: { ...projected, htmlRender: Math.round((split.mdxParseAndRender - split.mdxParse) * scale) },
})}\n`);
