import { getCollection, type CollectionEntry } from 'astro:content';
import { site } from '../../../site.config.ts';
import { countWords, readingMinutes } from './readingTime.ts';
import { slugify } from './slugify.ts';
import { groupByTerm, type Term } from './taxonomy.ts';
import { relatedPosts } from './related.ts';
import { assertPostSlug } from './reservedSlugs.ts';

export interface Post {
  id: string;
  url: string;
  data: CollectionEntry<'posts'>['data'];
  entry: CollectionEntry<'posts'>;
  minutes: number;
  words: number;
  tagSlugs: string[];
  categorySlug: string;
}

export interface Blog {
  /** Published posts, newest first (drafts too in `astro dev`, never in a production build). */
  posts: Post[];
  tags: Map<string, Term<Post>>;
  categories: Map<string, Term<Post>>;
  series: Map<string, Term<Post>>;
  related(post: Post): Post[];
  /** The neighbours in publication order: `newer` and `older`. */
  neighbours(post: Post): { newer?: Post; older?: Post };
}

let cached: Promise<Blog> | undefined;

/** Everything the pages need, computed once per build. */
export function getBlog(): Promise<Blog> {
  // In dev the content changes under us, so only a production build may keep the result.
  if (!import.meta.env.PROD) return loadBlog();
  return (cached ??= loadBlog());
}

async function loadBlog(): Promise<Blog> {
  const entries = await getCollection('posts', (e) => !(import.meta.env.PROD && e.data.draft));
  const posts = entries
    .map((entry): Post => {
      assertPostSlug(entry.id);
      const words = countWords(entry.body ?? '');
      return {
        id: entry.id,
        url: `/${entry.id}/`,
        data: entry.data,
        entry,
        words,
        minutes: readingMinutes(words, site.wordsPerMinute),
        tagSlugs: [...new Set(entry.data.tags.map(slugify))],
        categorySlug: slugify(entry.data.category),
      };
    })
    .sort((a, b) => b.data.pubDate.getTime() - a.data.pubDate.getTime() || a.id.localeCompare(b.id));

  const rank = new Map(posts.map((p, i) => [p.id, i]));
  const tags = groupByTerm(posts, (p) => p.data.tags, 'tag');
  const categories = groupByTerm(posts, (p) => [p.data.category], 'category');
  const series = groupByTerm(posts, (p) => (p.data.series ? [p.data.series] : []), 'series');
  // A series reads oldest first.
  for (const s of series.values()) s.posts.reverse();

  return {
    posts,
    tags,
    categories,
    series,
    related: (post) => relatedPosts(post, post.tagSlugs, tags, rank),
    neighbours: (post) => {
      const i = rank.get(post.id)!;
      return { newer: posts[i - 1], older: posts[i + 1] };
    },
  };
}
