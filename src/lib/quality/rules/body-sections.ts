import { editDistance } from '../../text/did-you-mean';
import { NEAR_MISS_OPTIONAL_SECTIONS } from '../near-miss';
import { isPlaceholder } from '../placeholders';
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

const HEADING = /^ {0,3}##[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$/gm;

/** `## ` headings of a Markdown body (ATX, level 2), outside code, normalised. */
export function sectionHeadings(body: string): string[] {
  return [...maskNonProse(body).matchAll(HEADING)].map((m) => normalise(m[1]!));
}

/** Each `## ` section of a body: its normalised heading and its text up to the next one (code blanked). */
export function bodySectionTexts(body: string): Array<{ heading: string; text: string }> {
  const masked = maskNonProse(body);
  const found = [...masked.matchAll(HEADING)];
  return found.map((m, i) => ({ heading: normalise(m[1]!), text: masked.slice(m.index + m[0].length, found[i + 1]?.index ?? masked.length) }));
}

/** Sections by whether they were written: one whose only text is the template's placeholder does not count. */
function sectionsByState(body: string): { written: Set<string>; placeholders: Set<string> } {
  const written = new Set<string>(), placeholders = new Set<string>();
  for (const s of bodySectionTexts(body)) (s.text.trim() === '' || !isPlaceholder(s.text) ? written : placeholders).add(s.heading);
  return { written, placeholders };
}

export const bodySections: QualityRule = {
  id: 'quality/body-sections',
  level: 'warning',
  family: 'document-structure',
  description: `The body has the sections a reviewer expects as "## " headings: ${BODY_SECTIONS.join(', ')} (a light postmortem: the sections of quality.light.sections); a section still holding the template's placeholder does not count.`,
  check({ body, nearMiss, light, config, bodyLineOffset }) {
    const { written: present, placeholders } = sectionsByState(body);
    const expected = light ? config.light.sections : BODY_SECTIONS;
    const missing = expected.filter((s) => {
      const key = s.toLowerCase();
      return !present.has(key) && !(nearMiss && NEAR_MISS_OPTIONAL_SECTIONS.includes(key));
    });
    if (!missing.length) return [];
    const known = new Set<string>(expected.map((s) => s.toLowerCase()));
    const others = [...present].filter((h) => !known.has(h));
    const hints = missing.flatMap((s) => {
      const close = others.find((h) => editDistance(h, s.toLowerCase()) <= 3);
      return close ? [`"## ${close}" looks like "${s}"`] : [];
    });
    const unwritten = missing.filter((s) => placeholders.has(s.toLowerCase()));
    return [{
      field: 'body',
      line: bodyLineOffset,
      message: `is missing ${missing.length} of the ${expected.length} sections a reviewer expects${light ? ' of a light postmortem' : ''}: ${missing.join(', ')}`,
      fix:
        `add ${missing.map((s) => `"## ${s}"`).join(', ')} (npx hindsight new writes every section)` +
        (unwritten.length ? `; ${unwritten.join(', ')} still ${unwritten.length === 1 ? 'holds' : 'hold'} only the template's placeholder: write ${unwritten.length === 1 ? 'it' : 'them'}` : '') +
        (hints.length ? `; ${hints.join('; ')}: use the exact heading` : '') +
        (!nearMiss && missing.some((s) => NEAR_MISS_OPTIONAL_SECTIONS.includes(s.toLowerCase()))
          ? '; if nothing reached customers (incident_type: near-miss), Customer impact and How we mitigated are optional'
          : ''),
    }];
  },
};
