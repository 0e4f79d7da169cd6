import { parseInstant } from '../../../src/schema/datetime';
import type { Milestone } from '../../../src/schema';

/** A Date from an ISO string with an offset, parsed exactly as the schema parses timelines. */
export function at(iso: string): Date {
  const parsed = parseInstant(iso);
  if (!parsed.ok) throw new Error(`${iso}: ${parsed.message}`);
  return parsed.date;
}

/** A timeline from milestone → ISO string. */
export function timeline(points: Partial<Record<Milestone, string>>): Array<{ at: Date; kind: Milestone }> {
  return Object.entries(points)
    .map(([kind, iso]) => ({ at: at(iso), kind: kind as Milestone }))
    .sort((a, b) => a.at.getTime() - b.at.getTime());
}

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
