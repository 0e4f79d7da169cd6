import { suggestion } from '../text/did-you-mean';
import { FOLLOW_THROUGH_RULES, QUALITY_RULES, RULE_IDS } from './registry';
import type { QualityConfig, RuleSetting } from './types';

/**
 * The default policy: every rule at its own level (all warnings, as
 * content-model.md asks), not strict, and a follow-up review expected for
 * SEV1 and SEV2.
 */
export const DEFAULT_QUALITY_CONFIG: QualityConfig = Object.freeze({
  rules: Object.freeze(Object.fromEntries([...QUALITY_RULES, ...FOLLOW_THROUGH_RULES].map((r) => [r.id, r.level]))),
  strict: false,
  followUpReviewSeverities: Object.freeze(['SEV1', 'SEV2']),
});

/** What a knowledge base may set, in hindsight.config.mjs (`quality: { … }`) or from the CLI. */
export interface QualityConfigOverrides {
  /**
   * Per rule: `off`, `warning` or `error`. Keys are rule ids, with or without
   * the `quality/` prefix: `{ 'follow-up-review': 'off', 'quality/blameless-language': 'error' }`.
   * Exception: `secrets-and-personal-data` is always an error for a public postmortem.
   */
  rules?: Readonly<Record<string, RuleSetting>>;
  /** Every warning becomes an error. */
  strict?: boolean;
  /** Severity ids that need a follow_up_review (a team with its own severities.yml sets its own). */
  followUpReviewSeverities?: readonly string[];
}

/** A mistake in the quality config: unknown rule, unknown setting. The message names the fix. */
export class QualityConfigError extends Error {
  override name = 'QualityConfigError';
}

const SETTINGS: readonly RuleSetting[] = ['off', 'warning', 'error'];

/** The defaults with the overrides applied; throws QualityConfigError on an unknown rule or setting. */
export function resolveQualityConfig(overrides: QualityConfigOverrides = {}): QualityConfig {
  const rules: Record<string, RuleSetting> = { ...DEFAULT_QUALITY_CONFIG.rules };
  const problems: string[] = [];
  for (const [key, setting] of Object.entries(overrides.rules ?? {})) {
    const id = key.startsWith('quality/') ? key : `quality/${key}`;
    if (!RULE_IDS.includes(id)) {
      const names = RULE_IDS.map((r) => r.slice('quality/'.length));
      problems.push(`quality.rules: unknown rule "${key}"; ${suggestion(key.replace(/^quality\//, ''), names, 'quality rule')}`);
      continue;
    }
    if (!SETTINGS.includes(setting)) {
      problems.push(`quality.rules["${key}"]: "${String(setting)}" is not a setting; use "off", "warning" or "error"`);
      continue;
    }
    rules[id] = setting;
  }
  if (overrides.followUpReviewSeverities !== undefined && !Array.isArray(overrides.followUpReviewSeverities)) {
    problems.push('quality.followUpReviewSeverities: must be a list of severity ids, e.g. ["SEV1", "SEV2"]');
  }
  if (problems.length) throw new QualityConfigError(problems.join('\n'));
  return {
    rules,
    strict: overrides.strict ?? DEFAULT_QUALITY_CONFIG.strict,
    followUpReviewSeverities: overrides.followUpReviewSeverities ?? DEFAULT_QUALITY_CONFIG.followUpReviewSeverities,
  };
}
