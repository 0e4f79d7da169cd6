/*
 * Finding a project's Hindsight options without Astro: the CLI needs them to check and scaffold
 * exactly as the build does. A `hindsight.config.*` file beside astro.config.mjs is read first (it
 * costs a few milliseconds); otherwise astro.config.* is imported and the options given to
 * `hindsight({ … })` are taken from it (importing Astro's config helpers costs about a second).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { HindsightConfigError } from './errors';
import { OPTIONS } from './symbols';

export const CONFIG_FILES = ['hindsight.config.mjs', 'hindsight.config.js', 'hindsight.config.json'] as const;
const ASTRO_CONFIG_FILES = ['astro.config.mjs', 'astro.config.js', 'astro.config.mts', 'astro.config.ts'] as const;

export interface FoundOptions {
  /** The options as written (not yet validated), or undefined when the project sets none. */
  options: unknown;
  /** Where they came from, for messages: e.g. `hindsight.config.mjs`. */
  where: string;
  /** The file, when there is one. */
  file?: string;
}

/** The options in a `hindsight.config.*` file of `projectRoot`, if there is one. */
export async function loadOptionsFile(projectRoot: string): Promise<FoundOptions | undefined> {
  for (const name of CONFIG_FILES) {
    const file = join(projectRoot, name);
    if (!existsSync(file)) continue;
    try {
      if (name.endsWith('.json')) return { options: JSON.parse(readFileSync(file, 'utf8')), where: name, file };
      const mod = (await import(pathToFileURL(file).href)) as { default?: unknown };
      return { options: mod.default, where: name, file };
    } catch (error) {
      throw new HindsightConfigError([`${name} cannot be read: ${(error as Error).message.split('\n')[0]}`]);
    }
  }
  return undefined;
}

/**
 * The options the project's build uses: hindsight.config.* when present, else those passed to
 * `hindsight()` in astro.config.*, else none (every default).
 */
export async function findProjectOptions(projectRoot: string): Promise<FoundOptions> {
  const own = await loadOptionsFile(projectRoot);
  if (own) return own;
  for (const name of ASTRO_CONFIG_FILES) {
    const file = join(projectRoot, name);
    if (!existsSync(file)) continue;
    let config: { integrations?: unknown[] } | undefined;
    try {
      config = ((await import(pathToFileURL(file).href)) as { default?: { integrations?: unknown[] } }).default;
    } catch (error) {
      throw new HindsightConfigError([`${name} cannot be loaded to find the hindsight() options: ${(error as Error).message.split('\n')[0]}; move the options to hindsight.config.mjs`]);
    }
    const integration = (config?.integrations ?? []).flat(Infinity).find((i) => typeof i === 'object' && i !== null && OPTIONS in i) as Record<symbol, unknown> | undefined;
    if (integration) return { options: integration[OPTIONS], where: `hindsight({ … }) in ${name}`, file };
    return { options: undefined, where: name, file };
  }
  return { options: undefined, where: 'the defaults' };
}
