import type { z } from 'zod';

type Def = { type?: string; shape?: Record<string, unknown>; element?: unknown; innerType?: unknown; in?: unknown };
const defOf = (s: unknown) => (s as { def?: Def }).def ?? {};

function unwrap(schema: unknown): unknown {
  let cur = schema;
  for (let i = 0; i < 10; i++) {
    const d = defOf(cur);
    if (d.type === 'optional' || d.type === 'default' || d.type === 'nullable' || d.type === 'prefault' || d.type === 'readonly') cur = d.innerType;
    else if (d.type === 'pipe') cur = d.in;
    else break;
  }
  return cur;
}

/** Every field path of a zod object schema, as the field reference writes them: `impact.users_affected`, `timeline[].at`. */
export function schemaPaths(schema: z.ZodType, prefix = ''): string[] {
  const d = defOf(unwrap(schema));
  if (d.type === 'array') return schemaPaths(d.element as z.ZodType, `${prefix}[]`);
  if (d.type !== 'object' || !d.shape) return prefix ? [prefix] : [];
  return Object.entries(d.shape).flatMap(([key, child]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    const inner = defOf(unwrap(child));
    const element = inner.type === 'array' ? defOf(unwrap(inner.element)) : undefined;
    const nested = inner.type === 'object' || element?.type === 'object';
    return nested ? [path, ...schemaPaths(child as z.ZodType, path)] : [path];
  });
}
