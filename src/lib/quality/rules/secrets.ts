import { redactMatch, SENSITIVE_PATTERNS, type SensitivePattern } from '../sensitive-patterns';
import { Prefilters } from '../prefilter';
import type { Finding, QualityRule, RuleContext } from '../types';

interface Hit {
  pattern: SensitivePattern;
  start: number;
  end: number;
  text: string;
}

/** What each pattern's matches must contain: a text without it is skipped (prefilter.ts). */
const PREFILTERS = new Prefilters(SENSITIVE_PATTERNS.map((p) => p.regex));

/**
 * Every sensitive match in one text. Specific patterns come first in
 * SENSITIVE_PATTERNS; a later, more general one that overlaps an earlier hit
 * (the password inside a connection string also looks like an e-mail) is
 * dropped, so each secret is reported once.
 */
export function findSensitive(text: string): Hit[] {
  const hits: Hit[] = [];
  const mayMatch = PREFILTERS.scan(text);
  for (const [i, pattern] of SENSITIVE_PATTERNS.entries()) {
    if (!mayMatch[i]) continue;
    for (const m of text.matchAll(pattern.regex)) {
      if (pattern.accept && !pattern.accept(m)) continue;
      const start = m.index, end = start + m[0].length;
      if (hits.some((h) => start < h.end && h.start < end)) continue;
      hits.push({ pattern, start, end, text: m[0] });
    }
  }
  return hits.sort((a, b) => a.start - b.start);
}

const FIX = {
  secret: 'remove it and rotate the credential now: it stays in the git history even after the file is edited; refer to it by name (e.g. "the payments-db password")',
  'personal-data': 'refer to people by handle or role ("the on-call engineer") and to customers in aggregate ("about 200 customers"); in examples use an address at example.com',
} as const;

function findings(ctx: RuleContext, text: string, field: string, lineAt?: (index: number) => number): Finding[] {
  const isPublic = ctx.data.visibility === 'public';
  return findSensitive(text).map((hit) => {
    const shown = redactMatch(hit.pattern, hit.text);
    const line = lineAt?.(hit.start);
    return {
      field,
      message: `looks like ${hit.pattern.label} (${shown})${isPublic ? '; this postmortem is public' : ''}`,
      fix: FIX[hit.pattern.kind],
      ...(line !== undefined ? { line } : {}),
    };
  });
}

export const secretsAndPersonalData: QualityRule = {
  id: 'quality/secrets-and-personal-data',
  level: 'warning',
  family: 'sensitive-data',
  description:
    'No e-mail addresses, phone numbers, access keys, tokens or private keys. Always an error for visibility: public, whatever the config says (even off).',
  // A public postmortem is published to the internet: a leaked key there cannot be waved through by config.
  enforcedAsError: (ctx) => ctx.data.visibility === 'public',
  check(ctx) {
    return [
      ...ctx.textFields.flatMap((f) => findings(ctx, f.text, f.field)),
      ...findings(ctx, ctx.body, 'body', ctx.bodyLine),
    ];
  },
};
