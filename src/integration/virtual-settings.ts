import type { Plugin } from 'vite';
import type { Settings } from '../config/settings';

const ID = 'virtual:hindsight/settings';
const RESOLVED = `\0${ID}`;

/** `import settings from 'virtual:hindsight/settings'`: the resolved settings, as data, for pages. */
export function vitePluginSettings(settings: Settings): Plugin {
  return {
    name: 'hindsight:settings',
    resolveId: (id) => (id === ID ? RESOLVED : undefined),
    load: (id) => (id === RESOLVED ? `export default ${JSON.stringify(settings)};` : undefined),
  };
}
