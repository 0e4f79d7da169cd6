/*
 * The body of an imported postmortem: the original prose, kept, with its section headings renamed to
 * the ones the quality policy expects and everything MDX would read as code made literal.
 */

export interface BodyOptions {
  /** Source offsets to leave out: the title heading and the metadata lines, now in the frontmatter. */
  consumed: ReadonlyArray<readonly [number, number]>;
  /** Section headings in document order, and the heading each becomes (undefined: kept as written). */
  headings: ReadonlyArray<{ from: string; to: string | undefined }>;
  /** A heading for prose before the first section, when there is no summary section. */
  leadHeading: string | undefined;
  /** The sections the draft should have; those missing are added with the template's guidance. */
  expected: readonly string[];
  guidance: Readonly<Record<string, string>>;
}

const FENCE = /^\s{0,3}(`{3,}|~{3,})/;
const norm = (s: string) => s.toLowerCase().replace(/[*_`:.]/g, '').replace(/\s+/g, ' ').trim();

/**
 * Makes one line of Markdown prose literal for MDX: `{…}` and tags would be read as code, so they
 * are escaped; an autolink becomes a link; `<br>` a line break. Inline code is left as written.
 */
function literal(line: string): string {
  return line
    .split(/(`+[^`]*`+)/)
    .map((part, i) =>
      i % 2
        ? part
        : part
            .replace(/<(https?:\/\/[^\s>]+)>/g, '[$1]($1)')
            .replace(/<br\s*\/?>/gi, '  ')
            .replace(/[{}]/g, (c) => `\\${c}`)
            .replace(/<(?=[A-Za-z/!?])/g, '\\<'),
    )
    .join('');
}

export function importBody(source: string, opts: BodyOptions): string {
  let text = source;
  for (const [from, to] of [...opts.consumed].sort((a, b) => b[0] - a[0])) text = text.slice(0, from) + text.slice(to);
  const pending = [...opts.headings];
  const out: string[] = [];
  let fence: string | undefined;
  let sawHeading = false;
  let leadStarted = false;
  for (const line of text.split('\n')) {
    const f = FENCE.exec(line);
    if (fence) {
      out.push(line);
      if (f && f[1]!.startsWith(fence)) fence = undefined;
      continue;
    }
    if (f) {
      fence = f[1]!;
      out.push(line);
      continue;
    }
    const heading = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading) {
      const next = pending[0];
      if (next && norm(next.from) === norm(heading[2]!)) {
        pending.shift();
        sawHeading = true;
        out.push(`## ${literal(next.to ?? next.from)}`);
        continue;
      }
      out.push(`${heading[1]!.length < 3 ? '###' : heading[1]} ${literal(heading[2]!)}`);
      continue;
    }
    if (!sawHeading && !leadStarted && line.trim() && opts.leadHeading) {
      out.push(`## ${opts.leadHeading}`, '');
      leadStarted = true;
    }
    out.push(literal(line));
  }
  let body = out.join('\n').replace(/^\s+/, '').replace(/\n{3,}/g, '\n\n').trimEnd();
  const present = new Set([...body.matchAll(/^## (.+)$/gm)].map((m) => norm(m[1]!)));
  const added = opts.expected.filter((s) => !present.has(norm(s)));
  if (added.length) body += `\n\n${added.map((s) => `## ${s}\n\nTODO: ${opts.guidance[s] ?? 'write this section.'}`).join('\n\n')}`;
  return `${body}\n`;
}
