import { describe, expect, it } from 'vitest';
import { BLAMELESS_PATTERNS, PERSON_AS_CAUSE } from '../../../src/lib/quality/blameless-patterns';
import { meets, normalise, Prefilters, requiredLiterals } from '../../../src/lib/quality/prefilter';
import { SENSITIVE_PATTERNS } from '../../../src/lib/quality/sensitive-patterns';

/** Every regex a prefilter stands in front of, as the rules use them. */
const FAMILIES = {
  blameless: [...BLAMELESS_PATTERNS, ...PERSON_AS_CAUSE].map((p) => ({ id: p.id, regex: p.regex, fires: p.fires, passes: p.passes })),
  sensitive: SENSITIVE_PATTERNS.map((p) => ({ id: p.id, regex: p.regex, fires: p.fires, passes: p.passes })),
};
const ALL = [...FAMILIES.blameless, ...FAMILIES.sensitive];
const globalOf = (regex: RegExp) => new RegExp(regex.source, regex.flags.includes('g') ? regex.flags : `${regex.flags}g`);

describe('requiredLiterals', () => {
  it.each([
    [/\bcareless(?:ly|ness)?\b/i, [['careless']]],
    [/should\s+have\s+known/, [['should have known']]],
    [/a(?:b|c)d/, [['abd', 'acd']]],
    [/(?:foo|bar\d+)baz/, [['baz'], ['bar', 'foo']]],
    [/didn['’]t/, [["didn't", 'didn’t']]],
    [/(?<!\bgit\s+)\bblame(?![-\s]?free)/i, [['blame']]],
    [/(abc)x\1/, [['abcx']]],
    [/-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----/, [['private key-----'], ['-----begin ']]],
  ])('%s needs %j', (regex, expected) => {
    expect(requiredLiterals(regex)).toEqual(expected);
  });

  it('ends a literal at a character class, a digit or a non-ASCII letter that has case', () => {
    expect(requiredLiterals(/x[0-9]+y/)).toEqual([]);
    expect(requiredLiterals(/\bcafé au lait/i)).toEqual([[' au lait'], ['caf']]);
  });

  it('gives up on syntax it does not read, so the regex always runs', () => {
    expect(requiredLiterals(/careless/u)).toEqual([]);
    expect(requiredLiterals(/caf\u00e9 careless/)).toEqual([]);
    expect(requiredLiterals(/(?<w>blame)\k<w>/)).toEqual([]);
  });
});

describe('Prefilters', () => {
  it('reads the text in normal form: either case, any run of white space', () => {
    const p = new Prefilters([/human\s+error/i, /\bcareless\b/, /xyz+/]);
    expect(p.scan('Root cause: HUMAN\u00a0\n  ERROR.')).toEqual([true, false, true]);
    expect(p.scan('A Careless edit.')).toEqual([false, true, true]);
  });

  it('does not read a non-ASCII letter as the ASCII letter it lowercases to, as the regex does not', () => {
    const regex = /\bkey\b/i;
    const kelvinKey = '\u212Aey';
    expect(regex.test(kelvinKey)).toBe(false);
    expect(new Prefilters([regex]).scan(kelvinKey)).toEqual([false]);
    expect(new Prefilters([regex]).scan('KEY')).toEqual([true]);
  });
});

describe('the derived prefilter of every pattern', () => {
  it('is found for every pattern but the national phone number (digits only)', () => {
    expect(ALL.filter((p) => requiredLiterals(p.regex).length === 0).map((p) => p.id)).toEqual(['phone-national']);
  });

  for (const p of ALL) {
    it.each(p.fires)(`${p.id} lets %j through, and each of its matches`, (text) => {
      const requirement = requiredLiterals(p.regex);
      expect(meets(requirement, normalise(text))).toBe(true);
      expect(new Prefilters([p.regex]).scan(text)).toEqual([true]);
      for (const m of text.matchAll(globalOf(p.regex))) expect(meets(requirement, normalise(m[0])), m[0]).toBe(true);
    });
  }
});

/** Deterministic texts near the patterns: their examples, cut, joined, re-cased, re-spaced, with curly quotes and odd letters. */
function* fuzzTexts(count: number): Generator<string> {
  let seed = 20261101;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const pool = ALL.flatMap((p) => [...p.fires, ...p.passes]);
  const spaces = [' ', '  ', '\n', '\t', '\u00a0', ' \n ', '\u2028', ''];
  const odd = ['’', "'", 'İ', '\u212A', 'ſ', 'é', '@', '://', '`', '-', '_', '.'];
  for (let n = 0; n < count; n++) {
    const parts = Array.from({ length: 1 + Math.floor(random() * 3) }, () => {
      let s = pick(pool);
      if (random() < 0.3) {
        const a = Math.floor(random() * s.length);
        s = s.slice(a, a + 5 + Math.floor(random() * 40));
      }
      const r = random();
      if (r < 0.2) s = s.toUpperCase();
      else if (r < 0.4) s = s.toLowerCase();
      if (random() < 0.5) s = s.replace(/ /g, () => pick(spaces));
      if (random() < 0.3) s = s.replace(/['’]/g, () => pick(['’', "'"]));
      if (random() < 0.3) {
        const at = Math.floor(random() * s.length);
        s = s.slice(0, at) + pick(odd) + s.slice(at + (random() < 0.5 ? 1 : 0));
      }
      return s;
    });
    yield parts.join(pick(spaces));
  }
}

describe('prefilters against their regexes on generated text', () => {
  const texts = [...fuzzTexts(4000)];

  it.each(Object.entries(FAMILIES))('%s: never rejects a text the regex matches, and agrees with the plain form', (_, family) => {
    const prefilters = new Prefilters(family.map((p) => p.regex));
    const matched = new Map(family.map((p) => [p.id, 0]));
    for (const text of texts) {
      const answers = prefilters.scan(text);
      // Characters that lowercase to ASCII from outside it are where the scan is stricter than includes (and right to be).
      const plain = !/[\u0130\u212A]/.test(text);
      family.forEach((p, i) => {
        const matches = globalOf(p.regex).test(text);
        if (matches) matched.set(p.id, matched.get(p.id)! + 1);
        if (matches) expect(answers[i], `${p.id} on ${JSON.stringify(text)}`).toBe(true);
        if (plain) expect(answers[i], `${p.id} on ${JSON.stringify(text)}`).toBe(meets(prefilters.requirements[i]!, normalise(text)));
      });
    }
    // The texts exercise every pattern, not just its absence.
    expect([...matched].filter(([, n]) => n < 5)).toEqual([]);
  });
});
