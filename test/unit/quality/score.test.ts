import { describe, expect, it } from 'vitest';
import { MAX_SCORE, QUALITY_RULES, SCORE_WEIGHTS } from '../../../src/lib/quality';
import { roundHalf } from '../../../src/lib/quality/score';
import { check, GOOD, GOOD_BODY } from './make-postmortem';

const item = (title: string) => ({ title, owner: 'payments-oncall', due: '2026-05-01', priority: 'P2' as const, type: 'detect' as const, status: 'open' as const });

describe('the weights', () => {
  it('weigh every rule, in multiples of 0.5', () => {
    expect(Object.keys(SCORE_WEIGHTS).sort()).toEqual(QUALITY_RULES.map((r) => r.id).sort());
    for (const w of Object.values(SCORE_WEIGHTS)) expect(w * 2).toBe(Math.round(w * 2));
  });

  it('round to 0.5', () => {
    expect([4.74, 4.75, 4.2, 0.24].map(roundHalf)).toEqual([4.5, 5, 4, 0]);
  });
});

describe('the score', () => {
  it('is 5 for a postmortem with no finding', () => {
    expect(check()).toMatchObject({ score: MAX_SCORE, deductions: [] });
  });

  it('deducts once per family, however many findings it has', () => {
    const many = check({ action_items: [item('Improve monitoring'), item('Improve testing'), item('Better communication')] });
    expect(many.issues).toHaveLength(3);
    expect(many.score).toBe(4.5);
    expect(many.deductions).toEqual([
      expect.objectContaining({ family: 'action-items', label: 'Action items', points: 0.5, rules: ['quality/action-item-concrete'] }),
    ]);
    expect(many.deductions[0]!.issues).toHaveLength(3);
  });

  it('takes the largest weight of a family: no action items at all costs more than a vague one', () => {
    expect(check({ action_items: [] }).score).toBe(3.5);
    const both = check({ five_whys: [{ why: 'Why?', because: 'The engineer forgot to update the template.' }] });
    expect(both.deductions).toEqual([
      expect.objectContaining({ family: 'root-cause-analysis', points: 1, rules: ['quality/whys-depth', 'quality/whys-last-answer'] }),
      expect.objectContaining({ family: 'blameless-language', points: 1 }), // "forgot to"
    ]);
    expect(both.score).toBe(3);
  });

  it('is floored at 0', () => {
    const r = check(
      {
        summary: 'Human error. Contact jane@fernhill.io.',
        action_items: [],
        five_whys: undefined,
        impact: { description: 'Many users' },
        follow_up_review: undefined,
      },
      { body: 'no sections' },
    );
    expect(r.deductions.reduce((s, d) => s + d.points, 0)).toBeGreaterThan(5);
    expect(r.score).toBe(0);
  });
});

describe('a postmortem that blames a person, promises to improve monitoring and leaks an e-mail address', () => {
  const r = check({
    root_cause: { category: 'config-change', summary: 'Human error: the engineer typed 10 instead of 100.' },
    action_items: [{ ...GOOD.action_items![0]! }, item('Improve monitoring')],
    impact: { description: 'Checkout failed; reported by jane.doe@fernhill.io', users_affected: 50000 },
  }, { body: GOOD_BODY });

  it('gets at least those three findings, each with a fix', () => {
    const found = (rule: string, field: string) => r.issues.find((i) => i.rule === `quality/${rule}` && i.field === field);
    const blame = found('blameless-language', 'root_cause.summary');
    const vague = found('action-item-concrete', 'action_items[1].title');
    const email = found('secrets-and-personal-data', 'impact.description');
    expect(blame?.fix).toContain('describe what the system allowed');
    expect(vague?.fix).toContain('name the mechanism');
    expect(email?.fix).toContain('by handle or role');
    for (const i of [blame, vague, email]) expect(i?.level).toBe('warning');
  });

  it('scores 2.5 and says which findings lowered it', () => {
    expect(r.score).toBe(2.5);
    expect(r.deductions.map((d) => [d.family, d.points])).toEqual([
      ['blameless-language', 1],
      ['sensitive-data', 1],
      ['action-items', 0.5],
    ]);
    expect(r.deductions.flatMap((d) => d.issues)).toHaveLength(r.issues.length);
  });
});
