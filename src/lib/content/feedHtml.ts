/**
 * Makes a post's rendered HTML fit for a feed reader: no scripts or interactive controls (a reader
 * cannot run them; the simulations' server-rendered figures stay), nothing the page hides with CSS
 * only to hold room, island wrappers unwrapped, and
 * every link and image absolute, because a feed item has no base URL of its own.
 */
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import type { Element, Nodes, Root, RootContent } from 'hast';

/** Elements dropped with their content. */
const DROP_TAGS = new Set(['script', 'style', 'template', 'noscript', 'link', 'button', 'input', 'select', 'textarea', 'form', 'iframe', 'object', 'embed']);
/** Elements replaced by their children. */
const UNWRAP_TAGS = new Set(['astro-island', 'astro-slot', 'astro-static-slot']);
/** Classes of page-only furniture: heading "#" links, simulation controls and share buttons. */
// sim-marks: compositor animation only; the drawing's own label carries the meaning, and without site CSS they show as stray SVGs.
const DROP_CLASSES = ['heading-anchor', 'sim-controls', 'sim-share', 'sim-play', 'copy-code', 'sim-marks'];
const URL_ATTRS = ['href', 'src', 'poster'];

function classesOf(el: Element): string[] {
  const c: unknown = el.properties.className;
  return Array.isArray(c) ? c.map(String) : typeof c === 'string' ? c.split(/\s+/) : [];
}

/**
 * Room-holders a page hides with CSS, which a feed reader does not load: the panels of a kit Stack that
 * are not shown, and elements hidden with an inline `visibility: hidden` (rows still to come).
 */
function heldRoomOnly(node: Element, parent: Element | null): boolean {
  if (parent && classesOf(parent).includes('sim-stack') && String(node.properties.ariaHidden) === 'true') return true;
  const style = node.properties.style;
  return typeof style === 'string' && /(^|;)\s*visibility\s*:\s*hidden/i.test(style);
}

function absolutise(value: unknown, base: URL): unknown {
  if (typeof value !== 'string' || value.startsWith('#')) return value;
  try {
    return new URL(value, base).href;
  } catch {
    return value;
  }
}

function cleanChildren(children: RootContent[], base: URL, parent: Element | null = null): RootContent[] {
  const out: RootContent[] = [];
  for (const node of children) {
    if (node.type === 'comment') continue;
    if (node.type !== 'element') {
      out.push(node);
      continue;
    }
    if (DROP_TAGS.has(node.tagName) || classesOf(node).some((c) => DROP_CLASSES.includes(c)) || heldRoomOnly(node, parent)) continue;
    node.children = cleanChildren(node.children as RootContent[], base, node) as Element['children'];
    if (UNWRAP_TAGS.has(node.tagName)) {
      out.push(...(node.children as RootContent[]));
      continue;
    }
    for (const name of Object.keys(node.properties)) {
      if (/^on/i.test(name)) delete node.properties[name];
    }
    for (const name of URL_ATTRS) {
      if (name in node.properties) node.properties[name] = absolutise(node.properties[name], base) as string;
    }
    const srcSet = node.properties.srcSet;
    if (typeof srcSet === 'string') {
      node.properties.srcSet = srcSet
        .split(',')
        .map((candidate) => {
          const [url, ...rest] = candidate.trim().split(/\s+/);
          return [absolutise(url, base), ...rest].join(' ');
        })
        .join(', ');
    }
    out.push(node);
  }
  return out;
}

/** `html` rendered for the page at `base` → the same content as a self-contained feed fragment. */
export function feedHtml(html: string, base: URL): string {
  const tree: Root = fromHtml(html, { fragment: true });
  tree.children = cleanChildren(tree.children, base);
  return toHtml(tree as Nodes);
}
