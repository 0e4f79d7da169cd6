// @ts-check
/**
 * Hindsight's options for the demo knowledge base (the example in content/), exactly as a team's
 * repository keeps them. `hindsight()` in astro.config.mjs and the CLI both read this file.
 * Every option is documented in the README ("Options") and on hover in an editor.
 *
 * @type {import('@hindsight-coe/hindsight').HindsightUserConfig}
 */
export default {
  title: 'Hindsight',
  organisation: 'Fernhill Logistics',
  description: 'Blameless postmortems (Correction of Errors documents): what happened, why the system allowed it, and what we changed.',
  repository: { url: 'https://github.com/example/hindsight', branch: 'main' },
  patterns: { windowDays: 180 },
  quality: {
    // e.g. { 'follow-up-review': 'off', 'blameless-language': 'error' }
    rules: {},
    followUpReviewSeverities: ['SEV1', 'SEV2'],
  },
};
