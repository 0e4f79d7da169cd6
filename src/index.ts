// The virtual module's types must reach a team's project through the integration's entry, as Starlight's do.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- an import cannot carry an ambient module declaration
/// <reference path="./virtual.d.ts" />
/*
 * The Hindsight integration: `integrations: [hindsight()]` in a team's astro.config.mjs turns the
 * knowledge base in content/ into the whole site. It validates the options once, injects every
 * route, hands the settings to pages (a virtual module) and loaders (the integration object), adds
 * the sitemap when the project has none, and indexes the built site with Pagefind.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join, resolve } from 'node:path';
import { loadOptionsFile } from './config/load';
import type { HindsightUserConfig } from './config/options';
import { packageRoot, PACKAGE_NAME } from './config/package';
import { resolveSettings, type Settings } from './config/settings';
import { OPTIONS, SETTINGS } from './config/symbols';
import { buildSearchIndex } from './integration/pagefind';
import { BUILD_ROUTES, ROUTES } from './integration/routes';
import { vitePluginSettings } from './integration/virtual-settings';

export type { HindsightUserConfig, HindsightOptions, CustomField } from './config/options';
export type { Settings } from './config/settings';
export { HindsightConfigError } from './config/errors';

export interface HindsightIntegration extends AstroIntegration {
  [OPTIONS]: HindsightUserConfig | undefined;
  [SETTINGS]?: Settings;
}

/**
 * The Hindsight integration. Give it the options inline, or call it with none and keep them in
 * hindsight.config.mjs beside astro.config.mjs (the CLI reads that file fastest).
 */
export default function hindsight(options?: HindsightUserConfig): HindsightIntegration {
  const integration: HindsightIntegration = {
    name: PACKAGE_NAME,
    [OPTIONS]: options,
    hooks: {
      'astro:config:setup': async ({ config, command, updateConfig, injectRoute, addWatchFile, logger }) => {
        const projectRoot = fileURLToPath(config.root);
        const found = options === undefined ? await loadOptionsFile(projectRoot) : undefined;
        if (found?.file) addWatchFile(found.file);
        const settings = resolveSettings(found ? found.options : options, {
          projectRoot,
          env: process.env,
          command,
          source: { where: found?.where ?? 'hindsight({ … }) in astro.config.mjs' },
        });
        // Astro validates its config into copies of each integration: the copy in config.integrations is what loaders see.
        const self = config.integrations.find((i) => i.name === PACKAGE_NAME) as HindsightIntegration | undefined;
        if (self) self[SETTINGS] = settings;
        integration[SETTINGS] = settings;

        const routes = join(packageRoot(), 'src/routes');
        for (const route of [...ROUTES, ...(command === 'build' ? BUILD_ROUTES : [])]) injectRoute({ pattern: route.pattern, entrypoint: join(routes, route.entrypoint), prerender: true });

        // The sitemap lists every page; a project that configures its own keeps it.
        if (!config.integrations.some((i) => i.name === '@astrojs/sitemap')) {
          const { default: sitemap } = await import('@astrojs/sitemap');
          config.integrations.splice(config.integrations.findIndex((i) => i.name === PACKAGE_NAME) + 1, 0, sitemap());
        }
        /*
         * Not @astrojs/mdx, on purpose: postmortem bodies never go through Astro's MDX pipeline,
         * which compiles MDX to JavaScript and runs it. They are parsed by the safe-MDX reader
         * (src/kb/safe-mdx.ts), which builds a syntax tree, rejects anything that could run, and
         * evaluates nothing.
         */
        const env = process.env;
        updateConfig({
          ...(env.HINDSIGHT_BASE?.trim() ? { base: env.HINDSIGHT_BASE.trim() } : {}),
          ...(env.HINDSIGHT_SITE?.trim() ? { site: env.HINDSIGHT_SITE.trim() } : {}),
          ...(env.HINDSIGHT_OUT_DIR?.trim() ? { outDir: toDirUrl(env.HINDSIGHT_OUT_DIR.trim(), projectRoot) } : {}),
          ...(env.HINDSIGHT_CACHE_DIR?.trim() ? { cacheDir: toDirUrl(env.HINDSIGHT_CACHE_DIR.trim(), projectRoot) } : {}),
          // Pages are plain HTML and CSS; postmortem pages ship no JavaScript at all.
          build: { inlineStylesheets: 'always', format: 'directory' },
          vite: { plugins: [vitePluginSettings(settings)] },
        });
        logger.debug(`knowledge base ${settings.content} (${settings.edition} edition${settings.preview ? ', with drafts' : ''}, today ${settings.today})`);
      },
      'astro:build:done': async ({ dir, logger }) => {
        await buildSearchIndex(fileURLToPath(dir), logger);
      },
    },
  };
  return integration;
}

/** A folder given in the environment, as the directory URL Astro's config wants. */
function toDirUrl(path: string, projectRoot: string): URL {
  const url = pathToFileURL(resolve(projectRoot, path));
  return new URL(url.href.endsWith('/') ? url.href : `${url.href}/`);
}
