import { describe, expect, it } from 'vitest';
import { check, GOOD, issuesOf } from './make-postmortem';

const whys = (...answers: string[]) => answers.map((because, i) => ({ why: `Why ${i + 1}?`, because }));
const withLast = (last: string) => check({ five_whys: [...GOOD.five_whys!.slice(0, 2), { why: 'Why was the pool 10?', because: last }] });

describe('quality/whys-depth', () => {
  it('fires when the 5 Whys are missing', () => {
    const [issue] = issuesOf(check({ five_whys: undefined }), 'whys-depth');
    expect(issue).toMatchObject({ field: 'five_whys', level: 'warning' });
    expect(issue!.message).toContain('at least 3');
  });

  it('fires on 2 whys', () => {
    const [issue] = issuesOf(check({ five_whys: whys('The pool was 10.', 'The pipeline has no bounds check for pool sizes.') }), 'whys-depth');
    expect(issue!.message).toBe('has 2 whys; the policy asks for at least 3');
  });

  it('passes at 3 and 5', () => {
    expect(issuesOf(check(), 'whys-depth')).toEqual([]);
    expect(issuesOf(check({ five_whys: whys('a', 'b', 'c', 'd', 'The build has no check that diffs effective Kafka client configuration.') }), 'whys-depth')).toEqual([]);
  });
});

describe('quality/whys-last-answer', () => {
  it.each([
    'Because the engineer forgot to update the template.',
    'Human error.',
    "Alex didn't check the pool size.",
    'The on-call missed the page.',
    'Because of a typo in the template.',
    'A lack of training on the new deploy tool.',
    'The reviewer should have caught it.',
  ])('fires when the last answer is %j', (last) => {
    const [issue] = issuesOf(withLast(last), 'whys-last-answer');
    expect(issue).toMatchObject({ field: 'five_whys[2].because', level: 'warning' });
    expect(issue!.message).toMatch(/^the last answer stops at a person \(".+"\), not at a system or process gap$/);
    expect(issue!.fix).toContain('why the system allowed it');
  });

  it.each([
    'Because the deploy pipeline has no validation step for pool-size bounds.',
    'The build has no check that diffs effective Kafka client configuration between library versions.',
    'Staging runs with a tenth of production traffic, so a pool of 10 looked healthy.',
    'The upgrade pull request shows only the version number, not the behaviour it changes.',
  ])('passes when the last answer is %j', (last) => {
    expect(issuesOf(withLast(last), 'whys-last-answer')).toEqual([]);
  });

  it('looks only at the last answer: a person may appear earlier in the chain', () => {
    const r = check({ five_whys: whys('The engineer forgot to update the template.', 'The template is edited by hand.', 'Nothing validates the template before deploy.') });
    expect(issuesOf(r, 'whys-last-answer')).toEqual([]);
  });

  it('says nothing when there are no whys (whys-depth does)', () => {
    expect(issuesOf(check({ five_whys: undefined }), 'whys-last-answer')).toEqual([]);
  });
});
