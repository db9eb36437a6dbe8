import type { Options } from 'rehype-autolink-headings';

interface HastNode {
  type: string;
  value?: string;
  children?: HastNode[];
}

function textOf(node: HastNode): string {
  return node.type === 'text' ? (node.value ?? '') : (node.children ?? []).map(textOf).join('');
}

/**
 * A "#" link after every heading, named for screen readers after its heading, so that a reader can
 * copy a link to any section.
 */
export const headingAnchor: Options = {
  behavior: 'append',
  test: ['h2', 'h3', 'h4'],
  properties: (heading) => ({
    className: ['heading-anchor'],
    // Not part of the heading's words: search results would show "Heading#".
    dataPagefindIgnore: '',
    ariaLabel: `Link to the section “${textOf(heading as HastNode).trim()}”`,
  }),
  content: { type: 'text', value: '#' },
};
