/*
 * The options a team gives Hindsight: `hindsight({ … })` in astro.config.mjs, or the default export
 * of hindsight.config.mjs beside it. One zod schema, with the defaults and a JSDoc comment on every
 * option (what editors show on hover). It is validated once, by `resolveSettings`; the build, the
 * CLI and the tests all read the settings that come out of it.
 */
import { z } from 'zod';
import { LIGHT_SECTIONS } from '../lib/quality/config';
import { KEBAB } from '../schema/ids';
import { INCIDENT_TYPES } from '../schema/postmortem';

const wholeNumber = (min: number) => z.int({ error: 'must be a whole number' }).min(min, { error: `must be ${min} or more` });

/** A rule's setting: `off` skips it; `warning` and `error` set the level of its findings. */
const ruleSetting = z.enum(['off', 'warning', 'error']);

/** How much the long listing pages show at once. */
export const listingsOptions = z.strictObject({
  /** `/postmortems/` is paginated: this many per page, newest first (`/postmortems/2/`, …). Default 100. */
  pageSize: wholeNumber(1).default(100),
  /** `/actions/` lists this many action items, overdue first; every open item is also on its owner's and its team's page, and every item is in `/actions.csv`. Default 200. */
  actionRows: wholeNumber(1).default(200),
  /** `/patterns/` lists this many incidents and missed mechanisms per pattern, then says how many more there are. Default 10. */
  perPattern: wholeNumber(1).default(10),
  /** `/patterns/` shows this many explicit chains and this many implicit repeats in full, newest first; older ones get one row each. Default 25. */
  patternCards: wholeNumber(1).default(25),
});

/**
 * The exports other tools read. Each is bounded, so that no file of the site grows with the
 * knowledge base: the feed carries the newest postmortems only, and the JSON export is split into
 * files of a bounded size (see README, "JSON export").
 */
const feedOptions = z.strictObject({
  /** `/rss.xml` carries this many published postmortems, newest first. Default 50. */
  limit: wholeNumber(1).default(50),
});

const jsonExportOptions = z.strictObject({
  /**
   * Each file of the JSON export (`/api/postmortems/<year>.json`, then `<year>-2.json`, … when a
   * year has more) holds at most this many postmortems. Default 500 (about 2.5 MB of JSON). The
   * CSV files of every action item (`/actions/<year>.csv`) are cut the same way.
   */
  perFile: wholeNumber(1).default(500),
});

/** The quality policy (`hindsight check`, and the score on each page). */
const qualityOptions = z.strictObject({
  /**
   * Per rule: `off`, `warning` or `error`, keyed by rule id with or without the `quality/` prefix,
   * e.g. `{ 'follow-up-review': 'off', 'blameless-language': 'error' }`. Rule ids are listed in
   * CONTRIBUTING.md ("Quality rules"). `secrets-and-personal-data` is always an error for a public
   * postmortem.
   */
  rules: z.record(z.string(), ruleSetting).default({}),
  /** Severity ids whose postmortems need a `follow_up_review` date. Default `['SEV1', 'SEV2']`. */
  followUpReviewSeverities: z.array(z.string().min(1)).default(['SEV1', 'SEV2']),
  /** Severity ids whose published postmortems need `reviewers` and an `approved` date (rule `sign-off`). Default `['SEV1', 'SEV2']`. */
  signOffSeverities: z.array(z.string().min(1)).default(['SEV1', 'SEV2']),
  /**
   * Small incidents deserve a small document. A light postmortem gets a shorter template from
   * `hindsight new` and is expected to have only these body sections; its rule settings may differ.
   */
  light: z.strictObject({
    /** Severity ids written light. Default `['SEV3', 'SEV4']`. */
    severities: z.array(z.string().min(1)).default(['SEV3', 'SEV4']),
    /** Incident types written light, whatever the severity. Default `['near-miss']`. */
    incidentTypes: z.array(z.enum(INCIDENT_TYPES)).default(['near-miss']),
    /** The `## ` body sections a light postmortem has, in order. Default Summary, Customer impact, How we noticed, Root cause analysis, Lessons learned (a near-miss may leave out Customer impact). */
    sections: z.array(z.string().trim().min(1)).min(1, { error: 'needs at least one section' }).default([...LIGHT_SECTIONS]),
    /** Rule settings for light postmortems, over `rules`, e.g. `{ 'whys-depth': 'off' }`. */
    rules: z.record(z.string(), ruleSetting).default({}),
  }).prefault({}),
});

const FIELD_NAME = /^[a-z][a-z0-9_]*$/;

const fieldCommon = {
  /** Shown beside the value on the postmortem page; defaults to the field name. */
  label: z.string().min(1).optional(),
  /** What the field holds, for the field reference and editors. */
  description: z.string().optional(),
  /** A postmortem without it fails validation. Default false. */
  required: z.boolean().default(false),
};

/**
 * A frontmatter field a team adds to the content model (a region, a customer tier, a ticket epic).
 * It is validated like the built-in fields, shown on the postmortem page and written to the JSON
 * export under `fields`.
 */
const customField = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('string'), ...fieldCommon, /** Longest value accepted. Default 200. */ maxLength: wholeNumber(1).default(200) }),
  z.strictObject({ type: z.literal('number'), ...fieldCommon, /** Smallest value accepted. */ min: z.number().optional(), /** Largest value accepted. */ max: z.number().optional() }),
  z.strictObject({ type: z.literal('date'), ...fieldCommon }),
  z.strictObject({ type: z.literal('enum'), ...fieldCommon, /** The values the field may take. */ values: z.array(z.string().min(1)).min(1, { error: 'needs at least one value' }) }),
  z.strictObject({
    type: z.literal('ids'),
    ...fieldCommon,
    /** When given, every id must be one of these; otherwise any lowercase kebab-case id. */
    values: z.array(z.string().regex(KEBAB, { error: 'must be lowercase kebab-case ids' })).optional(),
  }),
], { error: 'needs a type: string, number, date, enum or ids' });

export type CustomField = z.output<typeof customField>;

/** Everything `hindsight({ … })` accepts. Every option is optional. */
export const hindsightOptions = z.strictObject({
  /** Site title, shown in the header, page titles and the feed. Default "Hindsight". */
  title: z.string().trim().min(1, { error: 'is empty' }).default('Hindsight'),
  /** Who the knowledge base belongs to, shown beside the title and in the footer. */
  organisation: z.string().trim().default(''),
  /** One sentence about the knowledge base, for the home page, search engines and the feed. */
  description: z.string().trim().default('Blameless postmortems: what happened, why the system allowed it, and what we changed.'),
  /** The knowledge-base folder (postmortems/ and the catalog YAML files), relative to the project root. Default `content`. */
  content: z.string().trim().min(1, { error: 'is empty' }).default('content'),
  /** Where the knowledge base's source lives: "Edit this postmortem" links are built from it. */
  repository: z.strictObject({
    /** The repository's web URL, e.g. `https://github.com/acme/postmortems`. Without it, pages have no edit link. */
    url: z.url({ protocol: /^https?$/, error: 'must be an http or https URL' }).optional(),
    /** The branch edits are proposed against. Default `main`. */
    branch: z.string().trim().min(1).default('main'),
    /** The knowledge-base folder inside the repository, when it differs from `content`. */
    contentDir: z.string().trim().min(1).optional(),
  }).prefault({}),
  /** Repeat-incident detection. */
  patterns: z.strictObject({
    /** Two published incidents sharing a service and a root-cause category within this many days form an implicit repeat. Default 180. */
    windowDays: wholeNumber(1).default(180),
  }).prefault({}),
  /** How much the long listing pages show at once. */
  listings: listingsOptions.prefault({}),
  /** The RSS feed. */
  feed: feedOptions.prefault({}),
  /** The JSON export under `/api/`. */
  jsonExport: jsonExportOptions.prefault({}),
  /** The quality policy. */
  quality: qualityOptions.prefault({}),
  /** Frontmatter fields the team adds, keyed by field name (lowercase, digits and `_`). */
  fields: z.record(z.string().regex(FIELD_NAME, { error: 'must be lowercase letters, digits and _ (e.g. customer_tier)' }), customField).default({}),
});

/** What a team writes (every option optional). */
export type HindsightUserConfig = z.input<typeof hindsightOptions>;
/** The options with every default applied. */
export type HindsightOptions = z.output<typeof hindsightOptions>;
export type ListingsOptions = z.output<typeof listingsOptions>;
