import type { ContentIssue, IssueLevel } from '../../schema/issues';
import type { PostmortemFrontmatter } from '../../schema/postmortem';

/** What the policy looks at: one parsed postmortem and its raw MDX body. */
export interface QualityInput {
  /** Path of the file, copied into every finding. */
  file: string;
  data: PostmortemFrontmatter;
  /** Raw MDX body, without the frontmatter. */
  body: string;
  /** 1-based line of the body's first line in the file (default 1), so body findings carry file lines. */
  bodyLineOffset?: number;
  /**
   * Top-level fields that failed validation and are absent from `data` (a file that cannot be
   * published is still checked in the same run): a rule that reads one of them is skipped.
   */
  invalidFields?: readonly string[];
}

/**
 * What the follow-through rules look at: the action items as they stand on a date. Kept apart from
 * QualityInput so that the writing-quality result never depends on the calendar.
 */
export interface FollowThroughInput {
  file: string;
  data: Pick<PostmortemFrontmatter, 'action_items'>;
  /** The date overdue action items are judged against, YYYY-MM-DD (UTC). */
  today: string;
}

/** A rule's setting in the config: `off` skips it; otherwise the level its findings get. */
export type RuleSetting = 'off' | IssueLevel;

/** The policy configuration after defaults are applied (see config.ts). */
export interface QualityConfig {
  /** Setting of every rule, keyed by full rule id (`quality/…`). */
  rules: Readonly<Record<string, RuleSetting>>;
  /** Every warning becomes an error (`hindsight check --strict`). */
  strict: boolean;
  /** Severity ids that need a 30/60-day follow-up review (rule `quality/follow-up-review`). */
  followUpReviewSeverities: readonly string[];
  /** Severity ids whose published postmortems need reviewers and an approval date (rule `quality/sign-off`). */
  signOffSeverities: readonly string[];
  /** Small incidents deserve a small document: what a light postmortem is, and what the policy asks of it. */
  light: LightPolicy;
}

/**
 * Which postmortems are light (a SEV3, a SEV4, a near-miss by default), which body sections they
 * are expected to have, and rule settings that apply to them over the general ones. The `new`
 * template writes the same sections.
 */
export interface LightPolicy {
  severities: readonly string[];
  incidentTypes: readonly string[];
  sections: readonly string[];
  rules: Readonly<Record<string, RuleSetting>>;
}

/** What a rule reports; the runner adds `file`, `rule` and the final `level`. */
export interface Finding {
  /** Field path in the author's terms (`action_items[2].title`), or `body`. */
  field: string;
  message: string;
  fix: string;
  /** 1-based line in the file, for body findings. */
  line?: number;
}

/** A frontmatter text field, flattened for the text rules. */
export interface TextField {
  field: string;
  text: string;
  /** `prose` is written by a person (checked for blameless language); `url` is a link (checked for secrets only). */
  kind: 'prose' | 'url';
}

/** Everything a rule may look at. Built once per postmortem by the runner. */
export interface RuleContext {
  file: string;
  data: PostmortemFrontmatter;
  body: string;
  bodyLineOffset: number;
  config: QualityConfig;
  /** `incident_type: near-miss`: see near-miss.ts for what that exempts. */
  nearMiss: boolean;
  /** A light postmortem (config.light): fewer body sections, and the light rule settings. */
  light: boolean;
  /** Every frontmatter text field, in document order. */
  textFields: readonly TextField[];
  /** The file line of a character offset in `body`. */
  bodyLine: (index: number) => number;
}

/** Rules are grouped into families; the score deducts once per family (score.ts). */
export type ScoreFamily =
  | 'action-items'
  | 'root-cause-analysis'
  | 'blameless-language'
  | 'impact'
  | 'sensitive-data'
  | 'follow-up'
  | 'document-structure'
  | 'placeholder'
  | 'sign-off';

export interface QualityRule {
  /** Stable id, `quality/<name>`: used in config, output and docs. Never rename one. */
  id: `quality/${string}`;
  /** Default level; the config may change it or turn the rule off. */
  level: IssueLevel;
  family: ScoreFamily;
  /** One line for docs and `--help`. */
  description: string;
  /**
   * When this returns true the rule runs at `error` whatever the config says,
   * even `off` (secrets in a public postmortem).
   */
  enforcedAsError?: (ctx: RuleContext) => boolean;
  check(ctx: RuleContext): Finding[];
}

/**
 * A rule about follow-through rather than writing: its findings depend on the date (an action item
 * becomes overdue while the document stays the same), so they are reported by `check` and shown on
 * pages beside the score, never stored with the document's quality result and never scored.
 */
export interface FollowThroughRule {
  id: `quality/${string}`;
  level: IssueLevel;
  family?: undefined;
  description: string;
  enforcedAsError?: undefined;
  check(ctx: FollowThroughInput): Finding[];
}

/** What lowered the score: one entry per rule family that fired. */
export interface ScoreDeduction {
  family: ScoreFamily;
  /** Human label of the family, for the page. */
  label: string;
  /** Points taken off (before the floor at 0). */
  points: number;
  /** Rule ids of the family that fired. */
  rules: string[];
  /** The findings behind it. */
  issues: ContentIssue[];
}

/**
 * The writing quality of one document: what its text and fields say, judged without a clock, so
 * that it is stable once the document is reviewed (an old, good postmortem does not lose points
 * because the calendar moved). Follow-through (overdue action items) is computed apart, on the day
 * it is shown: see runFollowThrough.
 */
export interface QualityResult {
  issues: ContentIssue[];
  /** Writing quality, 0–5 in steps of 0.5. */
  score: number;
  deductions: ScoreDeduction[];
}
