import type { ContentIssue } from '../schema/issues';
import type { CheckReport } from './check';

/** GitHub's limit on one step's summary ($GITHUB_STEP_SUMMARY) is 1 MiB; stay under it with room for the closing lines. */
const STEP_SUMMARY_BYTES = 1024 * 1024 - 4 * 1024;

/**
 * Text from a postmortem or a file name in a table cell: on one line, no `|` to end the cell, no
 * HTML (GitHub renders the summary as Markdown with HTML).
 */
function cell(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\|/g, '\\|')
    .replace(/[\r\n\t]+/g, ' ')
    .replace(/\p{Cc}/gu, '');
}

const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

/**
 * The whole report as Markdown, for a pull request's step summary: the totals, every finding in a
 * table (errors first), and the scores. Rows are added while they fit in `limit` bytes; what does
 * not fit is counted, so the summary never fails to upload.
 */
export function markdownReport(report: CheckReport, limit = STEP_SUMMARY_BYTES): string {
  const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
  const head = `## Hindsight check\n\n${plural(report.files, 'file')} checked: **${plural(report.errors, 'error')}**, ${plural(report.warnings, 'warning')}.\n\n`;
  const order = (i: ContentIssue) => (i.level === 'error' ? 0 : 1);
  const issues = [...report.issues].sort((a, b) => order(a) - order(b) || a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
  const rows = issues.map((i) =>
    `| ${i.level === 'error' ? 'error' : 'warning'} | ${cell(i.file)}${i.line ? `:${i.line}` : ''} | ${cell(i.rule)} | ${i.field ? `${cell(i.field)}: ` : ''}${cell(i.message)} | ${cell(i.fix)} |\n`,
  );
  const scores = Object.entries(report.scores).sort(([a, x], [b, y]) => x - y || a.localeCompare(b));
  const scoreRows = scores.map(([id, score]) => `| ${cell(id)} | ${score} / 5 |\n`);
  const findingsHead = issues.length ? '| level | file | rule | finding | fix |\n|---|---|---|---|---|\n' : '';
  const scoresHead = scores.length ? '\n### Writing quality, lowest first\n\n| postmortem | score |\n|---|---|\n' : '';

  // Room for the note that says what was left out.
  const budget = limit - bytes(head) - bytes(findingsHead) - bytes(scoresHead) - 400;
  let used = 0;
  const take = (list: string[]) => {
    const out: string[] = [];
    for (const row of list) {
      if (used + bytes(row) > budget) break;
      used += bytes(row);
      out.push(row);
    }
    return out;
  };
  const shownIssues = take(rows);
  const shownScores = take(scoreRows);
  const left = rows.length - shownIssues.length + (scoreRows.length - shownScores.length);
  const note = left ? `\n_${plural(left, 'more row')} did not fit in the step summary; run \`npx hindsight check\` for the full report._\n` : '';
  return head + findingsHead + shownIssues.join('') + (shownScores.length ? scoresHead + shownScores.join('') : '') + note;
}
