import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { displayRelativeTo, readCatalogs } from '../kb/read';
import { isLight, resolveQualityConfig } from '../lib/quality';
import { suggestion } from '../lib/text/did-you-mean';
import { slugFromTitle } from '../lib/text/slug';
import type { Catalog } from '../schema/catalog';
import { instant, utcDate } from '../schema/datetime';
import { parseWithFriendlyErrors } from '../schema/friendly-errors';
import { handle, KEBAB } from '../schema/ids';
import { INCIDENT_TYPES, postmortemFields } from '../schema/postmortem';
import type { z } from 'zod';
import { parse, UsageError } from './io';
import { cliSettings } from './settings';
import { postmortemTemplate } from './template';

/** Most file systems allow 255 bytes in one file name. */
const MAX_FILE_NAME_BYTES = 255;

/**
 * An answer checked by the schema the build uses: undefined when valid, else what is wrong and the
 * fix, in the words `check` would use.
 */
function problemWith(schema: z.ZodType, value: unknown): string | undefined {
  const result = parseWithFriendlyErrors(schema, value, '');
  if (result.ok) return undefined;
  const [first] = result.issues;
  return first ? `${first.message}: ${first.fix}` : 'is not valid';
}

/** A title is one line: what a search result can show. */
const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

export const validate = {
  title: (v: string | undefined) => problemWith(postmortemFields.title, oneLine(v ?? '')),
  start: (v: string | undefined) => problemWith(instant, (v ?? '').trim()),
  author: (v: string | undefined) => problemWith(handle, (v ?? '').trim()),
};

function list(value: string | undefined): string[] {
  return (value ?? '').split(',').map((s) => s.trim()).filter(Boolean);
}

/** The owners of the chosen services: the teams a new postmortem starts with. */
function ownersOf(services: readonly string[], catalog: Catalog): string[] {
  const teams = new Set(catalog.teams.map((t) => t.id));
  return [...new Set(services.flatMap((id) => catalog.services.find((s) => s.id === id)?.team ?? []))].filter((t) => teams.has(t));
}

interface Answers {
  title: string;
  start: string;
  severity: string;
  services: string[];
  teams: string[];
  type: string;
  category: string;
  author: string;
  /** The incident commander (v1.1 roles), when one held the role. */
  commander?: string | undefined;
}

type Flags = Partial<Record<'title' | 'start' | 'severity' | 'services' | 'teams' | 'type' | 'author' | 'commander' | 'slug' | 'category' | 'root', string>>;

const nowUtc = () => {
  const now = new Date();
  now.setUTCSeconds(0, 0);
  return `${now.toISOString().slice(0, 16)}Z`;
};

/**
 * The answers given as flags, checked as the build would check them, every problem at once, before
 * anything is asked: a typo in a flag is not found after the author has answered everything else.
 */
function checkFlags(flags: Flags, catalog: Catalog): void {
  const problems: string[] = [];
  const add = (flag: string, problem: string | undefined) => problem && problems.push(`--${flag}: ${problem}`);
  if (flags.title !== undefined) add('title', validate.title(flags.title));
  if (flags.start !== undefined) add('start', validate.start(flags.start));
  if (flags.author !== undefined) add('author', validate.author(flags.author));
  if (flags.commander) add('commander', validate.author(flags.commander));
  if (flags.type !== undefined && !(INCIDENT_TYPES as readonly string[]).includes(flags.type)) {
    add('type', `"${flags.type}" is not an incident type; ${suggestion(flags.type, INCIDENT_TYPES, 'incident type')}`);
  }
  const ids = (flag: 'severity' | 'services' | 'teams' | 'category', given: string[], known: string[], what: string) => {
    for (const id of given) {
      if (!known.length || known.includes(id)) continue;
      // `sev2` for `SEV2`: the one id it must have meant.
      const sameLetters = known.find((k) => k.toLowerCase() === id.toLowerCase());
      add(flag, `${what} "${id}" is not in the catalog; ${sameLetters ? `did you mean "${sameLetters}"?` : suggestion(id, known, what)}`);
    }
  };
  if (flags.severity !== undefined) ids('severity', [flags.severity.trim()], catalog.severities.map((s) => s.id), 'severity');
  if (flags.services !== undefined) ids('services', list(flags.services), catalog.services.map((s) => s.id), 'service');
  if (flags.teams !== undefined) ids('teams', list(flags.teams), catalog.teams.map((t) => t.id), 'team');
  if (flags.category !== undefined) ids('category', [flags.category], catalog.categories.flatMap((c) => [c.id, ...(c.aliases ?? [])]), 'category');
  if (problems.length) throw new UsageError(problems.join('\n  '));
}

const firstCategory = (catalog: Catalog) => catalog.categories.find((c) => !c.deprecated)?.id ?? '';

/** Without a terminal: every required answer is a flag. */
function answersFromFlags(flags: Flags, catalog: Catalog): Answers {
  const missing = (['title', 'severity', 'services'] as const).filter((k) => !flags[k]?.trim()).map((k) => `--${k}`);
  if (missing.length) throw new UsageError(`missing ${missing.join(', ')}: without a terminal, give every answer as a flag`);
  const services = list(flags.services);
  return {
    title: oneLine(flags.title!),
    start: (flags.start ?? nowUtc()).trim(),
    severity: flags.severity!.trim(),
    services,
    teams: flags.teams === undefined ? ownersOf(services, catalog) : list(flags.teams),
    type: flags.type ?? 'outage',
    category: flags.category ?? firstCategory(catalog),
    author: (flags.author ?? process.env['USER'] ?? 'your-handle').trim(),
    commander: flags.commander?.trim() || undefined,
  };
}

/** Thrown when the author cancels (Ctrl-C, Escape): nothing is written. */
class Cancelled extends Error {}

/**
 * In a terminal: one question at a time with @clack/prompts, lists from the catalogs, and each
 * typed answer checked as it is given (a bad time is asked again with the reason, the text kept).
 */
async function answersFromPrompts(flags: Flags, catalog: Catalog): Promise<Answers> {
  const p = await import('@clack/prompts');
  const ask = async <T>(answer: Promise<T>): Promise<Exclude<T, symbol>> => {
    const value = await answer;
    if (p.isCancel(value)) throw new Cancelled();
    return value as Exclude<T, symbol>;
  };
  p.intro('New postmortem');
  const title = flags.title ?? (await ask(p.text({ message: 'Title: what customers or systems experienced, in one line', validate: validate.title })));
  const now = nowUtc();
  const start = flags.start ?? (await ask(p.text({
    message: 'When did it start? ISO 8601 with an offset (Z is UTC)',
    placeholder: now,
    defaultValue: now,
    validate: (v) => (v ? validate.start(v) : undefined),
  })));
  const severity = flags.severity ?? (await ask(p.select({
    message: 'Severity',
    options: catalog.severities.map((s) => ({ value: s.id, label: s.id, hint: s.name })),
  })));
  const type = flags.type ?? (await ask(p.select({
    message: 'Incident type',
    options: INCIDENT_TYPES.map((t) => ({ value: t, label: t, ...(t === 'near-miss' ? { hint: 'nothing reached customers' } : {}) })),
    initialValue: 'outage',
  })));
  const services = flags.services !== undefined ? list(flags.services) : await ask(p.autocompleteMultiselect({
    message: 'Services involved (type to search, Tab to select, Enter to confirm)',
    options: catalog.services.map((s) => ({ value: s.id, label: s.id, hint: s.name })),
    required: true,
  }));
  const teams = flags.teams !== undefined ? list(flags.teams) : await ask(p.autocompleteMultiselect({
    message: 'Teams (the owners of those services are selected)',
    options: catalog.teams.map((t) => ({ value: t.id, label: t.id, hint: t.name })),
    initialValues: ownersOf(services, catalog),
  }));
  const categories = catalog.categories.filter((c) => !c.deprecated);
  const category = flags.category ?? (await ask(p.autocomplete({
    message: 'Root-cause category, if known (you can change it later)',
    options: categories.map((c) => ({ value: c.id, label: c.id, hint: c.name })),
    ...(categories[0] ? { initialValue: firstCategory(catalog) } : {}),
  })));
  const user = process.env['USER'];
  const author = flags.author ?? (await ask(p.text({
    message: 'Your handle',
    ...(user ? { placeholder: user, defaultValue: user } : {}),
    validate: (v) => (v || user ? validate.author(v || user) : 'is empty: write your handle, e.g. alex-kim'),
  })));
  const commander = flags.commander ?? (await ask(p.text({
    message: 'Incident commander (a handle; leave empty if nobody held the role)',
    validate: (v) => (v ? validate.author(v) : undefined),
  })));
  return { title: oneLine(title), start: start.trim(), severity, services, teams, type, category, author: author.trim(), commander: commander?.trim() || undefined };
}

export async function runNew(argv: string[]): Promise<number> {
  const { values } = parse(argv, {
    title: { type: 'string' },
    start: { type: 'string' },
    severity: { type: 'string' },
    services: { type: 'string' },
    teams: { type: 'string' },
    type: { type: 'string' },
    author: { type: 'string' },
    commander: { type: 'string' },
    slug: { type: 'string' },
    category: { type: 'string' },
    root: { type: 'string' },
  });
  const settings = await cliSettings({ root: values.root });
  const root = settings.content;
  const { catalog } = readCatalogs(root, displayRelativeTo(process.cwd()));
  const interactive = Boolean(process.stdin.isTTY && process.stdout.isTTY);
  checkFlags(values, catalog);
  let answers: Answers;
  try {
    answers = interactive ? await answersFromPrompts(values, catalog) : answersFromFlags(values, catalog);
  } catch (error) {
    if (!(error instanceof Cancelled)) throw error;
    const { cancel } = await import('@clack/prompts');
    cancel('Cancelled: no postmortem was written.');
    return 130;
  }
  return write(answers, values.slug, root, settings);
}

async function write(a: Answers, slugFlag: string | undefined, root: string, settings: Awaited<ReturnType<typeof cliSettings>>): Promise<number> {
  const slug = slugFlag ?? slugFromTitle(a.title);
  if (!KEBAB.test(slug)) throw new UsageError(`--slug "${slug}" must be lowercase kebab-case`);
  const started = instant.parse(a.start);
  const id = `${utcDate(started)}-${slug}`;
  if (Buffer.byteLength(`${id}.mdx`) > MAX_FILE_NAME_BYTES) {
    throw new UsageError(`the file name ${id.slice(0, 40)}….mdx would be ${Buffer.byteLength(`${id}.mdx`)} bytes, and file systems allow ${MAX_FILE_NAME_BYTES}: choose a shorter --slug`);
  }
  const path = join(root, 'postmortems', `${id}.mdx`);
  if (existsSync(path)) {
    process.stderr.write(`hindsight: ${relative(process.cwd(), path)} already exists; not overwriting it. Choose another --slug.\n`);
    return 2;
  }
  const quality = resolveQualityConfig(settings.quality);
  const light = isLight({ severity: a.severity, incident_type: a.type }, quality.light);
  await mkdir(join(root, 'postmortems'), { recursive: true });
  try {
    await writeFile(path, postmortemTemplate({
      id, title: a.title, startedAt: a.start, startedDate: started, severity: a.severity, services: a.services, teams: a.teams,
      type: a.type, author: a.author, category: a.category, ...(light ? { lightSections: quality.light.sections } : {}), commander: a.commander,
    }), { flag: 'wx' });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENAMETOOLONG') throw new UsageError(`the file name ${id}.mdx is too long for this file system: choose a shorter --slug`);
    if (code === 'EEXIST') throw new UsageError(`${relative(process.cwd(), path)} already exists; not overwriting it. Choose another --slug.`);
    throw error;
  }
  const shown = relative(process.cwd(), path);
  process.stdout.write(`Created ${shown}${light ? ' (a light postmortem: fewer sections for a small incident)' : ''}\nNext: fill in every TODO (timeline, impact, root cause, 5 Whys, action items and the body), then run \`npx hindsight check ${shown}\`.\n`);
  return 0;
}
