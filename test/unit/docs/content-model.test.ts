/*
 * docs/content-model.md is the field reference authors read. It is held to the schema the build
 * uses: every field in both, and the definitions it gives are the ones the code computes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { timeToAcknowledge, timeToDetect, timeToMitigate, timeToResolve } from '../../../src/lib/metrics/milestones';
import { frontmatterJsonSchema } from '../../../src/schema/json-schema';
import { postmortemFrontmatter } from '../../../src/schema/postmortem';
import { REPO } from '../../helpers/build';
import { schemaPaths } from './schema-paths';

const DOC = readFileSync(join(REPO, 'docs/content-model.md'), 'utf8');

/** The field paths the reference documents: the first cell of each table row, in backticks. */
const documented = [...DOC.matchAll(/^\| `([a-z_[\].]+)` \|/gm)].map((m) => m[1]!);

describe('docs/content-model.md', () => {
  it('documents every field of the schema, and no field the schema lacks', () => {
    const fields = schemaPaths(postmortemFrontmatter);
    // Lists of objects are documented by their items' fields, nested objects by theirs.
    const containers = new Set(fields.filter((f) => fields.some((g) => g.startsWith(`${f}.`) || g.startsWith(`${f}[].`))));
    const leaves = fields.filter((f) => !containers.has(f) || !f.includes('.'));
    expect(documented.length).toBeGreaterThan(40);
    expect(documented.filter((f) => !fields.includes(f)), 'documented but not in the schema').toEqual([]);
    expect(leaves.filter((f) => !documented.includes(f)), 'in the schema but not documented').toEqual([]);
  });

  it('says which fields are required as the schema does', () => {
    const required = new Set(frontmatterJsonSchema()['required'] as string[]);
    const rows = [...DOC.matchAll(/^\| `([a-z_]+)` \| [^|]+(?:\\\|[^|]+)* \| ([^|]+) \|/gm)];
    expect(rows.map((r) => r[1])).toEqual(schemaPaths(postmortemFrontmatter).filter((f) => !/[.[]/.test(f)));
    for (const [, field, cell] of rows) {
      expect(cell!.trim().startsWith('yes'), `${field}: "${cell!.trim()}"`).toBe(required.has(field!));
    }
  });

  it('defines TTD, TTA, TTM and TTR as the code computes them (TTA from detection)', () => {
    const at = (hhmm: string) => new Date(`2026-03-02T${hhmm}Z`);
    const timeline = [
      { at: at('14:00'), kind: 'started' as const, event: 'a' },
      { at: at('14:10'), kind: 'detected' as const, event: 'b' },
      { at: at('14:15'), kind: 'acknowledged' as const, event: 'c' },
      { at: at('15:00'), kind: 'mitigated' as const, event: 'd' },
      { at: at('16:00'), kind: 'resolved' as const, event: 'e' },
    ];
    const minutes = (ms: number | undefined) => (ms ?? NaN) / 60_000;
    const defined = (metric: string) => new RegExp(`^\\| ${metric}, [^|]+\\| (\\w+) − (\\w+)`, 'm').exec(DOC)!.slice(1);
    expect(defined('TTD')).toEqual(['detected', 'started']);
    expect(defined('TTA')).toEqual(['acknowledged', 'detected']);
    expect(defined('TTM')).toEqual(['mitigated', 'started']);
    expect(defined('TTR')).toEqual(['resolved', 'started']);
    expect([timeToDetect(timeline), timeToAcknowledge(timeline), timeToMitigate(timeline), timeToResolve(timeline)].map(minutes)).toEqual([10, 5, 60, 120]);
  });
});

describe('the JSON Schema for editors', () => {
  it('is the one zod writes from the schema (run `node bin/hindsight.mjs schema --out schema/frontmatter.schema.json` after a change)', () => {
    const shipped = JSON.parse(readFileSync(join(REPO, 'schema/frontmatter.schema.json'), 'utf8')) as unknown;
    expect(shipped).toEqual(frontmatterJsonSchema());
  });

  it('knows the enums and the required fields an editor offers and flags', () => {
    const schema = frontmatterJsonSchema() as { properties: Record<string, { enum?: string[] }>; required: string[]; additionalProperties: boolean };
    expect(schema.properties['status']!.enum).toEqual(['draft', 'in-review', 'published']);
    expect(schema.required).toEqual(expect.arrayContaining(['title', 'summary', 'severity', 'timeline', 'impact', 'root_cause']));
    expect(schema.additionalProperties).toBe(false);
  });

  it('includes a team\'s own fields, with their descriptions', () => {
    const schema = frontmatterJsonSchema({ region: { type: 'enum', values: ['eu', 'us'], required: true, description: 'Where the incident happened' } }) as { properties: Record<string, { enum?: string[]; description?: string }>; required: string[] };
    expect(schema.properties['region']).toMatchObject({ enum: ['eu', 'us'], description: 'Where the incident happened' });
    expect(schema.required).toContain('region');
  });
});
