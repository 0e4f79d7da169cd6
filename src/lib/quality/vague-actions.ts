/**
 * What makes an action-item title an intention rather than a mechanism.
 *
 * A title is flagged when it matches a VAGUE_ACTIONS pattern and names no
 * measurable object (see `hasMeasurableObject`). Patterns marked `always`
 * are intentions whatever follows them: "be more careful with pool sizes"
 * names an object but still relies on a person remembering.
 */

export interface VagueAction {
  id: string;
  regex: RegExp;
  /** True: no measurable object redeems it. */
  always?: boolean;
  /** A concrete rewrite in the same area, shown in the fix. */
  example: string;
}

const VERB = String.raw`(?:improve[ds]?|improving|enhance|strengthen|increase|expand|extend|better|more|additional|add|adding|review|revisit|update|set\s+up|setup|introduce)`;
/** One optional filler word: "our", "the", "some", "an", "better"… */
const FILL = String.raw`(?:\s+\w+)?`;

const VAGUE_ACTIONS: readonly VagueAction[] = [
  {
    id: 'intention',
    regex: /\b(?:be|being|stay)\s+(?:more\s+)?(?:careful|vigilant|diligent|attentive|cautious)\b|\bpay\s+(?:more\s+|closer\s+)?attention\b|\bremember\s+to\b|^\s*(?:manually\s+)?double[- ]check\b/i,
    always: true,
    example: 'Make the pipeline reject pool sizes under 50 before deploy',
  },
  {
    id: 'monitoring',
    regex: new RegExp(String.raw`\b${VERB}${FILL}\s+(?:monitoring|alerting|observability|alarms?|alerts?|dashboards?|metrics|logging|visibility)\b`, 'i'),
    example: 'Add an alarm on checkout p99 latency over 800 ms for 5 minutes that pages payments-oncall',
  },
  {
    id: 'testing',
    regex: new RegExp(String.raw`\b${VERB}${FILL}\s+(?:testing|tests?|test\s+coverage|coverage|validation|checks?|code\s+reviews?|reviews?|QA)\b`, 'i'),
    example: 'Add an integration test in CI that deploys a pool size under 50 and expects the pipeline to reject it',
  },
  {
    id: 'communication',
    regex: /\b(?:better|improve[ds]?|improving|more|clearer|enhance)(?:\s+\w+)?\s+(?:communication|communications|coordination|collaboration|hand-?offs?)\b|^\s*communicate\b/i,
    example: 'Post a status-page update within 15 minutes of a SEV1/SEV2 page, from the incident template',
  },
  {
    id: 'documentation',
    regex: new RegExp(String.raw`\b${VERB}${FILL}\s+(?:documentation|docs|runbooks?|playbooks?|process(?:es)?|procedures?)\b|^\s*document\s+(?:the\s+)?(?:process|procedure|steps)\b`, 'i'),
    example: 'Add a runbook entry for ConsumerLagHigh, linked from the alarm, with the rollback command',
  },
  {
    id: 'training',
    regex: /\b(?:more|additional|better|improve[ds]?|provide|schedule|hold|run)(?:\s+\w+)?\s+training\b|\btrain\s+(?:the\s+)?(?:team|engineers|staff|people|on-?call|developers)\b|\b(?:raise|increase|improve)\s+awareness\b|\bremind\s+(?:the\s+)?(?:team|engineers|everyone|people|on-?call|developers)\b/i,
    example: 'Replace the training with a guard: the deploy tool refuses a pool size under 50',
  },
  {
    id: 'investigate',
    regex: /^\s*(?:investigate|look\s+into|explore|research|discuss|consider|evaluate|think\s+about|follow\s+up|check\s+(?:on|whether|if))\b/i,
    example: 'Decide by the follow-up review whether to move scan-ingest to ZGC, and file the actions the decision produces',
  },
  {
    id: 'generic-improvement',
    regex: /^\s*(?:improve|better|enhance|strengthen|harden)\s+(?:the\s+|our\s+)?(?:resilience|reliability|stability|robustness|error\s+handling|capacity|automation|tooling|security|performance)\b/i,
    example: 'Cap checkout retries at 3 with 200 ms jittered backoff',
  },
];

/**
 * Dates, quarters, years, ticket keys and priorities name when or where, not
 * what: "Improve monitoring by Q3 (PAY-12)" is still vague.
 */
const NOT_A_MEASURE = /\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}\/\d{1,2}\/\d{2,4}\b|\bQ[1-4]\b|\b(?:19|20)\d{2}\b|\b[A-Z][A-Z0-9]+-\d+\b|\bP[0-3]\b|\bSEV\d\b/g;

/** Common hyphenated words that are not identifiers. */
const PLAIN_HYPHENATED = /\b(?:on-call|follow-up|long-term|short-term|cross-team|end-to-end|real-time|day-to-day|e-mail|post-mortem|in-depth|well-known|up-to-date|re-run|re-check|double-check|self-service)\b|\b(?:e\.g|i\.e)\./gi;

/** A mechanism noun followed by what it is about: "an alarm on …", "a test for …", "a check that …". */
const MECHANISM_WITH_OBJECT =
  /\b(?:alarms?|alerts?|monitors?|checks?|tests?|runbooks?|playbooks?|thresholds?|dashboards?|metrics?|SLOs?|SLIs?|canar(?:y|ies)|lint(?:er)?s?|lint\s+rules?|validations?|guards?|gates?|limits?|probes?|steps?|jobs?|hooks?|polic(?:y|ies)|quotas?|circuit\s+breakers?|rate\s+limits?|timeouts?|retr(?:y|ies)|budgets?)\s+(?:on|for|when|whenever|if|that|which|at|over|under|above|below|covering|against|per|before|after)\s+(?:the\s+|a\s+|an\s+)?\w{3,}/i;

/** A named metric: "checkout latency", "error rate", "consumer lag". */
const NAMED_METRIC = /\b(?:latency|error\s+rate|success\s+rate|throughput|lag(?:\s+age)?|saturation|utili[sz]ation|queue\s+depth|availability|5xx|4xx|p\d{2}|CPU|memory|disk\s+usage|connection\s+count|pool\s+size)\b/i;

/**
 * Whether a title names something that can be checked: a number (count,
 * percentage, duration), a `code` or identifier-like token (pool-size,
 * hub.scans.v2, ConsumerLagHigh), a named metric, or a mechanism with its
 * object ("a test for the pool-size template").
 */
export function hasMeasurableObject(title: string): boolean {
  const text = title.replace(NOT_A_MEASURE, ' ').replace(PLAIN_HYPHENATED, ' ');
  if (/\d/.test(text)) return true;
  if (/`[^`]+`/.test(text)) return true;
  if (/\b[a-z][a-z0-9]*(?:[-_.][a-z0-9]+)+\b/i.test(text)) return true;
  if (/\b[A-Z]?[a-z]+[A-Z][A-Za-z0-9]*\b/.test(text)) return true;
  return NAMED_METRIC.test(text) || MECHANISM_WITH_OBJECT.test(text);
}

/** The vague pattern a title falls under, or undefined when it is concrete. */
export function vagueAction(title: string): VagueAction | undefined {
  const intention = VAGUE_ACTIONS.find((v) => v.always && v.regex.test(title));
  if (intention) return intention;
  const vague = VAGUE_ACTIONS.find((v) => !v.always && v.regex.test(title));
  return vague && !hasMeasurableObject(title) ? vague : undefined;
}
