// @ts-check
// The whole site comes from the hindsight() integration; its options live in hindsight.config.mjs.
import hindsight from '@hindsight-coe/hindsight';
import { defineConfig } from 'astro/config';

export default defineConfig({
  // The public URL; the Pages workflow sets it (HINDSIGHT_SITE) when it deploys.
  site: 'https://postmortems.example',
  integrations: [hindsight()],
});
