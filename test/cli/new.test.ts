/*
 * `hindsight new` as an author meets it: in a terminal (a real pseudo-terminal), and with flags.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { slugFromTitle } from '../../src/lib/text/slug';
import { BIN, copyOf, hindsight } from '../helpers/cli';
import { FIXTURES } from '../helpers/kb';
import { KEY, terminal } from '../helpers/terminal';

const BASIC = join(FIXTURES, 'sites/basic/content');
const frontmatter = (file: string) => parse(readFileSync(file, 'utf8').split('\n---\n')[0]!.replace(/^---\n/, '')) as Record<string, unknown>;

describe('hindsight new in a terminal', () => {
  it('checks each answer as it is given: a time without an offset is asked again with the reason, and what was typed is kept', async () => {
    const root = copyOf(BASIC);
    const t = terminal([process.execPath, BIN, 'new', '--root', root], { cwd: root });
    try {
      await t.waitFor('Title');
      t.type(`Checkout errors after a pool-size change${KEY.enter}`);
      await t.waitFor('When did it start');
      t.type(`2026-11-02T14:05${KEY.enter}`);
      await t.waitFor('has no offset');
      await t.waitFor('add the offset');
      // The text stays in the field: typing "Z" completes it.
      t.type(`Z${KEY.enter}`);
      await t.waitFor('Severity');
      t.type(KEY.down + KEY.enter); // SEV2
      await t.waitFor('Incident type');
      t.type(KEY.enter); // outage
      await t.waitFor('Services involved');
      t.type('checkout');
      await t.waitFor('(1 match)');
      t.type(KEY.tab + KEY.enter);
      // The owner of checkout-api is selected for the author.
      await t.waitFor(/Teams[\s\S]*◼ payments/);
      t.type(KEY.enter);
      await t.waitFor('Root-cause category');
      t.type(KEY.enter);
      await t.waitFor('Your handle');
      t.type(`alex-kim${KEY.enter}`);
      await t.waitFor('Incident commander');
      t.type(`sam-t${KEY.enter}`);
      expect(await t.exit).toBe(0);
    } finally {
      t.kill();
    }
    const file = join(root, 'postmortems/2026-11-02-checkout-errors-after-a-pool-size-change.mdx');
    expect(existsSync(file)).toBe(true);
    expect(frontmatter(file)).toMatchObject({ severity: 'SEV2', incident_type: 'outage', services: ['checkout-api'], teams: ['payments'], authors: ['alex-kim'], root_cause: { category: 'config-change' }, roles: { commander: 'sam-t' } });
    const check = hindsight(['check', file, '--root', root]);
    expect(check.code, check.stdout).toBe(0);
  }, 120_000);

  it('Ctrl-C cancels cleanly: a message, exit 130, no file', async () => {
    const root = copyOf(BASIC);
    const before = readdirSync(join(root, 'postmortems'));
    const t = terminal([process.execPath, BIN, 'new', '--root', root], { cwd: root });
    try {
      await t.waitFor('Title');
      t.type(`Search went down${KEY.enter}`);
      await t.waitFor('When did it start');
      t.type(KEY.ctrlC);
      expect(await t.exit).toBe(130);
    } finally {
      t.kill();
    }
    expect(t.screen()).toContain('Cancelled: no postmortem was written.');
    expect(t.screen()).not.toMatch(/at \S+ \(.*:\d+:\d+\)/); // no stack trace
    expect(readdirSync(join(root, 'postmortems'))).toEqual(before);
  }, 60_000);
});

describe('hindsight new with flags', () => {
  const base = ['--start', '2026-11-02T10:00Z', '--severity', 'SEV2', '--services', 'checkout-api', '--author', 'alex-kim', '--category', 'config-change'];

  it('writes every value as valid, quoted YAML: quotes, colons, a leading [ or @, a line break', () => {
    const root = copyOf(BASIC);
    const title = '[Checkout] "pool": 10 instead of 100\nafter #deploy';
    const r = hindsight(['new', '--root', root, '--title', title, ...base.map((a) => (a === 'alex-kim' ? '@alex.kim' : a))]);
    expect(r.code, r.stderr).toBe(0);
    const [name] = readdirSync(join(root, 'postmortems')).filter((f) => f.startsWith('2026-11-02'));
    const file = join(root, 'postmortems', name!);
    const data = frontmatter(file);
    expect(data['title']).toBe('[Checkout] "pool": 10 instead of 100 after #deploy');
    expect(data['authors']).toEqual(['@alex.kim']);
    expect(hindsight(['check', file, '--root', root]).code).toBe(0);
  });

  it('cuts the slug at a word boundary, and a file name too long for the file system is a clear error', () => {
    expect(slugFromTitle('The route planner ran out of memory during the Black Friday peak because the merged depot had 9,000 stops')).toBe('the-route-planner-ran-out-of-memory-during-the-black-friday');
    expect(slugFromTitle('Pneumonoultramicroscopicsilicovolcanoconiosisxxxxxxxxxxxxxxxxxxxxxxxxxxxx outage').length).toBe(60);
    expect(slugFromTitle('日本語')).toBe('incident');
    const root = copyOf(BASIC);
    const r = hindsight(['new', '--root', root, '--title', 'x', '--slug', 'a'.repeat(300), ...base]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('file systems allow 255: choose a shorter --slug');
    expect(r.stderr).not.toMatch(/ENAMETOOLONG|\n\s+at /);
  });

  it('checks every flag before anything else, with the fix: a lowercase sev2, an unknown service, a naive time', () => {
    const root = copyOf(BASIC);
    const r = hindsight(['new', '--root', root, '--title', 'x', '--start', '2026-11-02T10:00', '--severity', 'sev2', '--services', 'checkout', '--author', 'alex-kim']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--start: "2026-11-02T10:00" has no offset');
    expect(r.stderr).toContain('--severity: severity "sev2" is not in the catalog; did you mean "SEV2"?');
    expect(r.stderr).toContain('--services: service "checkout" is not in the catalog; did you mean "checkout-api"?');
  });

  it('gives a SEV3 or a near-miss the light template, and it passes check', () => {
    const root = copyOf(BASIC);
    const r = hindsight(['new', '--root', root, '--title', 'Search slow for an hour', '--start', '2026-11-03T10:00Z', '--severity', 'SEV3', '--services', 'search', '--author', 'mo-l']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('a light postmortem');
    const file = join(root, 'postmortems/2026-11-03-search-slow-for-an-hour.mdx');
    expect(readFileSync(file, 'utf8').match(/^## .+$/gm)).toEqual(['## Summary', '## Customer impact', '## How we noticed', '## Root cause analysis', '## Lessons learned']);
    expect(frontmatter(file)['teams']).toEqual(['discovery']);
    expect(hindsight(['check', file, '--root', root]).code).toBe(0);
  });
});
