import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { postSchema } from './lib/postSchema.ts';

/**
 * Tests and benchmarks point the blog at generated posts through BLOG_CONTENT_DIR, so that real
 * content is never edited to test the platform.
 */
const base = process.env.BLOG_CONTENT_DIR ?? './src/content/posts';

const posts = defineCollection({
  loader: glob({
    base,
    pattern: '*/index.{md,mdx}',
    // The folder name is the URL slug: src/content/posts/consistent-hashing/index.mdx → /consistent-hashing/
    generateId: ({ entry }) => entry.split('/')[0]!,
  }),
  schema: ({ image }) => postSchema(image),
});

export const collections = { posts };
