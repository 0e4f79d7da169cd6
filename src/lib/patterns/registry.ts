import { explicitRecurrence } from './explicit-recurrence';
import { sharedServiceCategory } from './shared-service-category';
import { patternSubjects } from './subjects';
import { DEFAULT_WINDOW_DAYS, type PatternIncident, type PatternOptions, type PatternRule, type RepeatPattern } from './types';

/** Every detection rule, in the order the pattern report lists their kinds. Add a rule: one file, one line here. */
const PATTERN_RULES: readonly PatternRule[] = [explicitRecurrence, sharedServiceCategory];

/**
 * Runs the rules over the incidents and returns every repeat pattern, most
 * recent first (by the start of its last incident), ties by id.
 */
export function detectPatterns(incidents: readonly PatternIncident[], options: PatternOptions = {}): RepeatPattern[] {
  const windowDays = options.windowDays ?? DEFAULT_WINDOW_DAYS;
  if (!(Number.isFinite(windowDays) && windowDays >= 0)) {
    throw new RangeError(`patterns.windowDays must be a number of days ≥ 0, got ${String(windowDays)}`);
  }
  const subjects = patternSubjects(incidents, options.resolveCategory);
  const patterns = (options.rules ?? PATTERN_RULES).flatMap((rule) => rule.detect(subjects, { windowDays }));
  return patterns.sort((a, b) => b.lastStarted.getTime() - a.lastStarted.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
