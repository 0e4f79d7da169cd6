import fc from 'fast-check';
import { rmSync, writeFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readKnowledgeBase } from '../../src/kb/read';
import type { Catalog } from '../../src/schema/catalog';
import { utcDate } from '../../src/schema/datetime';
import { tempKnowledgeBase } from '../helpers/kb';
import { params } from './support/config';
import {
  BASE, BODY, ID, KNOWN_FILE, KNOWN_ID, VALID_SOURCE, expectBlamedOnMutations, expectInvariants, expectWellFormed,
  loadCatalog, mutate, mutation, readOne, toSource, type Mutation,
} from './support/postmortem';
import { anyText } from './support/text';

/*
 * Frontmatter, tried systematically: start from the valid postmortem, break
 * it in every way an author (or a merge) could, and hold the reader to its
 * contract: it never throws; each issue names the file, the field that was
 * broken, what is wrong and how to fix it; whatever it accepts obeys the
 * rules of content-model.md.
 */

let catalog: Catalog;
beforeAll(async () => {
  catalog = await loadCatalog();
});

const FILE = `postmortems/${ID}.mdx`;
const KNOWN = new Set([ID, KNOWN_ID]);
const lines = (s: string) => s.split('\n').length;

function readOrExplain(source: string, id = ID) {
  try {
    return readOne(source, id, catalog, new Set([id, KNOWN_ID]));
  } catch (error) {
    throw new Error(`the reader threw instead of reporting an issue: ${(error as Error).stack}\n--- source ---\n${source.slice(0, 3000)}`, { cause: error });
  }
}

describe('frontmatter mutations (parseWithFriendlyErrors + checkReferences)', () => {
  it('the unmutated fixture is accepted', () => {
    const { issues, data } = readOrExplain(toSource(BASE));
    expect(issues).toEqual([]);
    expectInvariants(data!, ID, catalog, KNOWN);
  });

  it('never throws; rejections name the mutated field and a fix; acceptances obey the content model', () => {
    const seen = { accepted: 0, rejected: 0, rules: new Set<string>() };
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), (mutations) => {
        const { data, applied } = mutate(mutations);
        const source = toSource(data);
        const { issues, data: accepted } = readOrExplain(source);
        if (applied.length === 0) expect(issues).toEqual([]);
        if (issues.length) {
          seen.rejected++;
          for (const i of issues) seen.rules.add(i.rule);
          expectWellFormed(issues, FILE, lines(source));
          expectBlamedOnMutations(issues, applied);
        } else {
          seen.accepted++;
          expectInvariants(accepted!, ID, catalog, KNOWN);
        }
      }),
      params(500),
    );
    if (process.env.FUZZ_STATS) console.log('frontmatter mutations:', seen.accepted, 'accepted,', seen.rejected, 'rejected; rules:', [...seen.rules].sort().join(' '));
    // Both branches must be exercised, and the rejections must span the content model's rules.
    expect(seen.accepted).toBeGreaterThan(0);
    expect(seen.rejected).toBeGreaterThan(0);
    if (!process.env.FUZZ_SEED) expect(seen.rules.size).toBeGreaterThanOrEqual(15);
  });

  it('a single mutation of a required field is reported at that field (or inside it)', () => {
    const required = ['title', 'summary', 'status', 'severity', 'incident_type', 'detection', 'authors', 'services', 'timeline', 'impact', 'root_cause'];
    fc.assert(
      fc.property(fc.constantFrom(...required), fc.constantFrom<unknown>(undefined, null, 42, true, [], {}, ''), (field, value) => {
        const m: Mutation = value === undefined ? { op: 'drop', path: [field] } : { op: 'set', path: [field], value, kind: 'retype' };
        const { data } = mutate([m]);
        const { issues } = readOrExplain(toSource(data));
        expect(issues.length, `${field}: ${JSON.stringify(value)} was accepted`).toBeGreaterThan(0);
        expect(issues.some((i) => i.field === field || i.field.startsWith(`${field}.`) || i.field.startsWith(`${field}[`)), JSON.stringify(issues)).toBe(true);
      }),
      params(150),
    );
  });
});

describe('the file name carries the UTC start date', () => {
  const NAME_DATES = ['2026-06-10', '2026-06-11', '2026-06-12'];
  // Local wall-clock time of `instant` at `offset` minutes, written with that offset.
  const format = (instant: Date, offset: number, compact: boolean) => {
    const local = new Date(instant.getTime() + offset * 60_000).toISOString().slice(0, 16);
    if (offset === 0 && !compact) return `${local}Z`;
    const sign = offset < 0 ? '-' : '+';
    const a = Math.abs(offset);
    const hh = String(Math.floor(a / 60)).padStart(2, '0'), mm = String(a % 60).padStart(2, '0');
    return `${local}${sign}${hh}${compact ? '' : ':'}${mm}`;
  };
  const OFFSETS = [0, 14 * 60, -12 * 60, 5 * 60 + 45, 5 * 60 + 30, -9 * 60 - 30, 12 * 60 + 45, -60];

  it('accepted exactly when utcDate(started) is the date in the file name, whatever the offset', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2026-06-09T16:00Z'), max: new Date('2026-06-11T08:00Z'), noInvalidDate: true }).map((d) => new Date(Math.floor(d.getTime() / 60_000) * 60_000)),
        fc.oneof(fc.constantFrom(...OFFSETS), fc.integer({ min: -12 * 60, max: 14 * 60 })),
        fc.boolean(),
        fc.constantFrom(...NAME_DATES),
        (instant, offset, compact, nameDate) => {
          const id = `${nameDate}-search-shard-rebalance`;
          const { data } = mutate([{ op: 'set', path: ['timeline', 0, 'at'], value: format(instant, offset, compact), kind: 'timestamp' }]);
          const { issues } = readOrExplain(toSource(data), id);
          if (utcDate(instant) === nameDate) expect(issues).toEqual([]);
          else {
            expect(issues.map((i) => `${i.rule} ${i.field}`)).toEqual(['file/date timeline[0].at']);
            expect(issues[0]!.fix).toContain(`${utcDate(instant)}-search-shard-rebalance.mdx`);
          }
        },
      ),
      params(300),
    );
  });
});

describe('raw file corruption (what yaml.stringify would never write)', () => {
  const BOMB = ['a0: &a0 [x, x, x, x, x, x, x, x, x]', ...Array.from({ length: 8 }, (_, i) => `a${i + 1}: &a${i + 1} [${Array(9).fill(`*a${i}`).join(', ')}]`)].join('\n');
  const nastyLine = fc.oneof(
    fc.constantFrom(
      BOMB, 'title: &t [*t]', 'impact: &m {description: x, more: *m}', 'timeline: &t [*t, *t]', ': x', '~: x', 'null: x', '? [a, b]\n: c', '"": x',
      '__proto__: {polluted: true}', 'constructor: {prototype: {polluted: true}}', 'title: !!binary aGVsbG8=', 'title: !!set {a, b}', 'title: !!omap [a: 1]',
      'title: !custom x', '%YAML 1.1', '---', '...', '\t title: x', 'title: "unterminated', "title: 'a''b", 'title: |', 'title: >-', '- x', '&a', '*a',
      'timeline:', 'timeline: []', 'timeline: ~', 'impact: {}', 'status: !!null', 'related: [*x]', '<<: {title: merged}', 'title: x\u0000y', 'title: \u202e',
    ),
    anyText(40),
  );
  type RawOp =
    | { op: 'insert'; at: number; line: string }
    | { op: 'delete'; at: number }
    | { op: 'duplicate'; at: number }
    | { op: 'truncate'; at: number }
    | { op: 'replace'; at: number; text: string }
    | { op: 'indent'; at: number; with: string }
    | { op: 'crlf' }
    | { op: 'bom' };
  const rawOp: fc.Arbitrary<RawOp> = fc.oneof(
    fc.record({ op: fc.constant('insert' as const), at: fc.nat(60), line: nastyLine }),
    fc.record({ op: fc.constant('delete' as const), at: fc.nat(60) }),
    fc.record({ op: fc.constant('duplicate' as const), at: fc.nat(60) }),
    fc.record({ op: fc.constant('truncate' as const), at: fc.nat(2000) }),
    fc.record({ op: fc.constant('replace' as const), at: fc.nat(2000), text: anyText(5) }),
    fc.record({ op: fc.constant('indent' as const), at: fc.nat(60), with: fc.constantFrom(' ', '  ', '\t', '    ') }),
    fc.constant({ op: 'crlf' as const }),
    fc.constant({ op: 'bom' as const }),
  );
  const apply = (source: string, ops: readonly RawOp[]) => {
    let s = source;
    for (const o of ops) {
      const ls = s.split('\n');
      const i = 'at' in o ? o.at % Math.max(ls.length, 1) : 0;
      if (o.op === 'insert') ls.splice(i, 0, o.line);
      else if (o.op === 'delete') ls.splice(i, 1);
      else if (o.op === 'duplicate') ls.splice(i, 0, ls[i] ?? '');
      else if (o.op === 'indent') ls[i] = o.with + (ls[i] ?? '');
      if (o.op === 'truncate') s = s.slice(0, o.at % (s.length + 1));
      else if (o.op === 'replace') { const at = o.at % (s.length + 1); s = s.slice(0, at) + o.text + s.slice(at + 1); }
      else if (o.op === 'crlf') s = s.replace(/\r?\n/g, '\r\n');
      else if (o.op === 'bom') s = `\uFEFF${s}`;
      else s = ls.join('\n');
    }
    return s;
  };

  it('never throws and every issue is well-formed', () => {
    fc.assert(
      fc.property(fc.array(rawOp, { minLength: 1, maxLength: 4 }), (ops) => {
        const source = apply(VALID_SOURCE, ops);
        const { issues, data } = readOrExplain(source);
        expectWellFormed(issues, FILE, lines(source));
        if (!issues.length) expectInvariants(data!, ID, catalog, KNOWN);
      }),
      params(500),
    );
  });

  it('a YAML alias bomb and self-referencing anchors are reported, not thrown', () => {
    for (const line of [BOMB, 'title: &t [*t]', 'impact: &m {description: x, more: *m}']) {
      const source = VALID_SOURCE.replace('---\n', `---\n${line}\n`);
      const { issues } = readOrExplain(source);
      expect(issues.length, line).toBeGreaterThan(0);
      expectWellFormed(issues, FILE, lines(source));
    }
    // Nothing leaked onto Object.prototype from __proto__ / constructor keys.
    readOrExplain(VALID_SOURCE.replace('---\n', '---\n__proto__: {polluted: true}\nconstructor: {prototype: {polluted: true}}\n'));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('end to end: readKnowledgeBase on a temporary knowledge base', () => {
  let root: string;
  beforeAll(() => {
    root = tempKnowledgeBase({ [KNOWN_FILE]: `${KNOWN_ID}.mdx` });
  });
  const write = (name: string, text: string) => {
    for (const f of readdirSync(join(root, 'postmortems'))) if (f !== `${KNOWN_ID}.mdx`) rmSync(join(root, 'postmortems', f));
    writeFileSync(join(root, 'postmortems', name), text);
  };

  it('agrees with the fast path, never throws, keeps ids as in the file name', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 3 }), fc.boolean(), async (mutations, render) => {
        const { data, applied } = mutate(mutations);
        const source = toSource(data);
        write(`${ID}.mdx`, source);
        let kb;
        try {
          kb = await readKnowledgeBase({ root, displayBase: root, render });
        } catch (error) {
          throw new Error(`readKnowledgeBase threw: ${(error as Error).stack}`, { cause: error });
        }
        expect(kb.issues.filter((i) => i.file !== FILE), 'the untouched postmortem stays clean').toEqual([]);
        const mine = kb.issues.filter((i) => i.file === FILE);
        const fast = readOne(source, ID, catalog, KNOWN);
        expect(mine.map((i) => `${i.rule} ${i.field}`).sort()).toEqual(fast.issues.map((i) => `${i.rule} ${i.field}`).sort());
        for (const pm of kb.postmortems) expect(pm.file).toBe(`postmortems/${pm.id}.mdx`);
        if (mine.length) {
          expectWellFormed(mine, FILE, lines(source));
          expectBlamedOnMutations(mine, applied);
          // Cross-file rules (references, file date) leave a file in; any other issue keeps it out (its valid references are still checked).
          const schemaLevel = mine.some((i) => !i.rule.startsWith('reference/') && i.rule !== 'file/date');
          expect(kb.postmortems.some((p) => p.id === ID)).toBe(!schemaLevel);
        } else {
          const pm = kb.postmortems.find((p) => p.id === ID);
          expect(pm, 'an accepted file is in the knowledge base under its file name').toBeDefined();
          expectInvariants(pm!.data, ID, kb.catalog, KNOWN);
          if (render) expect(typeof pm!.html).toBe('string');
        }
      }),
      params(100),
    );
  });

  it('a body around mutated frontmatter: issues from both, each in its place', async () => {
    const { data } = mutate([{ op: 'drop', path: ['timeline'] }]);
    write(`${ID}.mdx`, toSource(data, `${BODY}\n{1 + 1}\n`));
    const kb = await readKnowledgeBase({ root, displayBase: root });
    const mine = kb.issues.filter((i) => i.file === FILE).map((i) => `${i.rule} ${i.field}`);
    expect(mine).toContain('schema/required timeline');
    expect(mine).toContain('mdx/expression body');
  });
});
