import { describe, expect, it } from 'vitest';
import { hasMeasurableObject, vagueAction } from '../../../src/lib/quality/vague-actions';
import type { PostmortemInput } from '../../../src/schema/postmortem';
import { check, GOOD, issuesOf } from './make-postmortem';

type Item = NonNullable<PostmortemInput['action_items']>[number];
const item = (title: string, patch: Partial<Item> = {}): Item => ({ title, owner: 'payments-oncall', due: '2026-05-01', priority: 'P2', type: 'detect', status: 'open', ...patch });

describe('quality/action-items-present', () => {
  it('fires when there is no action item', () => {
    const [issue] = issuesOf(check({ action_items: [] }), 'action-items-present');
    expect(issue).toMatchObject({ field: 'action_items', level: 'warning' });
    expect(issue!.fix).toMatch(/owner, due/);
  });

  it('fires for a near-miss too, and says why', () => {
    const [issue] = issuesOf(check({ action_items: [], incident_type: 'near-miss' }), 'action-items-present');
    expect(issue!.message).toContain('near-miss needs one too');
  });

  it('fires when every item is wont-do', () => {
    const [issue] = issuesOf(check({ action_items: [item('Move to ZGC to keep GC pauses under 500 ms', { status: 'wont-do' })] }), 'action-items-present');
    expect(issue!.message).toContain('wont-do');
  });

  it('passes with one item the team will do', () => {
    expect(issuesOf(check(), 'action-items-present')).toEqual([]);
  });
});

const VAGUE = [
  'Improve monitoring',
  'improve monitoring',
  'Add monitoring',
  'Add an alarm',
  'Better alerting',
  'Improve testing',
  'Add more tests',
  'Be more careful',
  'Engineers must be more careful with pool sizes',
  'Pay closer attention to config diffs',
  'Remember to check the pool size',
  'Better communication',
  'Improve communication with support',
  'More training',
  'Train the team on the failover tool',
  'Raise awareness of the shared defaults library',
  'Investigate the root cause',
  'Look into alerting',
  'Improve documentation',
  'Update the runbooks',
  'Improve reliability',
  'Improve monitoring by Q3',
  'Improve monitoring (PAY-123) by 2026-06-30',
];

const CONCRETE = [
  'Add an alarm on checkout p99 latency over 800 ms',
  'Add a CI check that rejects pool sizes under 50',
  'Add an integration test for pool-size bounds in the deploy pipeline',
  'Improve test coverage of the pool template to 80%',
  'Page platform on-call when consumer lag age on hub.scans.v2 exceeds 5 minutes',
  'Add monitoring for checkout latency',
  'Add a runbook entry for ConsumerLagHigh, linked from the alarm',
  'Add a `pool_size` range check to the config schema',
  'Investigate why the canary did not sample the pool-size change',
  'Validate pool-size bounds in the deploy pipeline',
  'Switch scan-ingest consumers to the cooperative-sticky assignment strategy',
  'Weight shard placement by query rate',
  'Post a status-page update within 15 minutes of a SEV1 page',
];

describe('quality/action-item-concrete', () => {
  it.each(VAGUE)('fires on %j', (title) => {
    expect(vagueAction(title)).toBeDefined();
    const [issue] = issuesOf(check({ action_items: [item(title)] }), 'action-item-concrete');
    expect(issue).toMatchObject({ field: 'action_items[0].title', level: 'warning' });
    expect(issue!.message).toContain('intention, not a mechanism');
    expect(issue!.fix).toMatch(/^name the mechanism and what it measures, e\.g\. "/);
  });

  it.each(CONCRETE)('passes %j', (title) => {
    expect(vagueAction(title)).toBeUndefined();
    expect(issuesOf(check({ action_items: [item(title)] }), 'action-item-concrete')).toEqual([]);
  });

  it('reports each vague item at its own index, with an example from the same area', () => {
    const r = check({ action_items: [...GOOD.action_items!, item('Improve monitoring'), item('Improve testing')] });
    const found = issuesOf(r, 'action-item-concrete');
    expect(found.map((i) => i.field)).toEqual(['action_items[2].title', 'action_items[3].title']);
    expect(found[0]!.fix).toContain('alarm');
    expect(found[1]!.fix).toContain('test');
  });

  it('does not let a date, a quarter or a ticket key count as a measure', () => {
    expect(hasMeasurableObject('Improve monitoring by 2026-06-30')).toBe(false);
    expect(hasMeasurableObject('Improve monitoring in Q3 2026 (PAY-123)')).toBe(false);
    expect(hasMeasurableObject('Improve on-call follow-up')).toBe(false);
    expect(hasMeasurableObject('Keep p99 under 800 ms')).toBe(true);
  });
});
