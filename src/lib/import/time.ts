/** Dates, clock times, durations and time zones as postmortem documents write them. */
import { isCalendarDate } from '../../schema/datetime';

export interface Clock {
  h: number;
  m: number;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const pad = (n: number) => String(n).padStart(2, '0');

/** A calendar day, YYYY-MM-DD: 2025-10-07, 2025/10/07, November 18, 2025, 18 Nov 2025. */
export function parseDay(text: string): string | undefined {
  let m = /(\d{4})[-/](\d{1,2})[-/](\d{1,2})/.exec(text);
  let day: string | undefined;
  if (m) day = `${m[1]}-${pad(Number(m[2]))}-${pad(Number(m[3]))}`;
  m = day ? null : /\b([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b/.exec(text);
  if (m) {
    const month = MONTHS.indexOf(m[1]!.slice(0, 3).toLowerCase());
    if (month >= 0) day = `${m[3]}-${pad(month + 1)}-${pad(Number(m[2]))}`;
  }
  m = day ? null : /\b(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\b/.exec(text);
  if (m) {
    const month = MONTHS.indexOf(m[2]!.slice(0, 3).toLowerCase());
    if (month >= 0) day = `${m[3]}-${pad(month + 1)}-${pad(Number(m[1]))}`;
  }
  return day && isCalendarDate(day) ? day : undefined;
}

/** A clock time: 05:10, 17:14:03, 4:52 PM, 4.52pm, 14h05 (a date before it is ignored). */
export function parseClock(text: string): Clock | undefined {
  const rest = text.replace(/\d{4}[-/]\d{1,2}[-/]\d{1,2}T?/, ' ');
  const twelve = /\b(\d{1,2})[:.h](\d{2})(?::\d{2})?\s*([ap])\.?\s*m\b\.?/i.exec(rest);
  if (twelve) {
    const h = Number(twelve[1]), m = Number(twelve[2]);
    if (h < 1 || h > 12 || m > 59) return undefined;
    return { h: (h % 12) + (twelve[3]!.toLowerCase() === 'p' ? 12 : 0), m };
  }
  const plain = /\b(\d{1,2})[:.h](\d{2})\b/.exec(rest);
  if (!plain) return undefined;
  const h = Number(plain[1]), m = Number(plain[2]);
  return h < 24 && m < 60 ? { h, m } : undefined;
}

/** Minutes in a duration: 1h 35m, 2 hours 10 minutes, 45 minutes, 50 min, 1.5 hours, 1:35. */
export function parseDuration(text: string): number | undefined {
  const t = text.toLowerCase();
  const clock = /^\s*(\d{1,3}):(\d{2})\s*$/.exec(t);
  if (clock) return Number(clock[1]) * 60 + Number(clock[2]);
  const days = /(\d+(?:\.\d+)?)\s*(?:d|days?)\b/.exec(t);
  const hours = /(\d+(?:\.\d+)?)\s*(?:h|hrs?|hours?)\b/.exec(t);
  const minutes = /(\d+)\s*(?:m|mins?|minutes?)\b/.exec(t);
  if (!days && !hours && !minutes) return undefined;
  return Math.round(Number(days?.[1] ?? 0) * 1440 + Number(hours?.[1] ?? 0) * 60 + Number(minutes?.[1] ?? 0));
}

/** Offsets of the zone abbreviations documents use (standard and summer time). */
const ZONES: Record<string, number> = {
  UTC: 0, GMT: 0, Z: 0, WET: 0, BST: 60, CET: 60, CEST: 120, EET: 120, EEST: 180, MSK: 180, IST: 330, SGT: 480, JST: 540,
  AEST: 600, AEDT: 660, NZST: 720, NZDT: 780, HST: -600, AKST: -540, AKDT: -480, PST: -480, PDT: -420, MST: -420, MDT: -360,
  CST: -360, CDT: -300, EST: -300, EDT: -240,
};
const NAMED: Array<[RegExp, string]> = [[/\bpacific\b/i, 'PST'], [/\bmountain time\b/i, 'MST'], [/\bcentral european\b/i, 'CET'], [/\beastern\b/i, 'EST'], [/\bcentral time\b/i, 'CST']];

/** The time zone a text names: "UTC+1", "(CET)", "All times are PST", "Pacific time". */
export function zoneOffset(text: string): { minutes: number; name: string } | undefined {
  const explicit = /\b(?:UTC|GMT)\s*([+-−])\s*(\d{1,2})(?::?(\d{2}))?\b/.exec(text);
  if (explicit) {
    const minutes = (explicit[1] === '+' ? 1 : -1) * (Number(explicit[2]) * 60 + Number(explicit[3] ?? 0));
    return { minutes, name: explicit[0].replace(/\s+/g, '') };
  }
  const abbr = new RegExp(`\\b(${Object.keys(ZONES).filter((z) => z !== 'Z').join('|')})\\b`).exec(text);
  if (abbr) return { minutes: ZONES[abbr[1]!]!, name: abbr[1]! };
  for (const [re, name] of NAMED) if (re.test(text)) return { minutes: ZONES[name]!, name };
  return undefined;
}
