import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkStringify from 'remark-stringify';
import remarkSmartypants from 'remark-smartypants';
import type { Root } from 'mdast';
import { remarkTypography } from './remarkTypography.ts';

function typeset(markdown: string, plugin: () => (tree: Root) => void = remarkTypography, mdx = false): string {
  const processor = unified().use(remarkParse).use(remarkGfm);
  if (mdx) processor.use(remarkMdx);
  const tree = processor.parse(markdown);
  plugin()(tree);
  const out = unified().use(remarkGfm).use(remarkStringify);
  if (mdx) out.use(remarkMdx);
  return out.stringify(tree).trim();
}

describe('remarkTypography', () => {
  it('curls double and single quotes, and apostrophes', () => {
    expect(typeset(`She said "it's the cache" and 'left'.`)).toBe('She said “it’s the cache” and ‘left’.');
  });

  it('pairs a quotation across emphasis and links, as one sentence', () => {
    expect(typeset('"A *very* [slow](/x/) disk"')).toBe('“A *very* [slow](/x/) disk”');
  });

  it('opens a quote at the start of every paragraph, heading and table cell', () => {
    expect(typeset('# "Heading"\n\n"Para"\n\n| "a" |\n| - |\n| "b" |')).toBe('# “Heading”\n\n“Para”\n\n| “a” |\n| --- |\n| “b” |');
  });

  it('turns -- into an em dash and ... into an ellipsis', () => {
    expect(typeset('Wait -- really...')).toBe('Wait — really…');
  });

  it('leaves inline code, code blocks and quotes around code alone', () => {
    expect(typeset('Run `echo "hi" -- ...` now.\n\n```sh\necho "x" -- ...\n```')).toBe('Run `echo "hi" -- ...` now.\n\n```sh\necho "x" -- ...\n```');
    expect(typeset("The `key`'s value")).toBe('The `key`’s value');
  });

  it('keeps markup characters, entities and backslashes in prose as written', () => {
    const tree = unified().use(remarkParse).parse('If a < b && c > d, see C:\\\\temp\\\\"x" and &amp;.');
    remarkTypography()(tree);
    const paragraph = tree.children[0] as { children: { value: string }[] };
    expect(paragraph.children.map((c) => c.value).join('')).toBe('If a < b && c > d, see C:\\temp\\”x” and &.');
  });

  it("reads a quote before a decade as an apostrophe: the '80s", () => {
    expect(typeset("Back in the '80s, 'RAM' was scarce.")).toBe('Back in the ’80s, ‘RAM’ was scarce.');
  });

  it('does not touch the text of <script> or <style> written as JSX in MDX', () => {
    expect(typeset('<style>{"a"}</style>\n\nA "quote".', remarkTypography, true)).toContain('A “quote”.');
    const tree = unified().use(remarkParse).use(remarkMdx).parse('<script>"x" -- y</script>');
    remarkTypography()(tree);
    expect(JSON.stringify(tree)).toContain('\\"x\\" -- y');
  });

  it('typesets every article exactly as remark-smartypants, the plugin it replaces, does', () => {
    const dir = 'src/content/posts';
    const slugs = readdirSync(dir);
    expect(slugs.length).toBeGreaterThan(0);
    for (const slug of slugs) {
      const source = readFileSync(join(dir, slug, 'index.mdx'), 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '');
      const ours = typeset(source, remarkTypography, true);
      expect(ours, slug).toBe(typeset(source, remarkSmartypants as unknown as () => (tree: Root) => void, true));
      expect(ours, slug).toMatch(/[’“”]/);
    }
  });
});
