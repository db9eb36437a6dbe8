export interface YearGroup<P> {
  year: number;
  posts: P[];
}

/** Posts (already newest first) grouped by their publication year, newest year first. */
export function groupByYear<P>(posts: readonly P[], dateOf: (post: P) => Date): YearGroup<P>[] {
  const groups: YearGroup<P>[] = [];
  for (const post of posts) {
    const year = dateOf(post).getUTCFullYear();
    const last = groups.at(-1);
    if (last?.year === year) last.posts.push(post);
    else groups.push({ year, posts: [post] });
  }
  return groups;
}
