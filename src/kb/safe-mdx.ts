import type { Element, ElementContent, Root as HastRoot } from 'hast';
import type { Root as MdastRoot, RootContent, Nodes } from 'mdast';
import type { toHast as ToHast } from 'mdast-util-to-hast';
import { mdxToMdast } from 'satteri';
import type { Edition } from '../config/settings';
import type { ContentIssue } from '../schema/issues';
import { lazyModule } from './lazy';

/**
 * The components a postmortem body may use. Each is documented in
 * CONTRIBUTING.md; adding one means adding it here and to `renderComponent`.
 */
export const BODY_COMPONENTS = {
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
 * Loaded on first use (see lazy.ts): most bodies never need the strict parser, and `check`
 * never renders.
 */
const unifiedModule = lazyModule<typeof import('unified')>('unified');
const remarkParse = lazyModule<typeof import('remark-parse')>('remark-parse');
const remarkMdx = lazyModule<typeof import('remark-mdx')>('remark-mdx');
const remarkGfm = lazyModule<typeof import('remark-gfm')>('remark-gfm');
const mdastToHast = lazyModule<typeof import('mdast-util-to-hast')>('mdast-util-to-hast');
const hastToHtml = lazyModule<typeof import('hast-util-to-html')>('hast-util-to-html');
const rehypeSlug = lazyModule<typeof import('rehype-slug')>('rehype-slug');

const makeReference = () => unifiedModule().unified().use(remarkParse().default).use(remarkMdx().default).use(remarkGfm().default);
let referenceParser: ReturnType<typeof makeReference> | undefined;
const reference = () => (referenceParser ??= makeReference());

/** No "<", no "{" and no line starting import/export: nothing MDX-specific can be in it. */
function isPlainMarkdown(source: string): boolean {
  return !/[<{]/.test(source) && !/^(?:import|export)\b/m.test(source);
}

/**
 * MDX (with GFM) to a syntax tree. Bodies that cannot contain any MDX syntax
 * (most postmortems) go through satteri, the native parser Astro 7 ships: the
 * same mdast about fifty times faster, which is most of content sync at 10,000
 * postmortems. Anything with "<", "{" or import/export goes through the
 * reference parser (micromark's remark-mdx), which is strict about unclosed
 * and misplaced tags: satteri tolerates `*a <Internal>** x**</Internal>*` by
 * dropping the closing tag, which would let internal text out of <Internal>.
 * Neither evaluates anything.
 */
const parser = {
  parse(source: string): MdastRoot {
    if (!isPlainMarkdown(source)) return reference().parse(source);
    try {
      // CommonMark: U+0000 must be replaced by U+FFFD for security (same length, so positions hold).
      return mdxToMdast(source.replaceAll('\u0000', '\ufffd'), { features: { frontmatter: false } }) as MdastRoot;
    } catch {
      return reference().parse(source);
    }
  },
};
const makeSlugger = () => unifiedModule().unified().use(rehypeSlug().default);
let sluggerProcessor: ReturnType<typeof makeSlugger> | undefined;
const slugger = () => (sluggerProcessor ??= makeSlugger());

const SAFE_URL = /^(?:https?:|mailto:|#|\/|\.{1,2}\/|[^:/?#]+(?:[/?#]|$))/i;

function isSafeUrl(url: string): boolean {
  const trimmed = url.trim();
  if (!trimmed) return true;
  // A scheme is anything before the first ':' that precedes any '/', '?' or '#'.
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(trimmed);
  if (scheme) return ['http', 'https', 'mailto'].includes(scheme[1]!.toLowerCase());
  return SAFE_URL.test(trimmed);
}

type AnyNode = Nodes | { type: string; position?: { start: { line: number } }; children?: AnyNode[]; name?: string | null; attributes?: unknown[]; url?: string };

function plainText(node: AnyNode): string {
  if ('value' in node && typeof node.value === 'string' && node.type !== 'code' && node.type !== 'html') return node.value;
  if ('value' in node && typeof node.value === 'string' && node.type === 'code') return node.value;
  const kids = (node as { children?: AnyNode[] }).children;
  if (!kids) return '';
  const inline = ['paragraph', 'heading', 'emphasis', 'strong', 'delete', 'link', 'linkReference', 'tableCell', 'mdxJsxTextElement'];
  const sep = inline.includes(node.type) ? '' : node.type === 'tableRow' ? ' | ' : '\n';
  return kids.map(plainText).join(sep);
}

/**
 * Checks that a body stays inside the safe subset (Markdown plus the site's own
 * components, no import/export, no JavaScript expressions) and renders it to
 * HTML for one edition. Nothing in the body is ever evaluated: the MDX parser
 * only builds a syntax tree, and this function walks that tree.
 */
export function renderSafeBody(input: string, opts: { file: string; bodyLine: number; edition: Edition; render?: boolean }): SafeBody {
  const { file, bodyLine, edition } = opts;
  const issues: ContentIssue[] = [];
  const lineOf = (node: AnyNode) => (node.position ? node.position.start.line + bodyLine - 1 : undefined);
  const add = (node: AnyNode | undefined, message: string, fix: string, rule: string) => {
    const line = node ? lineOf(node) : undefined;
    issues.push({ file, field: 'body', message, fix, rule, level: 'error', ...(line ? { line } : {}) });
  };

  let tree: MdastRoot;
  try {
    tree = parser.parse(input);
  } catch (error) {
    const e = error as { line?: number; place?: { line?: number; start?: { line?: number } }; reason?: string; message?: string };
    const reason = (e.reason ?? e.message ?? String(error)).split('\n')[0]!;
    // Some errors (an unclosed <Internal>) carry their position only in the text, as body-relative "(3:1-3:11)".
    const line = e.line ?? e.place?.line ?? e.place?.start?.line ?? Number(/\((\d+):\d+(?:-\d+:\d+)?\)/.exec(reason)?.[1] ?? 0);
    issues.push({
      file,
      field: 'body',
      level: 'error',
      rule: 'mdx/syntax',
      ...(line ? { line: line + bodyLine - 1 } : {}),
      message: `cannot be read as MDX: ${reason.replace(/\((\d+):(\d+)(?:-(\d+):(\d+))?\)/g, (_, l1: string, c1: string, l2?: string, c2?: string) => `(line ${Number(l1) + bodyLine - 1}:${c1}${l2 ? `-${Number(l2) + bodyLine - 1}:${c2}` : ''})`)}`,
      fix: 'in the body, "<" starts a component and "{" starts an expression: write them as \\< and \\{ (or in `code`), or rephrase ("under 200 ms")',
    });
    return { html: undefined, text: '', headings: [], source: '', issues };
  }

  const walk = (node: AnyNode, parent: AnyNode | undefined): void => {
    if ((node.type === 'image' || node.type === 'imageReference') && mdxInImageLabel(input, node)) {
      add(node, 'has a component or an expression in its alt text', 'write the alt text as plain words; to keep an image out of the public edition, put the whole image inside <Internal>', 'mdx/component');
    }
    switch (node.type) {
      case 'mdxjsEsm':
        add(node, 'contains an import or export statement, which could run code in the build', 'remove the import/export line; bodies may only use the documented components (see CONTRIBUTING.md), which need no import', 'mdx/esm');
        return;
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        add(node, 'contains a JavaScript expression in { }, which could run code in the build', 'remove the braces, or write a literal brace as \\{', 'mdx/expression');
        return;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement': {
        const name = (node as { name?: string | null }).name;
        // hasOwn, not `in`: `in` also finds Object.prototype, so <constructor> or <toString> would pass (and render as nothing).
        if (!name || !Object.hasOwn(BODY_COMPONENTS, name)) {
          add(node, `uses <${name ?? ''}>, which is not one of the site's components`, `remove the tag; the only components a body may use are: ${Object.keys(BODY_COMPONENTS).map((c) => `<${c}>`).join(', ')}. For a literal "<", write \\<`, 'mdx/component');
          return;
        }
        if ((node as { attributes?: unknown[] }).attributes?.length) {
          add(node, `gives <${name}> attributes; it takes none`, `write <${name}> with no attributes`, 'mdx/component');
        }
        break;
      }
      case 'link':
      case 'image':
      case 'definition': {
        const url = (node as { url?: string }).url ?? '';
        if (!isSafeUrl(url)) {
          add(node, `links to "${url}", which is not an http or https URL`, 'use a full https:// link or a relative link', 'mdx/url');
        }
        break;
      }
    }
    void parent;
    for (const child of (node as { children?: AnyNode[] }).children ?? []) walk(child, node);
  };
  walk(tree, undefined);
  if (issues.length) return { html: undefined, text: '', headings: [], source: '', issues };
  const shown = stripForEdition(tree, edition);
  // From the tree this edition shows, like text and source: a heading in <Internal> must not reach the public edition.
  const headings = headingsOf(shown);
  const source = edition === 'internal' ? input : blankInternal(input, tree);
  if (opts.render === false) return { html: undefined, text: plainText(shown), headings, source, issues };
  const hast = mdastToHast().toHast(shown, { handlers: componentHandlers }) as HastRoot;
  const withIds = slugger().runSync(hast) as HastRoot;
  return { html: hastToHtml().toHtml(withIds), text: plainText(shown), headings, source, issues };
}

const MDX_NODES = new Set(['mdxjsEsm', 'mdxFlowExpression', 'mdxTextExpression', 'mdxJsxFlowElement', 'mdxJsxTextElement']);

/**
 * An image's label is flattened into its `alt` string, so a component or an
 * expression inside it is invisible to the walk above, and an <Internal> there
 * would reach the public edition as alt text. Read the label again, as a link.
 */
function mdxInImageLabel(input: string, node: AnyNode): boolean {
  const p = node.position as { start: { offset?: number }; end: { offset?: number } } | undefined;
  if (p?.start.offset === undefined || p.end.offset === undefined) return false;
  let label: AnyNode;
  try {
    label = parser.parse(input.slice(p.start.offset + 1, p.end.offset));
  } catch {
    return true;
  }
  const found = (n: AnyNode): boolean => MDX_NODES.has(n.type) || ((n as { children?: AnyNode[] }).children ?? []).some(found);
  return found(label);
}

/** The `##` headings of a tree, in order. */
function headingsOf(tree: MdastRoot): string[] {
  const out: string[] = [];
  const visit = (node: AnyNode) => {
    if (node.type === 'heading' && (node as { depth?: number }).depth === 2) out.push(plainText(node).trim());
    for (const child of (node as { children?: AnyNode[] }).children ?? []) visit(child);
  };
  visit(tree);
  return out;
}

/** The source with every <Internal> element's text replaced by its newlines. */
function blankInternal(input: string, tree: MdastRoot): string {
  const cuts: Array<[number, number]> = [];
  const find = (node: AnyNode) => {
    if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && (node as { name?: string }).name === 'Internal') {
      const p = node.position as { start: { offset?: number }; end: { offset?: number } } | undefined;
      if (p?.start.offset !== undefined && p.end.offset !== undefined) cuts.push([p.start.offset, p.end.offset]);
      return;
    }
    for (const child of (node as { children?: AnyNode[] }).children ?? []) find(child);
  };
  find(tree);
  let out = input;
  for (const [from, to] of cuts.reverse()) out = out.slice(0, from) + out.slice(from, to).replace(/[^\n]/g, '') + out.slice(to);
  return out;
}

/** Removes <Internal> blocks from a public edition's tree (a copy; the input is untouched). */
function stripForEdition(tree: MdastRoot, edition: Edition): MdastRoot {
  if (edition === 'internal') return tree;
  const prune = <T extends AnyNode>(node: T): T => {
    const kids = (node as { children?: AnyNode[] }).children;
    if (!kids) return node;
    return {
      ...node,
      children: kids
        .filter((c) => !((c.type === 'mdxJsxFlowElement' || c.type === 'mdxJsxTextElement') && (c as { name?: string }).name === 'Internal'))
        .map(prune),
    };
  };
  return prune(tree as AnyNode) as MdastRoot;
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

export type { RootContent };
