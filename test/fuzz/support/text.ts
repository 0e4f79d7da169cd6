import fc from 'fast-check';

const fromRange = (min: number, max: number) => fc.integer({ min, max }).map((c) => String.fromCodePoint(c));

/** Characters that break naive code: C0/C1 controls, separators, bidi controls, BOM, zero-width. */
export const controlChar = fc.oneof(
  fromRange(0x00, 0x1f),
  fromRange(0x7f, 0x9f),
  fc.constantFrom('\u2028', '\u2029', '\u200b', '\u200c', '\u200d', '\ufeff', '\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\ufffd', '\ufffe'),
);

/** Non-Latin scripts: Hebrew and Arabic (RTL), Devanagari, CJK, Hangul, Cyrillic, Thai. */
const scriptChar = fc.oneof(
  fromRange(0x0590, 0x05ff),
  fromRange(0x0600, 0x06ff),
  fromRange(0x0900, 0x097f),
  fromRange(0x4e00, 0x9fff),
  fromRange(0xac00, 0xd7a3),
  fromRange(0x0400, 0x04ff),
  fromRange(0x0e00, 0x0e7f),
);

/** Emoji, including ZWJ sequences, flags, skin tones and keycaps. */
const emoji = fc.oneof(
  fromRange(0x1f300, 0x1faff),
  fc.constantFrom('👩‍👩‍👧‍👦', '🏳️‍🌈', '🇯🇵', '👍🏽', '1️⃣', '❤️', '🧑🏿‍🚒'),
);

/** Strings YAML treats specially when unquoted; yaml.stringify must quote them. */
const yamlish = fc.constantFrom(
  'true', 'false', 'yes', 'no', 'on', 'off', 'null', '~', 'Null', '1e3', '0x1F', '0o17', '.nan', '.inf', '-.inf', '012', '1_000',
  '- a', ': b', 'a: b', '#c', 'a #c', '&a', '*a', '!tag', '!!str x', '---', '...', '"', "'", '{', '}', '[', ']', '|', '>', '%YAML 1.2', '@x', '`x`',
  '2026-06-11', '2026-06-11T08:00Z', '<<', '? x', '', ' ', '\t', '\n', ' x ', 'x\n---\ny', '\\', '\\n',
);

/**
 * Arbitrary author text: every flavour of string the brief asks for, including
 * very long ones (up to `longest` characters, 100k by default).
 */
export function anyText(maxLength = 40, longest = 100_000): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength }) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength }) },
    { weight: 2, arbitrary: fc.string({ unit: scriptChar, minLength: 1, maxLength }) },
    { weight: 1, arbitrary: fc.string({ unit: emoji, minLength: 1, maxLength }) },
    { weight: 2, arbitrary: fc.string({ unit: fc.oneof(controlChar, fc.constantFrom('a', ' ', '-')), minLength: 1, maxLength }) },
    { weight: 2, arbitrary: yamlish },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.oneof(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 8 }), fc.constantFrom('a', 'é', '字', '🙂', ' ', '\u202e', 'ab-c ')), fc.integer({ min: Math.min(1_000, longest), max: longest }))
        .map(([s, n]) => s.repeat(Math.ceil(n / s.length)).slice(0, n)),
    },
  );
}

/** Backslash-escapes every ASCII punctuation character, so Markdown/MDX reads the text literally. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[!-/:-@[-`{-~]/g, (c) => `\\${c}`);
}
