import { slugify } from './slugify.ts';

export interface Term<P> {
  /** Display name as written in front matter, e.g. "System Design". */
  name: string;
  /** URL slug, e.g. "system-design". */
  slug: string;
  /** Posts carrying the term, in the order they were given (newest first when posts are sorted). */
  posts: P[];
}

/**
 * Groups posts by a term (tag or category) in one pass. Two display names that slug the same
 * ("Hashing" and "hashing") would share a URL, so that is an error naming both and a post of each.
 */
export function groupByTerm<P extends { id: string }>(posts: readonly P[], termsOf: (post: P) => readonly string[], kind: string): Map<string, Term<P>> {
  const terms = new Map<string, Term<P>>();
  for (const post of posts) {
    for (const name of new Set(termsOf(post))) {
      const slug = slugify(name);
      const term = terms.get(slug);
      if (!term) {
        terms.set(slug, { name, slug, posts: [post] });
      } else if (term.name !== name) {
        throw new Error(
          `${kind} "${name}" (post "${post.id}") and ${kind} "${term.name}" (post "${term.posts[0]!.id}") ` +
            `both have the URL slug "${slug}": use one spelling`,
        );
      } else {
        term.posts.push(post);
      }
    }
  }
  return terms;
}

/** Terms sorted by name for index pages. */
export function sortedTerms<P>(terms: Map<string, Term<P>>): Term<P>[] {
  return [...terms.values()].sort((a, b) => a.name.localeCompare(b.name, 'en'));
}
