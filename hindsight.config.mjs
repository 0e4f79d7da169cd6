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
  /**
   * How much a listing page shows at once, so that /postmortems/, /actions/ and /patterns/ stay
   * usable at thousands of postmortems. HINDSIGHT_LISTINGS (JSON, e.g. '{"pageSize":10}') overrides
   * any of these for one build.
   */
  listings: {
    /** /postmortems/ is paginated: this many per page, newest first (/postmortems/, /postmortems/2/, …). */
    pageSize: 100,
    /** /actions/ lists this many action items, overdue first; every open item is also on its owner's and its team's page, and every item is in /actions.csv. */
    actionRows: 200,
    /** /patterns/ lists this many incidents and missed mechanisms per pattern, then says how many more and where they are. */
    perPattern: 10,
    /** /patterns/ shows this many explicit chains and this many implicit repeats in full, newest first; older ones get one row each. */
    patternCards: 25,
  },
  /** Quality policy: per rule "off" | "warning" | "error" (see CONTRIBUTING.md, "Quality rules"). */
  quality: {
    // e.g. { 'follow-up-review': 'off', 'blameless-language': 'error' }
    rules: {},
    // Severities whose postmortems need a follow_up_review date.
    followUpReviewSeverities: ['SEV1', 'SEV2'],
  },
};
