import { describe, expect, it } from 'vitest';
import { maskNonProse } from '../../../src/lib/quality/text';

describe('maskNonProse', () => {
  const everyStep = (text: string) =>
    text
      .replace(/^([ \t]*)(`{3,}|~{3,})[^\n]*\n[\s\S]*?(?:^[ \t]*\2[^\n]*$|(?![\s\S]))/gm, (s) => s.replace(/[^\n]/g, ' '))
      .replace(/(`+)[^`\n]+?\1/g, (s) => s.replace(/[^\n]/g, ' '))
      .replace(/\b[a-z][a-z0-9+.-]*:\/\/[^\s<>)\]]+/gi, (s) => s.replace(/[^\n]/g, ' '));

  it.each([
    'Plain prose: human error.',
    'Inline `human error` and ``more `code` here``.',
    'A link https://git.example/blame/main/pool.yml and mailto:x@y.z',
    '```\nWARN careless retry\n```\nafter the fence',
    '~~~sh\nrm -rf /tmp/x\n~~~',
    '```\nunclosed fence with https://x.example/blame',
    'A lone ` backtick and ~~ tildes and a: // colon',
  ])('skips only the steps that could not change %j', (text) => {
    expect(maskNonProse(text)).toBe(everyStep(text));
  });
});
