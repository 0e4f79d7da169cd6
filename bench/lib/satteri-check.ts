/*
 * Checks the fix recommended for the content-sync cost: parsing bodies with
 * satteri's native MDX parser (the engine Astro 7 already ships) instead of
 * unified + remark-parse + remark-mdx + remark-gfm in src/kb/safe-mdx.ts.
 *
 *   npx tsx bench/lib/satteri-check.ts <folder of .mdx>…
 *   e.g. npx tsx bench/lib/satteri-check.ts content/postmortems test/fixtures/rules/invalid bench/.work/kb-1000/postmortems
 *
 * It writes bench/.work/safe-mdx-satteri.ts, a copy of src/kb/safe-mdx.ts whose
 * only change is the parser, renders every body with both (internal and public
 * editions) and compares html, text, headings and issues, and times both.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { splitFrontmatter } from '../../src/kb/frontmatter.ts';
import { renderSafeBody as current } from '../../src/kb/safe-mdx.ts';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const PARSER_LINE = 'const parser = unified().use(remarkParse).use(remarkMdx).use(remarkGfm);';
export const SATTERI_PARSER = `import { mdxToMdast } from 'satteri';
/** satteri: Astro's native Markdown/MDX parser; same mdast, ~50× faster than micromark. */
const parser = {
  parse(source: string): MdastRoot {
    try {
      return mdxToMdast(source, { features: { frontmatter: false } }) as MdastRoot;
    } catch (error) {
      // satteri reports "line:column: reason (mdx-…:…)"; keep the shape the catch below reads.
      const m = /^(\\d+):(\\d+): ([\\s\\S]*?)(?: \\([\\w-]+:[\\w-]+\\))?$/.exec((error as Error).message);
      throw m ? Object.assign(new Error(m[3]), { line: Number(m[1]), reason: m[3] }) : error;
    }
  },
};`;

const source = readFileSync(join(REPO, 'src/kb/safe-mdx.ts'), 'utf8');
if (!source.includes(PARSER_LINE)) throw new Error(`src/kb/safe-mdx.ts no longer has the line "${PARSER_LINE}"; update this script`);
mkdirSync(join(REPO, 'bench/.work'), { recursive: true });
const variantPath = join(REPO, 'bench/.work/safe-mdx-satteri.ts');
writeFileSync(variantPath, source.replace(PARSER_LINE, SATTERI_PARSER).replace(/from '\.\.\/schema\//g, "from '../../src/schema/"));
const { renderSafeBody: fast } = (await import(pathToFileURL(variantPath).href)) as { renderSafeBody: typeof current };

const dirs = process.argv.slice(2);
if (!dirs.length) throw new Error('usage: tsx bench/lib/satteri-check.ts <folder of .mdx>…');
let bodies = 0, differ = 0, currentMs = 0, satteriMs = 0;
for (const dir of dirs) {
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.mdx')).sort()) {
    const split = splitFrontmatter(readFileSync(join(dir, name), 'utf8'), name);
    for (const edition of ['internal', 'public'] as const) {
      const opts = { file: name, bodyLine: split.bodyLine, edition, render: true };
      let t = performance.now();
      const a = current(split.body, opts);
      currentMs += performance.now() - t;
      t = performance.now();
      const b = fast(split.body, opts);
      satteriMs += performance.now() - t;
      bodies++;
      if (JSON.stringify(a) !== JSON.stringify(b)) {
        differ++;
        if (differ <= 5) process.stdout.write(`differs: ${join(dir, name)} (${edition})\n  current: ${JSON.stringify(a).slice(0, 300)}\n  satteri: ${JSON.stringify(b).slice(0, 300)}\n`);
      }
    }
  }
}
process.stdout.write(`${JSON.stringify({ bodies, differ, currentMs: Math.round(currentMs), satteriMs: Math.round(satteriMs), speedup: Math.round((currentMs / satteriMs) * 10) / 10 })}\n`);
process.exitCode = differ ? 1 : 0;
