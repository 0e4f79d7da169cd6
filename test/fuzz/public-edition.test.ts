import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Edition } from '../../src/config/settings';
import { renderSafeBody } from '../../src/kb/safe-mdx';
import { params } from './support/config';
import { htmlProblems } from './support/html';
import { BODY } from './support/postmortem';
import { anyText, escapeMarkdown } from './support/text';

/*
 * <Internal>…</Internal> is kept in internal builds and removed from public
 * ones. For arbitrary text around a unique marker, in every Markdown
 * construct and every place an <Internal> can stand, the public edition's
 * html, text, headings and source never contain the marker; the internal
 * edition shows it (escaped, in safe HTML).
 */

const render = (source: string, edition: Edition) => renderSafeBody(source, { file: 'postmortems/x.mdx', bodyLine: 40, edition });

const marker = fc.stringMatching(/^[a-z0-9]{10}$/).map((s) => `mrk${s}`);
/** Arbitrary text, read literally by MDX, on one line. */
const filler = anyText(30, 2_000).map((t) => escapeMarkdown(t.replace(/[\r\n\u2028\u2029]+/g, ' ')));

type Form = (m: string, t: string) => string;
const INLINE: Record<string, Form> = {
  text: (m, t) => `${t} ${m} ${t}`,
  emphasis: (m) => `*${m}*`,
  strong: (m, t) => `**${t}${m}**`,
  strike: (m) => `~~${m}~~`,
  code: (m) => `\`${m}\``,
  linkText: (m) => `[${m}](https://x.example/)`,
  linkUrl: (m) => `[see](https://x.example/${m})`,
  linkTitle: (m) => `[see](https://x.example/ "${m}")`,
  imageAlt: (m, t) => `![${t}${m}](x.png)`,
  imageUrl: (m) => `![chart](https://x.example/${m}.png)`,
  autolink: (m) => `https://${m}.example/x`,
  www: (m) => `www.${m}.example`,
  email: (m) => `${m}@example.com`,
  nested: (m, t) => `${t} <Internal>${m}</Internal>`,
};
const BLOCK: Record<string, Form> = {
  ...Object.fromEntries(Object.entries(INLINE).map(([k, f]) => [k, (m: string, t: string) => `Para ${f(m, t)}.`])),
  heading2: (m, t) => `## ${t} ${m}`,
  heading1: (m) => `# ${m}`,
  list: (m) => `- a\n- ${m}`,
  ordered: (m) => `1. ${m}`,
  task: (m) => `- [ ] ${m}`,
  quote: (m, t) => `> ${t} ${m}`,
  fence: (m) => `\`\`\`\n${m}\n\`\`\``,
  fenceInfo: (m) => `\`\`\`${m}\ncode\n\`\`\``,
  table: (m) => `| a | b |\n|---|---|\n| ${m} | 2 |`,
  tableHead: (m) => `| ${m} |\n|---|\n| 1 |`,
  definition: (m) => `[r]\n\n[r]: https://${m}.example/`,
  footnote: (m) => `Note[^n].\n\n[^n]: ${m}`,
  footnoteLabel: (m) => `Note[^${m}].\n\n[^${m}]: x`,
  nestedBlock: (m) => `<Internal>\n\n${m}\n\n</Internal>`,
};

/** Where an <Internal> can stand, with the inline or block content inside it. */
const PLACES: Record<string, (inner: string) => string> = {
  flow: (i) => `<Internal>\n\n${i}\n\n</Internal>`,
  paragraph: (i) => `Before <Internal>${i}</Internal> after.`,
  heading: (i) => `## Heading <Internal>${i}</Internal>`,
  list: (i) => `- item <Internal>${i}</Internal>`,
  quote: (i) => `> a <Internal>${i}</Internal>`,
  table: (i) => `| a | b |\n|---|---|\n| <Internal>${i}</Internal> | 2 |`,
  link: (i) => `[see <Internal>${i}</Internal>](https://example.com)`,
  emphasis: (i) => `*a <Internal>${i}</Internal>*`,
  imageAlt: (i) => `![chart <Internal>${i}</Internal>](chart.png)`,
  footnote: (i) => `Note[^n].\n\n[^n]: see <Internal>${i}</Internal>`,
};

const body = fc
  .record({
    m: marker,
    t: filler,
    place: fc.constantFrom(...Object.keys(PLACES)),
    inline: fc.constantFrom(...Object.keys(INLINE)),
    block: fc.constantFrom(...Object.keys(BLOCK)),
    before: fc.boolean(),
  })
  .map(({ m, t, place, inline, block, before }) => {
    const inner = place === 'flow' ? BLOCK[block]!(m, t) : INLINE[inline]!(m, t);
    const internal = PLACES[place]!(inner);
    return { m, place, source: before ? `${internal}\n\n${BODY}` : `${BODY}\n${internal}\n`, what: `${place}/${place === 'flow' ? block : inline}` };
  });

/** Places where the <Internal> cannot be removed (an image's alt text is flattened to a string): the body must be rejected. */
const REJECTED_PLACES = new Set(['imageAlt']);

let accepted = 0;
let rejected = 0;

function expectHidden(m: string, source: string, place: string) {
  if (REJECTED_PLACES.has(place)) {
    for (const edition of ['public', 'internal'] as const) {
      const out = render(source, edition);
      expect(out.html).toBeUndefined();
      expect(out.issues.map((i) => `${i.rule} ${i.field}`)).toContain('mdx/component body');
      expect(out.issues.every((i) => typeof i.line === 'number')).toBe(true);
      expect(`${out.text}${out.source}${out.headings.join('')}`.toLowerCase()).not.toContain(m);
    }
    return;
  }
  const pub = render(source, 'public');
  if (pub.issues.length) {
    // Markdown delimiters that cross a JSX boundary (`*a <Internal>** b**</Internal>*`) are an MDX syntax
    // error: fine, as long as both editions refuse the body, say where, and show nothing.
    const int = render(source, 'internal');
    for (const out of [pub, int]) {
      expect(out.issues.map((i) => i.rule), source).toEqual(['mdx/syntax']);
      expect(out.issues[0]!.line, source).toBeTypeOf('number');
      expect(out.html).toBeUndefined();
      expect(`${out.text}${out.source}${out.headings.join('')}`).toBe('');
    }
    rejected++;
    return;
  }
  accepted++;
  const lower = (s: string) => s.toLowerCase();
  expect(lower(pub.html!), `public html shows the marker:\n${pub.html}`).not.toContain(m);
  expect(lower(pub.text), 'public text shows the marker').not.toContain(m);
  expect(lower(pub.headings.join('\n')), `public headings show the marker: ${JSON.stringify(pub.headings)}`).not.toContain(m);
  expect(lower(pub.source), 'public source shows the marker').not.toContain(m);
  expect(pub.source.split('\n').length, 'public source keeps line numbers').toBe(source.split('\n').length);
  expect(htmlProblems(pub.html!)).toEqual([]);

  const int = render(source, 'internal');
  expect(int.issues).toEqual([]);
  expect(lower(int.html!), 'internal html shows the marker').toContain(m);
  expect(htmlProblems(int.html!)).toEqual([]);
}

describe('public edition', () => {
  it('no text inside <Internal> reaches html, text, headings or source of the public edition', () => {
    fc.assert(
      fc.property(body, ({ m, source, place }) => expectHidden(m, source, place)),
      params(500),
    );
    // The property must mostly exercise accepted bodies, or it proves nothing about hiding.
    expect(accepted, `${accepted} accepted, ${rejected} refused as MDX syntax`).toBeGreaterThan(10 * rejected);
  });

  it('every construct in every place, once', () => {
    const m = 'mrkexhaustive1';
    for (const [place, wrap] of Object.entries(PLACES)) {
      const forms = place === 'flow' ? BLOCK : INLINE;
      for (const [name, form] of Object.entries(forms)) {
        const source = `${BODY}\n${wrap(form(m, 'some text'))}\n`;
        try {
          const before = rejected;
          expectHidden(m, source, place);
          expect(rejected, 'every hand-written construct is valid MDX').toBe(before);
        } catch (error) {
          throw new Error(`${place}/${name}:\n${source}\n${(error as Error).message}`, { cause: error });
        }
      }
    }
  });

  it('arbitrary text inside <Internal> is escaped in the internal edition', () => {
    fc.assert(
      fc.property(marker, anyText(60, 2_000), (m, raw) => {
        const t = raw.replace(/[\r\n\u2028\u2029]+/g, ' ');
        const source = `${BODY}\nA <Internal>${escapeMarkdown(`${t} ${m} <script>alert(1)</script>`)}</Internal> b\n`;
        const int = render(source, 'internal');
        expect(int.issues).toEqual([]);
        expect(htmlProblems(int.html!)).toEqual([]);
        expect(int.html).toContain(m);
        expect(int.html).toContain('&#x3C;script>');
        expect(render(source, 'public').html).not.toContain(m);
      }),
      params(200),
    );
  });
});
