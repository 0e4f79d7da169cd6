import { loadSite } from '../../data';
import { EXPORT_SCHEMA, exportFiles } from '../../data/exports';
import { href, settings } from '../../settings';

/**
 * The JSON export's index: which files hold the edition's published postmortems. It names files,
 * not postmortems, so it stays small however large the knowledge base grows. Documented in the
 * README ("JSON export").
 */
export async function GET() {
  const site = await loadSite();
  const published = site.postmortems.filter((pm) => pm.data.status === 'published');
  const files = exportFiles(published, settings.jsonExport.perFile).map((f) => ({
    url: href(`/api/postmortems/${f.name}.json`),
    year: f.year,
    part: f.part,
    parts: f.parts,
    count: f.postmortems.length,
    first: f.postmortems[0]!.metrics.startedAt.toISOString(),
    last: f.postmortems[f.postmortems.length - 1]!.metrics.startedAt.toISOString(),
  }));
  const body = {
    schema: EXPORT_SCHEMA,
    generated: settings.today,
    edition: settings.edition,
    count: published.length,
    per_file: settings.jsonExport.perFile,
    files,
  };
  return new Response(JSON.stringify(body, null, 2), { headers: { 'content-type': 'application/json; charset=utf-8' } });
}
