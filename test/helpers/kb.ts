import { cpSync, mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const FIXTURES = resolve(import.meta.dirname, '../fixtures');

/**
 * A throwaway knowledge base: the rules fixture's catalogs plus the given
 * postmortem files (path → name in postmortems/).
 */
export function tempKnowledgeBase(files: Record<string, string>, catalogDir = join(FIXTURES, 'rules/catalog')): string {
  const root = mkdtempSync(join(tmpdir(), 'hindsight-kb-'));
  mkdirSync(join(root, 'postmortems'));
  for (const name of readdirSync(catalogDir)) cpSync(join(catalogDir, name), join(root, name));
  for (const [from, name] of Object.entries(files)) cpSync(from, join(root, 'postmortems', name));
  return root;
}
