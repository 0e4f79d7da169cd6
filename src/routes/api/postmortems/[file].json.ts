import type { GetStaticPaths } from 'astro';
import { loadSite } from '../../../data';
import { EXPORT_SCHEMA, exportFiles, exportRecord, type ExportFile } from '../../../data/exports';
import { href, settings } from '../../../settings';

/** One file of the JSON export: the published postmortems of one year (or one part of a busy year), oldest first. */
export const getStaticPaths = (async () => {
  const site = await loadSite();
  const published = site.postmortems.filter((pm) => pm.data.status === 'published');
  return exportFiles(published, settings.jsonExport.perFile).map((file) => ({ params: { file: file.name }, props: { file } }));
}) satisfies GetStaticPaths;

export function GET({ props }: { props: { file: ExportFile } }) {
  const { file } = props;
  const body = {
    schema: EXPORT_SCHEMA,
    generated: settings.today,
    edition: settings.edition,
    year: file.year,
    part: file.part,
    parts: file.parts,
    count: file.postmortems.length,
    postmortems: file.postmortems.map((pm) => exportRecord(pm, href(`/postmortems/${pm.id}/`), { fields: settings.fields, today: settings.today })),
  };
  // Compact: a consumer parses it; a person reads a postmortem's page.
  return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json; charset=utf-8' } });
}
