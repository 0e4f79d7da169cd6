import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, readPage, type BuildResult } from '../helpers/build';
import { FIXTURES, tempKnowledgeBase } from '../helpers/kb';

const BASIC = join(FIXTURES, 'sites/basic/content');
const POOL = '2026-03-02-checkout-pool-exhaustion';
const AGAIN = '2026-05-20-checkout-pool-again';
const DRAFT = '2026-06-11-search-index-draft';

describe('a real Astro build of the basic fixture site', () => {
  let build: BuildResult;
  beforeAll(async () => {
    build = await buildSite({ content: BASIC });
    if (build.code !== 0) throw new Error(`build failed:\n${build.output}`);
  });

  it('writes a page per published postmortem and reports the draft it left out', () => {
    expect(existsSync(join(build.outDir, 'postmortems', POOL, 'index.html'))).toBe(true);
    expect(existsSync(join(build.outDir, 'postmortems', AGAIN, 'index.html'))).toBe(true);
    expect(existsSync(join(build.outDir, 'postmortems', DRAFT))).toBe(false);
    expect(build.output).toContain(`not published: `);
    expect(build.output).toMatch(new RegExp(`${DRAFT}\\.mdx \\(status is draft`));
  });

  it('indexes every published postmortem for search from the data, and publishes none of its input', () => {
    const entry = JSON.parse(readFileSync(join(build.outDir, 'pagefind', 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
    expect(entry.languages.en?.page_count).toBe(2);
    expect(existsSync(join(build.outDir, '_hindsight'))).toBe(false);
    expect(build.output).toMatch(/search index: 2 pages indexed/);
  });

  it('shows the key facts of a postmortem', () => {
    const html = readPage(build.outDir, `postmortems/${POOL}`);
    expect(html).toContain('Checkout API returned errors after a connection-pool config change');
    expect(html).toMatch(/class="badge sev-1"[^>]*>SEV1</);
    expect(html).toContain('2026-03-02 14:05 UTC');
    expect(html).toContain('2 h 00 min'); // 14:05 → 16:05
    expect(html).toContain('50,000');
    expect(html).toContain('US$ 20,000');
    expect(html).toContain('The pool size is templated per environment');
    expect(html).toContain('Staging runs with a tenth of production traffic');
    expect(html).toContain('The deploy pipeline has no bounds check on templated pool sizes.');
    expect(html).toContain('href="https://tracker.example/PAY-123"');
    expect(html).toContain('edit/main/content/postmortems/2026-03-02-checkout-pool-exhaustion.mdx');
    expect(html).toContain('FIXTURE-INTERNAL-BLOCK-MARKER'); // the internal edition keeps <Internal>
  });

  it('draws the timeline as inline SVG with a mark per event, and ships no script', () => {
    const html = readPage(build.outDir, `postmortems/${POOL}`);
    const svg = html.slice(html.indexOf('<svg'), html.indexOf('</svg>'));
    expect(svg.length).toBeGreaterThan(100);
    expect(svg.match(/data-event-index="/g)).toHaveLength(6);
    expect(svg).toContain('tl-phase--ttd');
    expect(svg).toContain('tl-phase--ttr');
    expect(html).not.toMatch(/<script/i);
  });

  it('marks overdue action items against the build date', () => {
    const html = readPage(build.outDir, `postmortems/${POOL}`);
    const row = html.slice(html.indexOf('Page on-call when pool wait time'));
    expect(row.slice(0, row.indexOf('</tr>'))).toContain('overdue');
    const done = html.slice(html.indexOf('Validate pool-size bounds'));
    expect(done.slice(0, done.indexOf('</tr>'))).not.toContain('overdue');
  });

  it('shows recurrence both ways', () => {
    expect(readPage(build.outDir, `postmortems/${AGAIN}`)).toMatch(/Recurrence of<\/strong> <a href="\/postmortems\/2026-03-02-checkout-pool-exhaustion\/"/);
    expect(readPage(build.outDir, `postmortems/${POOL}`)).toMatch(/Recurred as<\/strong> <a href="\/postmortems\/2026-05-20-checkout-pool-again\/"/);
  });

  it('lists published postmortems newest first', () => {
    const html = readPage(build.outDir, 'postmortems');
    expect(html.indexOf(AGAIN)).toBeGreaterThan(0);
    expect(html.indexOf(AGAIN)).toBeLessThan(html.indexOf(POOL));
    expect(html).not.toContain(DRAFT);
  });
});

describe('a preview build', () => {
  it('includes drafts, with a banner', async () => {
    const build = await buildSite({ content: BASIC, env: { HINDSIGHT_PREVIEW: '1' } });
    expect(build.code, build.output).toBe(0);
    const html = readPage(build.outDir, `postmortems/${DRAFT}`);
    expect(html).toContain('class="banner"');
    expect(html).toContain('this postmortem is not published yet');
  });
});

describe('a knowledge base with several broken files', () => {
  it('fails the build and reports every broken file', async () => {
    const invalid = join(FIXTURES, 'rules/invalid');
    const names = ['2026-06-11-naive-time.mdx', '2026-06-11-unknown-service.mdx', '2026-06-11-mdx-expression.mdx', '2026-06-11-done-without-completed.mdx'];
    const root = tempKnowledgeBase(Object.fromEntries(names.map((n) => [join(invalid, n), n])));
    const build = await buildSite({ content: root });
    expect(build.code).not.toBe(0);
    for (const name of names) expect(build.output).toContain(name);
    expect(build.output).toContain('did you mean "search"?');
    expect(build.output).toContain('has no offset');
    expect(build.output).toContain('contains a JavaScript expression');
    expect(existsSync(join(build.outDir, 'index.html'))).toBe(false);
  });
});
