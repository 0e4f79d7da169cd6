// @ts-check
/**
 * Hindsight's options for this knowledge base. `hindsight()` in astro.config.mjs and the CLI
 * (`npx hindsight check`, `npx hindsight new`) both read this file. Every option is optional and
 * documented on hover in an editor and in the Hindsight README ("Options").
 *
 * @type {import('@hindsight-coe/hindsight').HindsightUserConfig}
 */
export default {
  title: 'Postmortems',
  // Your organisation's name, shown beside the title and in the footer.
  organisation: 'Fernhill Logistics',
  description: 'Blameless postmortems: what happened, why the system allowed it, and what we changed.',
  // The repository's web URL turns on the "Edit this postmortem" links.
  // repository: { url: 'https://github.com/your-org/postmortems', branch: 'main' },
  quality: {
    // Per rule: 'off', 'warning' or 'error', e.g. { 'follow-up-review': 'off', 'blameless-language': 'error' }.
    rules: {},
    followUpReviewSeverities: ['SEV1', 'SEV2'],
  },
  // Your own frontmatter fields, validated like the built-in ones and shown on each page, e.g.
  // fields: { region: { type: 'enum', values: ['eu', 'us'], label: 'Region' } },
};
