/** Top-level paths the site itself uses; a post slug equal to one would be shadowed by that page. */
export const RESERVED_SLUGS = new Set(['page', 'tags', 'categories', 'archives', 'about', 'search', 'series', 'rss.xml', '404', 'og', 'pagefind', '_astro']);

export function assertPostSlug(slug: string): void {
  if (RESERVED_SLUGS.has(slug)) {
    throw new Error(`post folder "${slug}" uses a reserved URL; rename the folder under src/content/posts/`);
  }
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug)) {
    throw new Error(`post folder "${slug}" is not a URL slug: use lowercase letters, digits and hyphens`);
  }
}
