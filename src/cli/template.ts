import { stringify } from 'yaml';
import { BODY_SECTIONS, NEAR_MISS_OPTIONAL_SECTIONS, TEMPLATE_TEXT } from '../lib/quality';

export interface TemplateAnswers {
  id: string;
  title: string;
  startedAt: string;
  startedDate: Date;
  severity: string;
  services: string[];
  teams: string[];
  type: string;
  author: string;
  category: string;
  /**
   * The body sections of a light postmortem (settings.quality.light.sections), for a small incident;
   * undefined for the full document.
   */
  lightSections?: readonly string[] | undefined;
  /** The incident commander's handle (v1.1 roles); the template leaves the role commented out without one. */
  commander?: string | undefined;
}

/**
 * One YAML value, double-quoted whatever it holds: a title with a colon, a quote, a leading `[` or
 * `@`, or a line break stays the text the author typed (yaml escapes what needs escaping).
 */
const yamlString = (s: string) => stringify(s, { defaultStringType: 'QUOTE_DOUBLE', lineWidth: 0 }).trimEnd();
const yamlList = (items: readonly string[]) => `[${items.map(yamlString).join(', ')}]`;
const days = (d: Date, n: number) => new Date(d.getTime() + n * 86_400_000).toISOString().slice(0, 10);
const todo = (text: string) => yamlString(`TODO ${text}`);

/**
 * A new postmortem: every field and section in place, with comments that
 * teach the practice. It starts as a draft, so it validates and builds (in a
 * preview) before the facts are in; set `status: published` when reviewed.
 * Every placeholder is marked TODO, and `check` reports each one that is left
 * (an error once the postmortem goes to review).
 */
export function postmortemTemplate(a: TemplateAnswers): string {
  const light = a.lightSections !== undefined;
  return `---
# ${a.id}: see docs/content-model.md for every field. Times are UTC or carry an offset.${light ? '\n# A light postmortem (a small incident): fewer body sections; every fact below still counts.' : ''}
title: ${yamlString(a.title)}
# 1–3 sentences (max 400 characters): what happened, to whom, for how long.
summary: ${todo(TEMPLATE_TEXT.summary)}
status: draft                  # draft → in-review → published
severity: ${yamlString(a.severity)}
visibility: internal           # internal | public (public: no internal detail, no personal data)
incident_type: ${yamlString(a.type)}
detection: alert               # alert | customer-report | internal-discovery | third-party | other
authors: ${yamlList([a.author])}
reviewers: []                  # who signed it off (SEV1/SEV2: needed to publish), with approved: YYYY-MM-DD
services: ${yamlList(a.services)}
teams: ${yamlList(a.teams)}
tags: []                       # lowercase kebab-case, e.g. connection-pool

# At least 2 events in order, with an offset (Z = UTC). Mark the milestones:
# started, detected, acknowledged, diagnosed, mitigated, resolved (each once).
# A published postmortem needs started, detected and resolved.
timeline:
  - at: ${yamlString(a.startedAt)}
    kind: started
    event: ${todo(TEMPLATE_TEXT.firstEvent)}
  - at: ${yamlString(a.startedAt)}
    kind: detected
    event: ${todo(TEMPLATE_TEXT.detectedEvent)}
    # source: https://grafana.example/d/...   (optional evidence link)

impact:
  description: ${todo(TEMPLATE_TEXT.impact)}
  users_affected: 0              # numbers make incidents comparable: fill in what you know
  # revenue_usd: 0
  # slo_budget_consumed_pct: 0
  # support_tickets: 0
  customer_facing: ${a.type === 'near-miss' ? 'false' : 'true'}
  data_loss: false

root_cause:
  category: ${yamlString(a.category)}   # confirm: an id from taxonomy.yml
  summary: ${todo(TEMPLATE_TEXT.rootCause)}

# Things that made it likelier or worse, kept apart from the root cause.
contributing_factors: []

# Ask "why?" until the answer is a system or process gap, never a person.
five_whys:
  - why: ${todo(TEMPLATE_TEXT.firstWhy)}
    because: TODO
  - why: ${todo(TEMPLATE_TEXT.nextWhy)}
    because: TODO
  - why: ${todo(TEMPLATE_TEXT.nextWhy)}
    because: ${todo(TEMPLATE_TEXT.lastBecause)}

# Mechanisms, not intentions: "add an alarm on X over Y", not "improve monitoring".
action_items:
  - title: ${todo(TEMPLATE_TEXT.action)}
    owner: ${yamlString(a.author)}
    due: ${days(a.startedDate, 14)}
    priority: P2                 # P0 | P1 | P2 | P3
    type: prevent                # prevent | detect | mitigate | process
    status: open                 # open | in-progress | done (add completed: date) | wont-do
${controlLine()}

# related: [YYYY-MM-DD-other-incident]
# recurrence_of: YYYY-MM-DD-earlier-incident
follow_up_review: ${days(a.startedDate, 30)}   # the 30-day review of the action items
${followUpAndRoles(a)}
---

${body(sectionsFor(a))}`;
}

/** The body sections the template writes: the light ones for a small incident (a near-miss leaves out what it may), else all nine. */
function sectionsFor(a: TemplateAnswers): readonly string[] {
  if (a.lightSections === undefined) return BODY_SECTIONS;
  return a.type === 'near-miss' ? a.lightSections.filter((s) => !NEAR_MISS_OPTIONAL_SECTIONS.includes(s.toLowerCase())) : a.lightSections;
}

/*
 * Content model v1.1 (the prevention hierarchy, follow-up tracking, incident roles). Kept apart from
 * the template above so that reworking the template's questions leaves these lines alone.
 */
function controlLine(): string {
  return '    control: engineering         # eliminate | substitute | engineering | administrative | training (strongest first)';
}

function followUpAndRoles(a: TemplateAnswers): string {
  // An empty `roles:` would be YAML null, which the schema rejects: without a commander the block stays commented out.
  const on = a.commander ? '' : '# ';
  return [
    '# follow_up_held: YYYY-MM-DD     # set when the follow-up review has taken place',
    `${on}roles:                           # who held the incident roles (handles)`,
    `${on}  commander: ${a.commander ? yamlString(a.commander) : 'handle'}`,
    '#   tech_lead: handle',
    '#   comms_lead: handle',
    '#   scribe: handle',
  ].join('\n');
}

/** What each body section asks of the author (the headings are the quality policy's). */
function body(sections: readonly string[]): string {
  return sections.map((section) => `## ${section}\n\nTODO: ${TEMPLATE_TEXT.sections[section] ?? 'write this section.'}\n`).join('\n');
}
