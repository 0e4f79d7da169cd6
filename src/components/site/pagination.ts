/**
 * The page numbers a pagination bar shows: the first, the last, and the pages
 * around the current one, with a gap (null) where numbers are left out. A gap
 * always stands for two or more pages; a single missing page is shown instead.
 */
export function pageNumbers(current: number, last: number, around = 2): Array<number | null> {
  const shown = new Set([1, last]);
  for (let n = current - around; n <= current + around; n++) if (n >= 1 && n <= last) shown.add(n);
  const sorted = [...shown].sort((a, b) => a - b);
  const out: Array<number | null> = [];
  for (const n of sorted) {
    const prev = out.length ? sorted[sorted.indexOf(n) - 1]! : n;
    if (n - prev === 2) out.push(n - 1);
    else if (n - prev > 2) out.push(null);
    out.push(n);
  }
  return out;
}

/** The URL path of page n of a listing whose first page is `first` (a path ending in "/"): first, first + "2/", … */
export function pagePath(first: string, n: number): string {
  return n <= 1 ? first : `${first}${n}/`;
}
