import { BLAMELESS_PATTERNS, PERSON_AS_CAUSE } from '../blameless-patterns';
import type { QualityRule } from '../types';
import { isPlaceholder } from '../placeholders';
import { maskNonProse } from '../text';

const MIN_WHYS = 3;

export const whysDepth: QualityRule = {
  id: 'quality/whys-depth',
  level: 'warning',
  family: 'root-cause-analysis',
  description: `At least ${MIN_WHYS} steps in the 5 Whys: a root cause that stops at the surface is not one.`,
  check({ data }) {
    // A why still holding the template's placeholder has not been asked or answered.
    const n = data.five_whys?.filter((w) => !isPlaceholder(w.why) && !isPlaceholder(w.because)).length ?? 0;
    if (n >= MIN_WHYS) return [];
    return [{
      field: 'five_whys',
      message: n === 0 ? `is missing; the policy asks for at least ${MIN_WHYS} whys` : `has ${n} ${n === 1 ? 'why' : 'whys'}; the policy asks for at least ${MIN_WHYS}`,
      fix: 'keep asking "why?" until the answer names a system or process gap an action item can close',
    }];
  },
};

/** Person-as-cause phrasing first: its explanation fits the last answer best. */
const LAST_ANSWER_PATTERNS = [...PERSON_AS_CAUSE, ...BLAMELESS_PATTERNS];

export const whysLastAnswer: QualityRule = {
  id: 'quality/whys-last-answer',
  level: 'warning',
  family: 'root-cause-analysis',
  description: 'The last answer of the 5 Whys names a system or process gap, not a person.',
  check({ data }) {
    const whys = data.five_whys ?? [];
    const last = whys.at(-1);
    if (!last) return [];
    const text = maskNonProse(last.because);
    for (const pattern of LAST_ANSWER_PATTERNS) {
      const m = pattern.regex.exec(text);
      if (!m) continue;
      return [{
        field: `five_whys[${whys.length - 1}].because`,
        message: `the last answer stops at a person ("${m[0].trim()}"), not at a system or process gap`,
        fix: 'add a why that asks why the system allowed it, until the answer names the gap, e.g. "because the deploy pipeline has no validation step for pool sizes"',
      }];
    }
    return [];
  },
};
