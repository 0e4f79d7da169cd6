/*
 * What the `new` template writes where the author has yet to: the marker words and the template's
 * own wording. It lives here, beside the rule that recognises it, so that the template and the
 * policy cannot drift apart (src/cli/template.ts writes these very strings).
 */
import { maskNonProse } from './text';

/** Words that mark text as not written yet. Upper case only: "todo" in a sentence is prose. */
const MARKER = /(?<![\w-])(?:TODO|TBD|FIXME|XXX)(?![\w-])/;

/** The template's guidance, written after "TODO" in each field and section of a new postmortem. */
export const TEMPLATE_TEXT = {
  summary: 'one to three sentences on what customers experienced and for how long.',
  firstEvent: 'what changed or failed first',
  detectedEvent: 'how we found out (which alarm, which report)',
  resolvedEvent: 'what ended the impact',
  impact: 'what customers could not do',
  rootCause: 'why the system allowed this (not who did what)',
  firstWhy: 'Why did customers see the failure?',
  nextWhy: 'Why …?',
  lastBecause: 'the missing safeguard in the system or process',
  action: 'a concrete mechanism with a measurable object',
  sections: {
    Summary: 'what happened, in a short paragraph a reader outside the team understands.',
    'Customer impact': 'who was affected, how, for how long, in numbers.',
    'How we noticed': 'the alarm or report, and how long detection took. If a customer told us first, say so.',
    'How we mitigated': 'what stopped the impact, and what made it slower or faster.',
    'Root cause analysis': 'why the system allowed this. Keep the root cause apart from the contributing factors.',
    'What went well': 'what helped: an alarm that fired, a runbook that worked, a quick rollback.',
    'What went poorly': 'what made it worse or slower.',
    'Where we got lucky': 'luck is not a strategy; each item here is a candidate action.',
    'Lessons learned': 'technical, process and communication lessons.',
  } as Record<string, string>,
} as const;

const normalise = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();

/** The template's wording an author might keep after deleting "TODO" (the short ones are left out: they could be the author's own). */
const PHRASES = [
  TEMPLATE_TEXT.summary,
  TEMPLATE_TEXT.detectedEvent,
  TEMPLATE_TEXT.rootCause,
  TEMPLATE_TEXT.lastBecause,
  TEMPLATE_TEXT.action,
  ...Object.values(TEMPLATE_TEXT.sections),
].map(normalise);

/** What is left of a text once markers, punctuation and ellipses are gone. */
const residue = (text: string) => normalise(text.replace(new RegExp(MARKER.source, 'g'), ' '));

/**
 * True when a text is still the template's: it carries a marker (TODO, TBD, FIXME, XXX) outside
 * code, has nothing else once the marker is gone, is the template's "Why …?", or repeats its guidance.
 */
export function isPlaceholder(text: string): boolean {
  const prose = maskNonProse(text);
  if (hasPlaceholder(prose)) return true;
  const rest = residue(prose);
  // "Why …?" is the template's; a plain "Why?" is the author's own (terse) question.
  return rest === '' || (rest === 'why' && /…|\.\.\./.test(prose));
}

/** True when a line of prose (code already blanked) carries a marker or the template's guidance. */
export function hasPlaceholder(prose: string): boolean {
  if (MARKER.test(prose)) return true;
  // The whole line is the guidance: an author's sentence that merely starts like it is their own.
  return PHRASES.includes(residue(prose));
}

/** The first placeholder in a text, as the author wrote it, for a message. */
export function placeholderIn(text: string): string {
  const m = MARKER.exec(maskNonProse(text));
  return m ? m[0] : 'the template\'s wording';
}
