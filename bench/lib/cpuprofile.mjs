/*
 * Summarises V8 .cpuprofile files (node --cpu-prof): self time by area
 * (npm package, src/ file, bundled page chunk, node internals, GC) and by
 * function, for the whole run and per phase window (ms since the process
 * started, taken from the build log).
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

function areaOf(url, name, repo) {
  if (!url) return name.startsWith('(') ? name : '(native)';
  if (url.startsWith('node:')) return 'node internals';
  const path = url.replace(/^file:\/\//, '');
  const last = path.lastIndexOf('node_modules/');
  if (last >= 0) {
    const m = /^node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path.slice(last));
    if (m) return m[1];
  }
  // Bundled page code of the build: .prerender/chunks/<name>_<hash>.mjs → "page chunk <name>"
  const chunk = /\.prerender\/(?:chunks\/)?([^/]+?)(?:_[\w-]{6,})?\.mjs$/.exec(path);
  if (chunk) return `page chunk ${chunk[1]}`;
  if (path.startsWith(repo)) return path.slice(repo.length).replace(/^\/+/, '').replace(/\?.*$/, '');
  return path.replace(/\?.*$/, '');
}

function sorted(map, label, total) {
  return [...map].sort((a, b) => b[1] - a[1]).map(([k, us]) => ({ [label]: k, ms: us / 1000, pct: (100 * us) / Math.max(1, total) }));
}

/**
 * windows: [{ name, from, to }] in ms since the process started. The main
 * thread's profile is the largest file; windows are applied to it only.
 */
export async function summariseProfiles(dir, repo, windows = []) {
  let files;
  try { files = (await readdir(dir)).filter((f) => f.endsWith('.cpuprofile')); } catch { return { files: 0, totalMs: 0, byArea: [], byFunction: [], windows: [] }; }
  const areas = new Map(), fns = new Map();
  const win = windows.map((w) => ({ ...w, us: 0, areas: new Map() }));
  let total = 0;
  let biggest = 0;
  const profiles = [];
  for (const f of files) {
    const prof = JSON.parse(await readFile(join(dir, f), 'utf8'));
    profiles.push(prof);
    biggest = Math.max(biggest, prof.samples.length);
  }
  for (const prof of profiles) {
    const main = prof.samples.length === biggest;
    const byId = new Map(prof.nodes.map((n) => [n.id, n]));
    let t = 0;
    prof.samples.forEach((id, i) => {
      const us = prof.timeDeltas[i] ?? 0;
      t += us;
      const { functionName, url, lineNumber } = byId.get(id).callFrame;
      const name = functionName || '(anonymous)';
      if (name === '(idle)') return;
      total += us;
      const area = areaOf(url, name, repo);
      areas.set(area, (areas.get(area) ?? 0) + us);
      const where = url ? ` ${area.startsWith('page chunk') || area.includes('/') ? area : `${area} ${url.split('/').slice(-2).join('/')}`}:${lineNumber + 1}` : '';
      const key = `${name}${where}`;
      fns.set(key, (fns.get(key) ?? 0) + us);
      if (main) {
        const ms = t / 1000;
        for (const w of win) if (ms >= w.from && ms < w.to) {
          w.us += us;
          w.areas.set(area, (w.areas.get(area) ?? 0) + us);
        }
      }
    });
  }
  return {
    files: files.length,
    totalMs: total / 1000,
    byArea: sorted(areas, 'area', total),
    byFunction: sorted(fns, 'fn', total),
    windows: win.map((w) => ({ name: w.name, wallMs: w.to - w.from, cpuMs: w.us / 1000, byArea: sorted(w.areas, 'area', w.us).slice(0, 8) })),
  };
}
