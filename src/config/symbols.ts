import { HindsightConfigError } from './errors';
/*
 * Keys under which the integration object carries its options and resolved settings: loaders find
 * them in `config.integrations`, and the CLI in an imported astro.config.mjs. Registered symbols,
 * so that two copies of the package (the compiled integration and the source a build compiles)
 * agree on them.
 */
export const OPTIONS = Symbol.for('@hindsight-coe/hindsight:options');
export const SETTINGS = Symbol.for('@hindsight-coe/hindsight:settings');

/** Settings of a project's Hindsight integration, from Astro's resolved config (what a loader sees). */
export function settingsFromConfig(config: { integrations: readonly unknown[] }): import('./settings').Settings {
  const integration = config.integrations.find((i) => typeof i === 'object' && i !== null && SETTINGS in i) as Record<symbol, unknown> | undefined;
  const settings = integration?.[SETTINGS] as import('./settings').Settings | undefined;
  if (!settings) throw new HindsightConfigError(['the Hindsight collections need the integration: add hindsight() to integrations in astro.config.mjs']);
  return settings;
}
