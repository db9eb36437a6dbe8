import { z } from 'astro/zod';
import { site } from '../../site.config.ts';

/**
 * The front matter every post carries. `image` is Astro's image() helper in the content layer;
 * tests pass a plain schema in its place.
 */
export function postSchema<Image extends z.ZodType>(image: () => Image) {
  return z
    .object({
      title: z.string().trim().min(1, 'title must not be empty').max(120),
      description: z.string().trim().min(1, 'description must not be empty').max(300),
      pubDate: z.coerce.date({ error: 'pubDate must be a date such as 2025-11-03' }),
      updatedDate: z.coerce.date({ error: 'updatedDate must be a date such as 2025-11-03' }).optional(),
      category: z.enum(site.categories, {
        error: `category must be one of: ${site.categories.join(', ')}`,
      }),
      tags: z
        .array(z.string().trim().min(1, 'a tag must not be empty'))
        .min(1, 'tags needs at least 1 tag')
        .max(8, 'tags allows at most 8 tags'),
      cover: image().optional(),
      /** Required with a cover: the image's text alternative. */
      coverAlt: z.string().trim().min(1).optional(),
      draft: z.boolean().default(false),
      series: z.string().trim().min(1).optional(),
    })
    .strict()
    .superRefine((post, ctx) => {
      if (post.cover && !post.coverAlt) {
        ctx.addIssue({ code: 'custom', path: ['coverAlt'], message: 'coverAlt is required when cover is set' });
      }
      if (post.updatedDate && post.updatedDate < post.pubDate) {
        ctx.addIssue({ code: 'custom', path: ['updatedDate'], message: 'updatedDate must not be before pubDate' });
      }
    });
}

export type PostData = z.infer<ReturnType<typeof postSchema>>;
