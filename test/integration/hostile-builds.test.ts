import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIMITS } from '../../src/kb/limits';
import type { ContentIssue } from '../../src/schema/issues';
import { launchBrowser, serveDir, type StaticServer } from '../helpers/browser';
import { buildSite, REPO, type BuildResult, readExport } from '../helpers/build';
import { tempKnowledgeBase } from '../helpers/kb';
import { BODY, mutate, mutation, toSource, VALID_SOURCE } from '../fuzz/support/postmortem';
import { allActionItems, parseCsv } from '../helpers/csv';

/*
 * The invariant of issue 12, on real builds: a knowledge base that `hindsight check` accepts
 * builds (in bounded time: the test's timeout), with feeds, JSON, CSV and sitemap that parse; one
 * that check rejects fails the build with the same messages. Tried on two hand-made knowledge
 * bases (every file at a limit; every hostile entry at once) and on generated ones. The bulk of
 * the generated cases runs on the reader in-process (test/fuzz/hostile.test.ts); real builds
 * cost half a minute each, so here there are few.
 */

const TODAY = '2026-11-21';
const ID = '2026-06-11-search-shard-rebalance';
const [, FRONT] = /^---\n([\s\S]*?)\n---\n/.exec(VALID_SOURCE)!;
const withFront = (front: string, body = BODY) => `---\n${front}\n---\n${body}`;
const roots: string[] = [];

/** `hindsight check` as a process, with the build's date. */
function check(root: string): { code: number | null; issues: ContentIssue[] } {
  const r = spawnSync(process.execPath, [join(REPO, 'bin/hindsight.mjs'), 'check', '--root', root, '--format', 'json', '--today', TODAY], {
    cwd: REPO,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    timeout: 120_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status === 2 || !r.stdout) throw new Error(`check could not run: ${r.stderr}`);
  return { code: r.status, issues: (JSON.parse(r.stdout) as { issues: ContentIssue[] }).issues };
}

function knowledgeBase(): string {
  const root = tempKnowledgeBase({});
  roots.push(root);
  // Ids that are also names on Object.prototype: data, never keys.
  appendFileSync(join(root, 'services.yml'), '- id: constructor\n  name: Constructor service\n- id: prototype\n  name: Prototype service\n');
  return root;
}

/* -------------------------------------------------- the knowledge bases */

/** Every file at a limit, and text that feeds and exports must escape: check accepts it. */
function atTheLimits(): string {
  const root = knowledgeBase();
  // A timeline at the limit, events seconds apart: the file that hung the build.
  const events = Array.from({ length: LIMITS.timelineEvents - 3 }, (_, i) => `  - at: 2026-06-11T08:${String(Math.floor(i / 60) % 60).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}Z\n    event: Shard ${i} moved to node ${i % 7} while the rebalance continued`).join('\n');
  const dense = FRONT!
    .replace(/timeline:\n[\s\S]*?\nimpact:/, `timeline:\n  - at: 2026-06-11T08:00Z\n    kind: started\n    event: Began\n  - at: 2026-06-11T08:00Z\n    kind: detected\n    event: Seen\n${events}\n  - at: 2026-06-11T09:00Z\n    kind: resolved\n    event: Over\nimpact:`)
    .replace('tags: [elasticsearch]', 'tags: [constructor, prototype, to-string, has-own-property, value-of]')
    .replace('services: [search]', 'services: [search, constructor, prototype]')
    .replace(/^title: .*$/m, 'title: "Search <timed out> & the ]]> feed — \\"quoted\\" 🙂 עברית"');
  writeFileSync(join(root, 'postmortems', `${ID}.mdx`), withFront(dense));

  // A body at the size, line and nesting limits, dense with markup and <Internal>.
  const nest = (depth: number) => `${'> '.repeat(depth)}deepest quote\n`;
  const longLine = `${'*bold* and `code` and [a link](https://x.example/) '.repeat(200)}`.slice(0, LIMITS.lineChars);
  let body = `${BODY}\n${nest(LIMITS.nesting)}\n${longLine}\n\n`;
  const blocks = ['<Internal>\n\nHost pg-7 was rebuilt from the nightly base backup.\n\n</Internal>\n\n', '- a\n  - b\n    - *c* and **d** and ~~e~~\n\n', `A paragraph with <Internal>an inline note</Internal>, **strong _and emphasis_**, and [a link](https://x.example/a).\n\n`, '| a | b |\n|---|---|\n| 1 | 2 |\n\n'];
  const fits = (text: string) => Buffer.byteLength(withFront(FRONT!.replace('2026-06-11', '2026-06-12'), text)) < LIMITS.fileBytes - 200;
  for (let i = 0; fits(body + blocks[i % blocks.length]!); i++) body += blocks[i % blocks.length];
  writeFileSync(join(root, 'postmortems', '2026-06-12-at-every-limit.mdx'), withFront(FRONT!.replace(/2026-06-11T/g, '2026-06-12T').replace('visibility: internal', 'visibility: public'), body));
  return root;
}

/** Every hostile entry at once: check rejects it. */
function everythingHostile(): string {
  const root = knowledgeBase();
  const pm = (name: string, text: string) => writeFileSync(join(root, 'postmortems', name), text);
  pm(`${ID}.mdx`, VALID_SOURCE);
  pm('2026-06-11-control-title.mdx', withFront(FRONT!.replace(/^title: .*$/m, 'title: "Search\\a timed out"')));
  pm('2026-06-11-zero-width-title.mdx', withFront(FRONT!.replace(/^title: .*$/m, 'title: "\\u200b"')));
  pm('2026-06-11-deep.mdx', withFront(FRONT!, `${BODY}\n${'> '.repeat(3_000)}x\n`));
  pm('2026-06-11-long-line.mdx', withFront(FRONT!, `${BODY}\n${'word '.repeat(2_500)}\n`));
  pm('2026-06-11-internal-in-title.mdx', withFront(FRONT!, `${BODY}\n[x](https://x.example "<Internal>secret</Internal>")\n`));
  pm('2026-06-11-internal-in-summary.mdx', withFront(FRONT!.replace(/^summary: (.*)$/m, 'summary: "$1 <Internal>pg-7</Internal>"')));
  pm('2026-06-11-cycle-a.mdx', withFront(`${FRONT}\nrecurrence_of: 2026-06-11-cycle-b`));
  pm('2026-06-11-cycle-b.mdx', withFront(`${FRONT}\nrecurrence_of: 2026-06-11-cycle-a`));
  pm('2026-06-11-shouting.MDX', VALID_SOURCE);
  pm('.2026-06-11-hidden.mdx', VALID_SOURCE);
  pm('2026-06-11-x\n::error file=x::injected.mdx', VALID_SOURCE);
  mkdirSync(join(root, 'postmortems', 'archive'));
  writeFileSync(join(root, 'postmortems', 'archive', '2026-06-11-archived.mdx'), VALID_SOURCE);
  symlinkSync('/etc/hostname', join(root, 'postmortems', '2026-06-11-linked.mdx'));
  execFileSync('mkfifo', [join(root, 'postmortems', '2026-06-11-pipe.mdx')]);
  appendFileSync(join(root, 'teams.yml'), '- id: bell\n  name: "Bell\\a team"\n');
  return root;
}

/** Generated: a few files, each the valid postmortem with mutated frontmatter and a body from the hostile or the ordinary kind. */
const generatedKb = fc
  .array(
    fc.tuple(
      fc.array(mutation, { minLength: 0, maxLength: 2 }),
      fc.constantFrom(
        BODY,
        `${BODY}\n${'> '.repeat(LIMITS.nesting)}x\n`,
        `${BODY}\n${'> '.repeat(LIMITS.nesting + 1)}x\n`,
        `${BODY}\n${'a'.repeat(LIMITS.lineChars)}\n`,
        `${BODY}\n${'a'.repeat(LIMITS.lineChars + 1)}\n`,
        `${BODY}\nA <Internal>note</Internal> and [x](https://x.example "t").\n`,
        `${BODY}\n[x](https://x.example "<Internal>t</Internal>")\n`,
        `${BODY}\n{1 + 1}\n`,
        `${BODY}\nbell \u0007\n`,
      ),
    ),
    { minLength: 1, maxLength: 3 },
  )
  .map((files) => (root: string) => {
    files.forEach(([mutations, body], i) => writeFileSync(join(root, 'postmortems', `2026-06-11-generated-${i}.mdx`), toSource(mutate(mutations).data, body)));
  });

/* ------------------------------------------------------------- the runs */

interface Run {
  name: string;
  root: string;
  check: ReturnType<typeof check>;
  build: BuildResult;
}
const runs: Run[] = [];
let browser: Browser;

beforeAll(async () => {
  const kbs: Array<[string, string]> = [['at the limits', atTheLimits()], ['everything hostile', everythingHostile()]];
  fc.sample(generatedKb, { numRuns: 2, seed: 12 }).forEach((fill, i) => {
    const root = knowledgeBase();
    fill(root);
    kbs.push([`generated ${i + 1}`, root]);
  });
  // Two builds at a time: the machine has two cores.
  for (let i = 0; i < kbs.length; i += 2) {
    const pair = kbs.slice(i, i + 2);
    const built = await Promise.all(pair.map(([, root]) => buildSite({ content: root, env: { HINDSIGHT_TODAY: TODAY } })));
    pair.forEach(([name, root], j) => runs.push({ name, root, check: check(root), build: built[j]! }));
  }
  browser = await launchBrowser();
}, 900_000);

afterAll(async () => {
  await browser?.close();
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

const errors = (run: Run) => run.check.issues.filter((i) => i.level === 'error');

describe('check and the build agree (a property over generated knowledge bases, on real builds)', () => {
  it('the hand-made knowledge bases go the way they were made to', () => {
    expect(errors(runs.find((r) => r.name === 'at the limits')!), 'a file at every limit is accepted').toEqual([]);
    const hostile = runs.find((r) => r.name === 'everything hostile')!;
    const found = new Set(errors(hostile).map((i) => i.rule));
    for (const rule of ['text/control-character', 'text/invisible', 'limit/nesting', 'limit/line-length', 'mdx/internal-placement', 'reference/recurrence-cycle', 'file/extension', 'file/hidden', 'file/folder', 'file/symlink', 'file/type', 'file/name']) {
      expect(found, rule).toContain(rule);
    }
  });

  it('what check accepts builds; what it rejects fails the build with the same messages', () => {
    for (const run of runs) {
      const errs = errors(run);
      if (!errs.length) {
        expect(run.build.code, `${run.name}: check accepted it, the build failed:\n${run.build.output.slice(-3000)}`).toBe(0);
        continue;
      }
      expect(run.build.code, `${run.name}: check rejected it, the build passed`).not.toBe(0);
      for (const e of errs) {
        const message = e.message.length > 120 ? e.message.slice(0, 120) : e.message;
        expect(run.build.output, `${run.name}: the build does not say "${message}" (${e.rule})`).toContain(message);
      }
    }
  });

  it('no log line of either starts a GitHub Actions command, whatever the file names', () => {
    for (const run of runs) {
      const hostileLine = (line: string) => /^\s*::/.test(line);
      expect(run.build.output.split('\n').filter(hostileLine), run.name).toEqual([]);
      const human = spawnSync(process.execPath, [join(REPO, 'bin/hindsight.mjs'), 'check', '--root', run.root, '--today', TODAY], { cwd: REPO, encoding: 'utf8' });
      expect(`${human.stdout}${human.stderr}`.split('\n').filter(hostileLine), run.name).toEqual([]);
    }
  });
});

describe('what an accepted knowledge base publishes is well-formed', () => {
  let server: StaticServer;
  let accepted: Run[];
  beforeAll(() => {
    accepted = runs.filter((r) => r.build.code === 0);
    expect(accepted.length).toBeGreaterThan(0);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('the feed and the sitemaps parse as XML, the export as JSON, the CSV as rows of equal width', async () => {
    const page = await browser.newPage();
    try {
      for (const run of accepted) {
        for (const xml of ['rss.xml', 'sitemap-index.xml', 'sitemap-0.xml']) {
          const text = readFileSync(join(run.build.outDir, xml), 'utf8');
          const problem = await page.evaluate((t) => {
            const doc = new DOMParser().parseFromString(t, 'application/xml');
            return doc.getElementsByTagName('parsererror')[0]?.textContent ?? null;
          }, text);
          expect(problem, `${run.name} ${xml}`).toBeNull();
        }
        const json = readExport(run.build.outDir);
        expect(json.postmortems).toHaveLength(json.index.count);
        const csvFiles = [join(run.build.outDir, 'actions.csv'), ...allActionItems(run.build.outDir).files.map((f) => join(run.build.outDir, 'actions', f))];
        expect(csvFiles.length).toBeGreaterThan(1);
        for (const file of csvFiles) {
          const rows = parseCsv(readFileSync(file, 'utf8'));
          for (const row of rows) expect(row.length, `${run.name}: ${JSON.stringify(row)}`).toBe(rows[0]!.length);
        }
      }
    } finally {
      await page.close();
    }
  });

  it('the search page counts an id named like an Object property as data', async () => {
    const run = runs.find((r) => r.name === 'at the limits')!;
    server = await serveDir(run.build.outDir);
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    try {
      await page.goto(`${server.url}search/`);
      await page.waitForSelector('#search-facets[data-counts="totals"] [data-facet="tag"] .facet-count', { timeout: 45_000 }).catch((error: Error) => {
        throw new Error(`${error.message}\npage errors: ${problems.join('\n')}\nrequests: ${JSON.stringify(server.log.slice(-20))}`);
      });
      const counts = await page.$$eval('.facet-value label', (labels) => labels.map((l) => l.textContent ?? ''));
      for (const id of ['constructor', 'prototype', 'to-string', 'has-own-property', 'value-of']) expect(counts, id).toContain(`${id} (1)`);
      expect(counts.join(' ')).not.toMatch(/function|native code|undefined|NaN/);
    } finally {
      await page.close();
    }
  }, 90_000);
});

