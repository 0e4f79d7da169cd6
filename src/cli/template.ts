import { stringify } from 'yaml';
import { BODY_SECTIONS } from '../lib/quality';

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
}

const q = (s: string) => stringify(s).trimEnd();
const days = (d: Date, n: number) => new Date(d.getTime() + n * 86_400_000).toISOString().slice(0, 10);

/**
 * A new postmortem: every field and section in place, with comments that
 * teach the practice. It starts as a draft, so it validates and builds (in a
 * preview) before the facts are in; set `status: published` when reviewed.
 */
export function postmortemTemplate(a: TemplateAnswers): string {
  return `---
# ${a.id}: see CONTRIBUTING.md for every field. Times are UTC or carry an offset.
title: ${q(a.title)}
# 1–3 sentences (max 400 characters): what happened, to whom, for how long.
summary: >-
  TODO: one to three sentences on what customers experienced and for how long.
status: draft                  # draft → in-review → published
severity: ${a.severity}
visibility: internal           # internal | public (public: no internal detail, no personal data)
incident_type: ${a.type}
detection: alert               # alert | customer-report | internal-discovery | third-party | other
authors: [${a.author}]
reviewers: []
services: [${a.services.join(', ')}]
teams: [${a.teams.join(', ')}]
tags: []                       # lowercase kebab-case, e.g. connection-pool

# At least 2 events in order, with an offset (Z = UTC). Mark the milestones:
# started, detected, acknowledged, diagnosed, mitigated, resolved (each once).
# A published postmortem needs started, detected and resolved.
timeline:
  - at: ${a.startedAt}
    kind: started
    event: TODO what changed or failed first
  - at: ${a.startedAt}
    kind: detected
    event: TODO how we found out (which alarm, which report)
    # source: https://grafana.example/d/...   (optional evidence link)

impact:
  description: TODO what customers could not do
  users_affected: 0              # numbers make incidents comparable: fill in what you know
  # revenue_usd: 0
  # slo_budget_consumed_pct: 0
  # support_tickets: 0
  customer_facing: true
  data_loss: false

root_cause:
  category: ${a.category}   # TODO confirm: an id from content/taxonomy.yml
  summary: TODO why the system allowed this (not who did what)

# Things that made it likelier or worse, kept apart from the root cause.
contributing_factors: []

# Ask "why?" until the answer is a system or process gap, never a person.
five_whys:
  - why: TODO Why did customers see the failure?
    because: TODO
  - why: TODO Why …?
    because: TODO
  - why: TODO Why …?
    because: TODO the missing safeguard in the system or process

# Mechanisms, not intentions: "add an alarm on X over Y", not "improve monitoring".
action_items:
  - title: TODO a concrete mechanism with a measurable object
    owner: ${a.author}
    due: ${days(a.startedDate, 14)}
    priority: P2                 # P0 | P1 | P2 | P3
    type: prevent                # prevent | detect | mitigate | process
    status: open                 # open | in-progress | done (add completed: date) | wont-do

# related: [YYYY-MM-DD-other-incident]
# recurrence_of: YYYY-MM-DD-earlier-incident
follow_up_review: ${days(a.startedDate, 30)}   # the 30-day review of the action items
---

${body()}`;
}

/** What each body section asks of the author (the headings are the quality policy's). */
const GUIDANCE: Record<(typeof BODY_SECTIONS)[number], string> = {
  Summary: 'TODO: what happened, in a short paragraph a reader outside the team understands.',
  'Customer impact': 'TODO: who was affected, how, for how long, in numbers.',
  'How we noticed': 'TODO: the alarm or report, and how long detection took. If a customer told us first, say so.',
  'How we mitigated': 'TODO: what stopped the impact, and what made it slower or faster.',
  'Root cause analysis': 'TODO: why the system allowed this. Keep the root cause apart from the contributing factors.',
  'What went well': 'TODO',
  'What went poorly': 'TODO',
  'Where we got lucky': 'TODO: luck is not a strategy; each item here is a candidate action.',
  'Lessons learned': 'TODO: technical, process and communication lessons.',
};

function body(): string {
  return BODY_SECTIONS.map((section) => `## ${section}\n\n${GUIDANCE[section]}\n`).join('\n');
}
