import type { Term } from './taxonomy.ts';

/**
 * Up to `limit` other posts ranked by how many tags they share with `post`, ties broken by the
 * order of `rank` (newest first). Walks only the posts of the post's own tags through the tag
 * index, so building every article stays near-linear instead of comparing all pairs.
 */
export function relatedPosts<P extends { id: string }>(
  post: P,
  tagSlugs: readonly string[],
  tagIndex: Map<string, Term<P>>,
  rank: Map<string, number>,
  limit = 3,
): P[] {
  const shared = new Map<P, number>();
  for (const slug of tagSlugs) {
    for (const other of tagIndex.get(slug)?.posts ?? []) {
      if (other.id !== post.id) shared.set(other, (shared.get(other) ?? 0) + 1);
    }
  }
  return [...shared]
    .sort(([a, na], [b, nb]) => nb - na || rank.get(a.id)! - rank.get(b.id)!)
    .slice(0, limit)
    .map(([other]) => other);
}
