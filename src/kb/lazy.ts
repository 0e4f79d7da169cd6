/*
 * Modules loaded on first use, synchronously. Reading a postmortem is synchronous on purpose (see
 * read-one.ts), and most reads never need some of the heaviest modules: the positioned YAML
 * parser (a YAML error or a line the indentation does not settle), the strict MDX parser (a body
 * with `<`, `{` or import/export) and the HTML renderer (the build, not `check`). Importing them
 * all up front cost `hindsight check` of one file about 0.4 s of its 1.1 s CPU, and every read
 * worker thread the same at its start. Node ≥ 22.12 loads ES modules with require().
 */
import { createRequire } from 'node:module';

const load = createRequire(import.meta.url);

/** A module's namespace, loaded the first time the returned function is called. */
export function lazyModule<T>(specifier: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= load(specifier) as T);
}
