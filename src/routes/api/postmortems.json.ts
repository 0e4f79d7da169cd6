import { loadSite } from '../../data';
import { href, settings } from '../../settings';

/**
 * Every published postmortem's frontmatter plus its derived metrics, so other
 * tools can build on the knowledge base. Documented in the README ("JSON export").
 */
export async function GET() {
  const site = await loadSite();
  const minutes = (ms: number | undefined) => (ms === undefined ? null : Math.round(ms / 60_000));
  const postmortems = site.postmortems
    .filter((pm) => pm.data.status === 'published')
    .map((pm) => {
      const { file: _file, text: _text, headings: _headings, quality: _quality, ...frontmatter } = pm.data;
      return {
        id: pm.id,
        url: href(`/postmortems/${pm.id}/`),
        ...frontmatter,
        metrics: {
          started: pm.metrics.startedAt.toISOString(),
          ttd_minutes: minutes(pm.metrics.ttd),
          tta_minutes: minutes(pm.metrics.tta),
          ttm_minutes: minutes(pm.metrics.ttm),
          ttr_minutes: minutes(pm.metrics.ttr),
        },
        recurred_as: pm.recurredAs,
        quality_score: pm.quality.score,
      };
    });
  const body = {
    schema: 'hindsight/postmortems@1',
    generated: settings.today,
    edition: settings.edition,
    count: postmortems.length,
    postmortems,
  };
  return new Response(JSON.stringify(body, null, 2), { headers: { 'content-type': 'application/json; charset=utf-8' } });
}
