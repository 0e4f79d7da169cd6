import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { mdxToMdast } from 'satteri';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { splitFrontmatter } from '../../../src/kb/frontmatter';
import { renderSafeBody } from '../../../src/kb/safe-mdx';
import { REPO } from '../../helpers/build';

const render = (body: string, edition: 'internal' | 'public' = 'public') => renderSafeBody(body, { file: 'f.mdx', bodyLine: 10, edition });

describe('renderSafeBody', () => {
  it('rejects an <Internal> whose closing tag sits inside other markup, instead of letting its text out', () => {
    // Found by the public-edition fuzz property: a lenient parser drops the closing tag here.
    const r = render('*a <Internal>** SECRET**</Internal>*\n');
    expect(r.html).toBeUndefined();
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ field: 'body', rule: 'mdx/syntax', line: 10 });
    expect(JSON.stringify(r)).not.toContain('SECRET');
  });

  it('removes <Internal> from the public edition and keeps it in the internal one', () => {
    const body = 'Before.\n\n<Internal>\nHost *db-7*.\n</Internal>\n\nAfter.\n';
    expect(render(body, 'public').html).toBe('<p>Before.</p>\n<p>After.</p>');
    expect(render(body, 'internal').html).toContain('<aside class="internal-note"');
    expect(render(body, 'internal').html).toContain('Host <em>db-7</em>.');
  });

  it('parses plain Markdown bodies (the native fast path) to the same tree as the reference parser', () => {
    const reference = unified().use(remarkParse).use(remarkMdx).use(remarkGfm);
    const strip = (n: unknown): unknown => {
      const { position: _p, ...rest } = n as { position?: unknown; children?: unknown[] };
      return rest.children ? { ...rest, children: rest.children.map(strip) } : rest;
    };
    const dir = join(REPO, 'content/postmortems');
    let plain = 0;
    for (const name of readdirSync(dir)) {
      const { body } = splitFrontmatter(readFileSync(join(dir, name), 'utf8'), name);
      if (/[<{]/.test(body)) continue;
      plain++;
      expect(strip(mdxToMdast(body, { features: { frontmatter: false } })), name).toEqual(strip(reference.parse(body)));
    }
    expect(plain).toBeGreaterThan(10);
  });
});
