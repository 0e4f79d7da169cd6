import { withFix } from './issues';
import { z } from 'zod';

const count = (what: string) =>
  z.number({ error: `must be a number (${what})` }).nonnegative({
    error: withFix('cannot be negative', 'use 0 or a positive number', 'schema/range'),
  });

/** Customer impact: a sentence plus the numbers that make it comparable. */
export const impact = z.strictObject({
  /** What customers experienced, in words. */
  description: z.string({ error: 'must describe what customers experienced' }).trim().min(1, {
    error: withFix('is empty', 'describe what customers experienced', 'schema/required'),
  }),
  users_affected: count('users').optional(),
  revenue_usd: count('US dollars').optional(),
  /** Share of the period's error budget this incident consumed, 0–100 (can exceed 100). */
  slo_budget_consumed_pct: count('percent').optional(),
  support_tickets: count('tickets').optional(),
  data_loss: z.boolean({ error: 'must be true or false' }).optional(),
  customer_facing: z.boolean({ error: 'must be true or false' }).optional(),
});
export type Impact = z.infer<typeof impact>;

export const IMPACT_NUMBERS = ['users_affected', 'revenue_usd', 'slo_budget_consumed_pct', 'support_tickets'] as const;
