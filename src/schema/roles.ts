import { z } from 'zod';
import { handle } from './ids';

/** The incident roles of the COE practice (content model v1.1), each a handle. */
export const INCIDENT_ROLES = ['commander', 'tech_lead', 'comms_lead', 'scribe'] as const;
export type IncidentRole = (typeof INCIDENT_ROLES)[number];

/** Display names, in the order a postmortem header lists them. */
export const ROLE_LABELS: Readonly<Record<IncidentRole, string>> = {
  commander: 'Incident commander',
  tech_lead: 'Technical lead',
  comms_lead: 'Communications lead',
  scribe: 'Scribe',
};

/** `roles:` in the frontmatter: who held which role during the response. Every role is optional. */
export const incidentRoles = z.strictObject({
  /** Incident commander: owned the response and its decisions. */
  commander: handle.optional(),
  /** Technical lead: led the diagnosis and the fix. */
  tech_lead: handle.optional(),
  /** Communications lead: kept customers, support and leadership informed. */
  comms_lead: handle.optional(),
  /** Scribe: kept the timeline during the incident. */
  scribe: handle.optional(),
});
