import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { parse as parseYaml } from 'yaml';
import { CATALOG_FILES } from '../kb/read';
import { closestIds } from '../lib/text/did-you-mean';
import { parseInstant, utcDate } from '../schema/datetime';
import { KEBAB } from '../schema/ids';
import { INCIDENT_TYPES } from '../schema/postmortem';
import { parse, UsageError } from './io';
import { cliSettings } from './settings';
import { postmortemTemplate } from './template';

export const NEW_HELP = `hindsight new [options]

Scaffolds content/postmortems/<YYYY-MM-DD-slug>.mdx with every field and
section in place, and comments that explain each one. Asks for what is not
given as a flag when run in a terminal; without a terminal, every required
answer must be a flag. Never overwrites an existing file.

Options:
  --title <text>        one-line title (required)
  --start <datetime>    when the incident started, ISO 8601 with offset (default: now, UTC)
  --severity <id>       an id from severities.yml (required)
  --services <a,b>      ids from services.yml (required)
  --teams <a,b>         ids from teams.yml
  --type <type>         ${INCIDENT_TYPES.join(' | ')} (default: outage)
  --category <id>       root-cause category from taxonomy.yml (default: the first; confirm it later)
  --author <handle>     your handle (default: $USER)
  --slug <slug>         file-name slug (default: from the title)
  --root <dir>          knowledge-base folder (default: the project's \`content\` option, or $HINDSIGHT_CONTENT)
  -h, --help            this help

Examples:
  npx hindsight new
  npx hindsight new --title "Checkout errors after a pool-size change" \\
    --start 2026-03-02T14:05Z --severity SEV2 --services checkout-api,payments-db \\
    --teams payments --type outage --author alex-kim
`;

interface Catalogs {
  severities: string[];
  services: string[];
  teams: string[];
  categories: string[];
}

async function readIds(root: string, file: string): Promise<string[]> {
  try {
    const list = parseYaml(await readFile(join(root, file), 'utf8'), { version: '1.2' }) as unknown;
    return Array.isArray(list) ? list.map((x) => String((x as { id?: unknown }).id)).filter((x) => x !== 'undefined') : [];
  } catch {
    return [];
  }
}

export function slugify(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .split('-')
    .slice(0, 7)
    .join('-') || 'incident';
}

function list(value: string | undefined): string[] {
  return (value ?? '').split(',').map((s) => s.trim()).filter(Boolean);
}

function checkIds(what: string, ids: string[], known: string[]): void {
  if (!known.length) return;
  for (const id of ids) {
    if (!known.includes(id)) {
      const close = closestIds(id, known, 2);
      throw new UsageError(`${what} "${id}" is not in the catalog${close.length ? `; did you mean ${close.map((c) => `"${c}"`).join(' or ')}?` : `; known: ${known.join(', ')}`}`);
    }
  }
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
    slug: { type: 'string' },
    category: { type: 'string' },
    root: { type: 'string' },
  });
  const root = (await cliSettings({ root: values.root })).content;
  const catalogs: Catalogs = {
    severities: await readIds(root, CATALOG_FILES.severities),
    services: await readIds(root, CATALOG_FILES.services),
    teams: await readIds(root, CATALOG_FILES.teams),
    categories: await readIds(root, CATALOG_FILES.categories),
  };
  const interactive = Boolean(process.stdin.isTTY && process.stdout.isTTY);
  const rl = interactive ? createInterface({ input: process.stdin, output: process.stdout }) : undefined;
  const ask = async (question: string, fallback?: string): Promise<string> => {
    if (!rl) return fallback ?? '';
    const answer = (await rl.question(`${question}${fallback ? ` [${fallback}]` : ''}: `)).trim();
    return answer || fallback || '';
  };
  try {
    const missing: string[] = [];
    const title = values.title ?? (await ask('Title (one line: what customers or systems experienced)'));
    if (!title.trim()) missing.push('--title');
    const now = new Date();
    now.setUTCSeconds(0, 0);
    const startText = values.start ?? (await ask('Start time, ISO 8601 with offset', now.toISOString().slice(0, 16) + 'Z'));
    const severity = values.severity ?? (await ask(`Severity (${catalogs.severities.join(', ')})`));
    if (!severity) missing.push('--severity');
    const services = list(values.services ?? (await ask(`Services, comma-separated (${catalogs.services.join(', ')})`)));
    if (!services.length) missing.push('--services');
    const teams = list(values.teams ?? (await ask(`Teams, comma-separated (${catalogs.teams.join(', ')})`, '')));
    const type = values.type ?? (await ask(`Incident type (${INCIDENT_TYPES.join(', ')})`, 'outage'));
    const category = values.category ?? (await ask(`Root-cause category, if known (${catalogs.categories.join(', ')})`, catalogs.categories[0] ?? ''));
    const author = values.author ?? (await ask('Your handle', process.env.USER ?? 'your-handle'));
    if (missing.length) {
      throw new UsageError(`missing ${missing.join(', ')}: without a terminal, give every answer as a flag`);
    }

    const parsed = parseInstant(startText || now.toISOString().slice(0, 16) + 'Z');
    if (!parsed.ok) throw new UsageError(`--start: ${parsed.message}; ${parsed.fix}`);
    checkIds('severity', [severity], catalogs.severities);
    checkIds('service', services, catalogs.services);
    checkIds('team', teams, catalogs.teams);
    checkIds('category', [category], catalogs.categories);
    if (!(INCIDENT_TYPES as readonly string[]).includes(type)) throw new UsageError(`--type must be one of ${INCIDENT_TYPES.join(', ')}`);
    const slug = values.slug ?? slugify(title);
    if (!KEBAB.test(slug)) throw new UsageError(`--slug "${slug}" must be lowercase kebab-case`);
    const handle = slugify(author || 'your-handle');

    const id = `${utcDate(parsed.date)}-${slug}`;
    const path = join(root, 'postmortems', `${id}.mdx`);
    if (existsSync(path)) {
      process.stderr.write(`hindsight: ${relative(process.cwd(), path)} already exists; not overwriting it. Choose another --slug.\n`);
      return 2;
    }
    await mkdir(join(root, 'postmortems'), { recursive: true });
    const at = startText && startText.trim() ? startText.trim() : parsed.date.toISOString().slice(0, 16) + 'Z';
    await writeFile(path, postmortemTemplate({ id, title: title.trim(), startedAt: at, startedDate: parsed.date, severity, services, teams, type, author: handle, category }), { flag: 'wx' });
    process.stdout.write(`Created ${relative(process.cwd(), path)}\nNext: fill in the timeline, impact, root cause, 5 Whys and action items, then run \`npx hindsight check ${relative(process.cwd(), path)}\`.\n`);
    return 0;
  } finally {
    rl?.close();
  }
}
