import { writeFile } from 'node:fs/promises';
import { frontmatterJsonSchema } from '../schema/json-schema';
import { parse } from './io';
import { cliSettings } from './settings';

/** `hindsight schema`: the frontmatter's JSON Schema with the project's own fields, for an editor. */
export async function runSchema(argv: string[]): Promise<number> {
  const { values } = parse(argv, { out: { type: 'string' }, root: { type: 'string' } });
  const settings = await cliSettings({ root: values.root });
  const text = `${JSON.stringify(frontmatterJsonSchema(settings.fields), null, 2)}\n`;
  if (values.out) {
    await writeFile(values.out, text);
    process.stderr.write(`Wrote ${values.out}\n`);
  } else process.stdout.write(text);
  return 0;
}
