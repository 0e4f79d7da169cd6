#!/usr/bin/env node
/*
 * Generates a synthetic, valid and varied knowledge base for the benchmark:
 *
 *   <dir>/postmortems/<YYYY-MM-DD-slug>.mdx   N postmortems
 *   <dir>/services.yml, teams.yml              a fictional company's catalogs
 *   <dir>/taxonomy.yml, severities.yml         copied from content/
 *
 * Deterministic: the same --count and --seed always write the same files.
 *
 *   node bench/generate.mjs --count 1000 --out bench/.work/kb-1000 [--seed 42]
 *
 * or, from another script:
 *
 *   import { generate } from './generate.mjs';
 *   const { dir, stats } = await generate({ count: 1000, dir: '/tmp/kb' });
 */
import { mkdir, rm, writeFile, copyFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import * as V from './vocabulary.mjs';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const DAY = 86_400_000;
const MINUTE = 60_000;

/** The incidents span the six years that end here; action items are judged as of ANCHOR_TODAY. */
const RANGE_END = Date.UTC(2026, 9, 31, 23, 59);
const RANGE_YEARS = 6;
export const ANCHOR_TODAY = '2026-11-15';

/* ---------------------------------------------------------------- PRNG */

/** mulberry32: small, fast, good enough for test data, and seedable. */
function prng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const r = {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    chance: (p) => next() < p,
    pick: (list) => list[Math.floor(next() * list.length)],
    /** weights: [[value, weight], …] */
    weighted: (pairs) => {
      const total = pairs.reduce((s, [, w]) => s + w, 0);
      let x = next() * total;
      for (const [v, w] of pairs) if ((x -= w) < 0) return v;
      return pairs[pairs.length - 1][0];
    },
    /** k distinct elements, in random order. */
    sample: (list, k) => {
      const copy = [...list];
      const out = [];
      while (out.length < k && copy.length) out.push(copy.splice(Math.floor(next() * copy.length), 1)[0]);
      return out;
    },
    /** log-uniform between lo and hi */
    logUniform: (lo, hi) => Math.exp(Math.log(lo) + next() * (Math.log(hi) - Math.log(lo))),
  };
  return r;
}

/* ------------------------------------------------------------ helpers */

const day = (ms) => new Date(ms).toISOString().slice(0, 10);
const kebab = (s) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

function humanDuration(ms) {
  const min = Math.round(ms / MINUTE);
  if (min < 60) return `${min} minutes`;
  const h = Math.floor(min / 60), m = min % 60;
  if (h < 24) return m ? `${h} hours ${m} minutes`.replace(/^1 hours/, '1 hour') : `${h} hour${h === 1 ? '' : 's'}`;
  const d = Math.floor(h / 24), hh = h % 24;
  return `${d} day${d === 1 ? '' : 's'}${hh ? ` ${hh} hour${hh === 1 ? '' : 's'}` : ''}`;
}

/** ISO 8601 with minutes and an explicit offset (in minutes east of UTC). */
function isoAt(ms, offsetMin, seconds = false) {
  const local = new Date(ms + offsetMin * MINUTE).toISOString();
  const base = seconds ? local.slice(0, 19) : local.slice(0, 16);
  if (offsetMin === 0) return `${base}Z`;
  const sign = offsetMin < 0 ? '-' : '+';
  const abs = Math.abs(offsetMin);
  return `${base}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/* ---------------------------------------------------------- YAML out */

const PLAIN_START = /^[A-Za-z0-9(]/;
/** A string that YAML 1.2 reads back as the same string when written plain. */
function plainSafe(s) {
  return (
    PLAIN_START.test(s) &&
    !/[:#]\s|:$|\s#|\s$|[\n\t"\\]|[[\]{},]/.test(s) &&
    !/^(true|false|null|~|yes|no|on|off)$/i.test(s) &&
    !/^[-+]?(\d[\d_]*(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(s) &&
    !/^0[xo]/i.test(s)
  );
}
const scalar = (s) => (plainSafe(s) ? s : JSON.stringify(s));

/** A folded block scalar for long prose, wrapped at about 96 columns. */
function folded(s, indent) {
  if (s.length <= 90 && plainSafe(s)) return ` ${s}`;
  const pad = ' '.repeat(indent);
  const lines = [];
  let line = '';
  for (const word of s.split(' ')) {
    if (line && line.length + 1 + word.length > 96 - indent) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return ` >-\n${lines.map((l) => pad + l).join('\n')}`;
}
const list = (xs) => `[${xs.join(', ')}]`;

/* ------------------------------------------------------------ catalog */

function catalogYaml() {
  const teams =
    `# Teams of ${V.ORGANISATION} (fictional, generated for the benchmark).\n` +
    V.TEAMS.map(([id, name, contact]) => `- id: ${id}\n  name: ${scalar(name)}\n  contact: ${JSON.stringify(contact)}`).join('\n') + '\n';
  const services =
    `# Service catalog of ${V.ORGANISATION} (fictional, generated for the benchmark). tier 1 = most critical.\n` +
    V.SERVICES.map(([id, name, team, tier, , description]) => `- id: ${id}\n  name: ${scalar(name)}\n  team: ${team}\n  tier: ${tier}\n  description:${folded(description, 4)}`).join('\n') + '\n';
  return { teams, services };
}

/* ---------------------------------------------------------- templates */

function filler(r, ctx) {
  return (tpl) =>
    tpl.replace(/\{(\w+)\}/g, (_, key) => {
      const dyn = DYNAMIC[key];
      if (dyn) return dyn(r, ctx);
      const v = ctx[key];
      if (v === undefined) throw new Error(`generate: template placeholder {${key}} has no value (in "${tpl}")`);
      return String(v);
    });
}

const hostName = (r, svc) => `${svc.split('-')[0]}-${r.pick(['a', 'b', 'c'])}${String(r.int(1, 48)).padStart(2, '0')}.${r.pick(V.REGIONS)}.int`;

/** Placeholders that take a fresh random value at each use. */
const DYNAMIC = {
  rcomp: (r, ctx) => r.chance(0.35) ? r.pick(V.TECH_COMPONENTS[ctx.techKey]) : r.pick(V.COMPONENTS),
  rmetric: (r) => r.pick(V.METRICS),
  rerr: (r) => r.pick(V.ERRORS),
  num: (r) => String(r.int(3, 4000)),
  smallnum: (r) => String(r.int(2, 30)),
  bignum: (r) => String(r.int(50, 900)),
  pctnum: (r) => String(r.int(5, 95)),
  host: (r, ctx) => hostName(r, ctx.svc),
  host2: (r, ctx) => hostName(r, ctx.dep),
  ticket: (r) => `${r.pick(V.TRACKER_PROJECTS)}-${r.int(10, 9999)}`,
  year: (r, ctx) => String(ctx.year - r.int(1, 5)),
};

/* ----------------------------------------------------------- one incident */

const SEVERITY_WEIGHTS = [['SEV1', 8], ['SEV2', 22], ['SEV3', 45], ['SEV4', 25]];
const CATEGORY_WEIGHTS = [
  ['software-defect', 18], ['config-change', 14], ['deployment', 12], ['capacity', 11], ['dependency-failure', 8], ['network', 6],
  ['data-integrity', 6], ['time-and-expiry', 5], ['hardware-failure', 4], ['monitoring-gap', 4], ['process-gap', 4], ['testing-gap', 3],
  ['security', 3], ['ownership-gap', 2],
];
const DETECTION_WEIGHTS = [['alert', 55], ['customer-report', 18], ['internal-discovery', 15], ['third-party', 7], ['other', 5]];
const OFFSETS = [-420, -300, -240, 60, 120, 330, 540, 600, -180, 480];

function person(r) {
  return `${r.pick(V.FIRST_NAMES)}-${r.pick(V.SURNAME_BITS)}`;
}

function version(r) {
  return `v${r.int(1, 9)}.${r.int(0, 40)}.${r.int(0, 20)}`;
}

/** Sorted, strictly increasing minute times from start to end, k of them. */
function eventTimes(r, start, end, k) {
  const span = Math.max(end - start, (k - 1) * MINUTE);
  const inner = [];
  for (let i = 0; i < k - 2; i++) inner.push(start + Math.floor(r.next() * span));
  inner.sort((a, b) => a - b);
  const times = [start, ...inner, start + span].map((t) => Math.floor(t / MINUTE) * MINUTE);
  for (let i = 1; i < times.length; i++) if (times[i] <= times[i - 1]) times[i] = times[i - 1] + MINUTE;
  return times;
}

/**
 * Builds the frontmatter fields and body of one incident. `plan` carries what
 * the set-level pass decided: start time, service, category, status,
 * recurrence and related ids.
 */
function incident(r, plan, catalogs) {
  const { svc, category, scenario, status, start } = plan;
  const service = catalogs.serviceById.get(svc);
  const team = service.team;
  const teamName = catalogs.teamById.get(team).name;
  const others = V.SERVICES.filter((s) => s[0] !== svc);
  const depRow = r.pick(others);
  const severity = r.weighted(SEVERITY_WEIGHTS);
  const techKey = service.tech;

  // Timeline shape.
  const ttrMs = Math.round(r.weighted([[() => r.logUniform(8, 240), 70], [() => r.logUniform(240, 1440), 20], [() => r.logUniform(1440, 5760), 10]])() * MINUTE);
  const precursor = r.chance(0.15);
  const wanted = ['started', 'detected', ...(r.chance(0.85) ? ['acknowledged'] : []), ...(r.chance(0.65) ? ['diagnosed'] : []), ...(r.chance(0.75) ? ['mitigated'] : [])];
  const unresolved = status !== 'published' && r.chance(0.4);
  if (!unresolved) wanted.push('resolved');
  let k = r.weighted([[() => r.int(3, 6), 35], [() => r.int(6, 10), 45], [() => r.int(10, 15), 20]])();
  k = Math.max(k, wanted.length + (precursor ? 1 : 0));
  while (k > 15) {
    // Never more than 15 events: drop optional milestones first.
    const opt = wanted.findIndex((w) => w === 'acknowledged' || w === 'diagnosed' || w === 'mitigated');
    wanted.splice(opt, 1);
    k--;
  }
  const firstAt = precursor ? start - r.int(5, 90) * MINUTE : start;
  const times = eventTimes(r, start, start + ttrMs, precursor ? k - 1 : k);
  if (precursor) times.unshift(Math.floor(firstAt / MINUTE) * MINUTE);
  const startIndex = precursor ? 1 : 0;
  const kinds = new Array(times.length).fill(undefined);
  kinds[startIndex] = 'started';
  if (!unresolved) kinds[times.length - 1] = 'resolved';
  const middleMilestones = wanted.filter((w) => w !== 'started' && w !== 'resolved');
  // detected ≤ acknowledged ≤ mitigated, detected ≤ diagnosed: diagnosed goes anywhere after detected.
  if (middleMilestones.includes('diagnosed') && r.chance(0.35)) {
    middleMilestones.splice(middleMilestones.indexOf('diagnosed'), 1);
    middleMilestones.push('diagnosed');
  }
  const lo = startIndex + 1, hi = unresolved ? times.length - 1 : times.length - 2;
  const slots = [];
  for (let i = lo; i <= hi; i++) slots.push(i);
  const chosen = r.sample(slots, middleMilestones.length).sort((a, b) => a - b);
  chosen.forEach((slot, i) => (kinds[slot] = middleMilestones[i]));
  const at = (kind) => times[kinds.indexOf(kind)];
  const endMs = times[times.length - 1];

  const id = plan.id;
  const year = new Date(start).getUTCFullYear();
  const ctx = {
    svc,
    svcName: service.name,
    dep: depRow[0],
    depName: depRow[1],
    team,
    teamName,
    techKey,
    tier: service.tier,
    comp: scenario.comp,
    metric: r.pick(V.METRICS),
    err: r.pick(V.ERRORS),
    ver: version(r),
    oldver: version(r),
    region: r.pick(V.REGIONS),
    vendor: r.pick(V.VENDORS),
    lib: r.pick(V.LIBRARIES),
    feature: r.pick(V.FEATURES),
    field: r.pick(V.FIELDS),
    peak: r.pick(V.PEAKS),
    small: String(r.int(2, 20)),
    big: String(r.int(50, 400)),
    sev: severity,
    year,
    day: WEEKDAYS[new Date(start).getUTCDay()],
    startTime: new Date(start).toISOString().slice(11, 16),
    dur: humanDuration(endMs - start),
    ttd: humanDuration(at('detected') - start),
    users: String(r.int(12, 250_000)),
    tickets: String(r.int(0, 900)),
    revenue: String(r.int(100, 400_000)),
  };
  const fill = filler(r, ctx);
  ctx.trigger = fill(scenario.trigger);
  ctx.gap = fill(scenario.gap);
  ctx.rc = fill(scenario.rc);

  const offset = r.chance(0.15) ? r.pick(OFFSETS) : 0;
  const withSeconds = r.chance(0.05);
  const timeline = times.map((t, i) => {
    const kind = kinds[i];
    let text = kind ? fill(r.pick(V.MILESTONE_EVENTS[kind])) : fill(r.pick(V.TIMELINE_EVENTS));
    if (i === 0 && precursor) text = fill(r.pick(['Deploy of {svcName} {ver} starts', 'Config change to the {comp} of {svcName} merged and rolled out', 'Scheduled maintenance on {depName} begins']));
    text = text.charAt(0).toUpperCase() + text.slice(1);
    const ev = { at: isoAt(t, offset, withSeconds), ...(kind ? { kind } : {}), event: text };
    if (r.chance(0.2)) ev.source = `https://grafana.example/d/${svc}?from=${t - 30 * MINUTE}&to=${t + 30 * MINUTE}`;
    return ev;
  });

  // Catalog references.
  const services = [svc, ...(r.chance(0.35) ? [depRow[0]] : []), ...(r.chance(0.08) ? [r.pick(others)[0]] : [])].filter((s, i, a) => a.indexOf(s) === i);
  const teams = [...new Set(services.map((s) => catalogs.serviceById.get(s).team))];
  const tags = [...new Set([...r.sample(scenario.tags, r.int(1, scenario.tags.length)), ...(r.chance(0.3) ? [kebab(ctx.region)] : []), ...(r.chance(0.2) ? [kebab(ctx.lib)] : [])])];

  const incidentType = category === 'security' ? 'security'
    : category === 'data-integrity' && r.chance(0.5) ? 'data-loss'
    : r.weighted([['outage', 35], ['degradation', 45], ['near-miss', 10], ['process', 5], ['project', 5]]);
  const nearMiss = incidentType === 'near-miss';

  const title = fill(r.pick(scenario.titles));
  const summarySentences = [
    `${ctx.trigger.charAt(0).toUpperCase()}${ctx.trigger.slice(1)}.`,
    nearMiss ? 'It was caught before any customer was affected.' : `${fill(scenario.impact)} for ${ctx.dur}.`,
    ...(r.chance(0.5) ? [`The cause: ${ctx.gap}.`] : []),
  ];
  let summary = summarySentences.join(' ');
  while (summary.length > 400) summary = summary.slice(0, summary.lastIndexOf('.', summary.length - 2) + 1);

  const impact = {
    description: nearMiss ? 'No customer impact; the failure was caught before it reached production traffic.' : fill(scenario.impact) + '.',
  };
  if (!nearMiss || r.chance(0.3)) {
    if (r.chance(0.75)) impact.users_affected = nearMiss ? 0 : Number(ctx.users);
    if (r.chance(0.35)) impact.revenue_usd = nearMiss ? 0 : Number(ctx.revenue);
    if (r.chance(0.4)) impact.slo_budget_consumed_pct = nearMiss ? 0 : r.int(1, 160);
    if (r.chance(0.5)) impact.support_tickets = nearMiss ? 0 : Number(ctx.tickets);
    if (!('users_affected' in impact || 'revenue_usd' in impact || 'slo_budget_consumed_pct' in impact || 'support_tickets' in impact) && r.chance(0.9)) {
      impact.users_affected = nearMiss ? 0 : Number(ctx.users);
    }
  }
  if (r.chance(0.6)) impact.data_loss = incidentType === 'data-loss';
  if (r.chance(0.7)) impact.customer_facing = !nearMiss && incidentType !== 'process';

  // Contributing factors: other categories.
  const factorCats = r.sample(CATEGORY_WEIGHTS.map(([c]) => c).filter((c) => c !== category), r.weighted([[0, 25], [1, 40], [2, 25], [3, 10]]));
  const contributing = factorCats.map((c) => ({ category: c, description: fill(r.pick(V.SCENARIOS[c]).rc) }));

  const whyCount = r.weighted([[3, 40], [4, 35], [5, 20], [6, 5]]);
  const whys = V.WHY_CHAINS.slice(0, whyCount).map(([q, a]) => ({ why: fill(q), because: fill(a) }));

  // Action items.
  const ageDays = (RANGE_END - start) / DAY;
  const nActions = nearMiss ? r.int(1, 3) : r.weighted([[1, 10], [2, 20], [3, 25], [4, 20], [5, 12], [6, 8], [7, 5]]);
  const generic = [
    'Add an alarm on {svcName} {metric} over its 30-day p99 for 10 minutes that pages {team}-oncall',
    'Write a runbook section for {svcName} covering the {comp} and link it from the alert',
    'Add a game day scenario for the {comp} of {svcName} to the Q{quarter} schedule',
    'Document the {comp} limits of {svcName} in the service catalog entry',
    'Add a dashboard panel for the {comp} of {svcName} next to the {metric} panel',
    'Cut the {svcName} rollback time to under {smallnum} minutes by removing the manual approval',
  ];
  ctx.quarter = r.int(1, 4);
  ctx.nactions = nActions;
  const titles = r.sample([...scenario.actions, ...generic], nActions).map(fill);
  const actionItems = titles.map((t) => {
    const dueMs = start + r.int(3, 150) * DAY;
    let statusA = ageDays > 365
      ? r.weighted([['done', 75], ['wont-do', 8], ['open', 10], ['in-progress', 7]])
      : ageDays > 90
        ? r.weighted([['done', 50], ['wont-do', 5], ['open', 25], ['in-progress', 20]])
        : r.weighted([['done', 20], ['wont-do', 3], ['open', 50], ['in-progress', 27]]);
    let completed;
    if (statusA === 'done') {
      const c = start + r.int(0, Math.round((dueMs - start) / DAY) + 60) * DAY;
      if (c > RANGE_END + 14 * DAY) statusA = 'in-progress';
      else completed = day(c);
    }
    if (status === 'draft' && statusA === 'done' && r.chance(0.5)) {
      statusA = 'open';
      completed = undefined;
    }
    return {
      title: t,
      owner: r.chance(0.5) ? `${team}-oncall` : r.chance(0.5) ? team : person(r),
      due: day(dueMs),
      priority: r.weighted([['P0', 8], ['P1', 32], ['P2', 40], ['P3', 20]]),
      type: r.weighted([['prevent', 45], ['detect', 25], ['mitigate', 18], ['process', 12]]),
      status: statusA,
      ...(completed ? { completed } : {}),
      ...(r.chance(0.6) ? { tracker: `https://tracker.example/${r.pick(V.TRACKER_PROJECTS)}-${r.int(10, 9999)}` } : {}),
    };
  });

  const authors = [...new Set(Array.from({ length: r.weighted([[1, 60], [2, 30], [3, 10]]) }, () => person(r)))];
  const reviewers = r.chance(0.8) ? [...new Set(Array.from({ length: r.int(1, 3) }, () => person(r)))] : undefined;
  const approvedMs = start + r.int(3, 30) * DAY;
  const approved = status === 'published' && r.chance(0.7) && approvedMs < RANGE_END + 14 * DAY ? day(approvedMs) : undefined;
  const followUp = r.chance(0.5) ? day(start + r.pick([30, 60]) * DAY) : undefined;

  const data = {
    title,
    summary,
    status,
    severity,
    visibility: plan.visibility,
    incident_type: incidentType,
    detection: r.weighted(DETECTION_WEIGHTS),
    authors,
    reviewers,
    approved,
    services,
    teams,
    tags,
    timeline,
    impact,
    root_cause: { category: category === 'dependency-failure' && r.chance(0.1) ? 'third-party-outage' : category, summary: ctx.rc },
    contributing_factors: contributing.length ? contributing : undefined,
    five_whys: whys,
    action_items: actionItems,
    related: plan.related.length ? plan.related : undefined,
    recurrence_of: plan.recurrenceOf,
    follow_up_review: followUp,
  };
  const body = bodyFor(r, ctx, fill, { nearMiss, internalBlock: plan.internalBlock });
  return { id, data, body };
}

/* ------------------------------------------------------------------ body */

const SECTION_WEIGHT = { Summary: 1.2, 'Customer impact': 1, 'How we noticed': 0.8, 'How we mitigated': 1.2, 'Root cause analysis': 2.2, 'What went well': 0.6, 'What went poorly': 0.8, 'Where we got lucky': 0.5, 'Lessons learned': 0.7 };
const LIST_SECTIONS = new Set(['What went well', 'What went poorly', 'Where we got lucky', 'Lessons learned']);
const words = (s) => s.split(/\s+/).filter(Boolean).length;

function bodyFor(r, ctx, fill, { nearMiss, internalBlock }) {
  const target = Math.round(r.logUniform(300, 1500));
  const sections = V.SECTIONS.filter((s) => !(nearMiss && (s === 'Customer impact' || s === 'How we mitigated') && r.chance(0.5)));
  const content = new Map(sections.map((s) => [s, []]));
  const used = new Map(sections.map((s) => [s, new Set()]));
  let total = 0;
  const add = (section) => {
    const pool = V.BODY[section];
    const fresh = pool.filter((_, i) => !used.get(section).has(i));
    let sentence;
    if (fresh.length && r.chance(0.7)) {
      const i = pool.indexOf(r.pick(fresh));
      used.get(section).add(i);
      sentence = fill(pool[i]);
    } else sentence = fill(r.pick(V.FILLER));
    content.get(section).push(sentence.charAt(0).toUpperCase() + sentence.slice(1));
    total += words(sentence);
  };
  for (const s of sections) add(s);
  const weights = sections.map((s) => [s, SECTION_WEIGHT[s]]);
  while (total < target - 12) add(r.weighted(weights));

  const out = [];
  for (const s of sections) {
    out.push(`## ${s}`, '');
    const sentences = content.get(s);
    if (LIST_SECTIONS.has(s) && r.chance(0.7)) {
      for (const x of sentences) out.push(...wrap(`- ${x}`, '  '));
      out.push('');
    } else {
      // Paragraphs of 2–5 sentences.
      for (let i = 0; i < sentences.length; ) {
        const n = r.int(2, 5);
        out.push(...wrap(sentences.slice(i, i + n).join(' '), ''), '');
        i += n;
      }
    }
    if (s === 'Root cause analysis' && r.chance(0.2)) {
      out.push('| layer | what would have stopped it | present at the time? |', '|---|---|---|');
      out.push(`| code | a test of the ${ctx.comp} failure mode | no |`);
      out.push(`| pipeline | a check on the ${ctx.comp} before deploy | no |`);
      out.push(`| alarm | ${ctx.metric} on ${ctx.svcName} | ${r.chance(0.5) ? 'partly' : 'no'} |`, '');
    }
    if (s === 'How we mitigated' && internalBlock) {
      out.push('<Internal>', ...wrap(fill(r.pick(V.INTERNAL_NOTES)), ''), '</Internal>', '');
    }
  }
  return out.join('\n');
}

/** Wraps prose at about 100 columns, as people write Markdown. */
function wrap(text, indent) {
  const lines = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > 100) {
      lines.push(line);
      line = indent + word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/* ------------------------------------------------------------ frontmatter */

function frontmatter(d) {
  const out = ['---'];
  out.push(`title: ${scalar(d.title)}`);
  out.push(`summary:${folded(d.summary, 2)}`);
  out.push(`status: ${d.status}`, `severity: ${d.severity}`, `visibility: ${d.visibility}`, `incident_type: ${d.incident_type}`, `detection: ${d.detection}`);
  out.push(`authors: ${list(d.authors)}`);
  if (d.reviewers) out.push(`reviewers: ${list(d.reviewers)}`);
  if (d.approved) out.push(`approved: ${d.approved}`);
  out.push(`services: ${list(d.services)}`, `teams: ${list(d.teams)}`, `tags: ${list(d.tags)}`, '', 'timeline:');
  for (const e of d.timeline) {
    out.push(`  - at: ${e.at}`);
    if (e.kind) out.push(`    kind: ${e.kind}`);
    out.push(`    event: ${scalar(e.event)}`);
    if (e.source) out.push(`    source: ${e.source}`);
  }
  out.push('', 'impact:', `  description:${folded(d.impact.description, 4)}`);
  for (const k of ['users_affected', 'revenue_usd', 'slo_budget_consumed_pct', 'support_tickets', 'data_loss', 'customer_facing']) {
    if (d.impact[k] !== undefined) out.push(`  ${k}: ${d.impact[k]}`);
  }
  out.push('', 'root_cause:', `  category: ${d.root_cause.category}`, `  summary:${folded(d.root_cause.summary, 4)}`);
  if (d.contributing_factors) {
    out.push('', 'contributing_factors:');
    for (const f of d.contributing_factors) out.push(`  - category: ${f.category}`, `    description:${folded(f.description, 6)}`);
  }
  out.push('', 'five_whys:');
  for (const w of d.five_whys) out.push(`  - why: ${scalar(w.why)}`, `    because: ${scalar(w.because)}`);
  out.push('', 'action_items:');
  for (const a of d.action_items) {
    out.push(`  - title: ${scalar(a.title)}`, `    owner: ${a.owner}`, `    due: ${a.due}`, `    priority: ${a.priority}`, `    type: ${a.type}`, `    status: ${a.status}`);
    if (a.completed) out.push(`    completed: ${a.completed}`);
    if (a.tracker) out.push(`    tracker: ${a.tracker}`);
  }
  if (d.related) out.push('', `related: ${list(d.related)}`);
  if (d.recurrence_of) out.push(`recurrence_of: ${d.recurrence_of}`);
  if (d.follow_up_review) out.push(`follow_up_review: ${d.follow_up_review}`);
  out.push('---', '');
  return out.join('\n');
}

/* ------------------------------------------------------------- the set */

/**
 * Plans the whole set first (times, services, categories, statuses, repeats),
 * so that recurrence_of and related only point at earlier incidents and ids
 * stay unique, then writes each file.
 */
function planSet(count, seed) {
  const r = prng(seed);
  const start = RANGE_END - RANGE_YEARS * 365.25 * DAY;
  // Popular services have more incidents (Zipf-like).
  const order = r.sample(V.SERVICES.map((s) => s[0]), V.SERVICES.length);
  const serviceWeights = order.map((id, i) => [id, 1 / Math.pow(i + 1, 0.8)]);
  const times = Array.from({ length: count }, () => {
    // More incidents in later years (the company grows), a little weekday bias.
    const u = Math.pow(r.next(), 0.8);
    return Math.floor((start + u * (RANGE_END - start)) / MINUTE) * MINUTE;
  }).sort((a, b) => a - b);

  const ids = new Set();
  const byKey = new Map(); // service|category → earlier published plans
  const byService = new Map();
  const plans = [];
  const drafts = Math.max(2, Math.round(count * 0.015));
  const inReview = Math.max(1, Math.round(count * 0.01));
  times.forEach((t, i) => {
    let svc, category, scenario, recurrenceOf;
    const repeat = plans.length > 10 && r.chance(0.12);
    if (repeat) {
      // Repeat a recent incident: same service and category.
      const recent = plans.filter((p) => p.status === 'published' && t - p.start < 365 * DAY).slice(-200);
      const earlier = recent.length ? r.pick(recent) : r.pick(plans);
      svc = earlier.svc;
      category = earlier.category;
      scenario = earlier.scenario;
      if (r.chance(0.55) && earlier.status === 'published') {
        // Point at the latest incident of the chain, so chains grow.
        const chain = (byKey.get(`${svc}|${category}`) ?? []).filter((p) => p.status === 'published');
        recurrenceOf = (chain.length && r.chance(0.7) ? chain[chain.length - 1] : earlier).id;
      }
    } else {
      svc = r.weighted(serviceWeights);
      category = r.weighted(CATEGORY_WEIGHTS);
      scenario = r.pick(V.SCENARIOS[category]);
    }
    // The last incidents hold most of the drafts; a few older ones were never finished.
    const fromEnd = count - i;
    const status = fromEnd <= drafts * 3 && r.chance(0.3) ? 'draft'
      : fromEnd <= (drafts + inReview) * 4 && r.chance(0.2) ? 'in-review'
      : r.chance(0.003) ? 'draft'
      : 'published';
    const dayStr = day(t);
    let slug = `${svc}-${r.pick(scenario.slug)}`;
    let id = `${dayStr}-${slug}`;
    for (let n = 2; ids.has(id); n++) id = `${dayStr}-${slug}-${n}`;
    ids.add(id);
    const related = [];
    if (r.chance(0.12)) {
      const candidates = (byService.get(svc) ?? []).slice(-30).filter((p) => p.id !== recurrenceOf);
      for (const p of r.sample(candidates, r.int(1, 2))) related.push(p.id);
    }
    const plan = { id, start: t, svc, category, scenario, status, recurrenceOf, related, visibility: r.chance(0.2) ? 'internal' : 'public', internalBlock: r.chance(0.15) };
    plans.push(plan);
    const key = `${svc}|${category}`;
    if (!byKey.has(key)) byKey.set(key, []);
    byKey.get(key).push(plan);
    if (!byService.has(svc)) byService.set(svc, []);
    byService.get(svc).push(plan);
  });
  return { plans, r };
}

const FORBIDDEN = /[{}<]/;

/** Writes a knowledge base of `count` postmortems into `dir` (emptied first). Returns the folder and some counts. */
export async function generate({ count = 1000, dir, seed = 42 } = {}) {
  if (!dir) throw new Error('generate: dir is required');
  if (!(Number.isInteger(count) && count > 0)) throw new Error(`generate: count must be a whole number > 0, got ${count}`);
  const root = resolve(dir);
  await rm(root, { recursive: true, force: true });
  await mkdir(join(root, 'postmortems'), { recursive: true });
  const { teams, services } = catalogYaml();
  await writeFile(join(root, 'teams.yml'), teams);
  await writeFile(join(root, 'services.yml'), services);
  await copyFile(join(REPO, 'content/taxonomy.yml'), join(root, 'taxonomy.yml'));
  await copyFile(join(REPO, 'content/severities.yml'), join(root, 'severities.yml'));

  const catalogs = {
    serviceById: new Map(V.SERVICES.map(([id, name, team, tier, tech]) => [id, { id, name, team, tier, tech }])),
    teamById: new Map(V.TEAMS.map(([id, name]) => [id, { id, name }])),
  };
  const { plans, r } = planSet(count, seed);
  const stats = { count, words: 0, bytes: 0, drafts: 0, inReview: 0, internal: 0, recurrences: 0, internalBlocks: 0, offsets: 0 };
  const batch = [];
  for (const plan of plans) {
    const { id, data, body } = incident(r, plan, catalogs);
    const bodyCheck = body.replace(/^<\/?Internal>$/gm, '');
    if (FORBIDDEN.test(bodyCheck)) throw new Error(`generate: body of ${id} contains { } or <: ${bodyCheck.match(/.*[{}<].*/)?.[0]}`);
    const text = frontmatter(data) + '\n' + body;
    stats.words += words(body);
    stats.bytes += Buffer.byteLength(text);
    if (data.status === 'draft') stats.drafts++;
    if (data.status === 'in-review') stats.inReview++;
    if (data.visibility === 'internal') stats.internal++;
    if (data.recurrence_of) stats.recurrences++;
    if (plan.internalBlock) stats.internalBlocks++;
    if (!data.timeline[0].at.endsWith('Z')) stats.offsets++;
    batch.push(writeFile(join(root, 'postmortems', `${id}.mdx`), text));
    if (batch.length >= 64) await Promise.all(batch.splice(0));
  }
  await Promise.all(batch);
  stats.meanWords = Math.round(stats.words / count);
  return { dir: root, ids: plans.map((p) => p.id), stats };
}

/* ------------------------------------------------------------------- CLI */

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      count: { type: 'string', default: '1000' },
      out: { type: 'string' },
      seed: { type: 'string', default: '42' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write('Usage: node bench/generate.mjs --count N [--out DIR] [--seed S]\n  writes DIR/postmortems/*.mdx and the catalog YAML files (default DIR: bench/.work/kb-N)\n');
    process.exit(0);
  }
  const count = Number(values.count);
  const out = values.out ?? join(REPO, 'bench/.work', `kb-${count}`);
  const t0 = performance.now();
  const { dir, stats } = await generate({ count, dir: out, seed: Number(values.seed) });
  process.stdout.write(`generated ${count} postmortems into ${dir} in ${Math.round(performance.now() - t0)} ms\n${JSON.stringify(stats)}\n`);
}
