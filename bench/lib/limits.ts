/*
 * The worst files the limits let in (src/schema/limits.ts): for each limit, a postmortem at it,
 * written the costliest way we know, into a generated knowledge base. The build must accept every
 * one and render each page in well under two seconds; bench/run.mjs builds the knowledge base for
 * real and reads each page's generation time from Astro's log. Here, outside Astro, each file's
 * read is timed as the build's loader does it (read, validate, render, quality policy; median of
 * three), against an ordinary generated postmortem of the same knowledge base.
 *
 *   npx tsx bench/lib/limits.ts <kb dir>
 *
 * Prints one JSON object.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { readKnowledgeBase } from '../../src/kb/read.ts';
import { runReadJob, type ReadJobOptions } from '../../src/kb/read-one.ts';
import { assignLanes, layoutTimeline } from '../../src/lib/timeline/index.ts';
import { LIMITS } from '../../src/schema/limits.ts';

const root = process.argv[2];
if (!root) throw new Error('usage: tsx bench/lib/limits.ts <kb dir>');
const dir = join(root, 'postmortems');

// An ordinary published postmortem of the generated set: the template, and the page to compare with.
const SLUGS = ['timeline', 'size-emphasis', 'size-table', 'size-headings', 'size-links', 'size-internal', 'size-code', 'size-prose', 'nesting'];
const names = (await readdir(dir)).filter((n) => n.endsWith('.mdx') && !SLUGS.includes(n.slice(11, -4))).sort();
let template: { name: string; data: Record<string, unknown>; body: string } | undefined;
for (const name of names) {
  const text = await readFile(join(dir, name), 'utf8');
  const m = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text)!;
  const data = parseYaml(m[1]!, { version: '1.2' }) as Record<string, unknown>;
  if (data.status === 'published' && !data.related && !data.recurrence_of) {
    template = { name, data, body: m[2]! };
    break;
  }
}
if (!template) throw new Error('limits: the generated set has no published postmortem to start from');
const day = template.name.slice(0, 10);
const started = (template.data.timeline as Array<{ at: string; kind?: string }>).find((e) => e.kind === 'started')!.at;

/** The body that fills a file to just under the size limit, line by line, with `unit`. */
function filled(frontmatter: string, head: string, unit: string, opts: { perLine?: number; separator?: string } = {}): string {
  const perLine = opts.perLine ?? Math.floor(LIMITS.lineChars / unit.length);
  const line = unit.repeat(perLine).trimEnd();
  const sep = opts.separator ?? '\n';
  let body = head;
  const budget = LIMITS.fileBytes - Buffer.byteLength(frontmatter) - 64;
  while (Buffer.byteLength(body) + line.length + sep.length < budget) body += line + sep;
  return body;
}

const file = (data: Record<string, unknown>) => `---\n${stringifyYaml(data, { lineWidth: 0 }).trimEnd()}\n---\n`;
// The template has neither related nor recurrence_of (see above): the worst cases stand alone.
const base = template.data;

const cases: Array<{ slug: string; limit: string; what: string; text: string }> = [];
const add = (slug: string, limit: string, what: string, data: Record<string, unknown>, body: (front: string) => string) => {
  const front = file({ ...base, ...data, title: `Worst case at the limit: ${what}` });
  cases.push({ slug, limit, what, text: front + body(front) });
};

// Timeline: as many events as allowed, one second apart (the file that hung the build: one lane per label).
const t0 = Date.parse(started);
const events = Array.from({ length: LIMITS.timelineEvents }, (_, i) => ({
  at: new Date(t0 + i * 1000).toISOString().replace('.000Z', 'Z'),
  ...(i === 0 ? { kind: 'started' } : i === 1 ? { kind: 'detected' } : i === LIMITS.timelineEvents - 1 ? { kind: 'resolved' } : {}),
  event: `Step ${i}: the on-call moved shard ${i % 97} to node ${i % 13} and watched the queue depth and p99 latency settle`,
}));
add('timeline', 'timeline events', `${LIMITS.timelineEvents} events one second apart`, { timeline: events }, () => template.body);

// Size, with the densest markup (the most nodes per byte, each kind its own file).
add('size-emphasis', 'file size', 'emphasis on every word, lines at the line limit', {}, (f) => filled(f, template.body, '*a* _b_ '));
add('size-table', 'file size', 'one table of tiny cells', {}, (f) => filled(f, `${template.body}\n| a | b | c | d |\n|---|---|---|---|\n`, '|a|b|c|d|', { perLine: 1 }));
add('size-headings', 'file size', 'a heading on every line', {}, (f) => filled(f, template.body, '## h', { perLine: 1 }));
add('size-links', 'file size', 'links and references, lines at the line limit', {}, (f) => filled(f, `${template.body}\n[r]: https://x.example/r\n\n`, '[a](https://x.example/) [b][r] ', { separator: '\n\n' }));
add('size-internal', 'file size', 'Internal inline everywhere', {}, (f) => filled(f, template.body, 'a <Internal>b</Internal> ', { separator: '\n\n' }));
add('size-code', 'file size', 'inline code holding braces and tags', {}, (f) => filled(f, template.body, '`{a}` `<b>` ', { separator: '\n\n' }));
add('size-prose', 'file size', 'ordinary prose (the generated body, repeated)', {}, (f) => {
  let body = template.body;
  const budget = LIMITS.fileBytes - Buffer.byteLength(f) - 64;
  const paragraphs = template.body.split(/\n{2,}/).filter((p) => !p.startsWith('#') && !p.startsWith('<'));
  for (let i = 0; Buffer.byteLength(body) + (paragraphs[i % paragraphs.length]!.length + 2) < budget; i++) body += `\n\n${paragraphs[i % paragraphs.length]}`;
  return `${body}\n`;
});

// Nesting: structures exactly as deep as allowed, repeated to the size limit.
const deep = (() => {
  let inner = 'the deepest words';
  for (let i = 0; i < 8; i++) inner = ['*a ', '**b ', '~~c ', '[d '][i % 4]! + inner + [' a*', ' b**', ' c~~', ' d](https://x.example/)'][i % 4]!;
  let text = inner;
  for (let i = 0; i < LIMITS.nesting - 8; i++) text = i % 3 === 2 ? `<Internal>\n\n${text}\n\n</Internal>` : (i % 3 ? `- ${text.replaceAll('\n', '\n  ')}` : `> ${text.replaceAll('\n', '\n> ')}`);
  return `${text}\n\n`;
})();
add('nesting', 'nesting', `${LIMITS.nesting} levels, repeated`, {}, (f) => {
  let body = template.body;
  const budget = LIMITS.fileBytes - Buffer.byteLength(f) - 64;
  while (Buffer.byteLength(body) + deep.length < budget) body += deep;
  return body;
});

if (cases.some((c) => !SLUGS.includes(c.slug))) throw new Error('limits: a case without its slug in SLUGS');
for (const c of cases) await writeFile(join(dir, `${day}-${c.slug}.mdx`), c.text);

// Every worst case must be accepted: a limit that lets in a file the build refuses is no limit.
const kb = await readKnowledgeBase({ root, displayBase: root, render: false });
const errors = kb.issues.filter((i) => i.level === 'error').map((i) => `${i.file}:${i.line ?? ''} ${i.rule} ${i.message}`);

const opts: ReadJobOptions = { edition: 'internal', render: true, fields: {}, quality: { overrides: {}, strict: false } };
const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const timeRead = (name: string) => {
  const job = { path: join(dir, name), id: name.slice(0, -4), file: name, wanted: true };
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    runReadJob(job, opts);
    times.push(performance.now() - t);
  }
  return Math.round(median(times));
};

const layoutMs = (() => {
  const times: number[] = [];
  const timeline = events.map((e) => ({ ...e, at: new Date(e.at) })) as Parameters<typeof layoutTimeline>[0];
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    layoutTimeline(timeline);
    times.push(performance.now() - t);
  }
  return Math.round(median(times));
})();

// Lane packing alone, far past the limit: 10,000 labels a pixel apart (the greedy packing it replaced did not finish in ten minutes).
const lanes10kMs = (() => {
  const requests = Array.from({ length: 10_000 }, (_, i) => ({ x: i * 0.1, width: 180 }));
  const t = performance.now();
  assignLanes(requests);
  return Math.round(performance.now() - t);
})();

const out = {
  lanes10kMs,
  ordinary: { id: template.name.slice(0, -4), bytes: Buffer.byteLength(await readFile(join(dir, template.name), 'utf8')), readMs: timeRead(template.name) },
  cases: cases.map((c) => {
    const name = `${day}-${c.slug}.mdx`;
    const lines = c.text.split('\n');
    return {
      id: name.slice(0, -4),
      limit: c.limit,
      what: c.what,
      bytes: Buffer.byteLength(c.text),
      longestLine: Math.max(...lines.map((l) => l.length)),
      readMs: timeRead(name),
      ...(c.slug === 'timeline' ? { layoutMs } : {}),
    };
  }),
  errors,
};
process.stdout.write(`${JSON.stringify(out)}\n`);
