/*
 * A small HTML tokenizer that reads rendered bodies the way a browser's
 * tokenizer would (data state, tag open, attribute name/value states), so the
 * safety properties check what a browser would see, not what a regex guesses.
 * It is deliberately strict: anything it does not understand is a problem.
 */

export type Token =
  | { type: 'text'; value: string }
  | { type: 'start'; name: string; attrs: Array<[string, string]>; selfClosing: boolean }
  | { type: 'end'; name: string }
  | { type: 'markup'; raw: string } // <!…>, <?…>: comments, doctypes, processing instructions
  | { type: 'eof-in-tag'; raw: string };

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decodeEntities(text: string): string {
  return text.replace(/&(#[xX][0-9a-fA-F]+|#[0-9]+|[a-zA-Z][a-zA-Z0-9]*);/g, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[ref] ?? whole;
  });
}

const WS = /[\t\n\f\r ]/;

export function tokenize(html: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  let text = '';
  const flush = () => {
    if (text) out.push({ type: 'text', value: decodeEntities(text) });
    text = '';
  };
  while (i < html.length) {
    const c = html[i]!;
    if (c !== '<') {
      text += c;
      i++;
      continue;
    }
    const next = html[i + 1] ?? '';
    if (next === '!' || next === '?') {
      flush();
      const end = html.indexOf('>', i);
      const stop = end === -1 ? html.length : end + 1;
      out.push({ type: 'markup', raw: html.slice(i, stop) });
      i = stop;
      continue;
    }
    const isEnd = next === '/';
    const first = html[i + (isEnd ? 2 : 1)] ?? '';
    if (!/[A-Za-z]/.test(first)) {
      text += c; // a lone "<" is text to a browser
      i++;
      continue;
    }
    flush();
    const start = i;
    i += isEnd ? 2 : 1;
    let name = '';
    while (i < html.length && !WS.test(html[i]!) && html[i] !== '/' && html[i] !== '>') name += html[i++];
    const attrs: Array<[string, string]> = [];
    let selfClosing = false;
    let closed = false;
    while (i < html.length) {
      const ch = html[i]!;
      if (WS.test(ch)) { i++; continue; }
      if (ch === '>') { i++; closed = true; break; }
      if (ch === '/') { selfClosing = html[i + 1] === '>'; i++; continue; }
      let attrName = ch;
      i++;
      while (i < html.length && !WS.test(html[i]!) && html[i] !== '/' && html[i] !== '>' && html[i] !== '=') attrName += html[i++];
      while (i < html.length && WS.test(html[i]!)) i++;
      let value = '';
      if (html[i] === '=') {
        i++;
        while (i < html.length && WS.test(html[i]!)) i++;
        const q = html[i];
        if (q === '"' || q === "'") {
          const endQ = html.indexOf(q, i + 1);
          const stop = endQ === -1 ? html.length : endQ;
          value = html.slice(i + 1, stop);
          i = stop + 1;
        } else {
          while (i < html.length && !WS.test(html[i]!) && html[i] !== '>') value += html[i++];
        }
      }
      attrs.push([attrName.toLowerCase(), decodeEntities(value)]);
    }
    if (!closed) {
      out.push({ type: 'eof-in-tag', raw: html.slice(start) });
      break;
    }
    out.push(isEnd ? { type: 'end', name: name.toLowerCase() } : { type: 'start', name: name.toLowerCase(), attrs, selfClosing });
  }
  flush();
  return out;
}

/** What Markdown + GFM + the site's components can produce (see safe-mdx.ts and remark-gfm's output). */
const ALLOWED_ELEMENTS = new Set([
  'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'a', 'strong', 'em', 'code', 'pre', 'blockquote',
  'table', 'thead', 'tbody', 'tr', 'th', 'td', 'hr', 'br', 'del', 'img',
  'aside', 'span', // <Internal> (block and inline)
  'sup', 'section', // GFM footnotes
  'input', // GFM task lists: <input type="checkbox" disabled>
]);

const ALLOWED_ATTRIBUTES = new Set([
  'href', 'src', 'alt', 'title', 'id', 'class', 'align', 'start', 'type', 'checked', 'disabled',
  'aria-label', 'aria-describedby', 'data-footnotes', 'data-footnote-ref', 'data-footnote-backref',
]);

const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'poster', 'background', 'cite', 'srcset', 'data', 'ping']);

/** The scheme a browser would see: URL parsing strips leading/trailing C0 controls and spaces and removes tabs and newlines. */
export function browserScheme(url: string): string | undefined {
  // C0 controls and space are the code points up to U+0020 (a character class of them is what the URL standard strips).
  const isC0OrSpace = (c: string) => c.charCodeAt(0) <= 0x20;
  let from = 0;
  let to = url.length;
  while (from < to && isC0OrSpace(url[from]!)) from++;
  while (to > from && isC0OrSpace(url[to - 1]!)) to--;
  const cleaned = url.slice(from, to).replace(/[\t\n\r]/g, '');
  return /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(cleaned)?.[1]?.toLowerCase();
}

const SAFE_SCHEMES = new Set(['http', 'https', 'mailto']);

/** Everything in rendered HTML that would be unsafe or outside what Markdown produces. Empty when the HTML is fine. */
export function htmlProblems(html: string): string[] {
  const problems: string[] = [];
  if (/<script/i.test(html)) problems.push('contains "<script"');
  for (const t of tokenize(html)) {
    if (t.type === 'markup') problems.push(`markup declaration ${JSON.stringify(t.raw.slice(0, 40))}`);
    else if (t.type === 'eof-in-tag') problems.push(`unterminated tag ${JSON.stringify(t.raw.slice(0, 40))}`);
    else if (t.type === 'start' || t.type === 'end') {
      if (!ALLOWED_ELEMENTS.has(t.name)) problems.push(`element <${t.name}> is not something Markdown produces`);
      if (t.type !== 'start') continue;
      for (const [name, value] of t.attrs) {
        if (/^on/i.test(name)) problems.push(`event-handler attribute ${name}= on <${t.name}>`);
        else if (!ALLOWED_ATTRIBUTES.has(name)) problems.push(`attribute ${name}= on <${t.name}>`);
        if (URL_ATTRIBUTES.has(name)) {
          const scheme = browserScheme(value);
          if (scheme !== undefined && !SAFE_SCHEMES.has(scheme)) problems.push(`${name}=${JSON.stringify(value)} has scheme ${scheme}:`);
        }
        if (name === 'type' && !(t.name === 'input' && value === 'checkbox')) problems.push(`type=${JSON.stringify(value)} on <${t.name}>`);
      }
    }
  }
  return problems;
}

/** The text a reader sees (decoded), tags removed. */
export function textContent(html: string): string {
  return tokenize(html)
    .filter((t): t is Extract<Token, { type: 'text' }> => t.type === 'text')
    .map((t) => t.value)
    .join('');
}
