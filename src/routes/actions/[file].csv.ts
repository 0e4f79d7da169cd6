import type { GetStaticPaths } from 'astro';
import { loadSite } from '../../data';
import { actionCsvFiles, actionsCsv, type TrackedAction } from '../../data/actions';
import { settings } from '../../settings';

/** Every action item of the postmortems of one year (or one part of a busy year), in the order the incidents started. */
export const getStaticPaths = (async () => {
  const site = await loadSite();
  return actionCsvFiles(site, settings.jsonExport.perFile).map((file) => ({ params: { file: file.name }, props: { rows: file.rows } }));
}) satisfies GetStaticPaths;

export function GET({ props }: { props: { rows: TrackedAction[] } }) {
  return new Response(actionsCsv(props.rows), { headers: { 'content-type': 'text/csv; charset=utf-8' } });
}
