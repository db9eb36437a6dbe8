/**
 * A Shiki transformer that frames each highlighted code block with a header bar naming its
 * language. The bar is in the static HTML, so the copy button the article script adds later has a
 * place of its own: it never covers the first line of code, and adding it shifts nothing.
 *
 * The frame also carries its line count (`--code-lines`): the stylesheet skips rendering frames that
 * are off screen (`content-visibility: auto`), and the count lets it reserve their height meanwhile,
 * so the page does not jump when one scrolls in and a contents link still lands on its heading.
 */
import type { Element, ElementContent, Root } from 'hast';
import type { ShikiTransformer } from 'shiki';

const LANGUAGE_NAMES: Record<string, string> = {
  bash: 'Shell',
  sh: 'Shell',
  shell: 'Shell',
  console: 'Shell',
  ts: 'TypeScript',
  typescript: 'TypeScript',
  js: 'JavaScript',
  javascript: 'JavaScript',
  py: 'Python',
  python: 'Python',
  sql: 'SQL',
  yaml: 'YAML',
  yml: 'YAML',
  json: 'JSON',
  http: 'HTTP',
  nginx: 'nginx',
  dockerfile: 'Dockerfile',
  ini: 'INI',
  toml: 'TOML',
  html: 'HTML',
  css: 'CSS',
  go: 'Go',
  rust: 'Rust',
  java: 'Java',
};

/** The name a reader knows a fence's language by; none for plain text. */
export function languageName(language: string): string {
  const id = language.toLowerCase();
  if (id === 'text' || id === 'plaintext' || id === 'txt' || id === '') return '';
  return LANGUAGE_NAMES[id] ?? language;
}

export function codeFrame(): ShikiTransformer {
  return {
    name: 'mental-models:code-frame',
    root(root: Root): Root {
      const pre = root.children.find((c): c is Element => c.type === 'element' && c.tagName === 'pre');
      if (!pre) return root;
      const name = languageName(this.options.lang);
      const label: ElementContent[] = name
        ? [{ type: 'element', tagName: 'span', properties: { className: ['code-lang'] }, children: [{ type: 'text', value: name }] }]
        : [];
      const header: Element = { type: 'element', tagName: 'div', properties: { className: ['code-header'], dataPagefindIgnore: '' }, children: label };
      const frame: Element = {
        type: 'element',
        tagName: 'div',
        properties: { className: ['code-block'], style: `--code-lines:${this.lines.length}` },
        children: [header, pre],
      };
      return { ...root, children: root.children.map((c) => (c === pre ? frame : c)) };
    },
  };
}
