import { describe, expect, it } from 'vitest';
import type { Postmortem } from '../../../src/data';
import { exportFiles } from '../../../src/data/exports';

/** Just what exportFiles reads: an id and a start time. */
const pm = (id: string, started: string) => ({ id, metrics: { startedAt: new Date(started) } }) as unknown as Postmortem;

describe('exportFiles: the JSON export split into files of at most perFile postmortems', () => {
  const list = [
    pm('2025-12-31-late', '2025-12-31T23:30:00Z'),
    pm('2026-01-02-b', '2026-01-02T10:00:00Z'),
    pm('2026-01-02-a', '2026-01-02T10:00:00Z'),
    pm('2026-03-01-c', '2026-03-01T08:00:00Z'),
    pm('2026-07-01-d', '2026-07-01T08:00:00Z'),
    pm('2026-12-31-e', '2026-12-31T23:59:00Z'),
  ];

  it('cuts each year into parts in the order incidents started: <year>, <year>-2, …', () => {
    const files = exportFiles([...list].reverse(), 2);
    expect(files.map((f) => [f.name, f.year, f.part, f.parts, f.postmortems.map((p) => p.id)])).toEqual([
      ['2025', 2025, 1, 1, ['2025-12-31-late']],
      ['2026', 2026, 1, 3, ['2026-01-02-a', '2026-01-02-b']],
      ['2026-2', 2026, 2, 3, ['2026-03-01-c', '2026-07-01-d']],
      ['2026-3', 2026, 3, 3, ['2026-12-31-e']],
    ]);
  });

  it('keeps every earlier part unchanged when a new incident arrives', () => {
    const before = exportFiles(list, 2);
    const after = exportFiles([...list, pm('2026-12-31-f', '2026-12-31T23:59:30Z')], 2);
    expect(after.slice(0, 3).map((f) => f.postmortems.map((p) => p.id))).toEqual(before.slice(0, 3).map((f) => f.postmortems.map((p) => p.id)));
    expect(after[3]!.postmortems.map((p) => p.id)).toEqual(['2026-12-31-e', '2026-12-31-f']);
  });

  it('writes no file for a knowledge base without published postmortems', () => {
    expect(exportFiles([], 500)).toEqual([]);
  });
});
