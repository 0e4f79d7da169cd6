import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite } from '../helpers/build';
import { copyOf } from '../helpers/cli';
import { FIXTURES } from '../helpers/kb';

describe('the build reports every error of a file in one run', () => {
  it('a bad date, a bad priority and an unknown service: all three, each with its field and line', async () => {
    const root = copyOf(join(FIXTURES, 'sites/basic/content'));
    cpSync(join(FIXTURES, 'cli/three-errors.mdx'), join(root, 'postmortems/2026-06-11-search-three-errors.mdx'));
    // A catalog that is not YAML at all: one more error, and no cascade over the postmortems that use it.
    writeFileSync(join(root, 'teams.yml'), readFileSync(join(root, 'teams.yml'), 'utf8') + '- id: [broken\n');
    const build = await buildSite({ content: root, env: { HINDSIGHT_PREVIEW: '1' } });
    expect(build.code).not.toBe(0);
    expect(build.output).toContain('Hindsight found 4 problems in the knowledge base');
    expect(build.output).toMatch(/line 16 timeline\[1\]\.at: "2026-06-31T08:03Z" is not a real date and time/);
    expect(build.output).toMatch(/line 39 action_items\[0\]\.priority: "P5" is not one of: P0, P1, P2, P3/);
    expect(build.output).toMatch(/line 10 services\[0\]: service "serch" is not in services\.yml/);
    expect(build.output).toMatch(/teams\.yml\n\s+line 7 is not valid YAML/);
    expect(build.output).not.toMatch(/team "\w+" is not in teams\.yml/);
  });
});
