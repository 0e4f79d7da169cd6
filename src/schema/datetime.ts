import { quote, withFix } from './issues';
import { z } from 'zod';

const OFFSET_DATE_TIME =
  /^(-?\d{4,6})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?$/;
const CALENDAR_DATE = /^(-?\d{4,6})-(\d{2})-(\d{2})$/;

function daysInMonth(year: number, month: number): number {
  // Arithmetic, not Date: Date is NaN beyond ±275,760 years and would let "300000-02-31" through.
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

function utc(year: number, month: number, day: number, h = 0, m = 0, s = 0, ms = 0): number {
  // Date.UTC maps years 0–99 to 1900–1999; setUTCFullYear does not.
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  d.setUTCHours(h, m, s, ms);
  return d.getTime();
}

export type ParsedInstant = { ok: true; date: Date } | { ok: false; message: string; fix: string };

/**
 * Parses an ISO 8601 date-time that must carry an explicit offset (`Z` or `±hh:mm`).
 * Naive times are rejected: a timeline without offsets cannot be ordered across
 * time zones, and every derived metric depends on that order.
 */
export function parseInstant(input: string): ParsedInstant {
  const m = OFFSET_DATE_TIME.exec(input.trim());
  if (!m) {
    return {
      ok: false,
      message: `${quote(input)} is not an ISO 8601 date-time`,
      fix: 'write it as YYYY-MM-DDThh:mmZ, e.g. 2026-03-02T14:05Z (UTC) or 2026-03-02T19:35+05:30',
    };
  }
  const [, y, mo, d, h, mi, s, frac, offset] = m;
  if (!offset) {
    return {
      ok: false,
      message: `${quote(input)} has no offset, so the moment it names is ambiguous`,
      fix: `add the offset: write ${input.trim()}Z for UTC, or ${input.trim()}+hh:mm for local time`,
    };
  }
  const year = Number(y), month = Number(mo), day = Number(d), hour = Number(h), minute = Number(mi);
  const second = s ? Number(s) : 0;
  const millis = frac ? Math.round(Number(`0.${frac}`) * 1000) : 0;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 59) {
    return { ok: false, message: `${quote(input)} is not a real date and time`, fix: 'check the month, day, hour and minute' };
  }
  let offsetMinutes = 0;
  if (offset !== 'Z') {
    const sign = offset.startsWith('-') ? -1 : 1;
    const digits = offset.slice(1).replace(':', '');
    const oh = Number(digits.slice(0, 2)), om = Number(digits.slice(2, 4));
    const minutes = sign * (oh * 60 + om);
    if (om > 59 || minutes < -12 * 60 || minutes > 14 * 60) {
      return { ok: false, message: `${quote(input)} has an impossible offset ${offset}`, fix: 'offsets run from -12:00 to +14:00' };
    }
    offsetMinutes = minutes;
  }
  const date = new Date(utc(year, month, day, hour, minute, second, millis) - offsetMinutes * 60_000);
  if (Number.isNaN(date.getTime())) {
    // Beyond what a Date can hold (about ±275,760 years): an Invalid Date would crash utcDate and every metric.
    return { ok: false, message: `${quote(input)} is outside the range of dates this site can handle`, fix: 'check the year' };
  }
  return { ok: true, date };
}

/** True when the string is a real calendar date written YYYY-MM-DD. */
export function isCalendarDate(input: string): boolean {
  const m = CALENDAR_DATE.exec(input);
  if (!m) return false;
  const year = Number(m[1]), month = Number(m[2]), day = Number(m[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** The UTC calendar date (YYYY-MM-DD) of an instant. */
export function utcDate(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}

/** A moment in time with an explicit offset; parsed to a Date. */
export const instant = z
  .string({ error: 'must be a date-time with an offset, e.g. 2026-03-02T14:05Z' })
  .transform((value, ctx) => {
    const parsed = parseInstant(value);
    if (parsed.ok) return parsed.date;
    ctx.addIssue({ code: 'custom', message: parsed.message, params: { fix: parsed.fix, rule: 'schema/date-time' } });
    return z.NEVER;
  });

/** A calendar date, kept as the string YYYY-MM-DD (no time zone to get wrong). */
export const calendarDate = z
  .string({ error: 'must be a date written YYYY-MM-DD' })
  .refine(isCalendarDate, {
    error: (issue) => withFix(`${quote(issue.input)} is not a date written YYYY-MM-DD`, 'write the date as YYYY-MM-DD, e.g. 2026-03-15', 'schema/date'),
  });
