import { afterEach, describe, expect, it } from 'vitest';
import { formatDuration, formatElapsed, formatUtc, formatUtcTime } from '../../../src/lib/time/duration';

const S = 1_000, MIN = 60 * S, H = 60 * MIN, D = 24 * H;

describe('formatDuration', () => {
  it.each([
    [0, '0 min'],
    [400, '< 1 s'],
    [45 * S, '45 s'],
    [59.6 * S, '1 min'], // rounds up into minutes
    [90 * S, '2 min'], // 1.5 min rounds half up
    [4 * MIN, '4 min'],
    [59 * MIN, '59 min'],
    [59 * MIN + 40 * S, '1 h 00 min'], // carries into hours
    [H, '1 h 00 min'],
    [2 * H, '2 h 00 min'],
    [2 * H + 5 * MIN, '2 h 05 min'],
    [23 * H + 59 * MIN, '23 h 59 min'],
    [23 * H + 59 * MIN + 40 * S, '1 d 0 h 00 min'], // carries into days
    [D, '1 d 0 h 00 min'],
    [3 * D + 4 * H, '3 d 4 h 00 min'],
    [3 * D + 4 * H + 29 * MIN, '3 d 4 h 29 min'],
    [D + 2 * H + 35 * MIN, '1 d 2 h 35 min'], // was "1 d 3 h": past a day, minutes were lost
    [D + 23 * H + 59 * MIN + 40 * S, '2 d 0 h 00 min'],
    [40 * D, '40 d 0 h 00 min'],
  ])('%d ms → %s', (ms, expected) => {
    expect(formatDuration(ms)).toBe(expected);
  });

  it('writes negative durations with a minus sign', () => {
    expect(formatDuration(-25 * MIN)).toBe('\u221225 min');
    expect(formatDuration(-0)).toBe('0 min');
  });

  it('refuses what is not a duration', () => {
    expect(() => formatDuration(Number.NaN)).toThrow(RangeError);
    expect(() => formatDuration(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});

describe('formatElapsed', () => {
  it('signs the time since the start', () => {
    expect(formatElapsed(0)).toBe('+0 min');
    expect(formatElapsed(5 * MIN)).toBe('+5 min');
    expect(formatElapsed(H + 35 * MIN)).toBe('+1 h 35 min');
    expect(formatElapsed(-25 * MIN)).toBe('\u221225 min');
  });

  it('tells apart two events 25 minutes apart a day into an incident', () => {
    expect(formatElapsed(D + 2 * H + 35 * MIN)).toBe('+1 d 2 h 35 min');
    expect(formatElapsed(D + 3 * H)).toBe('+1 d 3 h 00 min');
  });
});

describe('formatUtc', () => {
  const originalTz = process.env.TZ;
  afterEach(() => {
    if (originalTz === undefined) delete process.env.TZ;
    else process.env.TZ = originalTz;
  });

  it('writes the instant in UTC whatever offset it was written with', () => {
    expect(formatUtc(new Date('2026-03-02T14:05Z'))).toBe('2026-03-02 14:05 UTC');
    expect(formatUtc(new Date('2026-03-02T19:35+05:30'))).toBe('2026-03-02 14:05 UTC');
    expect(formatUtc(new Date('2026-03-02T09:05-05:00'))).toBe('2026-03-02 14:05 UTC');
    // The UTC day can differ from the local one.
    expect(formatUtc(new Date('2026-03-02T23:30-05:00'))).toBe('2026-03-03 04:30 UTC');
    expect(formatUtc(new Date('2026-03-03T01:15+14:00'))).toBe('2026-03-02 11:15 UTC');
  });

  it('does not depend on the time zone of the machine that builds the site', () => {
    const at = new Date('2026-03-29T00:30Z'); // the night Europe switches to summer time
    for (const tz of ['UTC', 'Europe/Berlin', 'America/Los_Angeles', 'Asia/Kolkata', 'Pacific/Kiritimati']) {
      process.env.TZ = tz;
      expect(formatUtc(at), tz).toBe('2026-03-29 00:30 UTC');
    }
  });

  it('shows seconds only when there are some, unless told otherwise', () => {
    const at = new Date('2026-03-02T14:05:30.250Z');
    expect(formatUtc(at)).toBe('2026-03-02 14:05:30 UTC');
    expect(formatUtc(at, { seconds: 'never' })).toBe('2026-03-02 14:05 UTC');
    expect(formatUtc(new Date('2026-03-02T14:05Z'), { seconds: 'always' })).toBe('2026-03-02 14:05:00 UTC');
    expect(formatUtc(at, { zone: false })).toBe('2026-03-02 14:05:30');
  });

  it('pads small years, months, days and hours', () => {
    expect(formatUtc(new Date('0999-01-02T03:04Z'))).toBe('0999-01-02 03:04 UTC');
  });

  it('refuses an invalid date', () => {
    expect(() => formatUtc(new Date('not a date'))).toThrow(RangeError);
  });

  it('formatUtcTime keeps the clock time only', () => {
    expect(formatUtcTime(new Date('2026-03-02T19:35+05:30'))).toBe('14:05');
    expect(formatUtcTime(new Date('2026-03-02T14:05:07Z'))).toBe('14:05:07');
  });
});
