// @ts-check
// The demo site: the example knowledge base in content/, built with the package exactly as a
// team's repository builds its own (the options are in hindsight.config.mjs).
import hindsight from '@hindsight-coe/hindsight';
import { defineConfig } from 'astro/config';

export default defineConfig({
  site: 'https://hindsight.example',
  integrations: [hindsight()],
  devToolbar: { enabled: false },
});
