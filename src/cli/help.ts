/*
 * Every command's help, in a module of its own: `hindsight --help` loads this and nothing else
 * (main.ts imports a command's code only when it runs).
 */
const INCIDENT_TYPES_TEXT = 'outage | degradation | security | data-loss | near-miss | process | project';

export const HELP = `hindsight: write and check blameless postmortems

Usage:
  hindsight init [dir]                write a new knowledge-base repository from the starter
  hindsight new [options]             scaffold content/postmortems/<id>.mdx
  hindsight check [files…] [options]  validate postmortems and apply the quality policy
  hindsight import <files…> [options] turn Markdown postmortems into Hindsight drafts
  hindsight schema [--out <file>]     the frontmatter's JSON Schema, for an editor
  hindsight <command> --help          help for one command

Exit codes: 0 clean, 1 findings at error level, 2 usage or I/O error.
`;

export const CHECK_HELP = `hindsight check [files…] [options]

Validates postmortems exactly as the build does (schema, references, safe-MDX
subset) and applies the quality policy (blameless language, concrete action
items, 5 Whys depth, quantified impact, secrets and personal data, template
placeholders, sign-off, body sections) and reports overdue action items.
With no files, checks every postmortem. A file or folder is found from the
working directory or from the knowledge base; one that does not exist, or is
not a postmortem in it, is a usage error (exit 2).

Options:
  --root <dir>       knowledge-base folder (default: the project's \`content\` option, or $HINDSIGHT_CONTENT)
  --format <f>       human (default), github (GitHub Actions annotations), markdown
                     (a report for $GITHUB_STEP_SUMMARY, within its 1 MiB) or json
  --changed-since <ref>
                     only the postmortems changed since that git ref (committed since
                     the merge base, staged, unstaged or new), and those whose references
                     the change affects (a catalog entry, a removed postmortem)
  --strict           policy warnings become errors (exit 1)
  --today <date>     YYYY-MM-DD to judge overdue action items against (default: today, UTC)
  -h, --help         this help

Exit codes: 0 clean (warnings allowed), 1 findings at error level, 2 usage or I/O error.

Examples:
  npx hindsight check
  npx hindsight check content/postmortems/2025-05-22-parcel-db-primary-disk-failure.mdx --strict
  npx hindsight check --changed-since origin/main --format github   # a pull request's annotations
  npx hindsight check --format markdown >> "$GITHUB_STEP_SUMMARY"  # the whole report beside them
  npx hindsight check --format json > report.json
`;

export const NEW_HELP = `hindsight new [options]

Scaffolds content/postmortems/<YYYY-MM-DD-slug>.mdx with every field and
section in place, and comments that explain each one. In a terminal it asks
for what is not given as a flag: severity, type and root-cause category from
a list, services and teams from the catalogs (teams start as the owners of
the chosen services), each answer checked as you give it. Without a terminal,
every required answer must be a flag. A SEV3, a SEV4 or a near-miss gets a
light template (settings: quality.light). Never overwrites an existing file.

Options:
  --title <text>        one-line title (required)
  --start <datetime>    when the incident started, ISO 8601 with offset (default: now, UTC)
  --severity <id>       an id from severities.yml (required)
  --services <a,b>      ids from services.yml (required)
  --teams <a,b>         ids from teams.yml (default: the owners of the services)
  --type <type>         ${INCIDENT_TYPES_TEXT} (default: outage)
  --category <id>       root-cause category from taxonomy.yml (default: the first; confirm it later)
  --author <handle>     your handle (default: $USER)
  --commander <handle>  the incident commander (roles.commander; optional)
  --slug <slug>         file-name slug (default: from the title, at most 60 characters)
  --root <dir>          knowledge-base folder (default: the project's \`content\` option, or $HINDSIGHT_CONTENT)
  -h, --help            this help

Examples:
  npx hindsight new
  npx hindsight new --title "Route planner ran out of memory during the peak" \\
    --start 2026-11-28T06:40Z --severity SEV2 --services route-planner,dispatch-api \\
    --type outage --category capacity --author amara-o
  npx hindsight new --title "Fuel surcharge backfill nearly double-charged merchants" \\
    --start 2026-12-02T09:15+01:00 --severity SEV4 --services billing --type near-miss \\
    --category data-integrity --author lena-w
`;

export const IMPORT_HELP = `hindsight import <files or folders…> [options]

Turns existing Markdown postmortems into Hindsight drafts: the title, dates,
severity, duration, authors, status, summary, impact, timeline, root cause,
contributing factors, 5 Whys and action items are mapped from the common
template (headings, "Key: value" lines, tables or bullet lists) or from YAML
frontmatter; the original prose is kept in the body. Each draft is written to
content/postmortems/ as status: draft, never over an existing file, with
TODO where the author must still supply a value, so that \`check\` accepts it
with warnings. Prints, per file, what was mapped and what is missing.

Options:
  --root <dir>          knowledge-base folder (default: the project's \`content\` option, or $HINDSIGHT_CONTENT)
  --author <handle>     author when the document names none (default: $USER)
  --dry-run             print the report, write nothing
  -h, --help            this help

Examples:
  npx hindsight import old-postmortems/
  npx hindsight import wiki-export/2024-09-db-failover.md --author lena-w
`;

export const SCHEMA_HELP = `hindsight schema [options]

Prints the JSON Schema of a postmortem's frontmatter, with the project's own
fields (option \`fields\`), for an editor's YAML language server: completion
and errors while typing. The package ships the schema without custom fields
as schema/frontmatter.schema.json. docs/content-model.md ("Editor support")
shows how to associate it with content/postmortems/*.mdx.

Options:
  --out <file>     write it to a file instead of standard output
  --root <dir>     knowledge-base folder (default: the project's \`content\` option)
  -h, --help       this help

Examples:
  npx hindsight schema --out .vscode/hindsight-frontmatter.schema.json
`;
