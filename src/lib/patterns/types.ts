import type { ActionStatus, RootCause, Status } from '../../schema';
import type { ActionItemInput, TimelineInput } from '../metrics';

/** One incident as far as the pattern rules care. */
export interface PatternIncident {
  id: string;
  data: {
    timeline: TimelineInput;
    status: Status;
    services: readonly string[];
    root_cause: Pick<RootCause, 'category'>;
    action_items?: readonly ActionItemInput[] | undefined;
    recurrence_of?: string | undefined;
  };
}

/**
 * An incident prepared once for every rule: its start (see incidentStart in
 * the metrics), the UTC day of that start, and its canonical category.
 */
export interface PatternSubject {
  id: string;
  startMs: number;
  /** UTC calendar day of the start, YYYY-MM-DD, to compare with action-item dates. */
  startDay: string;
  status: Status;
  services: readonly string[];
  category: string;
  recurrenceOf: string | undefined;
  actionItems: readonly ActionItemInput[];
}

/** Why an action item of an earlier incident counts as a mechanism that did not land in time. */
type MissedReason = 'open' | 'in-progress' | 'wont-do' | 'completed-late';

/**
 * An action item of an earlier incident in a pattern that had not landed
 * when a later incident of the same pattern started.
 */
export interface MissedMechanism {
  /** The incident whose postmortem wrote the action item. */
  incidentId: string;
  /** Position of the item in that incident's action_items. */
  actionIndex: number;
  title: string;
  owner: string;
  due: string;
  status: ActionStatus;
  completed?: string;
  /**
   * open / in-progress: still not done; completed-late: done, but on or after
   * the UTC day the later incident started; wont-do: declined, so it never
   * landed (flagged apart: a decision, not a delay).
   */
  reason: MissedReason;
  /** The first later incident of the pattern that started before the item landed. */
  laterIncidentId: string;
  laterStarted: Date;
  /** How many later incidents of the pattern started before the item landed (≥ 1). */
  laterIncidentsMissed: number;
  /** The item was already past its due date when the later incident started. */
  overdueAtLaterStart: boolean;
}

type PatternKind = 'explicit' | 'shared-service-category';

export interface RepeatPattern {
  /** Stable: 'explicit:<first-id>' or 'service-category:<service>:<category>:<first-id>'. */
  id: string;
  kind: PatternKind;
  /** Chronological by start (ties by id). */
  incidentIds: string[];
  /** The service the rule grouped by (shared-service-category only). */
  service?: string;
  /** The canonical root-cause category all incidents share, when they share one. */
  category?: string;
  /** Services every incident of the pattern names. */
  services: string[];
  firstStarted: Date;
  lastStarted: Date;
  missedMechanisms: MissedMechanism[];
  /**
   * For a shared-service-category pattern: ids of the explicit patterns that
   * already link at least two of its incidents. Empty for explicit patterns.
   */
  explicitOverlap: string[];
}

export interface PatternOptions {
  /** Implicit repeats: the most days between one incident and the next in a cluster (inclusive). Default 180. */
  windowDays?: number | undefined;
  /** Maps a category id or alias to its canonical id (e.g. categoryResolver from the schema); unknown ids stay as they are. */
  resolveCategory?: ((id: string) => string | undefined) | undefined;
  /** The rules to run; default: every registered rule. */
  rules?: readonly PatternRule[] | undefined;
}

interface ResolvedPatternOptions {
  windowDays: number;
}

/** One detection rule: a pure function from prepared incidents to patterns. */
export interface PatternRule {
  kind: PatternKind;
  /** One sentence for the pattern report's legend. */
  description: string;
  detect(subjects: readonly PatternSubject[], options: ResolvedPatternOptions): RepeatPattern[];
}

export const DEFAULT_WINDOW_DAYS = 180;
