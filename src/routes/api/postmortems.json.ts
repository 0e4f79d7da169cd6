import { loadSite } from '../../data';
import { customFieldValues } from '../../schema/custom-fields';
import { isOverdue } from '../../lib/metrics';
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
      const { file: _file, text: _text, headings: _headings, quality: _quality, ...data } = pm.data;
      // The content model's fields at the top level; the team's own under `fields`, so a name a team picks never collides with one the model adds later.
      const custom = customFieldValues(data, settings.fields);
      const frontmatter = Object.fromEntries(Object.entries(data).filter(([name]) => !Object.hasOwn(settings.fields, name)));
      return {
        id: pm.id,
        url: href(`/postmortems/${pm.id}/`),
        ...frontmatter,
        fields: Object.fromEntries(custom.map((f) => [f.name, f.value])),
        metrics: {
          started: pm.metrics.startedAt.toISOString(),
          ttd_minutes: minutes(pm.metrics.ttd),
          tta_minutes: minutes(pm.metrics.tta),
          ttdiag_minutes: minutes(pm.metrics.ttdiag),
          ttm_minutes: minutes(pm.metrics.ttm),
          ttf_minutes: minutes(pm.metrics.ttf),
          ttr_minutes: minutes(pm.metrics.ttr),
        },
        recurred_as: pm.recurredAs,
        quality_score: pm.quality.score,
        overdue_action_items: pm.data.action_items.filter((i) => isOverdue(i, settings.today)).length,
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
