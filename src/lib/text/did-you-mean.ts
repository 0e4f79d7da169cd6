/** Levenshtein distance, two-row dynamic programming. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (!a.length) return b.length;
  if (!b.length) return a.length;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  let curr = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    curr[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      curr[j] = Math.min(prev[j]! + 1, curr[j - 1]! + 1, prev[j - 1]! + cost);
    }
    [prev, curr] = [curr, prev];
  }
  return prev[b.length]!;
}

/**
 * The known ids closest to an unknown one, best first: at most `limit`, and
 * only those close enough to be a plausible typo (or sharing a word).
 */
export function closestIds(unknown: string, known: Iterable<string>, limit = 3): string[] {
  const needle = unknown.toLowerCase();
  const scored: Array<{ id: string; score: number }> = [];
  for (const id of known) {
    const hay = id.toLowerCase();
    const threshold = Math.max(2, Math.floor(Math.max(needle.length, hay.length) / 3));
    // The distance is at least the difference in length: no need to compute it for a hopeless pair (a pasted paragraph against every id).
    const distance = Math.abs(needle.length - hay.length) > threshold ? Infinity : editDistance(needle, hay);
    const sharesWord = needle.split('-').some((w) => w.length > 2 && hay.split('-').includes(w));
    if (distance <= threshold || hay.includes(needle) || needle.includes(hay) || sharesWord) {
      scored.push({ id, score: distance - (sharesWord ? 1 : 0) });
    }
  }
  return scored
    .sort((a, b) => a.score - b.score || a.id.localeCompare(b.id))
    .slice(0, limit)
    .map((s) => s.id);
}

/** `did you mean "a" or "b"?` or a list of what exists when nothing is close. */
export function suggestion(unknown: string, known: readonly string[], what: string): string {
  const close = closestIds(unknown, known);
  // JSON quoting: an id can come from a file name, and a file name can hold a newline.
  if (close.length) return `did you mean ${close.map((c) => JSON.stringify(c)).join(' or ')}?`;
  const shown = known.slice(0, 8).map((k) => JSON.stringify(k)).join(', ');
  return known.length
    ? `use one of the ${what} ids: ${shown}${known.length > 8 ? ', …' : ''}`
    : `no ${what} ids are defined yet`;
}
