import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LIMITS } from '../../../src/kb/limits';
import { readKnowledgeBase, readPostmortem } from '../../../src/kb/read';
import { renderSafeBody } from '../../../src/kb/safe-mdx';
import type { ContentIssue } from '../../../src/schema/issues';
import { tempKnowledgeBase } from '../../helpers/kb';

/*
 * Hostile and odd input, one family at a time (issue 12): each of these used to hang, crash, drop
 * a file without a word, or publish what it should not. The reader is what `hindsight check` and
 * the build both run, so what is asserted here holds for both (the parity property in
 * test/integration/hostile-builds.test.ts runs real builds on generated knowledge bases).
 */

const VALID = readFileSync(join(import.meta.dirname, '../../fixtures/rules/valid.mdx'), 'utf8');
const ID = '2026-06-11-search-shard-rebalance';
const NAME = `${ID}.mdx`;
const [, FRONT, BODY] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(VALID)!;

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

/** A knowledge base holding these postmortems (name → text). */
function kb(files: Record<string, string>): string {
  const root = tempKnowledgeBase({});
  roots.push(root);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(root, 'postmortems', name), text);
  return root;
}

const read = (root: string, extra: Partial<Parameters<typeof readKnowledgeBase>[0]> = {}) => readKnowledgeBase({ root, displayBase: root, render: true, ...extra });
const withFront = (front: string, body = BODY) => `---\n${front}\n---\n${body}`;
const withBody = (body: string) => withFront(FRONT!, body);
const rules = (issues: readonly ContentIssue[]) => issues.map((i) => `${i.rule} ${i.file}${i.field ? ` ${i.field}` : ''}`);
const one = (source: string, edition: 'internal' | 'public' = 'internal') => readPostmortem(source, ID, `postmortems/${NAME}`, { edition, render: true });

describe('deep nesting is an error naming the file and the line, before anything recursive runs', () => {
  const deepBodies: Array<[string, string]> = [
    ['block quotes', `${'>'.repeat(5_000)} x\n`],
    ['lists on one line', `${'- '.repeat(4_000)}x\n`],
    ['a staircase of lists', Array.from({ length: 80 }, (_, i) => `${' '.repeat(2 * i)}- x`).join('\n')],
    ['emphasis, across the lines of a paragraph', `${'*a\n'.repeat(2_000)}x${'\nb*'.repeat(2_000)}\n`],
    ['inline <Internal>', `A ${'<Internal>'.repeat(300)}x${'</Internal>'.repeat(300)}\n`],
    ['block <Internal>', `${'<Internal>\n\n'.repeat(2_000)}x\n\n${'</Internal>\n\n'.repeat(2_000)}`],
  ];

  it.each(deepBodies)('%s', async (_name, deep) => {
    // A second file with an ordinary error: before, the stack overflow ended the read and lost it.
    const root = kb({ [NAME]: withBody(`${BODY}\n${deep}`), '2026-06-12-other.mdx': withFront(FRONT!.replace(/^title: .*$/m, 'title: ""')) });
    const kbRead = await read(root);
    const nesting = kbRead.issues.find((i) => i.rule === 'limit/nesting');
    expect(nesting, JSON.stringify(kbRead.issues)).toMatchObject({ file: `postmortems/${NAME}`, field: 'body', level: 'error' });
    expect(nesting!.line).toBeGreaterThan(FRONT!.split('\n').length);
    expect(nesting!.message).toContain(`the limit is ${LIMITS.nesting}`);
    expect(rules(kbRead.issues)).toContain('schema/required postmortems/2026-06-12-other.mdx title');
  });

  it('gives the same answer in one thread and in worker threads', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 6; i++) files[`2026-06-1${i}-deep-${i}.mdx`] = withBody(`${BODY}\n${'> '.repeat(2_000 + 500 * i)}x\n`);
    const root = kb(files);
    const single = await read(root, { threads: 1 });
    const parallel = await read(root, { threads: 2 });
    expect(rules(parallel.issues).sort()).toEqual(rules(single.issues).sort());
    expect(single.issues.filter((i) => i.rule === 'limit/nesting')).toHaveLength(6);
  });

  it('nesting at the limit is accepted', () => {
    const atLimit = `${'> '.repeat(LIMITS.nesting)}x\n`;
    expect(one(withBody(`${BODY}\n${atLimit}`)).issues).toEqual([]);
    const over = `${'> '.repeat(LIMITS.nesting + 1)}x\n`;
    expect(one(withBody(`${BODY}\n${over}`)).issues.map((i) => i.rule)).toEqual(['limit/nesting']);
  });

  it('frontmatter and catalogs nest no deeper than the limit either', async () => {
    const flow = one(withFront(`${FRONT}\nextra: ${'['.repeat(2_000)}\n${']'.repeat(2_000)}`));
    expect(flow.issues.map((i) => `${i.rule}:${i.line}`)).toEqual([`limit/nesting:${FRONT!.split('\n').length + 2}`]);
    const block = one(withFront(`${FRONT}\nextra:\n${Array.from({ length: 40 }, (_, i) => `${' '.repeat(i + 1)}- `).join('\n')}x`));
    expect(block.issues.map((i) => i.rule)).toEqual(['limit/nesting']);
    const root = kb({ [NAME]: VALID });
    writeFileSync(join(root, 'teams.yml'), `- id: discovery\n  name: ${'['.repeat(100)}${']'.repeat(100)}\n`);
    expect(rules((await read(root)).issues)).toContain('limit/nesting teams.yml');
  });
});

describe('limits on size, line length and timeline length', () => {
  it('a file over the size limit is refused before it is read', async () => {
    const big = withBody(`${BODY}\n${'A paragraph of ordinary prose, repeated.\n\n'.repeat(4_000)}`);
    expect(Buffer.byteLength(big)).toBeGreaterThan(LIMITS.fileBytes);
    const issues = (await read(kb({ [NAME]: big }))).issues;
    expect(issues.map((i) => i.rule)).toEqual(['limit/file-size']);
    expect(issues[0]!.message).toMatch(/^is \d+(\.\d)? KB; a postmortem file may be at most 128 KB$/);
  });

  it('a line over the limit is reported at its line, and nothing is parsed', () => {
    const source = withBody(`${BODY}\nshort\n${'word '.repeat(2_100)}\n`);
    const issues = one(source).issues;
    expect(issues.map((i) => `${i.rule}:${i.line}`)).toEqual([`limit/line-length:${source.split('\n').length - 1}`]);
    expect(issues[0]!.message).toContain('a line may be at most 10,000');
  });

  it('a timeline over the limit is an error at timeline, and one at the limit is accepted', () => {
    const events = (n: number) => Array.from({ length: n }, (_, i) => `  - at: 2026-06-11T08:${String(Math.floor(i / 60) % 60).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}Z\n    event: Event ${i}`).join('\n');
    const front = (n: number) => FRONT!.replace(/timeline:\n[\s\S]*?\nimpact:/, `timeline:\n  - at: 2026-06-11T08:00Z\n    kind: started\n    event: Began\n  - at: 2026-06-11T08:00Z\n    kind: detected\n    event: Seen\n${events(n - 3)}\n  - at: 2026-06-11T09:00Z\n    kind: resolved\n    event: Over\nimpact:`);
    expect(one(withFront(front(LIMITS.timelineEvents))).issues).toEqual([]);
    const over = one(withFront(front(LIMITS.timelineEvents + 1))).issues;
    expect(over.map((i) => `${i.rule} ${i.field}`)).toEqual(['limit/timeline timeline']);
    expect(over[0]!.message).toBe(`has ${LIMITS.timelineEvents + 1} events; a timeline may have at most ${LIMITS.timelineEvents}`);
  });
});

describe('symbolic links are never followed', () => {
  const SECRET = 'root:x:0:0:SECRET-OUTSIDE-THE-REPOSITORY';
  const outside = () => {
    const dir = mkdtempSync(join(tmpdir(), 'hindsight-outside-'));
    roots.push(dir);
    writeFileSync(join(dir, 'passwd'), `${SECRET}\n- id: ${'x'.repeat(300)}\n`);
    return dir;
  };

  it('a catalog file that is a link is an error, and nothing of its target is printed', async () => {
    const root = kb({ [NAME]: VALID });
    rmSync(join(root, 'teams.yml'));
    symlinkSync(join(outside(), 'passwd'), join(root, 'teams.yml'));
    const { issues } = await read(root);
    expect(rules(issues)).toContain('file/symlink teams.yml');
    expect(JSON.stringify(issues)).not.toContain('SECRET');
  });

  it('postmortems/ as a link is an error, and nothing in it is published', async () => {
    const elsewhere = outside();
    mkdirSync(join(elsewhere, 'pm'));
    writeFileSync(join(elsewhere, 'pm', NAME), VALID);
    const root = kb({});
    rmSync(join(root, 'postmortems'), { recursive: true });
    symlinkSync(join(elsewhere, 'pm'), join(root, 'postmortems'));
    const result = await read(root);
    expect(rules(result.issues)).toEqual(['file/symlink postmortems']);
    expect(result.postmortems).toEqual([]);
  });

  it('a postmortem that is a link is an error naming it', async () => {
    const elsewhere = outside();
    writeFileSync(join(elsewhere, NAME), VALID);
    const root = kb({});
    symlinkSync(join(elsewhere, NAME), join(root, 'postmortems', NAME));
    const result = await read(root);
    expect(rules(result.issues)).toEqual([`file/symlink postmortems/${NAME}`]);
    expect(result.postmortems).toEqual([]);
  });
});

describe('every entry in postmortems/ is accounted for', () => {
  it('subfolders, folders named like postmortems, hidden files, other cases of .mdx and pipes are errors; other files are warnings', async () => {
    const root = kb({ [NAME]: VALID, '.2026-06-12-hidden.mdx': VALID, '2026-06-13-shouting.MDX': VALID, '2026-06-14-markdown.md': VALID, 'notes.txt': 'x', '.gitkeep': '' });
    mkdirSync(join(root, 'postmortems', '2026'));
    writeFileSync(join(root, 'postmortems', '2026', '2026-06-15-nested.mdx'), VALID);
    mkdirSync(join(root, 'postmortems', '2026-06-16-a-folder.mdx'));
    execFileSync('mkfifo', [join(root, 'postmortems', '2026-06-17-pipe.mdx')]);
    const { issues, postmortems } = await read(root);
    expect(postmortems.map((p) => p.id)).toEqual([ID]);
    const seen = issues.map((i) => `${i.level} ${i.rule} ${i.file}`).sort();
    expect(seen).toEqual([
      'error file/extension postmortems/"2026-06-13-shouting.MDX"',
      'error file/extension postmortems/"2026-06-14-markdown.md"',
      'error file/folder postmortems/"2026"',
      'error file/folder postmortems/2026-06-16-a-folder.mdx',
      'error file/hidden postmortems/".2026-06-12-hidden.mdx"',
      'error file/type postmortems/2026-06-17-pipe.mdx',
      'warning file/extension postmortems/"notes.txt"',
      'warning file/hidden postmortems/".gitkeep"',
    ].sort());
    for (const i of issues) expect(i.fix.length, i.rule).toBeGreaterThan(10);
    expect(issues.find((i) => i.file.endsWith('.MDX"'))!.fix).toBe('rename it to 2026-06-13-shouting.mdx');
  });

  it('a file name that is not a postmortem id never reaches a message unescaped', async () => {
    const name = '2026-06-11-x\n::error file=x::pwned\u202e.mdx';
    const root = kb({ [name]: VALID });
    const { issues } = await read(root);
    expect(issues.length).toBeGreaterThan(0);
    for (const i of issues) {
      const text = `${i.file} ${i.message} ${i.fix}`;
      expect(text, text).not.toMatch(/[\n\r\u202e]/);
    }
    expect(issues.map((i) => i.file)).toContain('postmortems/"2026-06-11-x\\n::error file=x::pwned\\u{202e}.mdx"');
  });
});

describe('text that is text', () => {
  const title = (value: string) => withFront(FRONT!.replace(/^title: .*$/m, `title: ${value}`));

  it.each([
    ['a control character', '"Search timed out\\a after a rebalance"', 'text/control-character'],
    ['a NUL', '"Search\\0 timed out"', 'text/control-character'],
    ['a C1 control', '"Search\\x85 timed out"', 'text/control-character'],
    ['half a surrogate pair', '"Search \\ud800 timed out"', 'text/encoding'],
    ['only a zero-width space', '"\\u200b"', 'text/invisible'],
    ['only invisible fillers', '"\\u3164\\u2800\\ufeff"', 'text/invisible'],
  ])('a title with %s is an error at title', (_name, value, rule) => {
    const { issues, postmortem } = one(title(value));
    expect(issues.map((i) => `${i.rule} ${i.field}`)).toContain(`${rule} title`);
    expect(issues.find((i) => i.rule === rule)!.line).toBe(2);
    expect(postmortem).toBeUndefined();
  });

  it('deep fields and catalog entries are checked too', async () => {
    expect(one(withFront(FRONT!.replace('event: Search p99 latency alarm fired', 'event: "Search p99\\e latency alarm fired"'))).issues.map((i) => `${i.rule} ${i.field}`)).toEqual(['text/control-character timeline[1].event']);
    const root = kb({ [NAME]: VALID });
    writeFileSync(join(root, 'teams.yml'), '- id: discovery\n  name: "Disco\\u0007very"\n- id: payments\n  name: "\\u200b\\u200b"\n');
    expect(rules((await read(root)).issues)).toEqual(expect.arrayContaining(['text/control-character teams.yml [0].name', 'text/invisible teams.yml [1].name']));
  });

  it('a body with a control character is refused at its line', () => {
    const source = withBody(`${BODY}\nA line with a bell \u0007 in it.\n`);
    const issues = one(source).issues;
    expect(issues.map((i) => `${i.rule} ${i.field}:${i.line}`)).toEqual([`text/control-character body:${source.split('\n').length - 1}`]);
  });

  it('messages quote a received value briefly and escaped, never whole', () => {
    const long = `${'a'.repeat(5_000)}\u0007`;
    const { issues } = one(withFront(FRONT!.replace('severity: SEV3', `severity: SEV3\nauthors: ["${long}"]`).replace('authors: [mo-l]\n', '')));
    expect(issues.length).toBeGreaterThan(0);
    for (const i of issues) expect(i.message.length, i.message.slice(0, 80)).toBeLessThan(200);
  });
});

describe('<Internal> only where it works', () => {
  const placements: Array<[string, string]> = [
    ['a link title', 'See [the runbook](https://x.example/rb "<Internal>db-7 password reset</Internal>").'],
    ['a link address', 'See [the runbook](<Internal>).'],
    ['an image title', '![chart](chart.png "<Internal>pg-parcel-02</Internal>")'],
    ['a reference definition title', 'See [the runbook][rb].\n\n[rb]: https://x.example/rb "<Internal>pg-parcel-02</Internal>"'],
  ];
  it.each(placements)('in %s it is an error, in both editions', (_name, line) => {
    for (const edition of ['internal', 'public'] as const) {
      const out = renderSafeBody(`${BODY}\n${line}\n`, { file: 'f.mdx', bodyLine: 20, edition });
      expect(out.issues.map((i) => i.rule), edition).toEqual(['mdx/internal-placement']);
      expect(out.issues[0]!.fix).toContain('its own block');
      expect(out.html).toBeUndefined();
    }
  });

  it('in alt text it is an error, in both editions', () => {
    for (const edition of ['internal', 'public'] as const) {
      const out = renderSafeBody(`${BODY}\n![chart <Internal>pg-parcel-02</Internal>](chart.png)\n`, { file: 'f.mdx', bodyLine: 20, edition });
      expect(out.issues.map((i) => i.rule)).toEqual(['mdx/component']);
    }
  });

  it('in any frontmatter string it is an error: frontmatter is published as written', () => {
    for (const edition of ['internal', 'public'] as const) {
      const { issues } = one(withFront(FRONT!.replace(/^summary: (.*)$/m, 'summary: "$1 <Internal>Host pg-parcel-02.</Internal>"')), edition);
      expect(issues.map((i) => `${i.rule} ${i.field}`)).toEqual(['mdx/internal-placement summary']);
    }
  });

  it('a definition written inside <Internal> goes with it: a reference outside does not resolve to its address', () => {
    const body = `${BODY}\nSee [the console][c].\n\n<Internal>\n\n[c]: https://admin.internal.example/console\n\n</Internal>\n`;
    const pub = renderSafeBody(body, { file: 'f.mdx', bodyLine: 20, edition: 'public' });
    expect(pub.issues).toEqual([]);
    expect(pub.html).not.toContain('admin.internal.example');
    expect(renderSafeBody(body, { file: 'f.mdx', bodyLine: 20, edition: 'internal' }).html).toContain('admin.internal.example');
  });
});

describe('recurrence_of cycles', () => {
  it('are an error on every file of the cycle, naming the files', async () => {
    const as = (id: string, recurs: string) => [`${id}.mdx`, withFront(`${FRONT}\nrecurrence_of: ${recurs}`).replace(/2026-06-11T/g, `${id.slice(0, 10)}T`)] as const;
    const a = '2026-06-11-first', b = '2026-06-12-second', c = '2026-06-13-third';
    const root = kb(Object.fromEntries([as(a, c), as(b, a), as(c, b), [`${ID}.mdx`, VALID]]));
    const { issues } = await read(root);
    const cycle = issues.filter((i) => i.rule === 'reference/recurrence-cycle');
    expect(cycle.map((i) => `${i.file} ${i.field}`).sort()).toEqual([a, b, c].map((id) => `postmortems/${id}.mdx recurrence_of`));
    for (const i of cycle) for (const id of [a, b, c]) expect(i.message).toContain(`postmortems/${id}.mdx`);
    expect(issues.filter((i) => i.rule !== 'reference/recurrence-cycle')).toEqual([]);
  });
});
