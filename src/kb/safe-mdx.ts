import type { Element, ElementContent, Root as HastRoot } from 'hast';
import type { Root as MdastRoot, Nodes } from 'mdast';
import type { toHast as ToHast } from 'mdast-util-to-hast';
import { mdxToMdast } from 'satteri';
import type { Edition } from '../config/settings';
import type { ContentIssue } from '../schema/issues';
import { lazyModule } from './lazy';
import { LIMITS, nestingIssue } from './limits';
import { INTERNAL_TAG } from './text';

/** The HTML renderer, loaded on first use (see lazy.ts): `check` never renders. */
const mdastToHast = lazyModule<typeof import('mdast-util-to-hast')>('mdast-util-to-hast');
const hastToHtml = lazyModule<typeof import('hast-util-to-html')>('hast-util-to-html');
const rehypeSlug = lazyModule<typeof import('rehype-slug')>('rehype-slug');
const unifiedModule = lazyModule<typeof import('unified')>('unified');

/**
 * The components a postmortem body may use. Each is documented in
 * CONTRIBUTING.md; adding one means adding it here and to `renderComponent`.
 */
const BODY_COMPONENTS = {
  Internal: 'Text kept in internal builds and removed from public builds.',
} as const;
type ComponentName = keyof typeof BODY_COMPONENTS;

export interface SafeBody {
  /** Rendered HTML, or undefined when the body was rejected. */
  html: string | undefined;
  /** Plain text of what the edition shows (for similarity and search excerpts). */
  text: string;
  /** `##` headings, in order. */
  headings: string[];
  /**
   * The MDX source as this edition may show it: in the public edition every
   * <Internal> block is blanked out (newlines kept, so line numbers hold).
   */
  source: string;
  issues: ContentIssue[];
}

/*
 * How a body becomes a tree, and why this way.
 *
 * Every body is parsed by satteri, the native MDX parser Astro 7 ships: linear in the length of
 * the body on everything we have thrown at it, and about fifty times faster than the reference
 * parser (micromark's remark-mdx), which is quadratic on many constructs an author can write in a
 * few kilobytes (emphasis and strikethrough delimiters that never close, brackets, link
 * references, footnote references: a 128 KB body took minutes). satteri has two weaknesses, and
 * each is closed here rather than trusted:
 *
 * - It is quadratic on `{…}` (expressions, and even braces inside inline code) and on deeply
 *   nested inline JSX. Bodies may contain no expression at all, so every unescaped brace is
 *   replaced, before parsing, by a rare punctuation character of the same length (the same
 *   Markdown meaning, no MDX meaning) and put back in the tree afterwards; a brace that is not in
 *   code, an address or a title is then reported as an expression. Every `<` outside code must
 *   be a bare <Internal>, </Internal> or <Internal/> tag, and they may nest only to the limit:
 *   both are checked before the real parse, on a parse in which no `<` is a tag.
 * - It mis-nests an <Internal> whose closing tag sits inside other markup
 *   (`*a <Internal>b* c</Internal>` keeps " c" outside the element and drops the closing tag).
 *   So after parsing, every <Internal> element must span exactly from its opening tag to its
 *   closing tag, no other node may overlap it, and every tag found in the source must be one
 *   of the elements' own tags. Otherwise the body is refused: the public edition removes
 *   exactly what the author put between the tags, or the build stops.
 *
 * Nothing in a body is ever evaluated: the parser only builds a syntax tree, and this module
 * walks it. Every walk is iterative, and the tree's depth is checked before the recursive steps
 * (mdast to hast, hast to HTML).
 */

type Position = { start: { line: number; offset?: number }; end: { line: number; offset?: number } };
type AnyNode = Nodes | { type: string; position?: Position; children?: AnyNode[]; name?: string | null; attributes?: unknown[]; url?: string; value?: string };

const FEATURES = { features: { frontmatter: false } } as const;
/** The string fields of mdast nodes in which a masked brace can stand. */
const RESTORED = ['value', 'url', 'title', 'alt', 'label', 'identifier', 'lang', 'meta'] as const;
const makeSlugger = () => unifiedModule().unified().use(rehypeSlug().default);
let sluggerProcessor: ReturnType<typeof makeSlugger> | undefined;
const slugger = () => (sluggerProcessor ??= makeSlugger());

/*
 * Punctuation characters that stand in for `{`, `}` and `<` while satteri parses: single UTF-16
 * units in Unicode's punctuation categories, so that emphasis around them parses as around the
 * characters they replace. The first ones the body does not contain are used.
 */
const MASK_POOL = [...'⦃⦄⦅⦆⦇⦈⦉⦊⦋⦌⦍⦎⦏⦐⦑⦒⦓⦔⦕⦖⦗⦘⸂⸃⸄⸅⸉⸊⸌⸍⸜⸝⸠⸡⸢⸣⸤⸥⸦⸧⸨⸩'];

interface Masks {
  open: string;
  close: string;
  lt: string;
}

function chooseMasks(input: string): Masks | undefined {
  const free = MASK_POOL.filter((c) => !input.includes(c));
  return free.length >= 3 ? { open: free[0]!, close: free[1]!, lt: free[2]! } : undefined;
}

/** True when the character at `i` is escaped by a backslash (an odd run of them before it). */
function escaped(input: string, i: number): boolean {
  let n = 0;
  while (i - n - 1 >= 0 && input.charCodeAt(i - n - 1) === 0x5c) n++;
  return n % 2 === 1;
}

/** `<` right after `](` or `]:` (and white space) opens a link destination, not a tag. */
function opensDestination(input: string, i: number): boolean {
  let j = i - 1;
  while (j >= 0 && (input[j] === ' ' || input[j] === '\t' || input[j] === '\n' || input[j] === '\r')) j--;
  return (input[j] === '(' || input[j] === ':') && input[j - 1] === ']';
}

/**
 * The body with every unescaped brace replaced by its mask, and every `<` that `lt` selects (all of
 * them, or those in code: satteri is slow on a `<` even inside inline code).
 */
function mask(input: string, masks: Masks, lt: boolean | ((offset: number) => boolean)): { text: string; braces: number[]; changed: boolean } {
  const braces: number[] = [];
  let out = '';
  let from = 0;
  for (let i = 0; i < input.length; i++) {
    const c = input.charCodeAt(i);
    if (c !== 0x7b && c !== 0x7d && !(lt && c === 0x3c)) continue;
    if (escaped(input, i)) continue;
    if (c === 0x3c && (opensDestination(input, i) || (typeof lt === 'function' && !lt(i)))) continue;
    if (c === 0x7b) braces.push(i);
    out += input.slice(from, i) + (c === 0x7b ? masks.open : c === 0x7d ? masks.close : masks.lt);
    from = i + 1;
  }
  // CommonMark: U+0000 must be replaced by U+FFFD for security (same length, so offsets hold).
  return { text: (out + input.slice(from)).replaceAll('\u0000', '\ufffd'), braces, changed: from > 0 };
}

/**
 * Inline code inside an image's alt text, as absolute offsets. The tree flattens alt text to a
 * string, so the label is parsed again on its own (as a link: "[alt](…)"), to tell a `<` or `{`
 * in code, which is fine, from one that would be a component or an expression.
 */
function altCode(text: string, [s, e]: Interval): Interval[] {
  let label: AnyNode;
  try {
    label = mdxToMdast(text.slice(s + 1, e), FEATURES);
  } catch {
    return [];
  }
  const out: Interval[] = [];
  walk(label, (node) => {
    const a = offsetOf(node), b = offsetOf(node, true);
    if ((node.type === 'inlineCode' || node.type === 'code') && a !== undefined && b !== undefined) out.push([a + s + 1, b + s + 1]);
  });
  return out;
}

/** Alt texts parsed again per body, at most: each parse costs a call into the parser, and no real body has this many pictures with "<" or "{" in their alt text. */
const ALT_PARSES = 100;

/**
 * The first offset in each alt text that would be a component or an expression. Past ALT_PARSES
 * alt texts with a suspect character, every suspect counts (code in alt text is that rare).
 */
function altProblems(text: string, regions: readonly Interval[], suspects: readonly number[]): number[] {
  const sorted = [...suspects].sort((a, b) => a - b);
  const out: number[] = [];
  let parses = 0;
  let k = 0;
  for (const region of regions) {
    while (k < sorted.length && sorted[k]! < region[0]) k++;
    const inRegion: number[] = [];
    for (let j = k; j < sorted.length && sorted[j]! < region[1]; j++) inRegion.push(sorted[j]!);
    if (!inRegion.length) continue;
    const code = parses++ < ALT_PARSES ? lookup(altCode(text, region)) : () => false;
    const bad = inRegion.find((o) => !code(o));
    if (bad !== undefined) out.push(bad);
  }
  return out;
}

const offsetOf = (node: AnyNode, end = false): number | undefined => (end ? node.position?.end.offset : node.position?.start.offset);

function children(node: AnyNode): AnyNode[] {
  return (node as { children?: AnyNode[] }).children ?? [];
}

/**
 * Visits every node of a tree, parents before children, without recursion. `nest` counts the node
 * and its ancestors that nest in the author's eyes (see NESTING). Returning false skips the node's
 * children. Plain stacks, no object per node: bodies can have a hundred thousand nodes.
 */
function walk(tree: AnyNode, visit: (node: AnyNode, parent: AnyNode | undefined, nest: number) => boolean | void): void {
  const stack: AnyNode[] = [tree];
  const parents: Array<AnyNode | undefined> = [undefined];
  const nests: number[] = [0];
  while (stack.length) {
    const node = stack.pop()!;
    const parent = parents.pop();
    const nest = nests.pop()! + (parent && NESTING.has(node.type) ? 1 : 0);
    if (visit(node, parent, nest) === false) continue;
    const kids = (node as { children?: AnyNode[] }).children;
    if (!kids) continue;
    for (let i = kids.length - 1; i >= 0; i--) {
      stack.push(kids[i]!);
      parents.push(node);
      nests.push(nest);
    }
  }
}

type Interval = [number, number];

/**
 * Where `<` and `{` are literal characters, not MDX: code, inline code, and the parts of links,
 * images and definitions that are addresses, titles or reference labels (a link's text is its
 * children; an image's alt text is everything up to its last "](").
 */
interface Regions {
  literal: Interval[];
  code: Interval[];
  alt: Interval[];
  /** Links, images and definitions with an <Internal> tag in their address or title: it would be published as written. */
  internalIn: AnyNode[];
}

function literalRegions(tree: AnyNode, input: string): Regions {
  const regions: Regions = { literal: [], code: [], alt: [], internalIn: [] };
  walk(tree, (node) => collectRegions(node, input, regions));
  return sortRegions(regions);
}

function sortRegions(regions: Regions): Regions {
  const sort = (list: Interval[]) => list.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  return { literal: sort(regions.literal), code: sort(regions.code), alt: sort(regions.alt), internalIn: regions.internalIn };
}

/** One node's part of the regions (see literalRegions), so that a walk doing other work can collect them too. */
function collectRegions(node: AnyNode, input: string, { literal, code, alt, internalIn }: Regions): void {
  const type = node.type;
  if (type !== 'code' && type !== 'inlineCode' && type !== 'definition' && type !== 'link' && type !== 'linkReference' && type !== 'image' && type !== 'imageReference') return;
  const s = offsetOf(node), e = offsetOf(node, true);
  if (s === undefined || e === undefined) return;
  const own: Interval[] = [];
  switch (type) {
    case 'code':
    case 'inlineCode':
      literal.push([s, e]);
      code.push([s, e]);
      return;
    case 'definition':
      own.push([s, e]);
      break;
    case 'link':
    case 'linkReference': {
      let at = s;
      for (const kid of children(node)) {
        const ks = offsetOf(kid), ke = offsetOf(kid, true);
        if (ks === undefined || ke === undefined) continue;
        if (ks > at) own.push([at, ks]);
        at = Math.max(at, ke);
      }
      if (e > at) own.push([at, e]);
      break;
    }
    case 'image': {
      const labelEnd = input.lastIndexOf('](', e);
      if (labelEnd > s) {
        alt.push([s, labelEnd]);
        own.push([labelEnd, e]);
      } else alt.push([s, e]);
      break;
    }
    case 'imageReference':
      alt.push([s, e]);
      return;
  }
  if (own.some(([a, b]) => INTERNAL_TAG.test(input.slice(a, b)))) internalIn.push(node);
  literal.push(...own);
}

/** Sorted intervals, for many lookups: the union, merged, then binary search. */
function lookup(intervals: readonly Interval[]): (offset: number) => boolean {
  const merged: Interval[] = [];
  for (const [s, e] of intervals) {
    const last = merged[merged.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else merged.push([s, e]);
  }
  return (offset) => {
    let lo = 0, hi = merged.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (merged[mid]![1] <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo < merged.length && merged[lo]![0] <= offset;
  };
}

/** 1-based body line of an offset, from a table of line starts. */
function lineTable(input: string): (offset: number) => number {
  const starts = [0];
  for (let i = input.indexOf('\n'); i !== -1; i = input.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0, hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid]! <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

interface Tag {
  offset: number;
  end: number;
  kind: 'open' | 'close' | 'self';
}

const INTERNAL_OPEN = /<Internal[ \t]*>/y;
const INTERNAL_CLOSE = /<\/Internal[ \t]*>/y;
const INTERNAL_SELF = /<Internal[ \t]*\/>/y;
const TAG_NAME = /<\/?[ \t]*([A-Za-z_$][\w$.:-]*)/y;

function exactTag(input: string, i: number): Tag | undefined {
  for (const [re, kind] of [[INTERNAL_OPEN, 'open'], [INTERNAL_CLOSE, 'close'], [INTERNAL_SELF, 'self']] as const) {
    re.lastIndex = i;
    const m = re.exec(input);
    if (m) return { offset: i, end: i + m[0].length, kind };
  }
  return undefined;
}

/** `<` followed by white space is a literal "<" in MDX (`a < b`); anything else starts a tag. */
function startsTag(input: string, i: number): boolean {
  const next = input[i + 1];
  return next !== undefined && !/\s/.test(next);
}

/**
 * Every `<` that starts a tag, before the real parse: each must be a bare <Internal> tag, and they
 * may nest only to the limit. A parse with every such `<` masked tells which ones are in code or
 * in an address; bodies whose every `<` is already a bare tag, with few of them, need no such parse.
 */
function checkTags(input: string, masks: Masks, report: (offset: number, message: string, fix: string, rule: string) => void): { tags: Tag[]; inCode?: (offset: number) => boolean } | { error: unknown } | { rejected: AnyNode } {
  let simple = true;
  let opens = 0;
  const candidates: Tag[] = [];
  for (let i = input.indexOf('<'); i !== -1; i = input.indexOf('<', i + 1)) {
    if (escaped(input, i) || !startsTag(input, i)) continue;
    const tag = exactTag(input, i);
    if (!tag) {
      simple = false;
      break;
    }
    if (tag.kind === 'open') opens++;
    candidates.push(tag);
  }
  if (simple && opens <= LIMITS.nesting) return { tags: candidates };

  // Which `<` are literal (code, addresses) is known only from a parse; in this one no `<` is a tag.
  let tree: AnyNode;
  try {
    tree = mdxToMdast(mask(input, masks, true).text, FEATURES); // masked again below, for alt text: cheap, and rare
  } catch (error) {
    // Without tags or expressions, what is left to fail is an import/export line or broken Markdown: the body is refused either way.
    return { error };
  }
  const { literal, code, alt } = literalRegions(tree, input);
  const isLiteral = lookup(literal);
  const isAlt = lookup(alt);
  const tags: Tag[] = [];
  const inAlt: number[] = [];
  let bad = false;
  for (let i = input.indexOf('<'); i !== -1; i = input.indexOf('<', i + 1)) {
    if (escaped(input, i) || !startsTag(input, i) || isLiteral(i) || opensDestination(input, i)) continue;
    if (isAlt(i)) {
      inAlt.push(i);
      continue;
    }
    const tag = exactTag(input, i);
    if (tag) {
      tags.push(tag);
      continue;
    }
    bad = true;
    TAG_NAME.lastIndex = i;
    const name = TAG_NAME.exec(input)?.[1];
    if (name === 'Internal') report(i, 'gives <Internal> attributes; it takes none', 'write <Internal> with no attributes', 'mdx/component');
    else if (name !== undefined) {
      report(i, `uses <${name}>, which is not one of the site's components`, `remove the tag; the only components a body may use are: ${Object.keys(BODY_COMPONENTS).map((c) => `<${c}>`).join(', ')}. For a literal "<", write \\<`, 'mdx/component');
    } else {
      report(i, `cannot be read as MDX: "<" followed by "${input[i + 1]}" starts a tag`, 'in the body, "<" starts a component: write a literal one as \\< (or in `code`), or put a space after it ("a < b")', 'mdx/syntax');
    }
  }
  for (const offset of altProblems(mask(input, masks, true).text, alt, inAlt)) {
    bad = true;
    report(offset, ALT_MESSAGE, ALT_FIX, 'mdx/component');
  }
  return bad ? { rejected: tree } : { tags, inCode: lookup(code) };
}

const EXPRESSION_MESSAGE = 'contains a JavaScript expression in { }, which could run code in the build';
const EXPRESSION_FIX = 'remove the braces, or write a literal brace as \\{';
const ESM_MESSAGE = 'contains an import or export statement, which could run code in the build';
const ESM_FIX = 'remove the import/export line; bodies may only use the documented components (see CONTRIBUTING.md), which need no import';
const ALT_MESSAGE = 'has a component or an expression in its alt text';
const ALT_FIX = 'write the alt text as plain words; to keep an image out of the public edition, put the whole image inside <Internal>';

/** How deeply <Internal> tags nest, and where the deepest one opens. */
function tagDepth(tags: readonly Tag[]): { depth: number; offset: number } {
  let depth = 0, max = 0, offset = 0;
  for (const tag of tags) {
    if (tag.kind === 'open' && ++depth > max) {
      max = depth;
      offset = tag.offset;
    } else if (tag.kind === 'close') depth = Math.max(0, depth - 1);
  }
  return { depth: max, offset };
}

/** Node types that nest in the author's eyes: what the nesting limit counts. */
const NESTING = new Set(['blockquote', 'list', 'mdxJsxFlowElement', 'mdxJsxTextElement', 'emphasis', 'strong', 'delete', 'link', 'linkReference', 'footnoteDefinition']);

const SAFE_URL = /^(?:https?:|mailto:|#|\/|\.{1,2}\/|[^:/?#]+(?:[/?#]|$))/i;

function isSafeUrl(url: string): boolean {
  const trimmed = url.trim();
  if (!trimmed) return true;
  // A scheme is anything before the first ':' that precedes any '/', '?' or '#'.
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(trimmed);
  if (scheme) return ['http', 'https', 'mailto'].includes(scheme[1]!.toLowerCase());
  return SAFE_URL.test(trimmed);
}

const INLINE = new Set(['paragraph', 'heading', 'emphasis', 'strong', 'delete', 'link', 'linkReference', 'tableCell', 'mdxJsxTextElement']);

/** The text a reader sees in a subtree, without recursion. */
function plainText(root: AnyNode): string {
  type Frame = { node: AnyNode; parts: string[]; i: number };
  const leaf = (node: AnyNode): string | undefined => {
    const value = (node as { value?: unknown }).value;
    return node.type !== 'html' && typeof value === 'string' ? value : undefined;
  };
  const separator = (node: AnyNode) => (INLINE.has(node.type) ? '' : node.type === 'tableRow' ? ' | ' : '\n');
  const rootLeaf = leaf(root);
  if (rootLeaf !== undefined) return rootLeaf;
  const stack: Frame[] = [{ node: root, parts: [], i: 0 }];
  let result = '';
  while (stack.length) {
    const top = stack[stack.length - 1]!;
    const kids = children(top.node);
    if (top.i < kids.length) {
      const kid = kids[top.i++]!;
      const value = leaf(kid);
      if (value !== undefined) top.parts.push(value);
      else if (kid.type === 'html') top.parts.push('');
      else stack.push({ node: kid, parts: [], i: 0 });
      continue;
    }
    stack.pop();
    const text = top.parts.join(separator(top.node));
    if (stack.length) stack[stack.length - 1]!.parts.push(text);
    else result = text;
  }
  return result;
}

/**
 * Checks that a body stays inside the safe subset (Markdown plus the site's own
 * components, no import/export, no JavaScript expressions) and renders it to
 * HTML for one edition.
 */
export function renderSafeBody(input: string, opts: { file: string; bodyLine: number; edition: Edition; render?: boolean }): SafeBody {
  const { file, bodyLine, edition } = opts;
  const issues: ContentIssue[] = [];
  const lineOfOffset = lineTable(input);
  const addAt = (offset: number | undefined, message: string, fix: string, rule: string) => {
    issues.push({ file, field: 'body', message, fix, rule, level: 'error', ...(offset !== undefined ? { line: lineOfOffset(offset) + bodyLine - 1 } : {}) });
  };
  const add = (node: AnyNode | undefined, message: string, fix: string, rule: string) => {
    const line = node?.position ? node.position.start.line + bodyLine - 1 : undefined;
    issues.push({ file, field: 'body', message, fix, rule, level: 'error', ...(line ? { line } : {}) });
  };
  const rejected = (): SafeBody => ({ html: undefined, text: '', headings: [], source: '', issues: capped(issues) });

  const masks = chooseMasks(input);
  if (!masks) {
    addAt(undefined, 'uses too many rare bracket characters (⦃, ⸂, …) to be read safely', 'write ordinary brackets instead', 'mdx/syntax');
    return rejected();
  }
  const restore = (s: string) => s.replaceAll(masks.open, '{').replaceAll(masks.close, '}').replaceAll(masks.lt, '<');

  let ltInCode: ((offset: number) => boolean) | undefined;
  if (input.includes('<')) {
    const checked = checkTags(input, masks, addAt);
    if ('rejected' in checked) {
      // Every error in one run: the expressions and import/export lines too, from the parse in which no `<` was a tag.
      const { literal, alt } = literalRegions(checked.rejected, input);
      const isLiteral = lookup([...literal, ...alt]);
      for (const offset of mask(input, masks, false).braces) if (!isLiteral(offset)) addAt(offset, EXPRESSION_MESSAGE, EXPRESSION_FIX, 'mdx/expression');
      walk(checked.rejected, (node) => {
        if (node.type === 'mdxjsEsm') add(node, ESM_MESSAGE, ESM_FIX, 'mdx/esm');
      });
      issues.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
      return rejected();
    }
    if ('error' in checked) {
      issues.push(syntaxIssue(checked.error, input, { file, bodyLine, restore }));
      return rejected();
    }
    ltInCode = checked.inCode;
    const { depth, offset } = tagDepth(checked.tags);
    if (depth > LIMITS.nesting) {
      issues.push(nestingIssue(file, 'body', lineOfOffset(offset) + bodyLine - 1, depth, 'body'));
      return rejected();
    }
  }

  const masked = mask(input, masks, ltInCode ?? false);
  let tree: MdastRoot;
  try {
    tree = mdxToMdast(masked.text, FEATURES) as MdastRoot;
  } catch (error) {
    issues.push(syntaxIssue(error, input, { file, bodyLine, restore }));
    return rejected();
  }

  /*
   * One walk over the parsed tree: its depth (stopping at the limit, before any recursive step),
   * the braces put back, the literal regions, and the nodes that are errors wherever they are.
   * One walk, not five: a body at the size limit can have a hundred thousand nodes.
   */
  let tooDeep: { node: AnyNode; nest: number } | undefined;
  const collected: Regions = { literal: [], code: [], alt: [], internalIn: [] };
  const found: Array<[AnyNode, string, string, string]> = [];
  walk(tree, (node, _parent, nest) => {
    if (tooDeep) return false;
    if (nest > LIMITS.nesting) {
      tooDeep = { node, nest };
      return false;
    }
    if (masked.changed) {
      const n = node as unknown as Record<string, unknown>;
      for (const key of RESTORED) if (typeof n[key] === 'string') n[key] = restore(n[key]);
    }
    collectRegions(node, input, collected);
    const problem = nodeProblem(node);
    if (problem) found.push([node, ...problem]);
    return true;
  });
  if (tooDeep) {
    issues.push(nestingIssue(file, 'body', tooDeep.node.position ? tooDeep.node.position.start.line + bodyLine - 1 : undefined, tooDeep.nest, 'body'));
    return rejected();
  }
  for (const [node, message, fix, rule] of found) add(node, message, fix, rule);

  // An unescaped "{" outside code, addresses and titles is an expression.
  const regions = sortRegions(collected);
  const isLiteral = lookup(regions.literal);
  const isAlt = lookup(regions.alt);
  for (const offset of masked.braces) {
    if (!isLiteral(offset) && !isAlt(offset)) addAt(offset, EXPRESSION_MESSAGE, EXPRESSION_FIX, 'mdx/expression');
  }
  if (regions.alt.length) {
    // Tags and braces in alt text: the tree keeps only the flattened words, so they are looked for in the source.
    const suspects = [...masked.braces];
    for (let i = input.indexOf('<'); i !== -1; i = input.indexOf('<', i + 1)) if (!escaped(input, i) && startsTag(input, i) && isAlt(i) && !isLiteral(i)) suspects.push(i);
    for (const offset of altProblems(masked.text, regions.alt, suspects)) addAt(offset, ALT_MESSAGE, ALT_FIX, 'mdx/component');
    // "< Internal >" is text to MDX, but in alt text no one sees it in a preview: an author who wrote it meant a tag.
    if (!issues.some((i) => i.rule === 'mdx/component')) {
      const spaced = regions.alt.find(([a, b]) => INTERNAL_TAG.test(input.slice(a, b)));
      if (spaced) addAt(spaced[0], ALT_MESSAGE, ALT_FIX, 'mdx/component');
    }
  }
  for (const node of regions.internalIn) {
    add(node, `puts <Internal> in the address or title of a ${node.type.startsWith('image') ? 'picture' : node.type === 'definition' ? 'link definition' : 'link'}, where nothing is removed from the public edition`, 'move the internal detail into the body as its own block: <Internal> on a line of its own, the text, then </Internal> on a line of its own', 'mdx/internal-placement');
  }
  if (issues.length) return rejected();

  const internal = internalElements(tree, input, regions.literal);
  if (internal.problem !== undefined) {
    addAt(internal.problem, 'has an <Internal> whose closing tag is not where its text ends (it sits inside emphasis, a link or another element, or is missing)', 'close every <Internal> where the markup it opened in is still open: wrap whole words or sentences (*a* <Internal>b</Internal>, not *a <Internal>b* c</Internal>), or put <Internal> and </Internal> on lines of their own around whole paragraphs', 'mdx/syntax');
    return rejected();
  }

  const shown = stripForEdition(tree, edition, internal.spans);
  // From the tree this edition shows, like text and source: a heading in <Internal> must not reach the public edition.
  const headings = headingsOf(shown);
  const source = edition === 'internal' ? input : blankInternal(input, internal.spans);
  if (opts.render === false) return { html: undefined, text: plainText(shown), headings, source, issues };
  const hast = mdastToHast().toHast(shown, { handlers: componentHandlers }) as HastRoot;
  slugHeadings(hast);
  return { html: hastToHtml().toHtml(hast), text: plainText(shown), headings, source, issues };
}

/** Findings of one rule listed per body, at most: a pasted dump can hold thousands of "{", and the report must stay readable. */
const LISTED_PER_RULE = 20;

function capped(issues: readonly ContentIssue[]): ContentIssue[] {
  const byRule = new Map<string, ContentIssue[]>();
  for (const issue of [...issues].sort((a, b) => (a.line ?? 0) - (b.line ?? 0))) {
    const list = byRule.get(issue.rule);
    if (list) list.push(issue);
    else byRule.set(issue.rule, [issue]);
  }
  return [...byRule.values()].flatMap((list) => {
    if (list.length <= LISTED_PER_RULE) return list;
    const last = list[LISTED_PER_RULE - 1]!;
    return [...list.slice(0, LISTED_PER_RULE - 1), { ...last, message: `${last.message} (and ${list.length - LISTED_PER_RULE} more places like this after line ${last.line ?? '?'}, not listed)` }];
  });
}

/** What is wrong with one node wherever it stands: [message, fix, rule], or nothing. */
function nodeProblem(node: AnyNode): [string, string, string] | undefined {
  switch (node.type) {
    case 'mdxjsEsm':
      return [ESM_MESSAGE, ESM_FIX, 'mdx/esm'];
    case 'mdxFlowExpression':
    case 'mdxTextExpression':
      return [EXPRESSION_MESSAGE, EXPRESSION_FIX, 'mdx/expression'];
    case 'mdxJsxFlowElement':
    case 'mdxJsxTextElement': {
      const name = (node as { name?: string | null }).name;
      // hasOwn, not `in`: `in` also finds Object.prototype, so <constructor> or <toString> would pass (and render as nothing).
      if (!name || !Object.hasOwn(BODY_COMPONENTS, name)) {
        return [`uses <${name ?? ''}>, which is not one of the site's components`, `remove the tag; the only components a body may use are: ${Object.keys(BODY_COMPONENTS).map((c) => `<${c}>`).join(', ')}. For a literal "<", write \\<`, 'mdx/component'];
      }
      if ((node as { attributes?: unknown[] }).attributes?.length) return [`gives <${name}> attributes; it takes none`, `write <${name}> with no attributes`, 'mdx/component'];
      return undefined;
    }
    case 'link':
    case 'image':
    case 'definition': {
      const url = (node as { url?: string }).url ?? '';
      return isSafeUrl(url) ? undefined : [`links to ${JSON.stringify(url.length > 60 ? `${url.slice(0, 59)}…` : url)}, which is not an http or https URL`, 'use a full https:// link or a relative link', 'mdx/url'];
    }
  }
  return undefined;
}

/** satteri's error ("3:5: reason (rule)") as an issue at the file's line, with the braces put back in its words. */
function syntaxIssue(error: unknown, input: string, opts: { file: string; bodyLine: number; restore: (s: string) => string }): ContentIssue {
  const raw = opts.restore(String((error as Error | undefined)?.message ?? error)).split('\n')[0]!;
  const m = /^(\d+):(\d+): ([\s\S]*?)(?: \([\w-]+:[\w-]+\))?$/.exec(raw);
  const bodyRow = m ? Number(m[1]) : undefined;
  const reason = (m ? m[3]! : raw).replace(/\((\d+):(\d+)(?:-(\d+):(\d+))?\)/g, (_, l1: string, c1: string, l2?: string, c2?: string) => `(line ${Number(l1) + opts.bodyLine - 1}:${c1}${l2 ? `-${Number(l2) + opts.bodyLine - 1}:${c2}` : ''})`);
  const lineText = bodyRow ? input.split('\n', bodyRow)[bodyRow - 1] ?? '' : '';
  if (/^(?:import|export)\b/.test(lineText)) {
    return { file: opts.file, field: 'body', level: 'error', rule: 'mdx/esm', line: bodyRow! + opts.bodyLine - 1, message: ESM_MESSAGE, fix: ESM_FIX };
  }
  return {
    file: opts.file,
    field: 'body',
    level: 'error',
    rule: 'mdx/syntax',
    ...(bodyRow ? { line: bodyRow + opts.bodyLine - 1 } : {}),
    message: `cannot be read as MDX: ${reason.length > 300 ? `${reason.slice(0, 299)}…` : reason}`,
    fix: 'in the body, "<" starts a component and "{" starts an expression: write them as \\< and \\{ (or in `code`), or rephrase ("under 200 ms")',
  };
}

/**
 * The <Internal> elements of a parsed body, checked against the source (see the note at the top):
 * each spans exactly from its opening tag to its closing tag, no node outside it overlaps it, and
 * every tag outside code is one of theirs. `problem` is the offset of the first thing that is not so.
 */
function internalElements(tree: AnyNode, input: string, literal: readonly Interval[]): { spans: Interval[]; problem?: number } {
  const spans: Interval[] = [];
  let problem: number | undefined;
  const flag = (offset: number) => {
    problem = problem === undefined ? offset : Math.min(problem, offset);
  };
  const ownTags = new Set<string>();
  if (!input.includes('<')) return { spans };
  walk(tree, (node) => {
    if (!isInternalElement(node)) return;
    const s = offsetOf(node), e = offsetOf(node, true);
    if (s === undefined || e === undefined) {
      flag(0);
      return;
    }
    spans.push([s, e]);
    const self = exactTag(input, s);
    if (self?.kind === 'self' && self.end === e) {
      ownTags.add(`self:${s}`);
      return;
    }
    const closeAt = input.lastIndexOf('</', e - 1);
    const close = closeAt >= s ? exactTag(input, closeAt) : undefined;
    if (self?.kind !== 'open' || close?.kind !== 'close' || close.end !== e) {
      flag(s);
      return;
    }
    ownTags.add(`open:${s}`);
    ownTags.add(`close:${closeAt}`);
  });

  // No node outside an element may start or end strictly inside it: it would be shown, or the tree is not what was written.
  const starts: number[] = [];
  const ends: number[] = [];
  const within = enclosedBy(spans);
  if (spans.length) {
    walk(tree, (node, parent) => {
      if (!parent) return true;
      if (isInternalElement(node)) return false; // its own subtree is inside it
      const s = offsetOf(node), e = offsetOf(node, true);
      if (s === undefined || e === undefined) {
        flag(spans[0]![0]);
        return true;
      }
      // satteri lifts definitions out of the element they were written in; they go with it (see stripForEdition).
      if (HOISTED.has(node.type) && within(s, e)) return false;
      starts.push(s);
      ends.push(e);
      return true;
    });
  }
  starts.sort((a, b) => a - b);
  ends.sort((a, b) => a - b);
  const anyStrictlyBetween = (sorted: readonly number[], a: number, b: number) => {
    let lo = 0, hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]! <= a) lo = mid + 1;
      else hi = mid;
    }
    return lo < sorted.length && sorted[lo]! < b;
  };
  for (const [a, b] of spans) if (anyStrictlyBetween(starts, a, b) || anyStrictlyBetween(ends, a, b)) flag(a);

  // Every tag in the source (outside code and addresses) is one of the elements' own.
  const isLiteral = lookup(literal);
  for (let i = input.indexOf('<'); i !== -1; i = input.indexOf('<', i + 1)) {
    if (escaped(input, i) || isLiteral(i)) continue;
    const tag = exactTag(input, i);
    if (tag && !ownTags.has(`${tag.kind}:${i}`)) flag(i);
  }
  return problem === undefined ? { spans } : { spans, problem };
}

/**
 * Heading ids, as rehype-slug gives them, but only the headings are handed to it: it visits every
 * element of the tree it is given, which was a third of the time of a body dense with markup.
 */
function slugHeadings(hast: HastRoot): void {
  const headings: Element[] = [];
  const stack: Array<HastRoot | ElementContent> = [hast];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.type === 'element' && /^h[1-6]$/.test(node.tagName)) headings.push(node);
    if ('children' in node) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as ElementContent);
  }
  slugger().runSync({ type: 'root', children: headings });
}

/** The `##` headings of a tree, in order. */
function headingsOf(tree: MdastRoot): string[] {
  const out: string[] = [];
  walk(tree, (node) => {
    if (node.type !== 'heading') return true;
    if ((node as { depth?: number }).depth === 2) out.push(plainText(node).trim());
    return false;
  });
  return out;
}

/** The source with every <Internal> element's text replaced by its newlines. */
function blankInternal(input: string, spans: readonly Interval[]): string {
  // Outermost spans only: a nested element is blanked with its parent.
  const outer: Interval[] = [];
  for (const span of [...spans].sort((a, b) => a[0] - b[0] || b[1] - a[1])) {
    const last = outer[outer.length - 1];
    if (last && span[0] < last[1]) continue;
    outer.push(span);
  }
  let out = '';
  let from = 0;
  for (const [s, e] of outer) {
    out += input.slice(from, s) + input.slice(s, e).replace(/[^\n]/g, '');
    from = e;
  }
  return out + input.slice(from);
}

function isInternalElement(node: AnyNode): boolean {
  return (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name === 'Internal';
}

/** Definitions, which satteri moves to the top of the document wherever they were written. */
const HOISTED = new Set(['definition', 'footnoteDefinition']);

/** Whether [s, e) lies inside one of the spans. */
function enclosedBy(spans: readonly Interval[]): (s: number, e: number) => boolean {
  const sorted = [...spans].sort((a, b) => a[0] - b[0]);
  return (s, e) => sorted.some(([a, b]) => a <= s && e <= b);
}

/**
 * Removes <Internal> elements from a public edition's tree (a copy; the input is untouched), with
 * the link and footnote definitions written inside them: a reference elsewhere must not resolve
 * to an address that was meant to stay internal.
 */
function stripForEdition(tree: MdastRoot, edition: Edition, spans: readonly Interval[]): MdastRoot {
  if (edition === 'internal') return tree;
  const within = enclosedBy(spans);
  const isInternal = (c: AnyNode) =>
    isInternalElement(c) ||
    (HOISTED.has(c.type) && offsetOf(c) !== undefined && offsetOf(c, true) !== undefined && within(offsetOf(c)!, offsetOf(c, true)!));
  const copy = { ...(tree as AnyNode) };
  const stack: AnyNode[] = [copy];
  while (stack.length) {
    const node = stack.pop()!;
    const kids = (node as { children?: AnyNode[] }).children;
    if (!kids) continue;
    const kept = kids.filter((c) => !isInternal(c)).map((c) => ({ ...c }));
    (node as { children?: AnyNode[] }).children = kept;
    stack.push(...kept);
  }
  return copy as MdastRoot;
}

/** How each documented component renders. Only reached for allowed names. */
const componentHandlers = {
  mdxJsxFlowElement: (state: { all: (n: unknown) => ElementContent[] }, node: { name?: string | null }): Element =>
    renderComponent(node.name as ComponentName, state.all(node), true),
  mdxJsxTextElement: (state: { all: (n: unknown) => ElementContent[] }, node: { name?: string | null }): Element =>
    renderComponent(node.name as ComponentName, state.all(node), false),
} as unknown as Parameters<typeof ToHast>[1] extends infer O ? O extends { handlers?: infer H } ? H : never : never;

function renderComponent(name: ComponentName, children: ElementContent[], block: boolean): Element {
  switch (name) {
    case 'Internal':
      return block
        ? {
            type: 'element',
            tagName: 'aside',
            properties: { className: ['internal-note'], ariaLabel: 'Internal only' },
            children: [
              { type: 'element', tagName: 'p', properties: { className: ['internal-note__label'] }, children: [{ type: 'text', value: 'Internal only' }] },
              ...children,
            ],
          }
        : { type: 'element', tagName: 'span', properties: { className: ['internal-note', 'internal-note--inline'] }, children };
  }
}

;
