import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, decodeEntities, readPage, type BuildResult, readExport } from '../helpers/build';
import { FIXTURES } from '../helpers/kb';

/** A team's project (its own astro.config.mjs and hindsight.config.mjs) declaring five custom fields, one of each type. */
const PROJECT = join(FIXTURES, 'sites/custom-fields');
const CONTENT = join(PROJECT, 'content');
const FIRST = '2026-03-02-checkout-pool-exhaustion';
const SECOND = '2026-05-20-checkout-pool-again';

/** The header facts of a postmortem page, as label → text (list items joined by ", "). */
function facts(html: string): Map<string, string> {
  const dl = html.match(/<dl class="facts"[^>]*>([\s\S]*?)<\/dl>/)?.[1] ?? '';
  const out = new Map<string, string>();
  for (const m of dl.matchAll(/<dt[^>]*>([\s\S]*?)<\/dt>\s*<dd[^>]*>([\s\S]*?)<\/dd>/g)) {
    const text = (s: string) => decodeEntities(s.replace(/<\/li>\s*<li[^>]*>/g, ', ').replace(/<[^>]+>/g, '')).replace(/\s+/g, ' ').trim();
    out.set(text(m[1]!), text(m[2]!));
  }
  return out;
}

describe('custom fields declared in hindsight.config.mjs', () => {
  let build: BuildResult;
  beforeAll(async () => {
    build = await buildSite({ root: PROJECT, content: CONTENT });
  });

  it('builds', () => {
    expect(build.code, build.output).toBe(0);
  });

  it('shows each declared field among the header facts, with its label, in declaration order', () => {
    const first = facts(readPage(build.outDir, `postmortems/${FIRST}`));
    expect(first.get('Region')).toBe('eu-west');
    expect(first.get('Customer tier')).toBe('1');
    expect(first.get('Ticket epic')).toBe('PAY-EPIC-4821');
    expect(first.get('Regulator notified')).toBe('2026-03-04');
    expect(first.get('Affected markets')).toBe('uk, ireland');
    const labels = [...first.keys()];
    expect(labels.slice(labels.indexOf('Region'))).toEqual(['Region', 'Customer tier', 'Ticket epic', 'Regulator notified', 'Affected markets']);
  });

  it('shows only the fields a postmortem sets', () => {
    const second = facts(readPage(build.outDir, `postmortems/${SECOND}`));
    expect(second.get('Region')).toBe('us-east');
    for (const label of ['Customer tier', 'Ticket epic', 'Regulator notified', 'Affected markets']) expect(second.has(label)).toBe(false);
  });

  it('exports them under `fields` in the JSON export, not beside the content model\'s fields', () => {
    const json = readExport<Record<string, unknown> & { id: string; fields: Record<string, unknown> }>(build.outDir);
    const byId = new Map(json.postmortems.map((pm) => [pm.id, pm]));
    const first = byId.get(FIRST)!;
    expect(first.fields).toEqual({ region: 'eu-west', customer_tier: 1, epic: 'PAY-EPIC-4821', regulator_notified: '2026-03-04', affected_markets: ['uk', 'ireland'] });
    expect(byId.get(SECOND)!.fields).toEqual({ region: 'us-east' });
    for (const name of ['region', 'customer_tier', 'epic', 'regulator_notified', 'affected_markets']) expect(first).not.toHaveProperty(name);
    expect(first.title).toBe('Checkout API returned errors after a connection-pool config change');
  });
});

describe('a custom field with a bad value, and an undeclared field', () => {
  it('fails the build naming the file, the line, the field and the fix', async () => {
    const content = mkdtempSync(join(tmpdir(), 'hindsight-fields-'));
    cpSync(CONTENT, content, { recursive: true });
    const file = join(content, 'postmortems', `${FIRST}.mdx`);
    const source = readFileSync(file, 'utf8').replace('region: eu-west', 'region: eu-north').replace('customer_tier: 1', 'customer_tier: 7').replace('epic: PAY-EPIC-4821', 'epik: PAY-EPIC-4821');
    writeFileSync(file, source);
    const lineOf = (text: string) => source.split('\n').findIndex((l) => l.startsWith(text)) + 1;
    const build = await buildSite({ root: PROJECT, content });
    rmSync(content, { recursive: true, force: true });
    expect(build.code).not.toBe(0);
    const report = stripVTControlCharacters(build.output);
    expect(report).toContain(`${FIRST}.mdx`);
    expect(report).toMatch(new RegExp(`line ${lineOf('region:')} +region: .*eu-north[\\s\\S]*?fix: .*eu-west`));
    expect(report).toMatch(new RegExp(`line ${lineOf('customer_tier:')} +customer_tier: is above 3[\\s\\S]*?fix: use a value of at most 3`));
    expect(report).toMatch(new RegExp(`line ${lineOf('epik:')} +epik: [\\s\\S]*?fix: did you mean "epic"\\?`));
  });
});
