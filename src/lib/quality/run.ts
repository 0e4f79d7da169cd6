import type { ContentIssue, IssueLevel } from '../../schema/issues';
import { DEFAULT_QUALITY_CONFIG, isLight } from './config';
import { isNearMiss } from './near-miss';
import { FOLLOW_THROUGH_RULES, QUALITY_RULES, ruleById } from './registry';
import { scoreIssues } from './score';
import { lineLocator, textFields } from './text';
import type { Finding, FollowThroughInput, QualityConfig, QualityInput, QualityResult, RuleContext } from './types';

/**
 * Applies the quality policy to one postmortem: every rule that is not off,
 * each finding completed with file, rule id and final level, then the score.
 *
 * Level: the rule's configured setting; `error` when the rule enforces it
 * (secrets in a public postmortem, even if configured off); `error` for
 * everything under `strict`. Pure: no I/O, no clock: the result is the
 * document's writing quality and does not change with the date.
 */
export function runQualityPolicy(input: QualityInput, config: QualityConfig = DEFAULT_QUALITY_CONFIG): QualityResult {
  const data = input.invalidFields?.length ? guarded(input.data, new Set(input.invalidFields)) : input.data;
  const ctx: RuleContext = {
    file: input.file,
    data,
    body: input.body,
    bodyLineOffset: input.bodyLineOffset ?? 1,
    config,
    // Getters: a rule that never asks is not skipped because incident_type or severity is invalid.
    get nearMiss() {
      return isNearMiss(data);
    },
    get light() {
      return isLight(data, config.light);
    },
    textFields: textFields(input.data),
    bodyLine: lineLocator(input.body, input.bodyLineOffset ?? 1),
  };
  const issues: ContentIssue[] = [];
  for (const rule of QUALITY_RULES) {
    try {
      const setting = (ctx.light ? config.light.rules[rule.id] : undefined) ?? config.rules[rule.id] ?? rule.level;
      const enforced = rule.enforcedAsError?.(ctx) ?? false;
      if (setting === 'off' && !enforced) continue;
      const level: IssueLevel = enforced || config.strict || setting === 'error' ? 'error' : 'warning';
      issues.push(...rule.check(ctx).map((f) => toIssue(f, input.file, rule.id, level)));
    } catch (error) {
      if (!(error instanceof InvalidField)) throw error;
    }
  }
  const { score, deductions } = scoreIssues(issues, (id) => ruleById(id)?.family);
  return { issues, score, deductions };
}

/**
 * Follow-through on one postmortem as of `today` (overdue action items): reported by `check` and
 * shown on pages beside the score, computed when asked, never stored with the document.
 */
export function runFollowThrough(input: FollowThroughInput, config: QualityConfig = DEFAULT_QUALITY_CONFIG): ContentIssue[] {
  const issues: ContentIssue[] = [];
  for (const rule of FOLLOW_THROUGH_RULES) {
    const setting = config.rules[rule.id] ?? rule.level;
    if (setting === 'off') continue;
    const level: IssueLevel = config.strict || setting === 'error' ? 'error' : 'warning';
    issues.push(...rule.check(input).map((f) => toIssue(f, input.file, rule.id, level)));
  }
  return issues;
}

/** Thrown when a rule reads a field that failed validation: the rule is skipped, its field already has an error. */
class InvalidField extends Error {}

/**
 * The valid part of a frontmatter that failed validation, as rules see it: reading a field that
 * failed throws InvalidField, so a rule never reports on a field it cannot see (no "five_whys is
 * missing" when five_whys is there but broken), and rules added later need no list of what they read.
 */
function guarded<T extends object>(data: T, invalid: ReadonlySet<string>): T {
  return new Proxy(data, {
    get(target, key, receiver) {
      if (typeof key === 'string' && invalid.has(key)) throw new InvalidField(key);
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
}

function toIssue(f: Finding, file: string, rule: string, level: IssueLevel): ContentIssue {
  return { file, field: f.field, message: f.message, fix: f.fix, rule, level, ...(f.line !== undefined ? { line: f.line } : {}) };
}
