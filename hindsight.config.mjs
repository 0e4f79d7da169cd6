// @ts-check
/**
 * The one place a knowledge base configures Hindsight. Read by astro.config.mjs
 * (the site) and by the CLI; environment variables override a few values so that
 * CI and the benchmark can point the same code at other folders.
 */
export default {
  /** Shown in the header and the feed. */
  title: 'Hindsight',
  /** Who the knowledge base belongs to (the example ships a fictional company). */
  organisation: 'Fernhill Logistics',
  description: 'Blameless postmortems (Correction of Errors documents): what happened, why the system allowed it, and what we changed.',
  /** Public URL of the site; used for canonical links, the sitemap and the feed. */
  site: 'https://hindsight.example',
  /** Where the knowledge base's source lives: "Edit this postmortem" links are built from it. */
  repository: {
    url: 'https://github.com/example/hindsight',
    branch: 'main',
    /** Folder of the knowledge base inside the repository. */
    contentDir: 'content',
  },
  patterns: {
    /** Two published incidents sharing a service and a root-cause category within this many days form an implicit repeat. */
    windowDays: 180,
  },
  /** Quality policy: per rule "off" | "warning" | "error" (see CONTRIBUTING.md, "Quality rules"). */
  quality: {
    // e.g. { 'follow-up-review': 'off', 'blameless-language': 'error' }
    rules: {},
    // Severities whose postmortems need a follow_up_review date.
    followUpReviewSeverities: ['SEV1', 'SEV2'],
  },
};
