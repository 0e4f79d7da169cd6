import type { ContentIssue, IssueLevel } from '../../schema/issues';
import { DEFAULT_QUALITY_CONFIG } from './config';
import { isNearMiss } from './near-miss';
import { QUALITY_RULES, ruleById } from './registry';
import { scoreIssues } from './score';
import { lineLocator, textFields } from './text';
import type { QualityConfig, QualityInput, QualityResult, RuleContext } from './types';

/**
 * Applies the quality policy to one postmortem: every rule that is not off,
 * each finding completed with file, rule id and final level, then the score.
 *
 * Level: the rule's configured setting; `error` when the rule enforces it
 * (secrets in a public postmortem, even if configured off); `error` for
 * everything under `strict`. Pure: no I/O, no clock (`today` is an input).
 */
export function runQualityPolicy(input: QualityInput, config: QualityConfig = DEFAULT_QUALITY_CONFIG): QualityResult {
  const ctx: RuleContext = {
    file: input.file,
    data: input.data,
    body: input.body,
    bodyLineOffset: input.bodyLineOffset ?? 1,
    today: input.today,
    config,
    nearMiss: isNearMiss(input.data),
    textFields: textFields(input.data),
    bodyLine: lineLocator(input.body, input.bodyLineOffset ?? 1),
  };
  const issues: ContentIssue[] = [];
  for (const rule of QUALITY_RULES) {
    const setting = config.rules[rule.id] ?? rule.level;
    const enforced = rule.enforcedAsError?.(ctx) ?? false;
    if (setting === 'off' && !enforced) continue;
    const level: IssueLevel = enforced || config.strict || setting === 'error' ? 'error' : 'warning';
    for (const f of rule.check(ctx)) {
      issues.push({
        file: input.file,
        field: f.field,
        message: f.message,
        fix: f.fix,
        rule: rule.id,
        level,
        ...(f.line !== undefined ? { line: f.line } : {}),
      });
    }
  }
  const { score, deductions } = scoreIssues(issues, (id) => ruleById(id)?.family);
  return { issues, score, deductions };
}
