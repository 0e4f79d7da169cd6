/*
 * Times the quality policy alone over a knowledge base, the way
 * `hindsight check` calls it, and writes every finding to a digest so that a
 * change to the policy can be diffed against the one before it.
 *
 *   npx tsx bench/lib/quality-bench.ts <dir> [runs] [--digest <file>]
 *
 * Reads <dir> once (readKnowledgeBase, no rendering), then runs
 * runQualityPolicy over every postmortem `runs` times (default 5) and prints
 * the median and fastest wall time and the median CPU time, then one timed
 * pass per rule for a breakdown. The digest
 * (default /tmp/quality-digest-<dir name>.jsonl) holds one finding a line:
 * file, rule, level, field, line, message, fix, and one score line a file.
 */
import { writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { readKnowledgeBase } from '../../src/kb/read.ts';
import { QUALITY_RULES, isLight, resolveQualityConfig, runQualityPolicy } from '../../src/lib/quality/index.ts';
import { isNearMiss } from '../../src/lib/quality/near-miss.ts';
import { lineLocator, textFields } from '../../src/lib/quality/text.ts';
import type { QualityInput, QualityResult, RuleContext } from '../../src/lib/quality/types.ts';

const args = process.argv.slice(2);
const digestAt = args.indexOf('--digest');
const digestFlag = digestAt >= 0 ? args.splice(digestAt, 2)[1] : undefined;
const [dir, runsArg] = args;
if (!dir) throw new Error('usage: tsx bench/lib/quality-bench.ts <knowledge-base dir> [runs] [--digest <file>]');
const runs = Number(runsArg ?? 5);
if (!(Number.isInteger(runs) && runs > 0)) throw new Error(`runs must be a whole number > 0, got ${runsArg}`);
const root = resolve(dir);
const digestFile = digestFlag ?? `/tmp/quality-digest-${basename(root)}.jsonl`;

const kb = await readKnowledgeBase({ root, render: false });
const quality = resolveQualityConfig({ strict: false });
const inputs: QualityInput[] = kb.postmortems.map((pm) => ({ file: pm.file, data: pm.data, body: pm.body, bodyLineOffset: pm.bodyLine }));

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

let results: QualityResult[] = [];
const times: number[] = [];
const cpuTimes: number[] = [];
for (let run = 0; run < runs; run++) {
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  results = inputs.map((input) => runQualityPolicy(input, quality));
  const cpu = process.cpuUsage(cpu0);
  times.push(performance.now() - t0);
  cpuTimes.push((cpu.user + cpu.system) / 1000);
}

/** One pass per rule, each with the context the runner builds (context building is timed on its own). */
const t0 = performance.now();
const contexts: RuleContext[] = inputs.map((input) => ({
  file: input.file,
  data: input.data,
  body: input.body,
  bodyLineOffset: input.bodyLineOffset ?? 1,
  config: quality,
  nearMiss: isNearMiss(input.data),
  light: isLight(input.data, quality.light),
  textFields: textFields(input.data),
  bodyLine: lineLocator(input.body, input.bodyLineOffset ?? 1),
}));
const perRule: Record<string, number> = { '(context)': performance.now() - t0 };
for (const rule of QUALITY_RULES) {
  const t1 = performance.now();
  for (const ctx of contexts) rule.check(ctx);
  perRule[rule.id] = performance.now() - t1;
}

const lines: string[] = [];
results.forEach((result, i) => {
  const file = inputs[i]!.file;
  for (const issue of result.issues) {
    const { rule, level, field, line, message, fix } = issue;
    lines.push(JSON.stringify({ file, rule, level, field, line: line ?? null, message, fix }));
  }
  lines.push(JSON.stringify({ file, score: result.score }));
});
writeFileSync(digestFile, `${lines.join('\n')}\n`);

const round = (ms: number) => Math.round(ms * 10) / 10;
process.stdout.write(
  `${JSON.stringify(
    {
      root,
      postmortems: inputs.length,
      findings: lines.length - inputs.length,
      runs,
      medianMs: round(median(times)),
      minMs: round(Math.min(...times)),
      allMs: times.map(round),
      // CPU time of the process (user + system) per run: steadier than wall time on a shared machine.
      medianCpuMs: round(median(cpuTimes)),
      perRuleMs: Object.fromEntries(Object.entries(perRule).map(([k, v]) => [k, round(v)])),
      digest: digestFile,
    },
    null,
    2,
  )}\n`,
);
