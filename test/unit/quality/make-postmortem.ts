import { postmortemFrontmatter, type PostmortemFrontmatter, type PostmortemInput } from '../../../src/schema/postmortem';
import { resolveQualityConfig, runFollowThrough, runQualityPolicy, type QualityConfigOverrides, type QualityResult } from '../../../src/lib/quality';
import type { ContentIssue } from '../../../src/schema/issues';

/**
 * A postmortem that passes every quality rule: the baseline each test breaks
 * in exactly one way. Parsed by the real schema, so the data is what the
 * build would hand the policy.
 */
export const GOOD: PostmortemInput = {
  title: 'Checkout API returned errors after a connection-pool config change',
  summary: 'A config deploy shrank the payments DB pool from 100 to 10 connections; checkout failed for 2 hours for about 20% of customers.',
  status: 'published',
  severity: 'SEV1',
  visibility: 'internal',
  incident_type: 'outage',
  detection: 'alert',
  authors: ['alex-kim'],
  reviewers: ['sam-t'],
  approved: '2026-03-06',
  services: ['checkout-api'],
  timeline: [
    { at: '2026-03-02T14:05Z', kind: 'started', event: 'Deploy of config v2.3.1 set the pool size to 10' },
    { at: '2026-03-02T14:10Z', kind: 'detected', event: 'Error-rate alarm on checkout fired and paged the on-call' },
    { at: '2026-03-02T16:05Z', kind: 'resolved', event: 'Error rate back under 0.1% for 30 minutes' },
  ],
  impact: { description: 'Customers could not complete checkout', users_affected: 50000, support_tickets: 100 },
  root_cause: { category: 'config-change', summary: 'The pool size is templated per environment and nothing validates it before deploy.' },
  contributing_factors: [{ category: 'testing-gap', description: 'Staging runs with a tenth of production traffic, so a pool of 10 looked healthy.' }],
  five_whys: [
    { why: 'Why did checkout fail?', because: 'The API could not get a database connection.' },
    { why: 'Why could it not get a connection?', because: 'The pool was 10 instead of 100.' },
    { why: 'Why was the pool 10?', because: 'The deploy pipeline has no validation step for pool-size bounds.' },
  ],
  action_items: [
    { title: 'Validate pool-size bounds in the deploy pipeline', owner: 'payments-oncall', due: '2026-03-15', priority: 'P1', type: 'prevent', status: 'done', completed: '2026-03-14' },
    { title: 'Add an alarm on checkout p99 latency over 800 ms', owner: 'payments-oncall', due: '2026-04-15', priority: 'P2', type: 'detect', status: 'open' },
  ],
  follow_up_review: '2026-04-15',
};

export const GOOD_BODY = `
## Summary

A config deploy shrank the pool.

## Customer impact

About 50,000 customers could not check out.

## How we noticed

The error-rate alarm paged the on-call.

## How we mitigated

We rolled the config back.

## Root cause analysis

Nothing validated the pool size before deploy.

## What went well

Rollback took six minutes.

## What went poorly

Staging could not show the problem.

## Where we got lucky

It happened outside the evening peak.

## Lessons learned

Config values need bounds checked by the pipeline.
`;

/** GOOD with top-level fields replaced, parsed by the schema. */
function postmortem(patch: Partial<PostmortemInput> = {}): PostmortemFrontmatter {
  return postmortemFrontmatter.parse({ ...GOOD, ...patch });
}

const TODAY = '2026-04-01';

/** Runs the policy on GOOD with a patch, a body and config overrides. */
export function check(
  patch: Partial<PostmortemInput> = {},
  opts: { body?: string; config?: QualityConfigOverrides; bodyLineOffset?: number } = {},
): QualityResult {
  return runQualityPolicy(
    {
      file: 'postmortems/2026-03-02-checkout-pool.mdx',
      data: postmortem(patch),
      body: opts.body ?? GOOD_BODY,
      ...(opts.bodyLineOffset !== undefined ? { bodyLineOffset: opts.bodyLineOffset } : {}),
    },
    resolveQualityConfig(opts.config),
  );
}

/** The follow-through findings (overdue action items) of GOOD with a patch, as of `today`. */
export function followThrough(patch: Partial<PostmortemInput> = {}, opts: { today?: string; config?: QualityConfigOverrides } = {}): { issues: ContentIssue[] } {
  return { issues: runFollowThrough({ file: 'postmortems/2026-03-02-checkout-pool.mdx', data: postmortem(patch), today: opts.today ?? TODAY }, resolveQualityConfig(opts.config)) };
}

/** The issues of one rule (short name, without `quality/`). */
export function issuesOf(result: { issues: ContentIssue[] }, rule: string) {
  return result.issues.filter((i) => i.rule === `quality/${rule}`);
}
