import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO, buildSite, readPage, readExport } from '../helpers/build';
import { copyOf, hindsight } from '../helpers/cli';
import { FIXTURES } from '../helpers/kb';

const BAD = join(FIXTURES, 'cli/bad');
const BASIC = join(FIXTURES, 'sites/basic/content');

describe('hindsight check', () => {
  it('finds the human-error root cause, the vague action and the e-mail address, each with a fix', () => {
    const r = hindsight(['check', '--root', BAD, '--today', '2026-11-21']);
    expect(r.code, r.stderr).toBe(0); // warnings only
    expect(r.stdout).toContain('2026-04-09-search-outage-blame.mdx');
    expect(r.stdout).toMatch(/root_cause\.summary:.*human error[\s\S]*?fix:/i);
    expect(r.stdout).toMatch(/action_items\[0\]\.title:[\s\S]*?fix:/);
    expect(r.stdout).toMatch(/body:.*e-mail[\s\S]*?fix:/i);
    expect(r.stdout).toMatch(/1 file checked: 0 errors, \d+ warnings\./);
  });

  it('fails under --strict', () => {
    const r = hindsight(['check', '--root', BAD, '--strict', '--today', '2026-11-21']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/[1-9]\d* errors?, 0 warnings\./);
  });

  it('gives line numbers for frontmatter and body findings', () => {
    const r = hindsight(['check', '--root', BAD, '--format', 'json', '--today', '2026-11-21']);
    const report = JSON.parse(r.stdout) as { issues: Array<{ rule: string; field: string; line?: number; message: string }> };
    const source = readFileSync(join(BAD, 'postmortems/2026-04-09-search-outage-blame.mdx'), 'utf8').split('\n');
    const human = report.issues.find((i) => i.field === 'root_cause.summary')!;
    expect(source[human.line! - 1]).toContain('human error');
    const email = report.issues.find((i) => i.field === 'body' && /mail/i.test(i.message))!;
    expect(source[email.line! - 1]).toContain('@fernhill-logistics.com');
  });

  it('writes GitHub Actions annotations with --format github', () => {
    const r = hindsight(['check', '--root', BAD, '--format', 'github', '--today', '2026-11-21']);
    const lines = r.stdout.split('\n').filter((l) => l.startsWith('::'));
    expect(lines.length).toBeGreaterThanOrEqual(3);
    for (const line of lines) expect(line).toMatch(/^::(warning|error) file=.*2026-04-09-search-outage-blame\.mdx(,line=\d+)?,title=[^:]+::.+Fix: .+/);
  });

  it('exits 1 on schema errors and names every broken file', () => {
    const root = copyOf(BASIC);
    const invalid = join(FIXTURES, 'rules/invalid');
    for (const n of ['2026-06-11-naive-time.mdx', '2026-06-11-unknown-team.mdx']) cpSync(join(invalid, n), join(root, 'postmortems', n));
    const r = hindsight(['check', '--root', root]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('2026-06-11-naive-time.mdx');
    expect(r.stdout).toContain('2026-06-11-unknown-team.mdx');
    expect(r.stdout).toContain('did you mean "discovery"?');
  });

  it('checks only the named files', () => {
    const root = copyOf(BASIC);
    cpSync(join(FIXTURES, 'rules/invalid/2026-06-11-naive-time.mdx'), join(root, 'postmortems/2026-06-11-naive-time.mdx'));
    const r = hindsight(['check', join(root, 'postmortems/2026-03-02-checkout-pool-exhaustion.mdx'), '--root', root]);
    expect(r.stdout).not.toContain('naive-time');
    expect(r.code).toBe(0);
  });

  it('exits 2 on usage and I/O errors', () => {
    expect(hindsight(['check', '--format', 'xml']).code).toBe(2);
    expect(hindsight(['check', '--nope']).code).toBe(2);
    expect(hindsight(['check', '--root', '/nonexistent/kb']).code).toBe(2);
    expect(hindsight(['frobnicate']).code).toBe(2);
  });

  it('has help with examples for each command', () => {
    for (const cmd of ['check', 'new', 'init']) {
      const r = hindsight([cmd, '--help']);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('Examples:');
    }
  });
});

describe('hindsight new', () => {
  const flags = ['--title', 'Checkout errors after a pool-size change', '--start', '2026-11-02T23:30-05:00', '--severity', 'SEV2', '--services', 'checkout-api,payments-db', '--teams', 'payments', '--type', 'outage', '--author', 'alex-kim', '--category', 'config-change'];

  it('writes a postmortem without a terminal that passes check and builds', async () => {
    const root = copyOf(BASIC);
    const r = hindsight(['new', '--root', root, ...flags]);
    expect(r.code, r.stderr).toBe(0);
    // 23:30 at -05:00 is 04:30 the next day in UTC: the id takes the UTC date.
    const file = join(root, 'postmortems/2026-11-03-checkout-errors-after-a-pool-size-change.mdx');
    expect(existsSync(file)).toBe(true);
    const text = readFileSync(file, 'utf8');
    for (const section of ['Summary', 'Customer impact', 'How we noticed', 'How we mitigated', 'Root cause analysis', 'What went well', 'What went poorly', 'Where we got lucky', 'Lessons learned']) {
      expect(text).toContain(`## ${section}`);
    }
    const check = hindsight(['check', file, '--root', root]);
    expect(check.code, check.stdout).toBe(0);
    const build = await buildSite({ content: root, env: { HINDSIGHT_PREVIEW: '1' } });
    expect(build.code, build.output).toBe(0);
    expect(existsSync(join(build.outDir, 'postmortems/2026-11-03-checkout-errors-after-a-pool-size-change/index.html'))).toBe(true);
    // The score is the writing's; the overdue item (due 2026-04-01) is counted beside it on the build date.
    const page = readPage(build.outDir, 'postmortems/2026-03-02-checkout-pool-exhaustion/');
    expect(page).toMatch(/<h2 id="quality">Writing quality: [\d.]+ \/ 5<\/h2>/);
    expect(page).toMatch(/<a class="badge overdue" href="#action-items">1 overdue action<\/a>/);
    expect(page).toContain('Follow-through</strong> as of 2026-11-21');
    const api = readExport<{ id: string; overdue_action_items: number }>(build.outDir);
    expect(api.postmortems.find((p) => p.id === '2026-03-02-checkout-pool-exhaustion')?.overdue_action_items).toBe(1);
  }, 180_000);

  it('records the incident commander given with --commander, in a file that passes check', () => {
    const root = copyOf(BASIC);
    const r = hindsight(['new', '--root', root, ...flags, '--commander', 'sam-t']);
    expect(r.code, r.stderr).toBe(0);
    const file = join(root, 'postmortems/2026-11-03-checkout-errors-after-a-pool-size-change.mdx');
    const frontmatter = readFileSync(file, 'utf8').split('\n---\n')[0]!;
    expect(frontmatter).toMatch(/^roles: .*\n {2}commander: "sam-t"$/m);
    expect(frontmatter).toMatch(/^ {4}control: engineering /m);
    const check = hindsight(['check', file, '--root', root]);
    expect(check.code, check.stdout).toBe(0);
  });

  it('refuses to overwrite', () => {
    const root = copyOf(BASIC);
    expect(hindsight(['new', '--root', root, ...flags]).code).toBe(0);
    const again = hindsight(['new', '--root', root, ...flags]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('already exists');
    expect(readdirSync(join(root, 'postmortems')).filter((f) => f.startsWith('2026-11-03'))).toHaveLength(1);
  });

  it('says which flags are missing without a terminal, and suggests known ids', () => {
    const root = copyOf(BASIC);
    const missing = hindsight(['new', '--root', root, '--title', 'x']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--severity');
    expect(missing.stderr).toContain('--services');
    const typo = hindsight(['new', '--root', root, ...flags.map((f) => (f === 'checkout-api,payments-db' ? 'checkout-apii' : f))]);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('did you mean "checkout-api"');
  });
});

describe('hindsight init', () => {
  const STARTER = join(REPO, 'starter');
  const own = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { version: string; peerDependencies: Record<string, string> };
  /** Every file of the starter as init writes it (gitignore is stored without its dot: npm drops .gitignore files from a package). */
  const expected = (readdirSync(STARTER, { recursive: true, withFileTypes: true }) as Array<{ isFile(): boolean; parentPath: string; name: string }>)
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(STARTER.length + 1).replace(/^gitignore$/, '.gitignore'))
    .sort();
  const written = (dir: string) => (readdirSync(dir, { recursive: true, withFileTypes: true }) as Array<{ isFile(): boolean; parentPath: string; name: string }>)
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .filter((path) => !path.startsWith('.git/'))
    .sort();
  const made: string[] = [];
  const temp = () => {
    const dir = mkdtempSync(join(tmpdir(), 'hindsight-init-'));
    made.push(dir);
    return dir;
  };
  afterAll(() => {
    for (const dir of made) rmSync(dir, { recursive: true, force: true });
  });

  it('writes the starter into a new folder, with this version of the package, and says what to do next', () => {
    const parent = temp();
    const r = hindsight(['init', 'Team Postmortems'], { cwd: parent });
    expect(r.code, r.stderr).toBe(0);
    const dir = join(parent, 'Team Postmortems');
    expect(written(dir)).toEqual(expected);
    expect(expected).toContain('.gitignore');
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name: string; dependencies: Record<string, string> };
    expect(manifest.name).toBe('team-postmortems');
    expect(manifest.dependencies).toEqual({ '@hindsight-coe/hindsight': `^${own.version}`, astro: own.peerDependencies.astro });
    expect(readFileSync(join(dir, 'content/postmortems', readdirSync(join(dir, 'content/postmortems'))[0]!), 'utf8')).toBe(
      readFileSync(join(STARTER, 'content/postmortems', readdirSync(join(STARTER, 'content/postmortems'))[0]!), 'utf8'),
    );
    expect(r.stdout).toContain(`Wrote ${expected.length} files of the Hindsight ${own.version} starter into Team Postmortems/.`);
    expect(r.stdout).toMatch(/cd "Team Postmortems"\n\s+git init\n\s+npm install/);
    expect(r.stdout).toContain('npx hindsight new');
  });

  it('writes a knowledge base that passes check --strict', () => {
    const parent = temp();
    expect(hindsight(['init', 'kb'], { cwd: parent }).code).toBe(0);
    const check = hindsight(['check', '--strict'], { cwd: join(parent, 'kb') });
    expect(check.code, check.stdout).toBe(0);
    expect(check.stdout).toMatch(/^\d+ files checked: 0 errors, 0 warnings\.$/m);
  });

  it('refuses a folder that is not empty, and writes nothing', () => {
    const dir = temp();
    writeFileSync(join(dir, 'notes.txt'), 'ours\n');
    const r = hindsight(['init', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/is not empty \(notes\.txt\); give a new or empty folder, or add --force/);
    expect(readdirSync(dir)).toEqual(['notes.txt']);
  });

  it('takes a folder that holds only .git, and skips "git init" in the next steps', () => {
    const dir = temp();
    mkdirSync(join(dir, '.git'));
    const r = hindsight(['init', '.'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('into this folder');
    expect(r.stdout).not.toContain('git init');
    expect(r.stdout).not.toContain('cd ');
    expect(written(dir)).toEqual(expected);
  });

  it('with --force, writes beside what is there and overwrites nothing, naming each file it kept', () => {
    const dir = temp();
    writeFileSync(join(dir, 'README.md'), '# Our own README\n');
    mkdirSync(join(dir, 'content'));
    writeFileSync(join(dir, 'content/services.yml'), '- id: our-service\n  name: Ours\n');
    const r = hindsight(['init', dir, '--force']);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(dir, 'README.md'), 'utf8')).toBe('# Our own README\n');
    expect(readFileSync(join(dir, 'content/services.yml'), 'utf8')).toBe('- id: our-service\n  name: Ours\n');
    expect(r.stdout).toContain(`Wrote ${expected.length - 2} files`);
    expect(r.stdout).toMatch(/Kept 2 files already there \(not overwritten[^\n]*\n {2}README\.md\n {2}content\/services\.yml\n/);
    expect(written(dir)).toEqual(expected);
  });

  it('says how to call it when given two folders', () => {
    const r = hindsight(['init', 'a', 'b'], { cwd: temp() });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('give one folder');
  });
});
