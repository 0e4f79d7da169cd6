import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readThreads } from '../../../src/kb/parallel';
import { readKnowledgeBase, type KnowledgeBase } from '../../../src/kb/read';

const REPO = resolve(import.meta.dirname, '../../..');
const QUALITY = { overrides: { rules: {} }, strict: false, today: '2026-11-01' };

/** Everything a read returns, without the functions (which are compared by calling them). */
const plain = (kb: KnowledgeBase) => ({ ...kb, postmortems: kb.postmortems.map(({ lineOf: _, ...pm }) => pm) });

describe('reading with worker threads', () => {
  // The first read of a run starts the worker threads, which costs more than the read itself.
  const timeout = 60_000;

  it.each([
    ['the shipped example, internal edition, rendered, with the quality policy', { root: resolve(REPO, 'content'), edition: 'internal' as const, render: true, quality: QUALITY }],
    ['the shipped example, public edition', { root: resolve(REPO, 'content'), edition: 'public' as const, render: true }],
    ['every invalid fixture (all errors, every file)', { root: resolve(REPO, 'test/fixtures/rules/invalid'), render: false, quality: QUALITY }],
  ])('gives exactly the one-thread result: %s', async (_, opts) => {
    const one = await readKnowledgeBase({ ...opts, threads: 1 });
    const three = await readKnowledgeBase({ ...opts, threads: 3 });
    expect(three.postmortems.length).toBe(one.postmortems.length);
    expect(plain(three)).toEqual(plain(one));
    // Line numbers of frontmatter fields still resolve, from the file, for results read in a worker.
    for (const [a, b] of one.postmortems.map((p, i) => [p, three.postmortems[i]!] as const)) {
      for (const path of [['title'], ['timeline', 1, 'at'], ['action_items', 0, 'owner'], ['no_such_field']]) {
        expect(b.lineOf(path), `${a.id} ${path.join('.')}`).toBe(a.lineOf(path));
      }
    }
  }, timeout);

  it('reads a large set in several threads by default, a small one in one, and the configured number when set', () => {
    expect(readThreads(10)).toBe(1);
    expect(readThreads(10_000)).toBeGreaterThanOrEqual(1);
    expect(readThreads(10, 3)).toBe(3);
    expect(readThreads(10_000, 1)).toBe(1);
    // HINDSIGHT_THREADS is validated with the other settings (test/unit/config/settings.test.ts).
  });
});
