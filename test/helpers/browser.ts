/*
 * Real parts for the browser tests: Debian's Chromium driven by playwright-core,
 * and a tiny static file server (node:http, no dependencies) that serves a
 * built site the way a static host does, optionally under a URL prefix.
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from 'playwright-core';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Launches the system Chromium (never a downloaded one). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

const COMPRESSIBLE = /^(text\/|application\/(json|xml)|image\/svg)/;

export interface StaticServer {
  /** Origin plus prefix, always ending in `/`, e.g. `http://127.0.0.1:41234/kb/`. */
  url: string;
  origin: string;
  /** Every request the server answered: path and status, for diagnostics. */
  log: Array<{ path: string; status: number }>;
  close: () => Promise<void>;
}

/**
 * Serves `dir` on 127.0.0.1 (a free port) under `prefix` (default `/`).
 * Directories answer with their index.html; a directory requested without
 * its trailing slash is redirected, as static hosts do; anything outside the
 * prefix or the directory is a 404 (with the site's 404.html when it has one).
 * With `gzip`, text files (HTML, CSS, JS, JSON, SVG, XML) are sent gzipped to a
 * client that accepts it, as static hosts do; Pagefind's own files are already
 * compressed and go as they are.
 */
export async function serveDir(dir: string, opts: { prefix?: string; gzip?: boolean } = {}): Promise<StaticServer> {
  const root = resolve(dir);
  const prefix = `/${(opts.prefix ?? '/').replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
  const log: StaticServer['log'] = [];

  const notFound = (res: import('node:http').ServerResponse, path: string) => {
    log.push({ path, status: 404 });
    const page = join(root, '404.html');
    if (existsSync(page)) {
      res.writeHead(404, { 'content-type': TYPES['.html']! });
      createReadStream(page).pipe(res);
    } else {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
    }
  };

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    let path: string;
    try {
      path = decodeURIComponent(url.pathname);
    } catch {
      return notFound(res, url.pathname);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      log.push({ path, status: 405 });
      return void res.writeHead(405, { allow: 'GET, HEAD' }).end();
    }
    if (prefix !== '/' && path === prefix.slice(0, -1)) {
      log.push({ path, status: 301 });
      return void res.writeHead(301, { location: prefix + url.search }).end();
    }
    if (!path.startsWith(prefix)) return notFound(res, path);
    const rel = path.slice(prefix.length);
    let file = normalize(join(root, rel));
    if (file !== root && !file.startsWith(root + sep)) return notFound(res, path);
    if (existsSync(file) && statSync(file).isDirectory()) {
      if (!path.endsWith('/')) {
        log.push({ path, status: 301 });
        return void res.writeHead(301, { location: `${url.pathname}/${url.search}` }).end();
      }
      file = join(file, 'index.html');
    }
    if (!existsSync(file) || !statSync(file).isFile()) return notFound(res, path);
    const size = statSync(file).size;
    log.push({ path, status: 200 });
    const type = TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
    if (opts.gzip && COMPRESSIBLE.test(type) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
      const body = gzipSync(readFileSync(file));
      res.writeHead(200, { 'content-type': type, 'content-encoding': 'gzip', 'content-length': String(body.length), 'cache-control': 'no-cache', vary: 'accept-encoding' });
      return void res.end(req.method === 'HEAD' ? undefined : body);
    }
    res.writeHead(200, {
      'content-type': type,
      'content-length': String(size),
      'cache-control': 'no-cache',
    });
    if (req.method === 'HEAD') return void res.end();
    createReadStream(file).pipe(res);
  });

  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => ok());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}${prefix}`,
    origin,
    log,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
