/*
 * Line numbers of frontmatter fields: the fast reading of block-style YAML by indentation
 * (src/kb/frontmatter.ts, blockLineOf) must give, for every path, the line the positioned YAML
 * document gives, whatever the style the YAML was written in; where it cannot tell, it defers.
 */
import fc from 'fast-check';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify as stringifyYaml } from 'yaml';
import { generate } from '../../bench/generate.mjs';
import { frontmatterLineOf, positionedLineOf } from '../../src/kb/frontmatter';
import { listFiles, REPO } from '../helpers/build';
import { params } from './support/config';
import { BASE, EXISTING_PATHS, type Path } from './support/postmortem';

const FENCE = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---/;

/** Every path of a value, plus a missing key and a missing index under each container. */
function pathsOf(value: unknown, prefix: Path = []): Path[] {
  const out: Path[] = [[...prefix, 'no_such_field']];
  if (Array.isArray(value)) {
    out.push([...prefix, value.length]);
    value.forEach((v, i) => out.push([...prefix, i], ...pathsOf(v, [...prefix, i])));
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) out.push([...prefix, k], ...pathsOf(v, [...prefix, k]));
  }
  return out;
}

function expectSameLines(source: string, paths: readonly Path[], where: string): void {
  const yaml = FENCE.exec(source)?.[1];
  expect(yaml, where).toBeDefined();
  const fast = frontmatterLineOf(source);
  const exact = positionedLineOf(yaml!);
  for (const path of paths) expect(fast(path), `${where}: ${JSON.stringify(path)}`).toBe(exact(path));
}

describe('frontmatter line numbers', () => {
  it('agree with the positioned document on every postmortem the benchmark generates', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hindsight-lines-'));
    try {
      const options = { count: 60, dir, seed: 7 };
      await generate(options);
      for (const name of readdirSync(join(dir, 'postmortems'))) {
        const source = readFileSync(join(dir, 'postmortems', name), 'utf8');
        const data = (await import('yaml')).parse(FENCE.exec(source)![1]!, { version: '1.2' }) as unknown;
        expectSameLines(source, pathsOf(data), name);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('agree on the example and every fixture', async () => {
    const files = [...listFiles(join(REPO, 'content/postmortems')), ...listFiles(join(REPO, 'test/fixtures'))].filter((f) => f.endsWith('.mdx'));
    expect(files.length).toBeGreaterThan(40);
    const { parse } = await import('yaml');
    for (const file of files) {
      const source = readFileSync(file, 'utf8');
      const yaml = FENCE.exec(source)?.[1];
      if (yaml === undefined) continue;
      let data: unknown;
      try {
        data = parse(yaml, { version: '1.2' });
      } catch {
        continue; // not YAML: no field has a line
      }
      expectSameLines(source, [...pathsOf(data), ...EXISTING_PATHS], file);
    }
  });

  it('agree whatever style the YAML is written in (block or flow, folded, quoted, compact sequences)', () => {
    const style = fc.record({
      indent: fc.integer({ min: 1, max: 4 }),
      indentSeq: fc.boolean(),
      lineWidth: fc.constantFrom(0, 20, 40, 80),
      collectionStyle: fc.constantFrom<'any' | 'block' | 'flow'>('any', 'block', 'flow'),
      defaultStringType: fc.constantFrom<'PLAIN' | 'QUOTE_DOUBLE' | 'QUOTE_SINGLE' | 'BLOCK_FOLDED' | 'BLOCK_LITERAL'>('PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE', 'BLOCK_FOLDED', 'BLOCK_LITERAL'),
      defaultKeyType: fc.constantFrom<null | 'PLAIN' | 'QUOTE_DOUBLE'>(null, 'PLAIN', 'QUOTE_DOUBLE'),
      comments: fc.boolean(),
    });
    fc.assert(
      fc.property(style, (o) => {
        let yaml = stringifyYaml(BASE, { indent: o.indent, indentSeq: o.indentSeq, lineWidth: o.lineWidth, collectionStyle: o.collectionStyle, defaultStringType: o.defaultStringType, defaultKeyType: o.defaultKeyType }).trimEnd();
        // Comments and blank lines between fields, as people leave them.
        if (o.comments) yaml = yaml.split('\n').flatMap((l, i) => (i % 5 === 2 && /^\s*[\w-]/.test(l) ? [`${' '.repeat(l.length - l.trimStart().length)}# note`, '', l] : [l])).join('\n');
        expectSameLines(`---\n${yaml}\n---\nBody.\n`, pathsOf(BASE), JSON.stringify(o));
      }),
      params(150),
    );
  });
});
