import { withFix } from './issues';
import { z } from 'zod';
import { catalogId } from './ids';

const sentence = (what: string, fix: string) =>
  z.string({ error: `must be ${what}` }).trim().min(1, { error: withFix('is empty', fix, 'schema/required') });

/** The root cause, kept apart from the contributing factors. */
export const rootCause = z.strictObject({
  /** A category id from taxonomy.yml (or one of its aliases). */
  category: catalogId,
  /** Why the system allowed this, in one or two sentences. */
  summary: sentence('a sentence', 'say why the system allowed the failure'),
});

/** Something that made the incident likelier or worse without being its cause. */
export const contributingFactor = z.strictObject({
  category: catalogId,
  description: sentence('a sentence', 'describe how this factor contributed'),
});

/** One step of the 5 Whys chain. */
export const why = z.strictObject({
  why: sentence('a question', 'ask the next "why?"'),
  because: sentence('an answer', 'answer the question; the last answer should name a system or process gap'),
});

export type RootCause = z.infer<typeof rootCause>;
export type Why = z.infer<typeof why>;
