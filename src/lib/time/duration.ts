/*
 * How the site writes durations and instants. Every page, the timeline and the
 * CLI use these, so "2 h 05 min" reads the same everywhere. Times are always
 * shown in UTC: postmortems are read across time zones, and a reader who
 * compares two incidents must not have to convert.
 */

const SECOND = 1_000;
const MINUTE = 60 * SECOND;

/** U+2212 MINUS SIGN: reads as "minus" and lines up with the digits, unlike a hyphen. */
const MINUS = '\u2212';

/**
 * A duration for people: "0 min", "45 s", "4 min", "2 h 05 min", "1 d 2 h 35 min".
 * Minute precision from a minute up, also past a day: timelines are minute-precise, and two
 * events 25 minutes apart a day into an incident must not read the same.
 * Rounds to the nearest unit, carrying into the next (59 min 40 s → "1 h 00 min").
 */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) throw new RangeError(`formatDuration: expected a finite number of milliseconds, got ${ms}`);
  if (ms < 0) return `${MINUS}${formatDuration(-ms)}`;
  if (ms === 0) return '0 min';
  if (ms < MINUTE) {
    const seconds = Math.round(ms / SECOND);
    if (seconds === 0) return '< 1 s';
    if (seconds < 60) return `${seconds} s`;
  }
  const minutes = Math.round(ms / MINUTE);
  if (minutes < 60) return `${minutes} min`;
  const mm = String(minutes % 60).padStart(2, '0');
  if (minutes < 24 * 60) return `${Math.floor(minutes / 60)} h ${mm} min`;
  return `${Math.floor(minutes / (24 * 60))} d ${Math.floor(minutes / 60) % 24} h ${mm} min`;
}

/** Time since the start of an incident: "+0 min", "+5 min", "−25 min" (an event before the start). */
export function formatElapsed(ms: number): string {
  return ms < 0 ? formatDuration(ms) : `+${formatDuration(ms)}`;
}

export interface UtcFormatOptions {
  /**
   * Show seconds: `auto` (default) only when they are not zero, so that
   * minute-precision timelines stay short and second-precision ones stay exact.
   */
  seconds?: 'auto' | 'always' | 'never';
  /** Append " UTC" (default true). Leave it off where a column header already says UTC. */
  zone?: boolean;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** An instant in UTC: "2026-03-02 14:05 UTC" (with ":30" seconds when there are any). */
export function formatUtc(date: Date, options: UtcFormatOptions = {}): string {
  const t = date.getTime();
  if (Number.isNaN(t)) throw new RangeError('formatUtc: invalid date');
  const { seconds = 'auto', zone = true } = options;
  const day = `${String(date.getUTCFullYear()).padStart(4, '0')}-${pad2(date.getUTCMonth() + 1)}-${pad2(date.getUTCDate())}`;
  const showSeconds = seconds === 'always' || (seconds === 'auto' && date.getUTCSeconds() !== 0);
  const time = `${pad2(date.getUTCHours())}:${pad2(date.getUTCMinutes())}${showSeconds ? `:${pad2(date.getUTCSeconds())}` : ''}`;
  return `${day} ${time}${zone ? ' UTC' : ''}`;
}

/** The UTC time of day: "14:05" (or "14:05:30" when the seconds are not zero). */
export function formatUtcTime(date: Date, options: Pick<UtcFormatOptions, 'seconds'> = {}): string {
  return formatUtc(date, { ...options, zone: false }).slice(11);
}
