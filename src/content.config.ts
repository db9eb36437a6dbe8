import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { postSchema } from './lib/content/postSchema.ts';
import { rejectImpossibleDates } from './lib/content/calendarDate.ts';
import { prewarmCards } from './lib/socialCards/pool.ts';
import { postCardText, postMinutes } from './lib/socialCards/cache.ts';

/**
 * Tests and benchmarks point the blog at generated posts through BLOG_CONTENT_DIR, so that real
 * content is never edited to test the platform.
 */
const base = process.env.BLOG_CONTENT_DIR ?? './src/content/posts';

const files = glob({
  base,
  pattern: '*/index.{md,mdx}',
  // The folder name is the URL slug: src/content/posts/consistent-hashing/index.mdx → /consistent-hashing/
  generateId: ({ entry }) => entry.split('/')[0]!,
});

const posts = defineCollection({
  // Each stored post queues its social card, drawn in a worker while the other posts are parsed.
  loader: prewarmCards(rejectImpossibleDates(files, ['pubDate', 'updatedDate']), ({ data, body }) => {
    const { title, category, draft } = data as { title: string; category: string; draft?: boolean };
    return draft ? undefined : postCardText({ title, category, minutes: postMinutes(body ?? '') });
  }),
  schema: ({ image }) => postSchema(image),
});

export const collections = { posts };
