/**
 * Every blameless-language pattern Hindsight knows, in one place: what it
 * matches, why a COE reviewer pushes back on it, and a rewording in the
 * practice's own terms (people do not cause failures, systems allow them).
 *
 * Each pattern carries sentences it must flag and sentences it must leave
 * alone; the unit tests run every one of them, so adding a pattern means
 * adding its examples here too.
 *
 * Patterns that need a person as the subject ("failed to", "didn't test",
 * "broke production") use the PERSON fragment below: pronouns, roles
 * ("the on-call engineer"), @handles and capitalised first names. They are
 * case-sensitive so that a capitalised name can be told from a lowercase noun;
 * the first letter of every other word matches either case.
 */

export interface BlamelessPattern {
  /** Stable id, shown after the rule id so a reader can find the entry here. */
  id: string;
  regex: RegExp;
  /** Why a reviewer pushes back on it, completing "…"-quoted text in a sentence. */
  explanation: string;
  /** A rewording that names the system or process instead of a person. */
  suggestion: string;
  /** Sentences this pattern must flag (tested). */
  fires: readonly string[];
  /** Sentences that contain a similar word in another sense and must pass (tested). */
  passes: readonly string[];
}

/** `we` → `[Ww]e`: sentence-initial capitals match, the rest stays case-sensitive. */
const either = (word: string) => `[${word.charAt(0).toUpperCase()}${word.charAt(0)}]${word.slice(1)}`;
const any = (words: readonly string[]) => `(?:${words.map(either).join('|')})`;
const APOS = `['’]`;

const PRONOUN = any(['i', 'we', 'he', 'she', 'they', 'you', 'someone', 'somebody', 'nobody', 'no one']);
const ROLE =
  `${any(['the', 'an', 'a', 'our', 'their', 'his', 'her', 'one', 'another'])}\\s+` +
  `(?:on-?call(?:\\s+engineers?)?|engineers?|developers?|devs?|authors?|operators?|reviewers?|SREs?|admins?|administrators?|` +
  `interns?|team\\s+members?|humans?|person|people|employees?|contractors?|release\\s+managers?|deployers?|committers?|new\\s+hires?|staff)`;
const HANDLE = `@[A-Za-z0-9][\\w.-]*`;
/** Capitalised words that start sentences about systems; never read as a person's name. */
const NOT_NAMES =
  '(?:The|This|That|These|Those|It|Its|There|Then|Which|What|When|While|Nothing|Nobody|Everything|Staging|Production|Prod|' +
  'Testing|Tests?|Monitoring|Alerting|Canary|Review|Validation|Deploys?|Deployment|Rollback|Automation|Tooling|Nobody)';
const NAME = `(?!${NOT_NAMES}\\b)[A-Z][a-z]+`;
/** A person as the grammatical subject, name excluded (for verbs that systems also do). */
const PERSON_NO_NAME = `(?:\\b(?:${ROLE}|${PRONOUN})|${HANDLE})`;
/** A person as the grammatical subject, including a capitalised first name. */
const PERSON = `(?:\\b(?:${ROLE}|${PRONOUN}|${NAME})|${HANDLE})`;

/** Verbs after "failed to" that only a person does (so "Kafka failed to elect a leader" passes). */
const HUMAN_VERBS =
  '(?:notice|check|test|verify|review|follow|read|update|communicate|escalate|report|remember|ask|tell|inform|respond|' +
  'acknowledge|realise|realize|consider|see|catch|spot|anticipate|foresee|page|notify|mention|flag|coordinate|document|double-check)';

const re = (source: string, flags = '') => new RegExp(source, flags);

export const BLAMELESS_PATTERNS: readonly BlamelessPattern[] = [
  {
    id: 'human-error',
    regex: /\b(?:human|operator|personnel)[\s-]+errors?\b/i,
    explanation: 'stops the analysis at a person; a reviewer asks why the system let one slip reach customers',
    suggestion: "describe what the system allowed, e.g. 'the deploy tool accepted an out-of-range value', then ask the next why",
    fires: ['Root cause: human error.', 'An operator error during the failover dropped the primary.'],
    passes: ['The incident consumed 40% of the error budget.', 'The human-readable error message named the wrong host.'],
  },
  {
    id: 'should-have-known',
    regex: /\bshould(?:\s+not|n['’]t)?\s+have\s+(?:known|realised|realized|noticed|seen|spotted|remembered|anticipated|foreseen|been\s+(?:aware|obvious|more\s+careful))\b/i,
    explanation: 'is hindsight: it judges a decision by what we know now, not by what the system showed at the time',
    suggestion: "say what the system did not make visible, e.g. 'nothing in the deploy output showed the effective pool size'",
    fires: ['The on-call should have known the pool was shared.', 'In hindsight it should have been obvious.'],
    passes: ['Nothing in the deploy output showed the effective pool size.', 'The dashboard would have shown the lag if it tracked age.'],
  },
  {
    id: 'should-have-caught',
    // A counterfactual about a mechanism ("the canary should have caught it") names a system gap and passes.
    regex: /(?<!\b(?:tests?|suites?|alarms?|alerts?|checks?|canar(?:y|ies)|pipelines?|monitors?|monitoring|validation|linters?|lint|CI|tooling|tools?|guards?|probes?|gates?|scanners?|jobs?|steps?|hooks?|bots?|staging)\s+)\bshould(?:n['’]t|\s+not)?\s+have\s+(?:caught|checked|tested|verified|validated|reviewed|double-checked|asked|escalated)\b/i,
    explanation: 'is hindsight aimed at a person; it says who missed it, not why the system let it through',
    suggestion: "say what would have caught it and why it did not, e.g. 'no test covers pool sizes under 50, so the change passed CI'",
    fires: ['We should have caught this in review.', 'The reviewer should have checked the diff.'],
    passes: ['The integration tests should have caught it, but none covers pool sizes.', 'The canary should have caught this; it samples 1% of traffic.'],
  },
  {
    id: 'more-careful',
    regex: /\b(?:be|been|being)\s+more\s+(?:careful|vigilant|diligent|attentive|cautious|thorough)\b|\b(?:was|were)(?:\s+not|n['’]t)\s+(?:careful|vigilant|diligent|attentive|cautious|thorough)(?:\s+enough)?\b/i,
    explanation: 'is an intention, not a mechanism: care fades and people rotate',
    suggestion: "name the check that makes the care unnecessary, e.g. 'the pipeline rejects pool sizes under 50'",
    fires: ['Engineers need to be more careful with config changes.', "The author wasn't careful enough."],
    passes: ['A careful read of the broker logs showed members leaving on session timeout.'],
  },
  {
    id: 'careless',
    regex: /\bcareless(?:ly|ness)?\b/i,
    explanation: "judges a person's character instead of the conditions the system created",
    suggestion: "describe the conditions, e.g. 'the change was made at 02:00 under time pressure and the tool asked for no confirmation'",
    fires: ['A careless config edit shrank the pool.', 'The value was carelessly copied from staging.'],
    passes: ['The change was reviewed with care by two engineers.'],
  },
  {
    id: 'negligent',
    regex: /\bneglig(?:ent|ently|ence)\b/i,
    explanation: 'is a legal and moral judgement of a person; a postmortem looks for the missing safeguard',
    suggestion: "name the missing safeguard, e.g. 'no alarm covered certificate expiry, so renewal depended on a calendar reminder'",
    fires: ['The renewal was missed through negligence.'],
    passes: ['The latency difference was negligible (under 2 ms).'],
  },
  {
    id: 'sloppy',
    regex: /\bslopp(?:y|ily|iness)\b/i,
    explanation: "judges a person's work instead of the process that accepted it",
    suggestion: "say what the process accepted, e.g. 'the review template has no step for config bounds'",
    fires: ['Sloppy review let the change through.'],
    passes: ['The review template has no step for config bounds.'],
  },
  {
    id: 'incompetent',
    regex: /\bincompeten(?:t|tly|ce)\b/i,
    explanation: "judges a person's ability; reviewers send a COE back for it",
    suggestion: "describe what the system expected people to know, e.g. 'the failover needs six manual steps that are written down nowhere'",
    fires: ['The vendor team was incompetent.'],
    passes: ['The failover needs six manual steps that are written down nowhere.'],
  },
  {
    id: 'reckless',
    regex: /\breckless(?:ly|ness)?\b/i,
    explanation: "judges a person's intent instead of the guardrails that were missing",
    suggestion: "name the missing guardrail, e.g. 'the console allows deleting a production table without a second approval'",
    fires: ['It was a reckless deploy on a Friday evening.'],
    passes: ['The console allows deleting a production table without a second approval.'],
  },
  {
    id: 'fault-of',
    regex: /\bthe\s+fault\s+of\b|\bat\s+fault\b/i,
    explanation: 'assigns the failure to someone; the question is what the system allowed',
    suggestion: "say what allowed the failure, e.g. 'the deploy tool applied the change to every region at once'",
    fires: ['The outage was the fault of the release engineer.', 'The deploying engineer was at fault.'],
    passes: [
      'The fault injection test found the same gap a week later.',
      'Checkout is fault-tolerant across three zones.',
      'A faulty disk in node 4 slowed the rebuild.',
      'A fault in the RAID controller dropped the array.',
      'A fault of the power supply tripped the breaker.',
    ],
  },
  {
    id: 'personal-fault',
    regex: re(`\\b(?:${any(['his', 'her', 'their', 'my', 'your', 'our'])}\\s+(?:own\\s+)?|[A-Z][a-z]+${APOS}s\\s+)(?:fault|mistake)s?\\b(?![-\\s]+(?:toleran\\w*|injection|domains?|isolation|detection|zones?|lines?|handling|trees?))`),
    explanation: 'assigns the failure to a person',
    suggestion: "name the gap instead, e.g. 'the tool allowed the change without a review step'",
    fires: ["This was Alex's mistake.", 'It was her fault the flag stayed on.'],
    passes: ["Kafka's fault tolerance relies on three replicas.", 'Our fault-injection suite does not cover DNS.'],
  },
  {
    id: 'blame',
    // "blameless" never matches (\b); "git blame", "blame-free", "no blame" and "without blame" are the practice's own words.
    regex: /(?<!\bgit\s+)(?<!\b(?:no|without)\s+)\bblam(?:e|ed|es|ing|eworthy)\b(?![-\s]?free)/i,
    explanation: 'frames the incident as a question of who, when a COE asks what the system allowed',
    suggestion: "leave blame out: say what the system allowed and what will change, e.g. 'the deploy had no canary stage'",
    fires: ['Support blamed the release for the errors.', 'Nobody is to blame for the outage.'],
    passes: [
      'This is a blameless postmortem.',
      'We ran git blame on the template to find the commit that changed it.',
      'The review was blame-free.',
      'We review incidents without blame.',
    ],
  },
  {
    id: 'did-not-test',
    regex: re(`${PERSON}\\s+(?:(?:didn${APOS}t|did\\s+not|never)\\s+(?:test|check|verify|review|double-check|look\\s+at)|never\\s+(?:tested|checked|verified|reviewed))\\b`),
    explanation: 'points at a person; the question is why testing did not catch it',
    suggestion: "say why testing did not catch it, e.g. 'testing did not catch this because staging runs a tenth of production traffic'",
    fires: ["She didn't test it before the deploy.", "Alex didn't check the dashboard.", 'The author did not test the rollback.', 'We never tested the restore.'],
    passes: [
      'The pipeline did not check the pool-size bounds.',
      'Testing did not catch this because staging runs a tenth of production traffic.',
      'Staging did not test the new timeout under GC pressure.',
      'Postgres did not read the new config until the restart.',
    ],
  },
  {
    id: 'failed-to',
    regex: re(`${PERSON_NO_NAME}\\s+failed\\s+to\\b|\\b${NAME}\\s+failed\\s+to\\s+${HUMAN_VERBS}\\b`),
    explanation: 'makes a person the subject of the failure',
    suggestion: "say what the system did not do or show, e.g. 'the alarm did not page because it counted messages, not lag age'",
    fires: ['The on-call engineer failed to escalate.', 'We failed to notice the lag.', 'Priya failed to follow the runbook.'],
    passes: ['The consumer failed to rejoin the group.', 'Kafka failed to elect a leader.', 'The health check failed to detect the stall.', 'Deploys failed to start.'],
  },
  {
    id: 'forgot-to',
    regex: re(`\\b[Ff]org(?:ot|otten|et|etting)\\s+to\\b|${PERSON}\\s+forgot\\b`),
    explanation: 'relies on memory, and people forget: the fix is a mechanism that does not need remembering',
    suggestion: "replace memory with a mechanism, e.g. 'the pipeline blocks the deploy until the template is updated'",
    fires: ['The engineer forgot to update the template.', 'Alex forgot the feature flag.'],
    passes: ['Events are sent fire-and-forget, so none were retried.', 'The pipeline has no step that updates the template.'],
  },
  {
    id: 'broke-production',
    regex: re(
      `${PERSON_NO_NAME}\\s+(?:broke|took\\s+down|brought\\s+down)\\b|` +
        `\\b${NAME}\\s+(?:broke|took\\s+down|brought\\s+down)\\s+(?:prod(?:uction)?|the\\s+(?:build|site|deploy|release|service|database|cluster|app)|main|master|everything|it)\\b`,
    ),
    explanation: 'names a person as the cause; the change is the subject, not its author',
    suggestion: "name the change, not the person, e.g. 'a configuration change caused checkout to fail'",
    fires: ['Alex broke production with a config push.', 'She took down checkout for an hour.', 'Someone broke the build.'],
    passes: ['The circuit breaker broke the cycle of retries.', 'A configuration change caused checkout to fail.', 'The rebalance brought down throughput to zero.'],
  },
  {
    id: 'attention',
    regex: /\b(?:lack\s+of|not\s+paying|didn['’]t\s+pay|did\s+not\s+pay|wasn['’]t\s+paying|weren['’]t\s+paying)\s+(?:enough\s+|close\s+|more\s+)?attention\b|\binattentive(?:ness)?\b/i,
    explanation: "blames a person's attention; attention is not a safeguard",
    suggestion: "make the signal impossible to miss, e.g. 'the deploy output did not show the effective value; it now prints a diff'",
    fires: ['A lack of attention during the deploy let the change out.', "The reviewer wasn't paying attention."],
    passes: ['The alarm drew attention to the lag within two minutes.'],
  },
  {
    id: 'judged-mistake',
    regex: /\b(?:stupid|silly|rookie|dumb)\s+(?:mistakes?|errors?|slips?)\b|\b(?:obvious|avoidable)\s+mistakes?\b/i,
    explanation: 'judges the slip instead of asking why the system let it through',
    suggestion: "say what let the slip through, e.g. 'the form accepts a value of 0 without confirmation'",
    fires: ['It was a rookie mistake.', 'An obvious mistake in the template reached production.'],
    passes: ['The form accepts a value of 0 without confirmation.', 'Obvious errors in the template are rejected by the schema check.'],
  },
];

/**
 * What the last of the 5 Whys must not stop at: a person's slip or a
 * people-deficit ("lack of training"). Used by `quality/whys-last-answer`
 * together with BLAMELESS_PATTERNS; these phrases are fine in a timeline, but
 * not as the final answer of the chain.
 */
export const PERSON_AS_CAUSE: readonly BlamelessPattern[] = [
  {
    id: 'person-slip',
    regex: re(
      `${PERSON}\\s+(?:forgot|missed|overlooked|neglected|ignored|skipped|misread|mistyped|misconfigured|fat-fingered|` +
        `made\\s+an?\\s+(?:mistake|error|typo|slip)|was\\s+(?:tired|distracted|rushed|careless|inexperienced|new\\s+to)|` +
        `(?:wasn${APOS}t|was\\s+not|weren${APOS}t|were\\s+not)\\s+(?:aware|careful|paying|familiar|trained)|` +
        `(?:didn${APOS}t|did\\s+not|never)\\s+(?:know|check|test|notice|follow|read|realise|realize|verify|review|see|understand|think)|` +
        `failed\\s+to|should\\s+have)\\b`,
    ),
    explanation: "stops at a person's action; the chain should go on to why the system allowed it",
    suggestion: "ask one more why: 'because the deploy pipeline has no validation step for pool sizes'",
    fires: ['Because the engineer forgot to update the template.', "Because Alex didn't check the dashboard.", 'The on-call missed the page.'],
    passes: ['Because the deploy pipeline has no validation step for pool sizes.', 'The build has no check that diffs effective Kafka client configuration.'],
  },
  {
    id: 'slip-noun',
    regex: /\b(?:a|an|the)\s+(?:simple\s+|small\s+)?(?:typo|slip|lapse|oversight|mistake)\b|\bfat[- ]finger(?:ed|ing)?\b/i,
    explanation: 'names a slip as the cause; slips happen, the question is why one could reach customers',
    suggestion: "name the missing guard, e.g. 'because the config schema accepts any integer for the pool size'",
    fires: ['Because of a typo in the template.', 'An oversight during the migration.'],
    passes: ['Because the config schema accepts any integer for the pool size.'],
  },
  {
    id: 'people-deficit',
    regex: /\b(?:lack\s+of|insufficient|inadequate|not\s+enough|poor)\s+(?:attention|care|diligence|experience|knowledge|training|awareness|discipline|ownership|understanding|judgement|judgment)\b|\b(?:needs?|needed|requires?|required)\s+(?:more\s+|better\s+)?training\b/i,
    explanation: 'ends at what people lack; training fades and people rotate',
    suggestion: "ask why the system depended on what one person knew, e.g. 'because the failover runbook is not linked from the alarm'",
    fires: ['Because of a lack of training on the new failover tool.', 'The team needs more training.'],
    passes: ['Because the failover runbook is not linked from the alarm.'],
  },
];

/** A pattern's regex with the global flag, for matchAll. */
export function globalRegex(pattern: BlamelessPattern): RegExp {
  const { source, flags } = pattern.regex;
  return new RegExp(source, flags.includes('g') ? flags : `${flags}g`);
}
