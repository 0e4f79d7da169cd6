import { BLAMELESS_PATTERNS, globalRegex } from '../blameless-patterns';
import type { Finding, QualityRule } from '../types';
import { Prefilters } from '../prefilter';
import { maskNonProse } from '../text';

const PATTERNS = BLAMELESS_PATTERNS.map((pattern) => ({ pattern, regex: globalRegex(pattern) }));
/** What each pattern's matches must contain: a text without it is skipped (prefilter.ts). */
const PREFILTERS = new Prefilters(BLAMELESS_PATTERNS.map((p) => p.regex));

/** Every blameless-language finding in one text; `lineAt` gives body findings their file line. */
function scan(text: string, field: string, lineAt?: (index: number) => number): Finding[] {
  const masked = maskNonProse(text);
  const mayMatch = PREFILTERS.scan(masked);
  const out: Finding[] = [];
  const seen = new Set<string>();
  for (const [i, { pattern, regex }] of PATTERNS.entries()) {
    if (!mayMatch[i]) continue;
    for (const m of masked.matchAll(regex)) {
      const line = lineAt?.(m.index);
      const key = `${pattern.id}:${line ?? ''}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({
        field,
        message: `"${m[0].replace(/\s+/g, ' ').trim()}" ${pattern.explanation}`,
        fix: pattern.suggestion,
        ...(line !== undefined ? { line } : {}),
      });
    }
  }
  return out.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}

export const blamelessLanguage: QualityRule = {
  id: 'quality/blameless-language',
  level: 'warning',
  family: 'blameless-language',
  description: 'No blaming language ("human error", "should have known", "careless", "blame", …) in any text field or the body.',
  check(ctx) {
    return [
      ...ctx.textFields.filter((f) => f.kind === 'prose').flatMap((f) => scan(f.text, f.field)),
      ...scan(ctx.body, 'body', ctx.bodyLine),
    ];
  },
};
