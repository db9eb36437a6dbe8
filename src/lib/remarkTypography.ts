/**
 * Typographic punctuation for Markdown and MDX: curly quotes and apostrophes, em dashes for `--`,
 * ellipses for `...`. The typography is retext-smartypants, as in Astro's built-in `smartypants`
 * option (remark-smartypants), with the same two passes and the same result; this plugin replaces
 * that option because of its cost. The built-in one parses every text node into a natural-language
 * tree for the second pass, which took 3.9 s of a 1,000-post build; here a pass runs only on text
 * that holds a character it could change, and almost none does.
 */
import { retext } from 'retext';
import retextSmartypants from 'retext-smartypants';
import type { Nodes, Root } from 'mdast';
// Adds MDX's JSX element nodes to mdast's node types.
import type {} from 'mdast-util-mdx-jsx';

/**
 * Quotes need to see the whole document at once (a quotation can open in one node and close after a
 * link or emphasis), so the first pass works on all the text joined; it must not change lengths,
 * so that the result can be cut back into the nodes it came from.
 */
const quotePass = retext().use(retextSmartypants, { ellipses: false, dashes: false, backticks: false });
/** Dashes, ellipses and ``backtick quotes'' change the text's length, so they run per node. */
const lengthChangingPass = retext().use(retextSmartypants, { quotes: false });

/** Without one of these characters the quote pass leaves text as it is. */
const QUOTE = /["']/;
/** `--`, `...` (or `. . .`), ``` `` ``` and `''`: without one of them the second pass leaves text as it is. */
const DASH_ELLIPSIS_OR_BACKTICKS = /--|\.\s*\.|``|''/;

/** Blocks whose text starts afresh: a quote at their start opens. Inline parents (links, emphasis) do not. */
const BLOCKS = new Set(['paragraph', 'heading', 'tableCell']);
/** Raw-text elements written as MDX JSX, whose content is code, not prose. */
const RAW_TEXT_JSX = new Set(['script', 'style']);

type Literal = Extract<Nodes, { value: string }>;

/** Text and inline code in document order, with a marker for each block start; code blocks, HTML and JSX attributes are skipped. */
function collect(node: Nodes, out: (Literal | null)[]): void {
  if (!('children' in node)) return;
  if ((node.type === 'mdxJsxTextElement' || node.type === 'mdxJsxFlowElement') && RAW_TEXT_JSX.has(node.name ?? '')) return;
  for (const child of node.children as Nodes[]) {
    if (child.type === 'text' || child.type === 'inlineCode') out.push(child);
    else {
      if (BLOCKS.has(child.type)) out.push(null);
      collect(child, out);
    }
  }
}

export function remarkTypography() {
  return (tree: Root): void => {
    const parts: (Literal | null)[] = [];
    collect(tree, parts);
    // Inline code takes part as letters of the same length, so `'` next to code reads as an apostrophe
    // and quotes inside code are never touched; a block start takes part as a space.
    const joined = parts.map((p) => (p === null ? ' ' : p.type === 'text' ? p.value : 'A'.repeat(p.value.length))).join('');
    const quoted = QUOTE.test(joined) ? quotePass.processSync(joined).toString() : joined;
    let at = 0;
    for (const part of parts) {
      if (part === null) {
        at += 1;
        continue;
      }
      const end = at + part.value.length;
      if (part.type === 'text') {
        const text = quoted.slice(at, end);
        part.value = DASH_ELLIPSIS_OR_BACKTICKS.test(text) ? lengthChangingPass.processSync(text).toString() : text;
      }
      at = end;
    }
  };
}
