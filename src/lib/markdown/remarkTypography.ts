/**
 * Typographic punctuation for Markdown and MDX: curly quotes and apostrophes, an em dash for `--`,
 * an ellipsis for `...`. The rules are John Gruber's SmartyPants (the `smartypants` package, its
 * JavaScript port), which Astro's built-in `smartypants` option also follows, through retext. That
 * option parses all prose into a natural-language tree twice, one of the slowest steps of a large
 * build; this hands each block's text to SmartyPants once, as follows.
 *
 * SmartyPants works on HTML: it curls a quote from the characters around it, and carries the last
 * character of one text run over a tag into the next, so that a quotation can open before a link or
 * emphasis and close after it. Each block (paragraph, heading, table cell) is therefore handed to it
 * as its text nodes separated by a marker tag, with inline code as skipped `<code>` runs, and the
 * result is cut back at the markers into the same nodes. Code blocks, HTML and JSX are never touched.
 */
import { smartypantsu } from 'smartypants';
import type { Nodes, Root } from 'mdast';
// Adds MDX's JSX element nodes to mdast's node types.
import type {} from 'mdast-util-mdx-jsx';

/** Blocks whose text is typeset together; a quotation never spans two of them. */
const BLOCKS = new Set(['paragraph', 'heading', 'tableCell']);
/** Raw-text elements written as MDX JSX, whose content is code, not prose. */
const RAW_TEXT_JSX = new Set(['script', 'style']);
/** A text run without one of these characters comes out of SmartyPants unchanged. */
const TYPOGRAPHIC = /["'`]|--|\.\s?\./;
/** Between the runs of a block: a tag, so SmartyPants keeps the context across it and leaves it alone. */
const MARK = '<mm-run>';

type Literal = Extract<Nodes, { type: 'text' | 'inlineCode' }>;

/** The text runs of each block, in document order; text outside any block forms a group of its own. */
function collect(node: Nodes, group: Literal[], groups: Literal[][]): void {
  if (!('children' in node)) return;
  if ((node.type === 'mdxJsxTextElement' || node.type === 'mdxJsxFlowElement') && RAW_TEXT_JSX.has(node.name ?? '')) return;
  for (const child of node.children as Nodes[]) {
    if (child.type === 'text' || child.type === 'inlineCode') group.push(child);
    else if (BLOCKS.has(child.type)) {
      const own: Literal[] = [];
      groups.push(own);
      collect(child, own, groups);
    } else collect(child, group, groups);
  }
}

/** Text as SmartyPants reads it: markup characters and backslashes as entities, so they stay text. */
const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\\/g, '&#92;');
const unescape = (html: string) => html.replace(/&#92;/g, '\\').replace(/&gt;/g, '>').replace(/&lt;/g, '<').replace(/&amp;/g, '&');

function typeset(runs: Literal[]): void {
  if (!runs.some((r) => r.type === 'text' && TYPOGRAPHIC.test(r.value))) return;
  // Inline code takes part as letters, so a quote next to it reads it as a word and code is never changed.
  const html = runs.map((r) => (r.type === 'text' ? escape(r.value) : `<code>${'x'.repeat(r.value.length)}</code>`)).join(MARK);
  const pieces = smartypantsu(html, '1').split(MARK);
  runs.forEach((run, i) => {
    if (run.type === 'text') run.value = unescape(pieces[i]!);
  });
}

export function remarkTypography() {
  return (tree: Root): void => {
    const outside: Literal[] = [];
    const groups: Literal[][] = [outside];
    collect(tree, outside, groups);
    for (const runs of groups) typeset(runs);
  };
}
