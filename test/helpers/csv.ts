/*
 * A CSV reader for the tests, hand-written on purpose: the exports are checked against RFC 4180
 * itself, not against the library that might have written them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** RFC 4180 rows: quoted fields may hold commas, quotes ("") and line breaks. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  if (field || row.length) rows.push([...row, field]);
  return rows;
}

/** A CSV file's rows as records keyed by its header. */
export function csvRecords(text: string): Array<Record<string, string>> {
  const [header, ...rows] = parseCsv(text);
  return rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]!])));
}

/** Every action item of a built site: the rows of all /actions/<year>.csv files (header checked to be the same), in file order. */
export function allActionItems(outDir: string): { files: string[]; rows: Array<Record<string, string>> } {
  const files = readdirSync(join(outDir, 'actions')).filter((f) => /^\d{4}(-\d+)?\.csv$/.test(f)).sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  const headers = new Set(files.map((f) => readFileSync(join(outDir, 'actions', f), 'utf8').split('\r\n')[0]));
  if (headers.size > 1) throw new Error(`the yearly CSV files have different headers: ${[...headers].join(' | ')}`);
  return { files, rows: files.flatMap((f) => csvRecords(readFileSync(join(outDir, 'actions', f), 'utf8'))) };
}
