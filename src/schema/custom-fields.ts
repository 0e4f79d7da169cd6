/*
 * A team's own frontmatter fields (`fields` in the options), as zod schemas validated like the
 * built-in ones: same friendly errors, same rule ids.
 */
import { z } from 'zod';
import type { CustomField } from '../config/options';
import { calendarDate } from './datetime';
import { KEBAB } from './ids';
import { quote, withFix } from './issues';

function fieldSchema(name: string, field: CustomField): z.ZodType {
  let schema: z.ZodType;
  switch (field.type) {
    case 'string':
      schema = z.string({ error: 'must be text' }).trim().min(1, { error: withFix('is empty', `write ${name}, or remove the line`, 'schema/required') }).max(field.maxLength, {
        error: withFix(`is longer than ${field.maxLength} characters`, `shorten ${name}`, 'schema/length'),
      });
      break;
    case 'number': {
      let n = z.number({ error: 'must be a number' });
      if (field.min !== undefined) n = n.min(field.min, { error: withFix(`is below ${field.min}`, `use a value of at least ${field.min}`, 'schema/range') });
      if (field.max !== undefined) n = n.max(field.max, { error: withFix(`is above ${field.max}`, `use a value of at most ${field.max}`, 'schema/range') });
      schema = n;
      break;
    }
    case 'date':
      schema = calendarDate;
      break;
    case 'enum':
      schema = z.enum(field.values as [string, ...string[]]);
      break;
    case 'ids': {
      const id = field.values
        ? z.enum(field.values as [string, ...string[]])
        : z.string({ error: 'must be an id' }).regex(KEBAB, {
            error: (issue) => withFix(`${quote(issue.input)} is not a lowercase kebab-case id`, 'use lowercase letters, digits and single hyphens', 'schema/id'),
          });
      schema = z.array(id, { error: 'must be a list of ids, e.g. [a, b]' });
      break;
    }
  }
  return field.required ? schema : schema.optional();
}

/** The zod shape of the declared fields, to extend the postmortem schema with. */
export function customFieldShape(fields: Readonly<Record<string, CustomField>>): Record<string, z.ZodType> {
  return Object.fromEntries(Object.entries(fields).map(([name, field]) => [name, fieldSchema(name, field)]));
}

/** A postmortem's values of the declared fields, in declaration order, for pages and the JSON export. */
export function customFieldValues(data: object, fields: Readonly<Record<string, CustomField>>): Array<{ name: string; label: string; value: string | number | string[] }> {
  const out: Array<{ name: string; label: string; value: string | number | string[] }> = [];
  for (const [name, field] of Object.entries(fields)) {
    const value = (data as Record<string, unknown>)[name];
    if (value === undefined) continue;
    out.push({ name, label: field.label ?? name.replace(/_/g, ' '), value: value as string | number | string[] });
  }
  return out;
}
