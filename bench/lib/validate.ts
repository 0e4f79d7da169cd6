/*
 * Reads a generated knowledge base with the real reader (no rendering) and
 * prints the issues as JSON: { files, postmortems, issues, byRule, ms }.
 *   npx tsx bench/lib/validate.ts <dir>
 */
import { readKnowledgeBase } from '../../src/kb/read.ts';

const root = process.argv[2];
if (!root) throw new Error('usage: tsx bench/lib/validate.ts <knowledge-base dir>');
const t0 = performance.now();
const kb = await readKnowledgeBase({ root, render: false });
const byRule: Record<string, number> = {};
for (const i of kb.issues) byRule[`${i.level}:${i.rule}`] = (byRule[`${i.level}:${i.rule}`] ?? 0) + 1;
process.stdout.write(`${JSON.stringify({
  postmortems: kb.postmortems.length,
  issues: kb.issues.length,
  byRule,
  first: kb.issues.slice(0, 5),
  ms: Math.round(performance.now() - t0),
})}\n`);
process.exitCode = kb.issues.length ? 1 : 0;
