import type { ActionItem, RootCause, TimelineEvent } from '../../schema';

/**
 * The structural inputs of the metrics. They take only the fields a metric
 * reads, so a parsed postmortem, a data-module entry or a small hand-made
 * object in a test all fit.
 */

/** One timeline event as far as the metrics care: when, and which milestone (if any). */
type TimelineMoment = Pick<TimelineEvent, 'at' | 'kind'>;

/** A timeline: the events of one incident, in the order the author wrote them. */
export type TimelineInput = readonly TimelineMoment[];

/** An action item as far as counting and overdue checks care. */
export type ActionItemInput = Pick<ActionItem, 'title' | 'owner' | 'due' | 'status' | 'completed'>;

/** One incident: its id plus the frontmatter fields the metrics read. */
export interface IncidentInput {
  id: string;
  data: {
    timeline: TimelineInput;
    severity?: string | undefined;
    services?: readonly string[] | undefined;
    teams?: readonly string[] | undefined;
    root_cause?: Pick<RootCause, 'category'> | undefined;
    action_items?: readonly ActionItemInput[] | undefined;
  };
}
