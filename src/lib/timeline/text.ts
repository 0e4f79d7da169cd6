/*
 * Text width without a browser. The timeline is drawn at build time, so label
 * widths are estimated from per-character advance widths. The table follows
 * DejaVu Sans, the widest of the common system sans-serif fonts (Arial,
 * Helvetica, Segoe UI and Roboto are narrower), so estimates err on the wide
 * side: a label may get a little more room than it needs, never less.
 */

/** Advance widths in em, by character. */
const WIDTHS: Record<string, number> = {
  a: 0.62, b: 0.64, c: 0.56, d: 0.64, e: 0.62, f: 0.36, g: 0.64, h: 0.64, i: 0.28, j: 0.28, k: 0.58, l: 0.28, m: 0.98,
  n: 0.64, o: 0.62, p: 0.64, q: 0.64, r: 0.42, s: 0.53, t: 0.4, u: 0.64, v: 0.6, w: 0.82, x: 0.6, y: 0.6, z: 0.53,
  A: 0.69, B: 0.69, C: 0.7, D: 0.77, E: 0.64, F: 0.58, G: 0.78, H: 0.76, I: 0.3, J: 0.3, K: 0.66, L: 0.56, M: 0.87,
  N: 0.75, O: 0.79, P: 0.61, Q: 0.79, R: 0.7, S: 0.64, T: 0.62, U: 0.74, V: 0.69, W: 0.99, X: 0.69, Y: 0.62, Z: 0.69,
  ' ': 0.32, '.': 0.32, ',': 0.32, ':': 0.34, ';': 0.34, "'": 0.28, '"': 0.46, '!': 0.4, '?': 0.54, '-': 0.37, '_': 0.5,
  '(': 0.4, ')': 0.4, '[': 0.4, ']': 0.4, '{': 0.64, '}': 0.64, '/': 0.34, '\\': 0.34, '|': 0.34, '%': 0.95, '&': 0.78,
  '@': 1, '#': 0.84, '*': 0.5, '+': 0.84, '=': 0.84, '<': 0.84, '>': 0.84, '~': 0.84, '^': 0.84, '`': 0.5, $: 0.64,
  '…': 1, '–': 0.5, '—': 1, '·': 0.32, '→': 0.84, '‘': 0.32, '’': 0.32, '“': 0.52, '”': 0.52,
};
const DIGIT = 0.64;
/** Accented Latin, Greek, Cyrillic and other alphabetic scripts: about an uppercase letter. */
const OTHER = 0.72;
/** CJK, emoji and other full-width characters take a whole em. */
const FULL = 1.02;
/** Bold DejaVu Sans is 5–12% wider than regular. */
const BOLD = 1.15;

function isFullWidth(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    cp >= 0x1f000
  );
}

function charWidth(ch: string): number {
  const known = WIDTHS[ch];
  if (known !== undefined) return known;
  if (ch >= '0' && ch <= '9') return DIGIT;
  const cp = ch.codePointAt(0) ?? 0;
  if (cp < 0x20 || (cp >= 0x300 && cp <= 0x36f) || cp === 0x200d || (cp >= 0xfe00 && cp <= 0xfe0f)) return 0; // controls, combining marks, joiners
  return isFullWidth(cp) ? FULL : OTHER;
}

/** charWidth of every ASCII character, by code: most labels are ASCII, and a table is several times faster than the lookup by string. */
const ASCII_WIDTHS = Float64Array.from({ length: 128 }, (_, code) => charWidth(String.fromCharCode(code)));

/** charWidth, through the ASCII table when it can. */
function widthOf(ch: string): number {
  const code = ch.charCodeAt(0);
  return ch.length === 1 && code < 128 ? ASCII_WIDTHS[code]! : charWidth(ch);
}

export interface TextStyle {
  fontSize: number;
  bold?: boolean;
}

/** Estimated rendered width of `text`, in the same units as `fontSize`. */
export function estimateTextWidth(text: string, style: TextStyle): number {
  let em = 0;
  for (const ch of text) em += widthOf(ch);
  return em * style.fontSize * (style.bold ? BOLD : 1);
}

/** How to measure text: the estimate by default; a test or a caller with real metrics may pass its own. */
export type MeasureText = (text: string, style: TextStyle) => number;

export const ELLIPSIS = '…';

export interface Truncated {
  text: string;
  truncated: boolean;
}

/**
 * The longest start of `text` that fits in `maxWidth`, ending in an ellipsis
 * when cut. Cuts at a word boundary when one is near the end, so labels do not
 * end in half a word; never splits a surrogate pair. Returns "" when not even
 * the ellipsis fits.
 */
export function truncateToWidth(text: string, maxWidth: number, style: TextStyle, measure: MeasureText = estimateTextWidth): Truncated {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (measure(clean, style) <= maxWidth) return { text: clean, truncated: false };
  const chars = Array.from(clean);
  const fits = measure === estimateTextWidth ? prefixFits(chars, maxWidth, style) : (n: number) => measure(chars.slice(0, n).join('').trimEnd() + ELLIPSIS, style) <= maxWidth;
  // Binary search for the longest prefix that fits together with the ellipsis.
  let lo = 0, hi = chars.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (fits(mid)) lo = mid;
    else hi = mid - 1;
  }
  if (lo === 0) return { text: measure(ELLIPSIS, style) <= maxWidth ? ELLIPSIS : '', truncated: true };
  let head = chars.slice(0, lo).join('');
  const space = head.lastIndexOf(' ');
  if (space >= head.length * 0.7) head = head.slice(0, space);
  return { text: head.trimEnd() + ELLIPSIS, truncated: true };
}

/**
 * Whether the first `n` characters (trailing space dropped) and an ellipsis fit, for the default
 * estimate, from running sums instead of measuring each candidate prefix again: the same sums in
 * the same order as estimateTextWidth, so the same answer; label truncation was half the CPU of
 * drawing a timeline.
 */
function prefixFits(chars: readonly string[], maxWidth: number, style: TextStyle): (n: number) => boolean {
  const sums = new Float64Array(chars.length + 1);
  for (let i = 0; i < chars.length; i++) sums[i + 1] = sums[i]! + widthOf(chars[i]!);
  const ellipsis = widthOf(ELLIPSIS);
  const scale = style.fontSize * (style.bold ? BOLD : 1);
  // The text's whitespace is single spaces by now: trimEnd drops at most the last character.
  return (n) => (sums[chars[n - 1] === ' ' ? n - 1 : n]! + ellipsis) * scale <= maxWidth;
}
