import type { ContentIssue } from '../../schema/issues';
import type { ScoreDeduction, ScoreFamily } from './types';

export const MAX_SCORE = 5;

/**
 * The one place the quality score is weighed. A postmortem starts at 5; each
 * rule family that fired deducts once, by the largest weight among its rules
 * that fired (a missing action list costs more than one vague title, but ten
 * vague titles cost no more than one). The result is floored at 0 and
 * rounded to the nearest 0.5. Rules that are off do not run, so they cost
 * nothing; the level (warning or error) does not change the score. Follow-through
 * rules (overdue action items) are not weighed: the score measures the document.
 */
export const SCORE_WEIGHTS: Readonly<Record<string, number>> = {
  'quality/action-items-present': 1.5,
  'quality/action-item-concrete': 0.5,
  'quality/whys-depth': 1,
  'quality/whys-last-answer': 1,
  'quality/blameless-language': 1,
  'quality/impact-quantified': 0.5,
  'quality/secrets-and-personal-data': 1,
  'quality/follow-up-review': 0.5,
  'quality/body-sections': 0.5,
  'quality/placeholder-text': 1,
  // A document that is still the template has said nothing yet: it scores 0.
  'quality/still-template': 5,
  'quality/sign-off': 0.5,
  'quality/prevention-hierarchy': 0.5,
};

const FAMILY_LABELS: Readonly<Record<ScoreFamily, string>> = {
  'action-items': 'Action items',
  'root-cause-analysis': 'Root cause analysis (5 Whys)',
  'blameless-language': 'Blameless language',
  impact: 'Quantified impact',
  'sensitive-data': 'Secrets and personal data',
  'follow-up': 'Follow-up review planned',
  'document-structure': 'Document sections',
  placeholder: 'Template placeholders',
  'sign-off': 'Sign-off by reviewers',
};

/** Rounds to the nearest 0.5. */
export const roundHalf = (x: number) => Math.round(x * 2) / 2;

/**
 * The score and what lowered it, from the issues the runner produced.
 * `familyOf` maps a rule id to its family (the registry knows).
 */
export function scoreIssues(issues: readonly ContentIssue[], familyOf: (rule: string) => ScoreFamily | undefined): { score: number; deductions: ScoreDeduction[] } {
  const byFamily = new Map<ScoreFamily, ScoreDeduction>();
  for (const issue of issues) {
    const family = familyOf(issue.rule);
    if (!family) continue;
    const d = byFamily.get(family) ?? { family, label: FAMILY_LABELS[family], points: 0, rules: [], issues: [] };
    d.points = Math.max(d.points, SCORE_WEIGHTS[issue.rule] ?? 0);
    if (!d.rules.includes(issue.rule)) d.rules.push(issue.rule);
    d.issues.push(issue);
    byFamily.set(family, d);
  }
  const deductions = [...byFamily.values()].sort((a, b) => b.points - a.points);
  const lost = deductions.reduce((sum, d) => sum + d.points, 0);
  return { score: roundHalf(Math.max(0, MAX_SCORE - lost)), deductions };
}
