import { suggestion } from '../text/did-you-mean';
import { FOLLOW_THROUGH_RULES, QUALITY_RULES, RULE_IDS } from './registry';
import { BODY_SECTIONS } from './rules/body-sections';
import type { LightPolicy, QualityConfig, RuleSetting } from './types';

/** The sections a light postmortem is expected to have, in order (a near-miss may still skip Customer impact). */
export const LIGHT_SECTIONS: readonly (typeof BODY_SECTIONS)[number][] = ['Summary', 'Customer impact', 'How we noticed', 'Root cause analysis', 'Lessons learned'];

/**
 * The default policy: every rule at its own level (all warnings, as
 * content-model.md asks), not strict, a follow-up review and a sign-off
 * expected for SEV1 and SEV2, and SEV3, SEV4 and near-misses written light.
 */
export const DEFAULT_QUALITY_CONFIG: QualityConfig = Object.freeze({
  rules: Object.freeze(Object.fromEntries([...QUALITY_RULES, ...FOLLOW_THROUGH_RULES].map((r) => [r.id, r.level]))),
  strict: false,
  followUpReviewSeverities: Object.freeze(['SEV1', 'SEV2']),
  signOffSeverities: Object.freeze(['SEV1', 'SEV2']),
  light: Object.freeze({
    severities: Object.freeze(['SEV3', 'SEV4']),
    incidentTypes: Object.freeze(['near-miss']),
    sections: LIGHT_SECTIONS,
    rules: Object.freeze({}),
  }),
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
  /** Severity ids whose published postmortems need `reviewers` and an `approved` date. */
  signOffSeverities?: readonly string[];
  /** What a light postmortem is and what is asked of it; each key replaces the default. */
  light?: Partial<LightPolicy>;
}

/** A mistake in the quality config: unknown rule, unknown setting. The message names the fix. */
export class QualityConfigError extends Error {
  override name = 'QualityConfigError';
}

const SETTINGS: readonly RuleSetting[] = ['off', 'warning', 'error'];

/** The defaults with the overrides applied; throws QualityConfigError on an unknown rule or setting. */
export function resolveQualityConfig(overrides: QualityConfigOverrides = {}): QualityConfig {
  const problems: string[] = [];
  const rules = ruleSettings(overrides.rules ?? {}, { ...DEFAULT_QUALITY_CONFIG.rules }, 'quality.rules', problems);
  const lightRules = ruleSettings(overrides.light?.rules ?? {}, {}, 'quality.light.rules', problems);
  for (const key of ['followUpReviewSeverities', 'signOffSeverities'] as const) {
    if (overrides[key] !== undefined && !Array.isArray(overrides[key])) problems.push(`quality.${key}: must be a list of severity ids, e.g. ["SEV1", "SEV2"]`);
  }
  if (problems.length) throw new QualityConfigError(problems.join('\n'));
  const light = DEFAULT_QUALITY_CONFIG.light;
  return {
    rules,
    strict: overrides.strict ?? DEFAULT_QUALITY_CONFIG.strict,
    followUpReviewSeverities: overrides.followUpReviewSeverities ?? DEFAULT_QUALITY_CONFIG.followUpReviewSeverities,
    signOffSeverities: overrides.signOffSeverities ?? DEFAULT_QUALITY_CONFIG.signOffSeverities,
    light: {
      severities: overrides.light?.severities ?? light.severities,
      incidentTypes: overrides.light?.incidentTypes ?? light.incidentTypes,
      sections: overrides.light?.sections ?? light.sections,
      rules: lightRules,
    },
  };
}

/** Rule settings keyed by full id, from keys with or without the `quality/` prefix; problems are collected, not thrown. */
function ruleSettings(given: Readonly<Record<string, RuleSetting>>, into: Record<string, RuleSetting>, where: string, problems: string[]): Record<string, RuleSetting> {
  for (const [key, setting] of Object.entries(given)) {
    const id = key.startsWith('quality/') ? key : `quality/${key}`;
    if (!RULE_IDS.includes(id)) {
      const names = RULE_IDS.map((r) => r.slice('quality/'.length));
      problems.push(`${where}: unknown rule "${key}"; ${suggestion(key.replace(/^quality\//, ''), names, 'quality rule')}`);
      continue;
    }
    if (!SETTINGS.includes(setting)) {
      problems.push(`${where}["${key}"]: "${String(setting)}" is not a setting; use "off", "warning" or "error"`);
      continue;
    }
    into[id] = setting;
  }
  return into;
}

/** A light postmortem (config.light): a small incident that deserves a small document. */
export function isLight(data: { severity: string; incident_type: string }, light: LightPolicy): boolean {
  const severity = data.severity.toLowerCase();
  return light.severities.some((s) => s.toLowerCase() === severity) || light.incidentTypes.includes(data.incident_type);
}
