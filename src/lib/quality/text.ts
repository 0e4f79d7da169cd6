import type { PostmortemFrontmatter } from '../../schema/postmortem';
import type { TextField } from './types';

/**
 * Every text field of a postmortem a person wrote, in document order, with
 * its path in the author's terms. Links come last and are marked `url`: they
 * are scanned for secrets but not for blameless language.
 */
export function textFields(data: PostmortemFrontmatter): TextField[] {
  // A file that failed validation is checked too (QualityInput.invalidFields): any field may be absent.
  const out: TextField[] = [];
  const prose = (field: string, text: string | undefined) => {
    if (text) out.push({ field, text, kind: 'prose' });
  };
  const url = (field: string, text: string | undefined) => {
    if (text) out.push({ field, text, kind: 'url' });
  };
  prose('title', data.title);
  prose('summary', data.summary);
  data.timeline?.forEach((e, i) => prose(`timeline[${i}].event`, e.event));
  prose('impact.description', data.impact?.description);
  prose('root_cause.summary', data.root_cause?.summary);
  data.contributing_factors?.forEach((f, i) => prose(`contributing_factors[${i}].description`, f.description));
  data.five_whys?.forEach((w, i) => {
    prose(`five_whys[${i}].why`, w.why);
    prose(`five_whys[${i}].because`, w.because);
  });
  data.action_items?.forEach((a, i) => prose(`action_items[${i}].title`, a.title));
  data.timeline?.forEach((e, i) => url(`timeline[${i}].source`, e.source));
  data.action_items?.forEach((a, i) => url(`action_items[${i}].tracker`, a.tracker));
  return out;
}

const blank = (s: string) => s.replace(/[^\n]/g, ' ');

/**
 * Blanks what is not the author's own prose (fenced code, inline code, URLs),
 * keeping every offset and newline so that line numbers stay right. A log line
 * quoted in a code block or a `…/blame/…` link is evidence, not language.
 */
export function maskNonProse(text: string): string {
  // Each step needs a character sequence most texts lack; without it the step would change nothing.
  let out = text;
  if (out.includes('```') || out.includes('~~~')) out = out.replace(/^([ \t]*)(`{3,}|~{3,})[^\n]*\n[\s\S]*?(?:^[ \t]*\2[^\n]*$|(?![\s\S]))/gm, blank);
  if (out.includes('`')) out = out.replace(/(`+)[^`\n]+?\1/g, blank);
  if (out.includes('://')) out = out.replace(/\b[a-z][a-z0-9+.-]*:\/\/[^\s<>)\]]+/gi, blank);
  return out;
}

/** Maps a character offset in the body to its 1-based line in the file (binary search over newlines). */
export function lineLocator(text: string, firstLine: number): (index: number) => number {
  const newlines: number[] = [];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) newlines.push(i);
  return (index) => {
    let lo = 0, hi = newlines.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (newlines[mid]! < index) lo = mid + 1;
      else hi = mid;
    }
    return firstLine + lo;
  };
}

/** Shortens author text for a message: one line, at most `max` characters. */
export function excerpt(text: string, max = 60): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}
