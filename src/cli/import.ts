import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { extname, join, relative, resolve } from 'node:path';
import { displayRelativeTo, readCatalogs, readPostmortem } from '../kb/read';
import { importMarkdown } from '../lib/import/markdown';
import { BODY_SECTIONS, isLight, resolveQualityConfig } from '../lib/quality';
import { parse, UsageError } from './io';
import { cliSettings } from './settings';

const MARKDOWN = new Set(['.md', '.markdown', '.txt']);

/** The Markdown files named on the command line; a folder stands for the Markdown files in it. */
function inputs(args: readonly string[]): string[] {
  const out: string[] = [];
  for (const arg of args) {
    const path = resolve(arg);
    if (!existsSync(path)) throw new UsageError(`${arg} does not exist`);
    if (statSync(path).isDirectory()) {
      const found = readdirSync(path).filter((n) => MARKDOWN.has(extname(n).toLowerCase())).sort().map((n) => join(path, n));
      if (!found.length) throw new UsageError(`${arg} holds no Markdown files (.md, .markdown)`);
      out.push(...found);
    } else out.push(path);
  }
  return out;
}

export async function runImport(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, {
    root: { type: 'string' },
    author: { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
  }, true);
  if (!positionals.length) throw new UsageError('name the Markdown files or folders to import');
  const files = inputs(positionals);
  const settings = await cliSettings({ root: values.root });
  const root = settings.content;
  const display = displayRelativeTo(process.cwd());
  const { catalog } = readCatalogs(root, display);
  if (!catalog.services.length || !catalog.severities.length || !catalog.categories.length) {
    throw new UsageError(`the knowledge base at ${display(root)} needs services.yml, severities.yml and taxonomy.yml with entries before postmortems can be imported into it`);
  }
  const quality = resolveQualityConfig(settings.quality);
  const author = values.author ?? process.env['USER'] ?? 'your-handle';
  const today = settings.today;
  let failed = 0;
  for (const file of files) {
    const result = importMarkdown(readFileSync(file, 'utf8'), {
      catalog,
      author,
      today,
      sections: (light) => (light ? quality.light.sections : BODY_SECTIONS),
      isLight: (severity, type) => isLight({ severity, incident_type: type }, quality.light),
    });
    const target = join(root, 'postmortems', `${result.id}.mdx`);
    const lines = [`${display(file)} → ${display(target)}`];
    // The draft goes through the reader the build uses: what it writes, `check` accepts.
    const read = readPostmortem(result.text, result.id, display(target), { edition: 'internal', render: false, fields: settings.fields });
    const errors = read.issues.filter((i) => i.level === 'error');
    lines.push(`  mapped (${result.mapped.length}): ${result.mapped.join(', ') || 'nothing'}`);
    if (result.guessed.length) lines.push(`  guessed, confirm (${result.guessed.length}): ${result.guessed.join('; ')}`);
    if (result.missing.length) lines.push(`  missing, marked TODO (${result.missing.length}): ${result.missing.join(', ')}`);
    for (const e of errors) lines.push(`  error: ${e.field ? `${e.field}: ` : ''}${e.message} (fix: ${e.fix})`);
    if (existsSync(target)) {
      lines.push(`  not written: ${display(target)} already exists (import never overwrites; rename or remove it first)`);
      failed++;
    } else if (!values['dry-run']) {
      await mkdir(join(root, 'postmortems'), { recursive: true });
      await writeFile(target, result.text, { flag: 'wx' });
      if (errors.length) failed++;
    }
    process.stdout.write(`${lines.join('\n')}\n\n`);
  }
  const written = values['dry-run'] ? 0 : files.length - failed;
  process.stdout.write(`${files.length} file${files.length === 1 ? '' : 's'} read, ${written} draft${written === 1 ? '' : 's'} written${values['dry-run'] ? ' (dry run)' : ''}. Next: fill in each TODO and confirm each guess, then run \`npx hindsight check ${relative(process.cwd(), join(root, 'postmortems')) || '.'}\`.\n`);
  return failed ? 1 : 0;
}
