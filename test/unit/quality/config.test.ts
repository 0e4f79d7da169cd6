import { describe, expect, it } from 'vitest';
import { DEFAULT_QUALITY_CONFIG, QualityConfigError, resolveQualityConfig } from '../../../src/lib/quality';
import { check, issuesOf } from './make-postmortem';

const vague = { action_items: [{ title: 'Improve monitoring', owner: 'payments', due: '2026-05-01', priority: 'P2', type: 'detect', status: 'open' }] } as const;
const vagueData = { action_items: vague.action_items.map((i) => ({ ...i })) };

describe('resolveQualityConfig', () => {
  it('defaults every rule to its own level (warning), not strict, follow-up for SEV1 and SEV2', () => {
    const c = resolveQualityConfig();
    expect(c).toEqual(DEFAULT_QUALITY_CONFIG);
    expect(Object.values(c.rules).every((s) => s === 'warning')).toBe(true);
    expect(c.strict).toBe(false);
    expect(c.followUpReviewSeverities).toEqual(['SEV1', 'SEV2']);
  });

  it('accepts rule ids with or without the quality/ prefix', () => {
    const c = resolveQualityConfig({ rules: { 'follow-up-review': 'off', 'quality/blameless-language': 'error' } });
    expect(c.rules['quality/follow-up-review']).toBe('off');
    expect(c.rules['quality/blameless-language']).toBe('error');
    expect(c.rules['quality/whys-depth']).toBe('warning');
  });

  it('does not change the defaults it starts from', () => {
    resolveQualityConfig({ rules: { 'whys-depth': 'off' } });
    expect(DEFAULT_QUALITY_CONFIG.rules['quality/whys-depth']).toBe('warning');
  });

  it('rejects an unknown rule with a did-you-mean, and an unknown setting', () => {
    expect(() => resolveQualityConfig({ rules: { 'blameless-languge': 'off' } })).toThrow(QualityConfigError);
    expect(() => resolveQualityConfig({ rules: { 'blameless-languge': 'off' } })).toThrow('did you mean "blameless-language"?');
    // @ts-expect-error: a typo in hindsight.config.mjs is not type-checked
    expect(() => resolveQualityConfig({ rules: { 'whys-depth': 'warn' } })).toThrow('use "off", "warning" or "error"');
  });
});

describe('config applied by the runner', () => {
  it('a rule can be turned off', () => {
    expect(issuesOf(check(vagueData), 'action-item-concrete')).toHaveLength(1);
    expect(issuesOf(check(vagueData, { config: { rules: { 'action-item-concrete': 'off' } } }), 'action-item-concrete')).toEqual([]);
  });

  it('a rule that is off does not lower the score', () => {
    expect(check(vagueData).score).toBe(4.5);
    expect(check(vagueData, { config: { rules: { 'action-item-concrete': 'off' } } }).score).toBe(5);
  });

  it('a rule can be raised to error', () => {
    const [issue] = issuesOf(check(vagueData, { config: { rules: { 'action-item-concrete': 'error' } } }), 'action-item-concrete');
    expect(issue!.level).toBe('error');
  });

  it('strict turns every warning into an error', () => {
    const r = check({ ...vagueData, five_whys: undefined, follow_up_review: undefined }, { config: { strict: true } });
    expect(r.issues.length).toBe(3);
    expect(r.issues.every((i) => i.level === 'error')).toBe(true);
  });

  it('strict does not turn a rule back on', () => {
    const r = check(vagueData, { config: { strict: true, rules: { 'action-item-concrete': 'off' } } });
    expect(r.issues).toEqual([]);
  });

  it('the level does not change the score', () => {
    expect(check(vagueData, { config: { strict: true } }).score).toBe(check(vagueData).score);
  });
});
