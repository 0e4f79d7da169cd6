import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readKnowledgeBase } from '../../../src/kb/read';
import { FIXTURES, tempKnowledgeBase } from '../../helpers/kb';

/*
 * One invalid fixture per rule of content-model.md ("Rules the build
 * enforces"). Each fixture names what it expects in a comment on its first
 * frontmatter line:  # expect: <rule> <field> <a word the fix must contain>
 */
const INVALID = join(FIXTURES, 'rules/invalid');
const VALID = join(FIXTURES, 'rules/valid.mdx');
const KNOWN = join(FIXTURES, 'sites/basic/content/postmortems/2026-03-02-checkout-pool-exhaustion.mdx');

const cases = readdirSync(INVALID)
  .filter((f) => f.endsWith('.mdx'))
  .map((name) => {
    const text = readFileSync(join(INVALID, name), 'utf8');
    const m = /^# expect: (\S+) (\S*) (.+)$/m.exec(text);
    if (!m) throw new Error(`${name} has no "# expect:" line`);
    return { name, rule: m[1]!, field: m[2]!, fixWord: m[3]!.trim() };
  });

async function issuesFor(name: string) {
  const root = tempKnowledgeBase({
    [VALID]: '2026-06-11-search-shard-rebalance.mdx',
    [KNOWN]: basename(KNOWN),
    [join(INVALID, name)]: name,
  });
  const kb = await readKnowledgeBase({ root, displayBase: root });
  return kb.issues;
}

describe('every build rule has a fixture that breaks it', () => {
  it('covers the rules of the content model', () => {
    const rules = new Set(cases.map((c) => c.rule));
    for (const rule of [
      'schema/required', 'schema/invalid-enum', 'schema/date-time', 'timeline/order', 'timeline/duplicate-milestone',
      'timeline/milestone-order', 'timeline/required-milestones', 'file/date', 'reference/severity', 'reference/service',
      'reference/team', 'reference/category', 'reference/postmortem', 'reference/self', 'action/completed',
      'action/completed-before-start', 'schema/url', 'mdx/esm', 'mdx/expression', 'mdx/component',
      'followup/held-before-start',
    ]) expect(rules, rule).toContain(rule);
  });

  it.each(cases)('$name → $rule at $field', async ({ name, rule, field, fixWord }) => {
    const issues = await issuesFor(name);
    // Only the broken file is reported; the valid ones beside it stay clean.
    expect(issues.map((i) => i.file)).toEqual(issues.map(() => `postmortems/${name}`));
    const match = issues.find((i) => i.rule === rule && i.field === field);
    expect(match, `expected ${rule} at "${field}", got:\n${issues.map((i) => `${i.rule} ${i.field}: ${i.message} / ${i.fix}`).join('\n')}`).toBeDefined();
    expect(match!.level).toBe('error');
    expect(match!.message.length).toBeGreaterThan(5);
    expect(`${match!.message} ${match!.fix}`).toContain(fixWord);
  });
});

describe('the valid fixtures', () => {
  it('read without a single issue', async () => {
    const root = tempKnowledgeBase({ [VALID]: '2026-06-11-search-shard-rebalance.mdx', [KNOWN]: basename(KNOWN) });
    const kb = await readKnowledgeBase({ root, displayBase: root });
    expect(kb.issues).toEqual([]);
    expect(kb.postmortems.map((p) => p.id).sort()).toEqual(['2026-03-02-checkout-pool-exhaustion', '2026-06-11-search-shard-rebalance']);
  });
});

describe('all errors in one run', () => {
  it('reports every broken file, and several errors within one file', async () => {
    const names = ['2026-06-11-naive-time.mdx', '2026-06-11-unknown-service.mdx', '2026-06-11-mdx-import.mdx', '2026-06-11-invalid-enum.mdx'];
    const root = tempKnowledgeBase(Object.fromEntries(names.map((n) => [join(INVALID, n), n])));
    const kb = await readKnowledgeBase({ root, displayBase: root });
    expect(new Set(kb.issues.map((i) => i.file))).toEqual(new Set(names.map((n) => `postmortems/${n}`)));
  });

  it('names the line of a frontmatter field', async () => {
    const name = '2026-06-11-unknown-service.mdx';
    const root = tempKnowledgeBase({ [join(INVALID, name)]: name });
    const kb = await readKnowledgeBase({ root, displayBase: root });
    const issue = kb.issues.find((i) => i.rule === 'reference/service')!;
    const lines = readFileSync(join(INVALID, name), 'utf8').split('\n');
    expect(lines[issue.line! - 1]).toContain('services: [serch]');
    expect(issue.fix).toBe('did you mean "search"? (or add it to services.yml)');
  });
});
