/*
 * Word wrapping for SVG text drawn at build time, on the same width estimate as the timeline
 * (lib/timeline/text.ts), so a label never runs past the room it was given.
 */
import { estimateTextWidth, truncateToWidth, type MeasureText, type TextStyle } from '../timeline/text';

export interface Wrapped {
  lines: string[];
  /** Some words did not fit in maxLines: the last line ends with an ellipsis. */
  truncated: boolean;
  /** Width of the widest line. */
  width: number;
}

/**
 * Breaks `text` into lines no wider than `maxWidth`, at spaces (not at no-break spaces); a word
 * wider than a line is cut.
 * At most `maxLines` lines; what does not fit is cut with an ellipsis on the last one.
 */
export function wrapToWidth(text: string, maxWidth: number, style: TextStyle, maxLines = 2, measure: MeasureText = estimateTextWidth): Wrapped {
  // Breaks only at ordinary white space: a no-break space (U+00A0) keeps "(1 + 2)" together.
  const words = text.replace(/[ \t\r\n]+/g, ' ').trim().split(' ').filter(Boolean);
  const lines: string[] = [];
  let line = '';
  let i = 0;
  for (; i < words.length; i++) {
    const candidate = line ? `${line} ${words[i]}` : words[i]!;
    if (measure(candidate, style) <= maxWidth) {
      line = candidate;
      continue;
    }
    if (!line) {
      // One word wider than the line: cut it.
      line = truncateToWidth(words[i]!, maxWidth, style, measure).text;
      lines.push(line);
      line = '';
      if (lines.length === maxLines) break;
      continue;
    }
    lines.push(line);
    line = '';
    if (lines.length === maxLines) break;
    i--; // the word starts the next line
  }
  if (line && lines.length < maxLines) {
    lines.push(line);
    i = words.length;
  }
  const truncated = i < words.length;
  if (truncated && lines.length) {
    const rest = `${lines[lines.length - 1]} ${words.slice(i).join(' ')}`;
    lines[lines.length - 1] = truncateToWidth(`${rest}`, maxWidth, style, measure).text;
  }
  return { lines, truncated, width: Math.max(0, ...lines.map((l) => measure(l, style))) };
}
