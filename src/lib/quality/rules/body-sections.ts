import { editDistance } from '../../text/did-you-mean';
import { NEAR_MISS_OPTIONAL_SECTIONS } from '../near-miss';
import { maskNonProse } from '../text';
import type { QualityRule } from '../types';

/** The body sections a COE reviewer expects, in order (content-model.md, "The body"). */
export const BODY_SECTIONS = [
  'Summary',
  'Customer impact',
  'How we noticed',
  'How we mitigated',
  'Root cause analysis',
  'What went well',
  'What went poorly',
  'Where we got lucky',
  'Lessons learned',
] as const;

const normalise = (heading: string) =>
  heading
    .replace(/[*_`]/g, '')
    .replace(/[’]/g, "'")
    .replace(/[\s:.]+$/, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();

/** `## ` headings of a Markdown body (ATX, level 2), outside code, normalised. */
export function sectionHeadings(body: string): string[] {
  return [...maskNonProse(body).matchAll(/^ {0,3}##[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$/gm)].map((m) => normalise(m[1]!));
}

export const bodySections: QualityRule = {
  id: 'quality/body-sections',
  level: 'warning',
  family: 'document-structure',
  description: `The body has the sections a reviewer expects as "## " headings: ${BODY_SECTIONS.join(', ')}.`,
  check({ body, nearMiss, bodyLineOffset }) {
    const present = new Set(sectionHeadings(body));
    const missing = BODY_SECTIONS.filter((s) => {
      const key = s.toLowerCase();
      return !present.has(key) && !(nearMiss && NEAR_MISS_OPTIONAL_SECTIONS.includes(key));
    });
    if (!missing.length) return [];
    const known = new Set<string>(BODY_SECTIONS.map((s) => s.toLowerCase()));
    const others = [...present].filter((h) => !known.has(h));
    const hints = missing.flatMap((s) => {
      const close = others.find((h) => editDistance(h, s.toLowerCase()) <= 3);
      return close ? [`"## ${close}" looks like "${s}"`] : [];
    });
    return [{
      field: 'body',
      line: bodyLineOffset,
      message: `is missing ${missing.length} of the ${BODY_SECTIONS.length} sections a reviewer expects: ${missing.join(', ')}`,
      fix:
        `add ${missing.map((s) => `"## ${s}"`).join(', ')} (npx hindsight new writes every section)` +
        (hints.length ? `; ${hints.join('; ')}: use the exact heading` : '') +
        (!nearMiss && missing.some((s) => NEAR_MISS_OPTIONAL_SECTIONS.includes(s.toLowerCase()))
          ? '; if nothing reached customers (incident_type: near-miss), Customer impact and How we mitigated are optional'
          : ''),
    }];
  },
};
