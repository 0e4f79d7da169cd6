/**
 * The limits a knowledge-base file must keep (README, "Limits", says why each is where it is).
 * They are part of the content contract: `hindsight check` and the build enforce them with the
 * same words, before anything parses the file (src/kb/limits.ts).
 */
export const LIMITS = {
  /** Bytes of one postmortem file, frontmatter and body together; checked before the file is read. */
  fileBytes: 128 * 1024,
  /** Bytes of one catalog file (services.yml, teams.yml, taxonomy.yml, severities.yml). */
  catalogBytes: 1024 * 1024,
  /** Characters on one line, anywhere in a file. */
  lineChars: 10_000,
  /**
   * Levels of nesting: in a body, block quotes, lists, <Internal>, emphasis, strong, strikethrough
   * and links inside one another; in YAML, lists and mappings inside one another.
   */
  nesting: 32,
  /** Events in one timeline. */
  timelineEvents: 500,
} as const;
