import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isCalendarDate, parseInstant, utcDate } from '../../src/schema/datetime';
import { params } from './support/config';
import { oddTimestamp } from './support/postmortem';
import { anyText } from './support/text';

/*
 * parseInstant against an independent oracle: proleptic Gregorian calendar
 * arithmetic, no Date parsing. Round trips for every instant and offset;
 * never a throw, never an Invalid Date, for any string at all.
 */

const pad = (n: number, w: number) => String(Math.abs(n)).padStart(w, '0');
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const daysIn = (y: number, m: number) => [31, isLeap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1] ?? 0;
/** Days from 1970-01-01 to y-m-d (Howard Hinnant's days_from_civil), exact for any year. */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Instants whose UTC and local wall-clock years both have four digits (0000–9999): what the content model writes. */
const instant = fc.date({ min: new Date('0000-01-02T00:00:00.000Z'), max: new Date('9999-12-30T23:59:59.999Z'), noInvalidDate: true });
const ODD_OFFSETS = [0, 14 * 60, -12 * 60, 5 * 60 + 45, 5 * 60 + 30, -(9 * 60 + 30), 12 * 60 + 45, 8 * 60 + 45, -(3 * 60 + 30), 60, -60];
const offset = fc.oneof(fc.constantFrom(...ODD_OFFSETS), fc.integer({ min: -12 * 60, max: 14 * 60 }));

/** Writes `at` as the wall-clock time at `offsetMin`, in one of the spellings the content model allows. */
function format(at: Date, offsetMin: number, style: { seconds: boolean; frac: number; compact: boolean; z: boolean }): string {
  const local = new Date(at.getTime() + offsetMin * 60_000);
  const y = local.getUTCFullYear();
  const date = `${y < 0 ? '-' : ''}${pad(y, 4)}-${pad(local.getUTCMonth() + 1, 2)}-${pad(local.getUTCDate(), 2)}`;
  const ms = local.getUTCMilliseconds();
  const needSeconds = style.seconds || local.getUTCSeconds() !== 0 || ms !== 0;
  const frac = ms !== 0 || style.frac > 0 ? `.${pad(ms, 3)}${'0'.repeat(style.frac)}` : '';
  const time = `${pad(local.getUTCHours(), 2)}:${pad(local.getUTCMinutes(), 2)}${needSeconds ? `:${pad(local.getUTCSeconds(), 2)}${frac}` : ''}`;
  const a = Math.abs(offsetMin);
  const off = offsetMin === 0 && style.z ? 'Z' : `${offsetMin < 0 ? '-' : '+'}${pad(Math.floor(a / 60), 2)}${style.compact ? '' : ':'}${pad(a % 60, 2)}`;
  return `${date}T${time}${off}`;
}
const style = fc.record({ seconds: fc.boolean(), frac: fc.integer({ min: 0, max: 6 }), compact: fc.boolean(), z: fc.boolean() });

describe('parseInstant and utcDate', () => {
  it('round trip: parseInstant(format(instant, offset)) is the instant, and utcDate is its UTC date', () => {
    fc.assert(
      fc.property(instant, offset, style, (at, off, st) => {
        const text = format(at, off, st);
        const parsed = parseInstant(text);
        expect(parsed.ok, `${text}: ${parsed.ok ? '' : parsed.message}`).toBe(true);
        if (!parsed.ok) return;
        expect(parsed.date.getTime(), text).toBe(at.getTime());
        const y = at.getUTCFullYear();
        expect(utcDate(parsed.date)).toBe(`${pad(y, 4)}-${pad(at.getUTCMonth() + 1, 2)}-${pad(at.getUTCDate(), 2)}`);
        expect(isCalendarDate(utcDate(parsed.date))).toBe(true);
      }),
      params(500),
    );
  });

  it('agrees with a calendar oracle on every component: month, day (Feb 29), hour, minute, :60, offset', () => {
    const parts = fc.record({
      y: fc.oneof(fc.constantFrom(0, 1, 1900, 1960, 1970, 2000, 2024, 2025, 2100, 9999), fc.integer({ min: 0, max: 9999 })),
      mo: fc.integer({ min: 0, max: 13 }),
      d: fc.oneof(fc.constantFrom(28, 29, 30, 31), fc.integer({ min: 0, max: 32 })),
      h: fc.integer({ min: 0, max: 24 }),
      mi: fc.integer({ min: 0, max: 60 }),
      s: fc.integer({ min: 0, max: 61 }),
      oh: fc.integer({ min: 0, max: 16 }),
      om: fc.oneof(fc.constantFrom(0, 30, 45), fc.integer({ min: 0, max: 61 })),
      neg: fc.boolean(),
      z: fc.constantFrom('Z', 'z', 'offset'),
    });
    fc.assert(
      fc.property(parts, ({ y, mo, d, h, mi, s, oh, om, neg, z }) => {
        const off = z === 'offset' ? `${neg ? '-' : '+'}${pad(oh, 2)}:${pad(om, 2)}` : z;
        const text = `${pad(y, 4)}-${pad(mo, 2)}-${pad(d, 2)}T${pad(h, 2)}:${pad(mi, 2)}:${pad(s, 2)}${off}`;
        const parsed = parseInstant(text);
        const realDate = mo >= 1 && mo <= 12 && d >= 1 && d <= daysIn(y, mo) && h <= 23 && mi <= 59 && s <= 59;
        const offMin = z === 'offset' ? (neg ? -1 : 1) * (oh * 60 + om) : 0;
        if (!realDate || z === 'z' || (z === 'offset' && (om > 59 || oh > 14))) {
          // Impossible dates, leap seconds, lowercase z and impossible offsets are all refused, with a message and a fix.
          expect(parsed.ok, `${text} was accepted`).toBe(false);
        } else if (offMin >= -12 * 60 && offMin <= 14 * 60) {
          expect(parsed.ok, `${text}: ${parsed.ok ? '' : parsed.message}`).toBe(true);
          const expected = (daysFromCivil(y, mo, d) * 86_400 + h * 3600 + mi * 60 + s - offMin * 60) * 1000;
          if (parsed.ok) expect(parsed.date.getTime(), text).toBe(expected);
        }
        // (-14:00 … -12:01 and +14:01 … +14:59 exist in no time zone; either answer is allowed here.)
        if (!parsed.ok) {
          expect(parsed.message.length).toBeGreaterThan(0);
          expect(parsed.fix.length).toBeGreaterThan(0);
        }
      }),
      params(500),
    );
  });

  it('never throws and never returns an Invalid Date, for any string', () => {
    const nearMiss = fc
      .tuple(oddTimestamp, fc.array(fc.tuple(fc.nat(40), anyText(3, 100)), { maxLength: 2 }))
      .map(([t, edits]) => edits.reduce((s, [at, ins]) => s.slice(0, at) + ins + s.slice(at), t));
    const sixDigitYears = fc
      .tuple(fc.integer({ min: -999999, max: 999999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), fc.constantFrom('Z', '+14:00', '-12:00'))
      .map(([y, m, d, o]) => `${y < 0 ? '-' : ''}${pad(y, 6)}-${pad(m, 2)}-${pad(d, 2)}T00:00${o}`);
    fc.assert(
      fc.property(fc.oneof(anyText(40), oddTimestamp, nearMiss, sixDigitYears), (text) => {
        let parsed: ReturnType<typeof parseInstant>;
        try {
          parsed = parseInstant(text);
        } catch (error) {
          throw new Error(`parseInstant(${JSON.stringify(text.slice(0, 200))}) threw: ${(error as Error).message}`, { cause: error });
        }
        if (parsed.ok) {
          expect(Number.isFinite(parsed.date.getTime()), `${text} gave an Invalid Date`).toBe(true);
          expect(() => utcDate(parsed.date)).not.toThrow();
        } else {
          expect(parsed.message.length).toBeGreaterThan(0);
          expect(parsed.fix.length).toBeGreaterThan(0);
        }
        expect(() => isCalendarDate(text)).not.toThrow();
      }),
      params(500),
    );
  });

  it('isCalendarDate agrees with the calendar, for 4- to 6-digit years', () => {
    fc.assert(
      fc.property(fc.integer({ min: -999999, max: 999999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), fc.integer({ min: 4, max: 6 }), (y, m, d, width) => {
        const text = `${y < 0 ? '-' : ''}${pad(y, width)}-${pad(m, 2)}-${pad(d, 2)}`;
        const digits = pad(y, width).length;
        const expected = digits <= 6 && m >= 1 && m <= 12 && d >= 1 && d <= daysIn(y, m);
        expect(isCalendarDate(text), text).toBe(expected);
      }),
      params(500),
    );
  });

  it('the brief\'s odd offsets and dates', () => {
    const ok = (t: string, iso: string) => {
      const p = parseInstant(t);
      expect(p.ok, t).toBe(true);
      if (p.ok) expect(p.date.toISOString(), t).toBe(iso);
    };
    ok('2026-06-11T08:00+14:00', '2026-06-10T18:00:00.000Z');
    ok('2026-06-11T08:00-12:00', '2026-06-11T20:00:00.000Z');
    ok('2026-06-11T08:00+05:45', '2026-06-11T02:15:00.000Z');
    ok('2026-06-11T08:00+0530', '2026-06-11T02:30:00.000Z');
    ok('0001-01-01T00:00Z', '0001-01-01T00:00:00.000Z');
    ok('1960-06-11T08:00Z', '1960-06-11T08:00:00.000Z');
    ok('9999-12-31T23:59Z', '9999-12-31T23:59:00.000Z');
    ok('2024-02-29T12:00Z', '2024-02-29T12:00:00.000Z');
    for (const bad of ['2025-02-29T12:00Z', '1900-02-29T00:00Z', '2026-06-11T23:59:60Z', '2026-06-11T08:00z', '2026-06-11T08:00', '275760-09-13T00:01Z', '-271821-04-19T23:59Z']) {
      expect(parseInstant(bad).ok, bad).toBe(false);
    }
  });
});
