/**
 * "1 incident", "2 incidents", "1,204 action items": a count with its noun, written once for
 * every page. English only has one and other; irregular plurals are passed in.
 */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n.toLocaleString('en')} ${n === 1 ? singular : plural}`;
}

/** The noun alone, for sentences where the number stands elsewhere: "1 item was", "3 items were". */
export function noun(n: number, singular: string, plural = `${singular}s`): string {
  return n === 1 ? singular : plural;
}
