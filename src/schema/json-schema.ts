/*
 * The frontmatter as a JSON Schema (zod 4 writes it), for editors: the YAML language server uses it
 * for completion and errors while an author types. It describes the input an author writes (times
 * as strings), with a team's own fields; cross-field and cross-file rules stay with `check`.
 */
import { z } from 'zod';
import type { CustomField } from '../config/options';
import { postmortemSchema } from './postmortem';

export function frontmatterJsonSchema(fields: Readonly<Record<string, CustomField>> = {}): Record<string, unknown> {
  const schema = z.toJSONSchema(postmortemSchema(fields), { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  const properties = schema['properties'] as Record<string, Record<string, unknown>>;
  for (const [name, field] of Object.entries(fields)) {
    if (field.description && properties[name]) properties[name]['description'] = field.description;
  }
  return {
    $schema: schema['$schema'],
    title: 'Hindsight postmortem frontmatter',
    description: 'The YAML frontmatter of one postmortem (content/postmortems/<id>.mdx). Field reference: docs/content-model.md. `npx hindsight check` applies the rules this schema cannot express (milestone order, references to the catalogs, the quality policy).',
    ...Object.fromEntries(Object.entries(schema).filter(([k]) => k !== '$schema')),
  };
}
