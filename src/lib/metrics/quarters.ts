/**
 * Calendar quarters in UTC. An incident belongs to the quarter in which it
 * started, taken in UTC, so that the same incident never lands in two
 * quarters depending on where the build runs.
 */
export interface Quarter {
  year: number;
  quarter: 1 | 2 | 3 | 4;
  /** '2026-q1': the URL segment of /reviews/<key>/. */
  key: string;
  /** '2026 Q1' */
  label: string;
  /** First instant of the quarter (UTC midnight of its first day). */
  start: Date;
  /** First instant of the next quarter: the quarter is the half-open interval [start, end). */
  end: Date;
}

const QUARTER_KEY = /^(-?\d{1,6})-q([1-4])$/i;

function utcMonthStart(year: number, monthIndex: number): Date {
  // Date.UTC maps years 0–99 to 1900–1999; setUTCFullYear does not.
  const d = new Date(0);
  d.setUTCFullYear(year, monthIndex, 1);
  d.setUTCHours(0, 0, 0, 0);
  return d;
}

/** The quarter with the given year and number (1–4). */
function quarterFrom(year: number, quarter: 1 | 2 | 3 | 4): Quarter {
  return {
    year,
    quarter,
    key: `${year}-q${quarter}`,
    label: `${year} Q${quarter}`,
    start: utcMonthStart(year, (quarter - 1) * 3),
    end: utcMonthStart(year, quarter * 3),
  };
}

/** The UTC quarter containing an instant. */
export function quarterOf(date: Date): Quarter {
  if (Number.isNaN(date.getTime())) throw new RangeError('quarterOf: the date is invalid');
  return quarterFrom(date.getUTCFullYear(), (Math.floor(date.getUTCMonth() / 3) + 1) as 1 | 2 | 3 | 4);
}

/** Parses '2026-q1' (case-insensitive); throws a RangeError naming the expected form otherwise. */
export function parseQuarterKey(key: string): Quarter {
  const m = QUARTER_KEY.exec(key.trim());
  if (!m) throw new RangeError(`"${key}" is not a quarter key; write it as YYYY-qN, e.g. 2026-q1`);
  return quarterFrom(Number(m[1]), Number(m[2]) as 1 | 2 | 3 | 4);
}

function shift(key: string | Quarter, by: -1 | 1): Quarter {
  const q = typeof key === 'string' ? parseQuarterKey(key) : key;
  const index = q.year * 4 + (q.quarter - 1) + by;
  const year = Math.floor(index / 4);
  return quarterFrom(year, (index - year * 4 + 1) as 1 | 2 | 3 | 4);
}

/** The quarter before: previousQuarter('2026-q1') is 2025 Q4. */
export function previousQuarter(key: string | Quarter): Quarter {
  return shift(key, -1);
}

/** The quarter after: nextQuarter('2025-q4') is 2026 Q1. */
export function nextQuarter(key: string | Quarter): Quarter {
  return shift(key, 1);
}

/**
 * Every quarter key from `from` to `to`, both included, in order.
 * Empty when `from` is after `to`.
 */
export function quarterKeysBetween(from: string | Quarter, to: string | Quarter): string[] {
  let q = typeof from === 'string' ? parseQuarterKey(from) : from;
  const last = typeof to === 'string' ? parseQuarterKey(to) : to;
  const keys: string[] = [];
  while (q.year * 4 + q.quarter <= last.year * 4 + last.quarter) {
    keys.push(q.key);
    q = nextQuarter(q);
  }
  return keys;
}

/** True when the instant lies in the quarter: start ≤ instant < end. */
export function isInQuarter(date: Date, quarter: Quarter): boolean {
  const t = date.getTime();
  return t >= quarter.start.getTime() && t < quarter.end.getTime();
}

/** The quarter has not ended on `today` (YYYY-MM-DD): its figures are partial. */
export function isOngoing(quarter: Quarter, today: string): boolean {
  return today < quarter.end.toISOString().slice(0, 10);
}

/**
 * How a page names a quarter: "2026 Q3", or "2026 Q4 so far, as of 2026-12-01" while it runs, so
 * that no figure of an unfinished quarter reads as the quarter's result.
 */
export function quarterLabel(quarter: Quarter, today: string): string {
  return isOngoing(quarter, today) ? `${quarter.label} so far, as of ${today}` : quarter.label;
}
