import { withFix } from './issues';
import { z } from 'zod';
import { actionItem } from './action-item';
import { contributingFactor, rootCause, why } from './analysis';
import { calendarDate, utcDate } from './datetime';
import { catalogId, handle, postmortemId, tag } from './ids';
import { impact } from './impact';
import { incidentRoles } from './roles';
import { timeline, type Milestone } from './timeline-event';
import { customFieldShape } from './custom-fields';
import type { CustomField } from '../config/options';

const STATUSES = ['draft', 'in-review', 'published'] as const;
const VISIBILITIES = ['internal', 'public'] as const;
export const INCIDENT_TYPES = ['outage', 'degradation', 'security', 'data-loss', 'near-miss', 'process', 'project'] as const;
const DETECTIONS = ['alert', 'customer-report', 'internal-discovery', 'third-party', 'other'] as const;
export type Status = (typeof STATUSES)[number];

/** Milestones a published postmortem must have: without them TTD and TTR cannot be computed. */
export const REQUIRED_FOR_PUBLISHED: readonly Milestone[] = ['started', 'detected', 'resolved'];

const nonEmptyList = <T extends z.ZodType>(item: T, what: string, fix: string) =>
  z.array(item, { error: `must be a list of ${what}` }).min(1, { error: withFix(`needs at least one ${what}`, fix, 'schema/required') });

/**
 * The fields of one postmortem's frontmatter, as content-model.md defines them.
 * Unknown keys are errors (with a did-you-mean) so that a typo such as
 * `sevrity:` is not silently ignored.
 */
const postmortemShape = z
  .strictObject({
    /** What happened, in one line a search result can show. */
    title: z.string({ error: 'must be a one-line title' }).trim().min(1, { error: withFix('is empty', 'write a one-line title', 'schema/required') }).max(200, {
      error: withFix('is longer than 200 characters', 'shorten the title; put detail in summary', 'schema/length'),
    }),
    /** 1–3 sentences, at most 400 characters; shown in lists, search results and feeds. */
    summary: z.string({ error: 'must be 1–3 sentences' }).trim().min(1, { error: withFix('is empty', 'write 1–3 sentences', 'schema/required') }).max(400, {
      error: (issue) => withFix(`is ${String((issue.input as string | undefined)?.length ?? 'over 400')} characters; the limit is 400`, 'shorten the summary to 1–3 sentences; detail belongs in the body', 'schema/length'),
    }),
    status: z.enum(STATUSES),
    /** An id from severities.yml. */
    severity: z.string({ error: 'must be a severity id from severities.yml' }).trim().min(1, { error: withFix('is empty', 'write a severity id from severities.yml, e.g. SEV2', 'schema/required') }),
    /** `internal` (default) or `public`: public postmortems appear in the public edition. */
    visibility: z.enum(VISIBILITIES).default('internal'),
    incident_type: z.enum(INCIDENT_TYPES),
    detection: z.enum(DETECTIONS),
    authors: nonEmptyList(handle, 'author', 'add authors: [your-handle]'),
    reviewers: z.array(handle).optional(),
    /** Date the reviewers signed off. */
    approved: calendarDate.optional(),
    /** Ids from services.yml. */
    services: nonEmptyList(catalogId, 'service', 'add services: [service-id] with ids from services.yml'),
    /** Ids from teams.yml. */
    teams: z.array(catalogId).optional(),
    tags: z.array(tag).optional(),
    timeline,
    impact,
    root_cause: rootCause,
    contributing_factors: z.array(contributingFactor).optional(),
    five_whys: z.array(why).optional(),
    action_items: z.array(actionItem).default([]),
    /** Ids of other postmortems. */
    related: z.array(postmortemId).optional(),
    /** This incident repeats that one. */
    recurrence_of: postmortemId.optional(),
    /** Date of the 30/60-day review of the action items. */
    follow_up_review: calendarDate.optional(),
    /** (v1.1) The date the follow-up review actually took place; until it is set, the review is due or overdue. */
    follow_up_held: calendarDate.optional(),
    /** (v1.1) Who held the incident's roles: handles of people or rotations. */
    roles: incidentRoles.optional(),
  });

/** Rules across fields; they run even when a field failed its own check, so that every error is reported in one run. */
function crossFieldRules(pm: z.output<typeof postmortemShape>, ctx: z.RefinementCtx): void {
  // Runs even when the type check failed (`when` below): the frontmatter may be null, a string, a list…
  if (typeof pm !== 'object' || pm === null) return;
  const events = Array.isArray(pm.timeline) ? pm.timeline : [];
  const kinds = new Set(events.map((e) => e?.kind).filter(Boolean));
  if (pm.status === 'published') {
    const missing = REQUIRED_FOR_PUBLISHED.filter((k) => !kinds.has(k));
    if (missing.length && events.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['timeline'],
        message: `a published postmortem needs the milestones ${REQUIRED_FOR_PUBLISHED.join(', ')}; missing: ${missing.join(', ')}`,
        params: { fix: `mark the events with kind: ${missing.join(' / kind: ')}, or set status: in-review until they are known`, rule: 'timeline/required-milestones' },
      });
    }
  }
  const started = events.find((e) => e?.kind === 'started')?.at;
  if (started instanceof Date && Array.isArray(pm.action_items)) {
    const startDay = utcDate(started);
    pm.action_items.forEach((item, i) => {
      if (typeof item?.completed === 'string' && item.completed < startDay) {
        ctx.addIssue({
          code: 'custom',
          path: ['action_items', i, 'completed'],
          message: `${item.completed} is before the incident started (${startDay})`,
          params: { fix: 'an action item cannot be completed before the incident; correct the date', rule: 'action/completed-before-start' },
        });
      }
    });
  }
  // Only a well-formed date is compared: a malformed one already has its own error.
  if (started instanceof Date && typeof pm.follow_up_held === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(pm.follow_up_held) && pm.follow_up_held < utcDate(started)) {
    ctx.addIssue({
      code: 'custom',
      path: ['follow_up_held'],
      message: `${pm.follow_up_held} is before the incident started (${utcDate(started)})`,
      params: { fix: 'a follow-up review cannot be held before the incident; correct the date', rule: 'followup/held-before-start' },
    });
  }
}

/** Frontmatter of one postmortem, with the content model's fields only. */
export const postmortemFrontmatter = postmortemShape.superRefine(crossFieldRules, { when: () => true });

const withCustomFields = new Map<string, z.ZodType<PostmortemFrontmatter>>();

/**
 * The frontmatter schema with a team's own fields (settings.fields) added beside the built-in
 * ones, validated the same way. Built once per set of fields.
 */
export function postmortemSchema(fields: Readonly<Record<string, CustomField>> = {}): z.ZodType<PostmortemFrontmatter> {
  const key = JSON.stringify(fields);
  if (key === '{}') return postmortemFrontmatter;
  let schema = withCustomFields.get(key);
  if (!schema) {
    // The custom fields are validated by their own schemas; the cross-field rules only read the built-in ones.
    const rules = crossFieldRules as unknown as (pm: Record<string, unknown>, ctx: z.RefinementCtx) => void;
    schema = postmortemShape.extend(customFieldShape(fields)).superRefine(rules, { when: () => true }) as unknown as z.ZodType<PostmortemFrontmatter>;
    withCustomFields.set(key, schema);
  }
  return schema;
}

const shapes = new Map<string, Record<string, z.ZodType>>();

/**
 * What can still be checked in a frontmatter that failed validation: every top-level field that is
 * valid on its own (parsed, with its defaults), and the names of those that are not. References and
 * the quality policy then run on what is valid, so that one bad field does not hide the errors and
 * findings of the others until the next run.
 */
export function salvageFrontmatter(
  raw: unknown,
  failed: ReadonlySet<string>,
  fields: Readonly<Record<string, CustomField>> = {},
): { data: Partial<PostmortemFrontmatter>; invalid: string[] } | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined;
  const key = JSON.stringify(fields);
  let shape = shapes.get(key);
  if (!shape) shapes.set(key, (shape = { ...postmortemShape.shape, ...customFieldShape(fields) }));
  const data: Record<string, unknown> = {};
  const invalid: string[] = [];
  for (const [name, schema] of Object.entries(shape)) {
    const result = failed.has(name) ? undefined : schema.safeParse((raw as Record<string, unknown>)[name]);
    if (!result?.success) invalid.push(name);
    else if (result.data !== undefined) data[name] = result.data;
  }
  return { data, invalid };
}

export type PostmortemFrontmatter = z.infer<typeof postmortemFrontmatter>;
export type PostmortemInput = z.input<typeof postmortemFrontmatter>;

/** Each top-level field's own schema: `new` checks an answer with it as it is given. */
export const postmortemFields = postmortemShape.shape;

/** The top-level field names, for did-you-mean on unknown keys. */
export const POSTMORTEM_FIELDS = Object.keys(postmortemShape.shape);
