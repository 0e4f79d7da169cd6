/*
 * A crawler over the built example site (no browser): from the home page it
 * follows every internal link, checks every link and #anchor resolves, that
 * every page has the head a search engine and a link preview need, that the
 * sitemap lists exactly the pages the crawl reached, and that postmortem pages
 * stay small and script-free. Run against the root build and the /kb/ build.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import demo from '../../astro.config.mjs';
import { decodeEntities } from '../helpers/build';
import { e2eSites } from './site';

const SITE = new URL(demo.site!);
const POSTMORTEM_BUDGET = 60 * 1024;

interface Tag {
  name: string;
  attrs: Record<string, string>;
}

interface CrawledPage {
  path: string;
  html: string;
  tags: Tag[];
  ids: string[];
}

interface Crawl {
  pages: Map<string, CrawledPage>;
  /** Other files that links point at (feeds, JSON, CSV, icons). */
  files: Set<string>;
  broken: string[];
  /** Links that leave the base path (they would break when served under it). */
  outsideBase: string[];
}

/** Start tags and their attributes, outside comments, scripts and styles. */
export function parseTags(html: string): Tag[] {
  const markup = html.replace(/<!--[\s\S]*?-->/g, '').replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, '<$1>');
  const tags: Tag[] = [];
  for (const m of markup.matchAll(/<([a-zA-Z][\w:-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/g)) {
    const attrs: Record<string, string> = {};
    for (const a of m[2]!.matchAll(/([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g)) {
      attrs[a[1]!.toLowerCase()] = decodeEntities(a[2] ?? a[3] ?? a[4] ?? '');
    }
    tags.push({ name: m[1]!.toLowerCase(), attrs });
  }
  return tags;
}

/** The file a URL path of the site is served from, or undefined when there is none. */
function fileFor(dist: string, base: string, path: string): string | undefined {
  if (!path.startsWith(base)) return undefined;
  const rel = decodeURIComponent(path.slice(base.length));
  const direct = join(dist, rel);
  if (existsSync(direct) && statSync(direct).isFile()) return direct;
  const index = join(dist, rel, 'index.html');
  return path.endsWith('/') && existsSync(index) ? index : undefined;
}

function crawl(dist: string, base: string): Crawl {
  const origin = 'http://crawl.test';
  const pages = new Map<string, CrawledPage>();
  const files = new Set<string>();
  const broken: string[] = [];
  const outsideBase: string[] = [];
  const anchors: Array<{ from: string; path: string; id: string; href: string }> = [];
  const queue = [base];
  const seen = new Set(queue);

  while (queue.length) {
    const path = queue.shift()!;
    const file = fileFor(dist, base, path)!;
    const html = readFileSync(file, 'utf8');
    const tags = parseTags(html);
    pages.set(path, { path, html, tags, ids: tags.map((t) => t.attrs.id).filter((id): id is string => id !== undefined) });

    const links = tags.filter((t) => (t.name === 'a' || t.name === 'link') && t.attrs.href !== undefined && t.attrs.rel !== 'canonical');
    for (const link of links) {
      const href = link.attrs.href!;
      const url = new URL(href, `${origin}${path}`);
      if (url.origin !== origin) continue; // external: http(s) elsewhere, mailto:
      if (!url.pathname.startsWith(base)) {
        outsideBase.push(`${path} → ${href}`);
        continue;
      }
      const target = fileFor(dist, base, url.pathname);
      if (!target) {
        broken.push(`${path} → ${href} (no such page or file)`);
        continue;
      }
      if (url.hash) anchors.push({ from: path, path: url.pathname, id: decodeURIComponent(url.hash.slice(1)), href });
      if (target.endsWith('.html')) {
        if (link.name === 'a' && !seen.has(url.pathname)) {
          seen.add(url.pathname);
          queue.push(url.pathname);
        }
      } else {
        files.add(url.pathname);
      }
    }
  }

  for (const a of anchors) {
    const page = pages.get(a.path);
    if (!page) {
      broken.push(`${a.from} → ${a.href} (an anchor into a page the crawl never reached)`);
    } else if (!a.id || !page.ids.includes(a.id)) {
      broken.push(`${a.from} → ${a.href} (no element with id "${a.id}" on ${a.path})`);
    }
  }
  return { pages, files, broken, outsideBase };
}

/** The paths (with base) the sitemap lists: sitemap-index.xml → its sitemaps → <loc>. */
function sitemapPaths(dist: string, base: string): Set<string> {
  const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(decodeEntities(m[1]!.trim())));
  const index = locs(readFileSync(join(dist, 'sitemap-index.xml'), 'utf8'));
  expect(index.length).toBeGreaterThan(0);
  const paths = new Set<string>();
  for (const sitemap of index) {
    expect(sitemap.origin).toBe(SITE.origin);
    const file = fileFor(dist, base, sitemap.pathname);
    expect(file, `sitemap ${sitemap.href} listed in sitemap-index.xml exists`).toBeDefined();
    for (const loc of locs(readFileSync(file!, 'utf8'))) {
      expect(loc.origin).toBe(SITE.origin);
      paths.add(loc.pathname);
    }
  }
  return paths;
}

const attr = (page: CrawledPage, name: string, match: Record<string, string>, key: string) =>
  page.tags.find((t) => t.name === name && Object.entries(match).every(([k, v]) => (t.attrs[k] ?? '').toLowerCase().split(/\s+/).includes(v)))?.attrs[key];

for (const variant of [
  { name: 'the site at /', base: '/', dist: (s: Awaited<ReturnType<typeof e2eSites>>) => s.root },
  { name: 'the site under /kb/', base: '/kb/', dist: (s: Awaited<ReturnType<typeof e2eSites>>) => s.kb },
]) {
  describe(`crawling ${variant.name}`, () => {
    let dist: string;
    let result: Crawl;
    const is404 = (path: string) => /\/404(\.html|\/)?$/.test(path);

    beforeAll(async () => {
      dist = variant.dist(await e2eSites());
      result = crawl(dist, variant.base);
    });

    it('reaches every kind of page from the home page', () => {
      const paths = [...result.pages.keys()];
      const b = variant.base;
      for (const p of ['', 'postmortems/', 'postmortems/2/', 'postmortems/3/', 'search/', 'actions/', 'patterns/', 'reviews/', 'categories/', 'services/', 'teams/', 'tags/']) {
        expect(paths).toContain(`${b}${p}`);
      }
      const postmortems = paths.filter((p) => new RegExp(`^${b}postmortems/\\d{4}-\\d{2}-\\d{2}-[\\w-]+/$`).test(p));
      expect(postmortems.length).toBeGreaterThanOrEqual(20);
      expect(paths.filter((p) => p.startsWith(`${b}actions/owners/`)).length).toBeGreaterThan(1);
      expect(paths.filter((p) => p.startsWith(`${b}actions/teams/`)).length).toBeGreaterThan(1);
      expect([...result.files]).toEqual(expect.arrayContaining([`${b}rss.xml`, `${b}api/postmortems.json`]));
    });

    it('finds no broken internal link or #anchor, and no link outside the base path', () => {
      expect(result.broken).toEqual([]);
      expect(result.outsideBase).toEqual([]);
    });

    it('gives every page a title, a description, a canonical link and unique ids', () => {
      const problems: string[] = [];
      for (const page of result.pages.values()) {
        const title = /<title>([^<]*)<\/title>/.exec(page.html)?.[1]?.trim();
        if (!title) problems.push(`${page.path}: no <title>`);
        const description = attr(page, 'meta', { name: 'description' }, 'content');
        if (!description?.trim()) problems.push(`${page.path}: no <meta name="description"> with content`);
        const canonical = attr(page, 'link', { rel: 'canonical' }, 'href');
        if (!canonical) problems.push(`${page.path}: no <link rel="canonical">`);
        else if (canonical !== new URL(page.path, SITE).href) problems.push(`${page.path}: canonical is ${canonical}, not ${new URL(page.path, SITE).href}`);
        const dupes = page.ids.filter((id, i) => page.ids.indexOf(id) !== i);
        if (dupes.length) problems.push(`${page.path}: duplicate ids ${[...new Set(dupes)].join(', ')}`);
      }
      expect(problems).toEqual([]);
    });

    it('lists exactly the crawled pages in the sitemap', () => {
      const crawled = new Set([...result.pages.keys()].filter((p) => !is404(p)));
      const listed = new Set([...sitemapPaths(dist, variant.base)].filter((p) => !is404(p)));
      expect([...crawled].filter((p) => !listed.has(p)), 'crawled pages missing from the sitemap').toEqual([]);
      expect([...listed].filter((p) => !crawled.has(p)), 'sitemap pages no link leads to').toEqual([]);
      expect(listed.size).toBe(crawled.size);
    });

    it('ships postmortem pages without scripts, within 60 KB of HTML and CSS', () => {
      // Not the list's later pages (/postmortems/2/, …): a postmortem id starts with its date.
      const postmortems = [...result.pages.values()].filter((p) => new RegExp(`^${variant.base}postmortems/\\d{4}-[^/]+/$`).test(p.path));
      expect(postmortems.length).toBeGreaterThanOrEqual(20);
      const problems: string[] = [];
      let largest = { path: '', bytes: 0 };
      for (const page of postmortems) {
        if (/<script/i.test(page.html)) problems.push(`${page.path}: has a <script>`);
        if (!page.tags.some((t) => t.name === 'article' && (t.attrs.class ?? '').split(/\s+/).includes('postmortem'))) problems.push(`${page.path}: no article.postmortem`);
        // CSS is inlined; count any linked stylesheet too, should that change.
        const sheets = page.tags.filter((t) => t.name === 'link' && (t.attrs.rel ?? '').split(/\s+/).includes('stylesheet'));
        const cssBytes = sheets.reduce((n, s) => n + statSync(fileFor(dist, variant.base, new URL(s.attrs.href!, `http://x${page.path}`).pathname)!).size, 0);
        const bytes = Buffer.byteLength(page.html) + cssBytes;
        if (bytes > largest.bytes) largest = { path: page.path, bytes };
        if (bytes > POSTMORTEM_BUDGET) problems.push(`${page.path}: ${bytes} bytes of HTML and CSS (budget ${POSTMORTEM_BUDGET})`);
      }
      expect(problems).toEqual([]);
      expect(largest.bytes).toBeGreaterThan(0);
    });
  });
}

describe('the crawler itself', () => {
  it('parses attributes in any quoting and skips scripts, styles and comments', () => {
    const tags = parseTags(`<a href="/a/?x=1&amp;y=2" class=c><!-- <a href="/no/"> --><script>"<a href='/no/'>"</script><style>a{}</style><A HREF='/b/#x'>`);
    expect(tags.filter((t) => t.name === 'a').map((t) => t.attrs.href)).toEqual(['/a/?x=1&y=2', '/b/#x']);
  });
});
