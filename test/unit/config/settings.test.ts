import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HindsightConfigError } from '../../../src/config/errors';
import { ENVIRONMENT, resolveSettings } from '../../../src/config/settings';

const where = { where: 'hindsight.config.mjs' };

function problem(input: unknown, env: Record<string, string> = {}): string {
  try {
    resolveSettings(input, { projectRoot: '/project', env, source: where });
  } catch (error) {
    expect(error).toBeInstanceOf(HindsightConfigError);
    // One line per problem, and nothing an author would read as a crash.
    expect((error as Error).stack).toBe('');
    return (error as Error).message;
  }
  throw new Error('expected a configuration error');
}

describe('resolveSettings: defaults', () => {
  it('gives every option its default, resolving the knowledge base against the project', () => {
    const s = resolveSettings(undefined, { projectRoot: '/project', now: new Date('2026-12-01T10:00:00Z') });
    expect(s).toMatchObject({
      title: 'Hindsight',
      content: '/project/content',
      contentDir: 'content',
      repository: { branch: 'main' },
      edition: 'internal',
      preview: false,
      today: '2026-12-01',
      threads: undefined,
      patterns: { windowDays: 180 },
      listings: { pageSize: 100, actionRows: 200, perPattern: 10, patternCards: 25 },
      feed: { limit: 50 },
      jsonExport: { perFile: 500 },
      quality: {
        rules: {},
        followUpReviewSeverities: ['SEV1', 'SEV2'],
        signOffSeverities: ['SEV1', 'SEV2'],
        light: { severities: ['SEV3', 'SEV4'], incidentTypes: ['near-miss'], sections: ['Summary', 'Customer impact', 'How we noticed', 'Root cause analysis', 'Lessons learned'], rules: {} },
      },
      fields: {},
    });
    expect(s.repository.url).toBeUndefined();
  });

  it('shows drafts in astro dev by default, and HINDSIGHT_PREVIEW decides either way', () => {
    expect(resolveSettings({}, { projectRoot: '/p', command: 'dev' }).preview).toBe(true);
    expect(resolveSettings({}, { projectRoot: '/p', command: 'build' }).preview).toBe(false);
    expect(resolveSettings({}, { projectRoot: '/p', command: 'dev', env: { HINDSIGHT_PREVIEW: '0' } }).preview).toBe(false);
    expect(resolveSettings({}, { projectRoot: '/p', command: 'build', env: { HINDSIGHT_PREVIEW: 'true' } }).preview).toBe(true);
  });

  it('accepts the Astro-facing variables when they are what Astro needs', () => {
    const env = { HINDSIGHT_SITE: 'https://kb.example.com', HINDSIGHT_BASE: '/kb/', HINDSIGHT_OUT_DIR: 'dist/public', HINDSIGHT_CACHE_DIR: '/tmp/hindsight-cache-that-does-not-exist/x' };
    expect(() => resolveSettings({}, { projectRoot: process.cwd(), env })).not.toThrow();
  });

  it('lets the environment override the content folder, edition, date, threads and listings', () => {
    const s = resolveSettings(
      { content: 'kb', listings: { pageSize: 50, perPattern: 5 } },
      { projectRoot: '/p', env: { HINDSIGHT_CONTENT: '/elsewhere/kb', HINDSIGHT_EDITION: 'public', HINDSIGHT_TODAY: '2026-03-01', HINDSIGHT_THREADS: '3', HINDSIGHT_LISTINGS: '{"pageSize":10}' } },
    );
    expect(s).toMatchObject({ content: '/elsewhere/kb', contentDir: 'kb', edition: 'public', today: '2026-03-01', threads: 3 });
    expect(s.listings).toEqual({ pageSize: 10, actionRows: 200, perPattern: 5, patternCards: 25 });
  });

  it('accepts custom fields of every type', () => {
    const s = resolveSettings(
      { fields: { region: { type: 'enum', values: ['eu', 'us'] }, customer_tier: { type: 'number', min: 1, max: 3 }, epic: { type: 'string', required: true }, reviewed_on: { type: 'date' }, regions_hit: { type: 'ids' } } },
      { projectRoot: '/p' },
    );
    expect(Object.keys(s.fields)).toEqual(['region', 'customer_tier', 'epic', 'reviewed_on', 'regions_hit']);
    expect(s.fields.epic).toMatchObject({ type: 'string', required: true, maxLength: 200 });
  });
});

describe('resolveSettings: every invalid option is one clear line (pinned wording)', () => {
  const cases: Array<[string, unknown, Record<string, string>, string]> = [
    ['a negative page size', { listings: { pageSize: -1 } }, {}, 'hindsight.config.mjs: listings.pageSize must be 1 or more (got -1)'],
    ['a fractional count', { listings: { perPattern: 2.5 } }, {}, 'hindsight.config.mjs: listings.perPattern must be a whole number (got 2.5)'],
    ['a feed limit of zero', { feed: { limit: 0 } }, {}, 'hindsight.config.mjs: feed.limit must be 1 or more (got 0)'],
    ['a fractional feed limit', { feed: { limit: 12.5 } }, {}, 'hindsight.config.mjs: feed.limit must be a whole number (got 12.5)'],
    ['a misspelt feed option', { feed: { limt: 20 } }, {}, 'hindsight.config.mjs: feed.limt is not an option; did you mean "limit"?'],
    ['an export file size that is not a number', { jsonExport: { perFile: 'all' } }, {}, 'hindsight.config.mjs: jsonExport.perFile must be a whole number (got "all")'],
    ['an export file size of zero', { jsonExport: { perFile: 0 } }, {}, 'hindsight.config.mjs: jsonExport.perFile must be 1 or more (got 0)'],
    ['a misspelt option', { listing: { pageSize: 5 } }, {}, 'hindsight.config.mjs: listing is not an option; did you mean "listings"?'],
    ['a misspelt nested option', { listings: { pagesize: 5 } }, {}, 'hindsight.config.mjs: listings.pagesize is not an option; did you mean "pageSize"?'],
    ['an unknown rule id', { quality: { rules: { 'blameles-language': 'error' } } }, {}, 'hindsight.config.mjs: quality.rules has an unknown rule "blameles-language"; did you mean "blameless-language"?'],
    ['an unknown rule setting', { quality: { rules: { 'blameless-language': 'fatal' } } }, {}, 'hindsight.config.mjs: quality.rules.blameless-language must be one of "off", "warning", "error" (got "fatal")'],
    ['an unknown rule id for light postmortems', { quality: { light: { rules: { 'whys-dept': 'off' } } } }, {}, 'hindsight.config.mjs: quality.light.rules has an unknown rule "whys-dept"; did you mean "whys-depth"?'],
    ['a light incident type that is not one', { quality: { light: { incidentTypes: ['nearmiss'] } } }, {}, 'hindsight.config.mjs: quality.light.incidentTypes[0] must be one of "outage", "degradation", "security", "data-loss", "near-miss", "process", "project" (got "nearmiss")'],
    ['no light sections at all', { quality: { light: { sections: [] } } }, {}, 'hindsight.config.mjs: quality.light.sections needs at least one section (got [])'],
    ['a repository URL that is not http(s)', { repository: { url: 'javascript:alert(1)' } }, {}, 'hindsight.config.mjs: repository.url must be an http or https URL (got "javascript:alert(1)")'],
    ['a title that is not text', { title: 42 }, {}, 'hindsight.config.mjs: title must be text (got 42)'],
    ['a window of zero days', { patterns: { windowDays: 0 } }, {}, 'hindsight.config.mjs: patterns.windowDays must be 1 or more (got 0)'],
    ['a custom field of an unknown type', { fields: { region: { type: 'text' } } }, {}, 'hindsight.config.mjs: fields.region.type needs a type: string, number, date, enum or ids (got "text")'],
    ['a custom field name that is not lowercase', { fields: { Region: { type: 'string' } } }, {}, 'hindsight.config.mjs: fields.Region is not a valid name: it must be lowercase letters, digits and _ (e.g. customer_tier)'],
    ['a custom field that shadows a built-in one', { fields: { severity: { type: 'string' } } }, {}, 'hindsight.config.mjs: fields.severity is a built-in field of the content model; give the custom field another name'],
    ['an enum field without values', { fields: { tier: { type: 'enum', values: [] } } }, {}, 'hindsight.config.mjs: fields.tier.values needs at least one value (got [])'],
    ['options that are not an object', 'hello', {}, 'hindsight.config.mjs: the options must be an object of options (got "hello")'],
    ['HINDSIGHT_TODAY that is not a real date', {}, { HINDSIGHT_TODAY: '2026-02-30' }, 'HINDSIGHT_TODAY is "2026-02-30", not a real date: write it as YYYY-MM-DD, e.g. 2026-12-01'],
    ['HINDSIGHT_TODAY that is not a date at all', {}, { HINDSIGHT_TODAY: 'yesterday' }, 'HINDSIGHT_TODAY is "yesterday", not a real date: write it as YYYY-MM-DD, e.g. 2026-12-01'],
    ['an unknown edition', {}, { HINDSIGHT_EDITION: 'secret' }, 'HINDSIGHT_EDITION is "secret": use "internal" (the default) or "public"'],
    ['a preview switch that is not a switch', {}, { HINDSIGHT_PREVIEW: 'maybe' }, 'HINDSIGHT_PREVIEW is "maybe": use 1 (build drafts with a banner) or 0'],
    ['a thread count that is not a number', {}, { HINDSIGHT_THREADS: 'many' }, 'HINDSIGHT_THREADS is "many": use a whole number from 1 to 64 (1 reads in one thread)'],
    ['listings in the environment with a misspelt key', {}, { HINDSIGHT_LISTINGS: '{"pagesize":10}' }, 'HINDSIGHT_LISTINGS: pagesize is not an option; did you mean "pageSize"?'],
    ['listings in the environment that are not JSON', {}, { HINDSIGHT_LISTINGS: 'pageSize=10' }, 'HINDSIGHT_LISTINGS is not JSON: write it as e.g. {"pageSize":10}'],
    ['a site address that is not a URL', {}, { HINDSIGHT_SITE: 'notaurl' }, 'HINDSIGHT_SITE is "notaurl": use the site\'s public address, with https://, e.g. https://kb.example.com'],
    ['a site address that is not http(s)', {}, { HINDSIGHT_SITE: 'javascript:alert(1)' }, 'HINDSIGHT_SITE is "javascript:alert(1)": use the site\'s public address, with https://, e.g. https://kb.example.com'],
    ['a base that is not a path', {}, { HINDSIGHT_BASE: ':::/x' }, 'HINDSIGHT_BASE is ":::/x": use a path such as /kb/ (letters, digits, ".", "_", "-" and "/")'],
    ['a base that climbs out', {}, { HINDSIGHT_BASE: '/kb/../x/' }, 'HINDSIGHT_BASE is "/kb/../x/": use a path such as /kb/ (letters, digits, ".", "_", "-" and "/")'],
    ['an output folder inside a file', {}, { HINDSIGHT_OUT_DIR: '/dev/null/site' }, 'HINDSIGHT_OUT_DIR is "/dev/null/site", which is not a folder (or inside something that is not one): use a folder the build can create or write into'],
    ['a cache folder that is a file', {}, { HINDSIGHT_CACHE_DIR: '/dev/null' }, 'HINDSIGHT_CACHE_DIR is "/dev/null", which is not a folder (or inside something that is not one): use a folder the build can create or write into'],
  ];
  it.each(cases)('%s', (_name, input, env, expected) => {
    expect(problem(input, env)).toBe(`Hindsight configuration: ${expected}`);
  });

  it('reports every problem at once, one line each', () => {
    const message = problem({ listings: { pageSize: 0 }, patterns: { windowDays: -3 } }, { HINDSIGHT_TODAY: '2026-13-01' });
    expect(message.split('\n')).toEqual([
      'Hindsight configuration, 3 problems:',
      '  - HINDSIGHT_TODAY is "2026-13-01", not a real date: write it as YYYY-MM-DD, e.g. 2026-12-01',
      '  - hindsight.config.mjs: patterns.windowDays must be 1 or more (got -3)',
      '  - hindsight.config.mjs: listings.pageSize must be 1 or more (got 0)',
    ]);
  });

  it('quotes a long or odd value briefly, escaped', () => {
    const message = problem({ title: 7, organisation: ['x'.repeat(500)] });
    expect(message).not.toContain('x'.repeat(60));
    expect(problem({}, { HINDSIGHT_EDITION: 'pub\u0000lic\n::error::' })).toBe('Hindsight configuration: HINDSIGHT_EDITION is "pub\\u0000lic\\n::error::": use "internal" (the default) or "public"');
  });
});

describe('the environment variables', () => {
  it('are each documented in the README\'s table of environment variables', () => {
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    const rows = readme.split('\n').filter((line) => line.startsWith('| `HINDSIGHT_'));
    for (const name of Object.keys(ENVIRONMENT)) expect(rows.some((row) => row.includes(`\`${name}\``)), name).toBe(true);
  });
});
