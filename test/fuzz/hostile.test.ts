import fc from 'fast-check';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Edition } from '../../src/config/settings';
import { LIMITS } from '../../src/kb/limits';
import { readCatalogFile, readKnowledgeBase, readPostmortem } from '../../src/kb/read';
import { renderSafeBody } from '../../src/kb/safe-mdx';
import { fieldPath, type ContentIssue } from '../../src/schema/issues';
import { tempKnowledgeBase } from '../helpers/kb';
import { params } from './support/config';
import { BODY, ID, mutate, mutation, STRING_PATHS, toSource, VALID_SOURCE } from './support/postmortem';
import { anyText, controlChar } from './support/text';

/*
 * Fuzzing where the bugs of issue 12 were: nesting of every kind to past the limit, inputs on
 * either side of each limit, <Internal> in every place it cannot hide anything, control and
 * invisible characters in every string, odd entries and links in generated knowledge bases, and,
 * in-process, "what check accepts, the build renders". Real builds of generated knowledge bases
 * are in test/integration/hostile-builds.test.ts.
 */

const FILE = `postmortems/${ID}.mdx`;
const BODY_LINE = VALID_SOURCE.split('\n').length - BODY.split('\n').length + 1;
const [, FRONT] = /^---\n([\s\S]*?)\n---\n/.exec(VALID_SOURCE)!;
const withBody = (body: string) => `---\n${FRONT}\n---\n${body}`;
const read = (source: string, edition: Edition = 'internal', render = true) => readPostmortem(source, ID, FILE, { edition, render });
const rulesOf = (issues: readonly ContentIssue[]) => issues.map((i) => i.rule);
const render = (body: string, edition: Edition) => {
  try {
    return renderSafeBody(body, { file: FILE, bodyLine: BODY_LINE, edition });
  } catch (error) {
    throw new Error(`renderSafeBody threw: ${(error as Error).stack}\n--- body ---\n${body.slice(0, 2000)}`, { cause: error });
  }
};

/** Every issue says where: the file, a line inside it, a rule, words and a fix. */
function expectWellFormed(issues: readonly ContentIssue[], lines: number): void {
  for (const i of issues) {
    expect(i.file).toBe(FILE);
    expect(i.rule).toMatch(/^[a-z]+\/[a-z-]+$/);
    expect(i.message.trim().length).toBeGreaterThan(0);
    expect(i.fix.trim().length).toBeGreaterThan(0);
    expect(`${i.file}${i.field}${i.message}`, i.message).not.toMatch(/(?![\t])\p{Cc}/u);
    if (i.line !== undefined) expect(i.line >= 1 && i.line <= lines + 1, `line ${i.line} of ${lines}`).toBe(true);
  }
}

/* ---------------------------------------------------------------- nesting */

/** One level of nesting, wrapping what is inside it. Containers never collapse; inline wrappers may (a link in a link is text). */
const LEVELS: Record<string, { container: boolean; wrap: (inner: string, depth: number) => string }> = {
  quote: { container: true, wrap: (inner) => inner.split('\n').map((l) => `> ${l}`).join('\n') },
  list: { container: true, wrap: (inner) => inner.split('\n').map((l, i) => (i ? `  ${l}` : `- ${l}`)).join('\n') },
  ordered: { container: true, wrap: (inner) => inner.split('\n').map((l, i) => (i ? `   ${l}` : `1. ${l}`)).join('\n') },
  block: { container: true, wrap: (inner) => `<Internal>\n\n${inner}\n\n</Internal>` },
  emphasis: { container: false, wrap: (inner) => `*a ${inner} b*` },
  strong: { container: false, wrap: (inner) => `**a ${inner} b**` },
  strike: { container: false, wrap: (inner) => `~~a ${inner} b~~` },
  inline: { container: false, wrap: (inner) => `a <Internal>${inner}</Internal> b` },
  link: { container: false, wrap: (inner) => `[a ${inner} b](https://x.example/)` },
};
const INLINE_KINDS = Object.keys(LEVELS).filter((k) => !LEVELS[k]!.container);
const CONTAINER_KINDS = Object.keys(LEVELS).filter((k) => LEVELS[k]!.container);

/** Nesting of generated kinds to a generated depth, beyond the limit at times: containers outside, inline wrappers inside. */
const levels = (kinds: string[], max: number) => fc.integer({ min: 0, max }).chain((n) => fc.array(fc.constantFrom(...kinds), { minLength: n, maxLength: n }));
const nested = fc
  .tuple(levels(CONTAINER_KINDS, 60), levels(INLINE_KINDS, 45))
  .map(([containers, inlines]) => {
    let text = 'core text';
    for (const k of inlines) text = LEVELS[k]!.wrap(text, 0);
    for (const k of containers) text = LEVELS[k]!.wrap(text, 0);
    return { text, containers: containers.length, depth: containers.length + inlines.length };
  });

describe('nesting, generated to past the limit', () => {
  it('never throws; within the limit is never a nesting error; containers past it always are, at a line of the body', () => {
    let over = 0;
    fc.assert(
      fc.property(nested, fc.constantFrom<Edition>('internal', 'public'), ({ text, containers, depth }, edition) => {
        const source = withBody(`${BODY}\n${text}\n`);
        const { issues } = read(source, edition);
        expectWellFormed(issues, source.split('\n').length);
        const nesting = issues.filter((i) => i.rule === 'limit/nesting');
        if (depth <= LIMITS.nesting) expect(nesting, `${depth} levels`).toEqual([]);
        if (containers > LIMITS.nesting) {
          over++;
          expect(nesting, `${containers} containers`).toHaveLength(1);
          expect(nesting[0]!.line!).toBeGreaterThanOrEqual(BODY_LINE);
        }
      }),
      params(3_000),
    );
    expect(over).toBeGreaterThan(0);
  }, 120_000);
});

/* ------------------------------------------------------ on either side of each limit */

describe('inputs on either side of each limit', () => {
  it('a line is accepted up to the limit, refused past it', () => {
    fc.assert(
      fc.property(fc.integer({ min: LIMITS.lineChars - 15, max: LIMITS.lineChars + 15 }), fc.constantFrom('a', 'word ', 'é', '字'), fc.boolean(), (length, unit, crlf) => {
        const line = unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
        const source = withBody(`${BODY}\n${line}\n`).replaceAll('\n', crlf ? '\r\n' : '\n');
        const rules = rulesOf(read(source).issues);
        expect(rules.includes('limit/line-length'), `${length} characters`).toBe(length > LIMITS.lineChars);
      }),
      params(1_000),
    );
  });

  it('a file is accepted up to the size limit, refused past it, before anything is parsed', () => {
    const paragraph = 'An ordinary paragraph of the body, with **some markup** and [a link](https://x.example/).\n\n';
    const base = withBody(BODY);
    fc.assert(
      fc.property(fc.integer({ min: -300, max: 300 }), (delta) => {
        const target = LIMITS.fileBytes + delta - Buffer.byteLength(base);
        const filler = paragraph.repeat(Math.floor(target / paragraph.length));
        const source = withBody(`${BODY}${filler}${'x'.repeat(Math.max(0, target - filler.length - 1))}\n`);
        const bytes = Buffer.byteLength(source);
        const rules = rulesOf(read(source, 'public', false).issues);
        expect(rules.includes('limit/file-size'), `${bytes} bytes`).toBe(bytes > LIMITS.fileBytes);
        if (bytes > LIMITS.fileBytes) expect(rules).toEqual(['limit/file-size']);
      }),
      params(40),
    );
  });

  it('a timeline is accepted up to the limit, refused past it', () => {
    fc.assert(
      fc.property(fc.integer({ min: LIMITS.timelineEvents - 4, max: LIMITS.timelineEvents + 4 }), (n) => {
        const { data } = mutate([]);
        const tl = data.timeline as Array<Record<string, unknown>>;
        // Between "detected" (08:03) and "mitigated" (08:10): in order, and as dense as a timeline gets.
        tl.splice(2, 0, ...Array.from({ length: n - tl.length }, (_, i) => ({ at: '2026-06-11T08:05Z', event: `event ${i}` })));
        const rules = rulesOf(read(toSource(data)).issues);
        expect(rules.includes('limit/timeline'), `${tl.length} events`).toBe(tl.length > LIMITS.timelineEvents);
      }),
      params(300),
    );
  });

  it('nesting is accepted at the limit and refused one past it, in the body and in the frontmatter', () => {
    fc.assert(
      fc.property(fc.integer({ min: LIMITS.nesting - 4, max: LIMITS.nesting + 4 }), fc.constantFrom(...CONTAINER_KINDS), fc.constantFrom('[', '{a: '), (depth, kind, open) => {
        let text = 'core text';
        for (let i = 0; i < depth; i++) text = LEVELS[kind]!.wrap(text, i);
        expect(rulesOf(read(withBody(`${BODY}\n${text}\n`)).issues).includes('limit/nesting'), `${depth} ${kind}`).toBe(depth > LIMITS.nesting);
        // YAML: the frontmatter mapping is one level, the field's value the rest.
        const close = open === '[' ? ']' : '}';
        const yaml = `---\n${FRONT}\nextra: ${open.repeat(depth - 1)}1${close.repeat(depth - 1)}\n---\n${BODY}`;
        expect(rulesOf(read(yaml).issues).includes('limit/nesting'), `${depth} YAML levels`).toBe(depth > LIMITS.nesting);
      }),
      params(1_000),
    );
  });
});

/* ------------------------------------------------- <Internal> where it cannot hide anything */

const marker = fc.stringMatching(/^[a-z0-9]{10}$/).map((s) => `mrk${s}`);
const tag = fc.constantFrom('<Internal>', '<internal>', '< Internal >', '</Internal>', '<Internal/>', '<INTERNAL>');
const PLACES: Record<string, (t: string, m: string) => string> = {
  linkTitle: (t, m) => `[see](https://x.example/ "${t}${m}")`,
  linkTitleSingle: (t, m) => `[see](https://x.example/ '${t}${m}')`,
  linkTitleParens: (t, m) => `[see](https://x.example/ (${t}${m}))`,
  linkAddress: (t, m) => `[see](<${t.replace(/[<>]/g, '')}${m}>) and ${t}`,
  imageTitle: (t, m) => `![chart](chart.png "${t}${m}")`,
  imageAlt: (t, m) => `![chart ${t}${m}](chart.png)`,
  definitionTitle: (t, m) => `[see][r]\n\n[r]: https://x.example/ "${t}${m}"`,
  definitionAddress: (t, m) => `[see][r]\n\n[r]: <https://x.example/${t.replace(/[<>]/g, '')}${m}> "${t}"`,
  referenceImageAlt: (t, m) => `![chart ${t}${m}][r]\n\n[r]: chart.png`,
  componentAttribute: (t, m) => `<Internal title="${t}${m}">x</Internal>`,
};

describe('<Internal> in every place where it would not be removed', () => {
  it('is refused, in both editions, and its text reaches nothing', () => {
    fc.assert(
      fc.property(fc.constantFrom(...Object.keys(PLACES)), tag, marker, fc.constantFrom<Edition>('internal', 'public'), (place, t, m, edition) => {
        const body = `${BODY}\n${PLACES[place]!(t, m)}\n`;
        const out = render(body, edition);
        expect(out.issues.length, `${place}: ${PLACES[place]!(t, m)}`).toBeGreaterThan(0);
        expect(out.html).toBeUndefined();
        expect(`${out.text}${out.source}${out.headings.join('')}`).not.toContain(m);
        expect(out.issues.every((i) => i.field === 'body' && typeof i.line === 'number')).toBe(true);
      }),
      params(3_000),
    );
  }, 120_000);

  it('in any string of the frontmatter, is an error at that field', () => {
    fc.assert(
      fc.property(fc.constantFrom(...STRING_PATHS), tag, marker, fc.constantFrom<Edition>('internal', 'public'), (path, t, m, edition) => {
        const { data } = mutate([{ op: 'set', path, value: `some text ${t}${m}`, kind: 'internal' }]);
        const { issues, postmortem } = read(toSource(data), edition);
        expect(postmortem).toBeUndefined();
        expect(issues.map((i) => `${i.rule} ${i.field}`), fieldPath(path)).toContain(`mdx/internal-placement ${fieldPath(path)}`);
      }),
      params(1_000),
    );
  });
});

/* ----------------------------------------------------------- text that is text */

const refused = fc.oneof(controlChar.filter((c) => /(?![\t\n\r])\p{Cc}/u.test(c)), fc.constantFrom('\ud800', '\udfff', '\udbff'));
const invisible = fc.string({ unit: fc.constantFrom('\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad', '\u3164', '\u2800', '\u180e', '\ufe0f', '\u202e'), minLength: 1, maxLength: 6 });

describe('text that is text, in every string', () => {
  it('a control character or a broken surrogate anywhere in a string is an error at that field', () => {
    fc.assert(
      fc.property(fc.constantFrom(...STRING_PATHS), anyText(20, 200), refused, fc.nat(20), (path, text, c, at) => {
        const clean = text.replace(/\p{Cc}|\p{Cs}/gu, '') || 'x';
        const value = clean.slice(0, at) + c + clean.slice(at);
        const { data } = mutate([{ op: 'set', path, value, kind: 'control' }]);
        const source = toSource(data);
        const { issues } = read(source);
        expectWellFormed(issues, source.split('\n').length);
        const rule = /\p{Cs}/u.test(c) ? 'text/encoding' : 'text/control-character';
        expect(issues.map((i) => `${i.rule} ${i.field}`), JSON.stringify(value)).toContain(`${rule} ${fieldPath(path)}`);
      }),
      params(1_000),
    );
  });

  it('a string made only of invisible characters is an error at that field', () => {
    fc.assert(
      fc.property(fc.constantFrom(...STRING_PATHS), invisible, (path, value) => {
        const { data } = mutate([{ op: 'set', path, value, kind: 'invisible' }]);
        const { issues } = read(toSource(data));
        expect(issues.map((i) => `${i.rule} ${i.field}`), JSON.stringify(value)).toContain(`text/invisible ${fieldPath(path)}`);
      }),
      params(500),
    );
  });

  it('in a catalog entry too', () => {
    const root = mkdtempSync(join(tmpdir(), 'hindsight-catalog-'));
    try {
      fc.assert(
        fc.property(fc.constantFrom('name', 'contact'), fc.oneof(refused.map((c) => `Disco${c}very`), invisible), (field, value) => {
          writeFileSync(join(root, 'teams.yml'), `- id: discovery\n  name: Discovery\n- id: payments\n  ${field}: ${JSON.stringify(value)}\n${field === 'contact' ? '  name: Payments\n' : ''}`);
          const { issues } = readCatalogFile(root, 'teams', (p) => p.slice(root.length + 1));
          expect(issues.some((i) => i.rule.startsWith('text/') && i.field === `[1].${field}`), JSON.stringify(issues)).toBe(true);
        }),
        params(300),
      );
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

/* -------------------------------------------- odd entries and links in generated knowledge bases */

type Entry = { kind: 'postmortem' | 'link-file' | 'link-outside' | 'link-folder' | 'folder' | 'folder-mdx' | 'hidden-mdx' | 'hidden' | 'shouting' | 'markdown' | 'other' | 'pipe'; name: string };
const oddName = fc.oneof(
  fc.constantFrom('notes', 'x y', 'tab\there', 'new\nline', '::error::x', 'rtl\u202ename', 'bell\u0007', 'é字🙂', '..', 'a.b'),
  fc.string({ unit: fc.constantFrom('a', 'b', '-', '.', ' ', '\n', '\u202e', ':'), minLength: 1, maxLength: 8 }).filter((s) => s !== '.' && s !== '..' && !s.includes('/')),
);
const entry: fc.Arbitrary<Entry> = fc
  .tuple(fc.constantFrom<Entry['kind']>('postmortem', 'link-file', 'link-outside', 'link-folder', 'folder', 'folder-mdx', 'hidden-mdx', 'hidden', 'shouting', 'markdown', 'other', 'pipe'), oddName)
  .map(([kind, name]) => ({ kind, name }));

describe('every entry of a generated postmortems/ is accounted for, and no link is followed', () => {
  const made: string[] = [];
  afterAll(() => {
    for (const dir of made) rmSync(dir, { recursive: true, force: true });
  });

  it('each entry is a postmortem read, or an issue naming it; nothing through a link is read', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'hindsight-outside-'));
    made.push(outside);
    writeFileSync(join(outside, 'secret.mdx'), VALID_SOURCE.replace('Search timed out.', 'OUTSIDE-SECRET'));
    mkdirSync(join(outside, 'dir'));
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(entry, { minLength: 1, maxLength: 6, selector: (e) => `${e.kind}${e.name}` }), async (entries) => {
        const root = tempKnowledgeBase({});
        made.push(root);
        const dir = join(root, 'postmortems');
        const names = new Map<string, Entry>();
        entries.forEach((e, i) => {
          const safe = e.name.replaceAll('/', '_');
          const name = {
            postmortem: `2026-06-11-ok-${i}.mdx`,
            'link-file': `2026-06-11-link-${i}.mdx`,
            'link-outside': `2026-06-11-out-${i}.mdx`,
            'link-folder': `linked-${i}`,
            folder: `${safe}-${i}`,
            'folder-mdx': `2026-06-11-folder-${i}.mdx`,
            'hidden-mdx': `.2026-06-11-hidden-${i}.mdx`,
            hidden: `.${safe}-${i}`,
            shouting: `2026-06-11-loud-${i}.MDX`,
            markdown: `2026-06-11-md-${i}.md`,
            other: `${safe}-${i}.txt`,
            pipe: `2026-06-11-pipe-${i}.mdx`,
          }[e.kind];
          names.set(name, e);
          const path = join(dir, name);
          const text = VALID_SOURCE.replace('search-shard-rebalance', `x${i}`);
          switch (e.kind) {
            case 'link-file':
              writeFileSync(join(root, `target-${i}.mdx`), text);
              symlinkSync(join(root, `target-${i}.mdx`), path);
              break;
            case 'link-outside':
              symlinkSync(join(outside, 'secret.mdx'), path);
              break;
            case 'link-folder':
              symlinkSync(join(outside, 'dir'), path);
              break;
            case 'folder':
            case 'folder-mdx':
              mkdirSync(path);
              writeFileSync(join(path, '2026-06-11-inside.mdx'), text);
              break;
            case 'pipe':
              execFileSync('mkfifo', [path]);
              break;
            default:
              writeFileSync(path, text);
          }
        });
        const kb = await readKnowledgeBase({ root, displayBase: root, render: false });
        const postmortems = [...names.values()].filter((e) => e.kind === 'postmortem').length;
        expect(kb.postmortems).toHaveLength(postmortems);
        for (const i of kb.issues) expect(`${i.file}${i.message}${i.fix}`, i.file).not.toMatch(/\p{Cc}|\u202e/u);
        expect(JSON.stringify(kb)).not.toContain('OUTSIDE-SECRET');
        // Every entry that is not a postmortem has exactly one issue of its own (the postmortems have none).
        const byFile = new Map<string, number>();
        for (const i of kb.issues) byFile.set(i.file, (byFile.get(i.file) ?? 0) + 1);
        expect(byFile.size, JSON.stringify(kb.issues.map((i) => `${i.rule} ${i.file}`))).toBe(entries.length - postmortems);
        for (const count of byFile.values()) expect(count).toBe(1);
      }),
      params(300),
    );
  }, 120_000);
});

/* ------------------------------------- what check accepts, the build renders (in-process) */

const body = fc.oneof(
  { weight: 3, arbitrary: fc.constant(BODY) },
  { weight: 2, arbitrary: nested.map((n) => `${BODY}\n${n.text}\n`) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...Object.keys(PLACES)), tag, marker).map(([p, t, m]) => `${BODY}\n${PLACES[p]!(t, m)}\n`) },
  { weight: 2, arbitrary: anyText(200, 2_000).map((t) => `${BODY}\n${t}\n`) },
  { weight: 1, arbitrary: fc.constantFrom(`${BODY}\n{1 + 1}\n`, `${BODY}\nA <Internal>note</Internal> here.\n`, `${BODY}\n<Internal>\n\nblock\n\n</Internal>\n`, `${BODY}\n\`{code}\` and \\{ and \\<\n`) },
);

describe('what check accepts, the build renders', () => {
  it('the read check does (no rendering) and the read the build does (rendering, either edition) find the same issues; an accepted file renders', () => {
    fc.assert(
      fc.property(fc.array(mutation, { maxLength: 2 }), body, fc.constantFrom<Edition>('internal', 'public'), (mutations, b, edition) => {
        const source = toSource(mutate(mutations).data, b);
        const checked = read(source, 'internal', false);
        const built = read(source, edition, true);
        expect(built.issues.map((i) => `${i.rule} ${i.field} ${i.line ?? ''}`)).toEqual(checked.issues.map((i) => `${i.rule} ${i.field} ${i.line ?? ''}`));
        if (!checked.issues.length) {
          expect(typeof built.postmortem?.html).toBe('string');
          expect(built.postmortem!.id).toBe(ID);
        }
      }),
      params(3_000),
    );
  }, 240_000);
});
