import { describe, expect, it } from 'vitest';
import { detectPatterns, explicitRecurrence } from '../../../src/lib/patterns';
import { action, incident } from './helpers';

describe('missed mechanisms', () => {
  const a = incident('2025-01-10-a', '2025-01-10T09:00Z', {
    action_items: [
      action('done', '2025-05-01', '2025-06-01', 'completed the day B started'), // 0
      action('done', '2025-05-01', '2025-05-31', 'landed the day before B'), // 1
      action('wont-do', '2025-03-01', undefined, 'declined'), // 2
      action('open', '2025-02-01', undefined, 'still open'), // 3
      action('done', '2025-07-01', '2025-06-02', 'completed one day after B started'), // 4
      action('in-progress', '2025-12-01', undefined, 'in progress, not due yet'), // 5
    ],
  });
  const b = incident('2025-06-01-b', '2025-06-01T09:00Z', {
    recurrence_of: '2025-01-10-a',
    action_items: [action('done', '2025-08-01', '2025-08-31', 'landed before C'), action('open', '2025-07-01', undefined, 'open when C started')],
  });
  const c = incident('2025-09-01-c', '2025-09-01T09:00Z', {
    recurrence_of: '2025-06-01-b',
    action_items: [action('open', '2025-10-01')], // nothing after C: never reported
  });
  const [pattern] = detectPatterns([a, b, c], { rules: [explicitRecurrence] });
  const missed = pattern!.missedMechanisms;
  const summary = missed.map((m) => [m.incidentId, m.actionIndex, m.reason, m.laterIncidentId, m.laterIncidentsMissed, m.overdueAtLaterStart]);

  it('lists the items of earlier incidents not landed when a later one started', () => {
    expect(summary).toEqual([
      ['2025-01-10-a', 0, 'completed-late', '2025-06-01-b', 1, true],
      ['2025-01-10-a', 2, 'wont-do', '2025-06-01-b', 2, true],
      ['2025-01-10-a', 3, 'open', '2025-06-01-b', 2, true],
      ['2025-01-10-a', 4, 'completed-late', '2025-06-01-b', 1, false],
      ['2025-01-10-a', 5, 'in-progress', '2025-06-01-b', 2, false],
      ['2025-06-01-b', 1, 'open', '2025-09-01-c', 1, true], // due 07-01, C started 09-01
    ]);
  });

  it('an item completed one day after the later start counts as missed', () => {
    const late = missed.find((m) => m.title === 'completed one day after B started');
    expect(late).toMatchObject({ status: 'done', completed: '2025-06-02', reason: 'completed-late', laterStarted: new Date('2025-06-01T09:00Z') });
  });

  it('an item completed the day before the later start landed; one completed the same day did not', () => {
    expect(missed.some((m) => m.title === 'landed the day before B')).toBe(false);
    expect(missed.some((m) => m.title === 'completed the day B started')).toBe(true);
  });

  it('flags declined items apart and keeps owner and due date', () => {
    const declined = missed.find((m) => m.reason === 'wont-do');
    expect(declined).toMatchObject({ title: 'declined', owner: 'payments-oncall', due: '2025-03-01', status: 'wont-do' });
    expect(declined).not.toHaveProperty('completed');
  });

  it('compares completion dates with the UTC day of the later start', () => {
    // The later incident starts 2025-06-02T01:00+05:30, i.e. 2025-06-01T19:30Z: an item completed 2025-06-01 did not land before it.
    const early = incident('2025-05-01-e', '2025-05-01T00:00Z', { action_items: [action('done', '2025-05-20', '2025-06-01')] });
    const later = incident('2025-06-01-l', '2025-06-02T01:00+05:30', { recurrence_of: '2025-05-01-e' });
    const [p] = detectPatterns([early, later], { rules: [explicitRecurrence] });
    expect(p!.missedMechanisms.map((m) => m.reason)).toEqual(['completed-late']);
  });

  it('works before 1970', () => {
    const early = incident('1969-07-20-e', '1969-07-20T20:17Z', { action_items: [action('done', '1969-08-01', '1969-09-01'), action('done', '1969-08-01', '1969-11-13')] });
    const later = incident('1969-11-14-l', '1969-11-14T16:22Z', { recurrence_of: '1969-07-20-e' });
    const [p] = detectPatterns([early, later], { rules: [explicitRecurrence] });
    expect(p!.missedMechanisms).toEqual([]);
  });
});
