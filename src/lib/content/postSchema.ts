import { z } from 'astro/zod';
import { site } from '../../../site.config.ts';
import { impossibleDate } from './calendarDate.ts';

/** A date that exists: text such as 2025-13-45 is refused rather than rolled over into another month. */
function calendarDate(field: string) {
  const message = `${field} must be a date such as 2025-11-03`;
  return z.union([z.date(), z.string()], { error: message }).transform((value, ctx) => {
    const why = typeof value === 'string' ? impossibleDate(value) : undefined;
    const date = new Date(value);
    if (why || Number.isNaN(date.getTime())) {
      ctx.addIssue({ code: 'custom', message: why ? `${field} ${String(value)} is not a date that exists (${why})` : message });
      return z.NEVER;
    }
    return date;
  });
}

/**
 * The front matter every post carries. `image` is Astro's image() helper in the content layer;
 * tests pass a plain schema in its place.
 */
export function postSchema<Image extends z.ZodType>(image: () => Image) {
  return z
    .object({
      title: z.string().trim().min(1, 'title must not be empty').max(120),
      description: z.string().trim().min(1, 'description must not be empty').max(300),
      pubDate: calendarDate('pubDate'),
      updatedDate: calendarDate('updatedDate').optional(),
      category: z.enum(site.categories, {
        error: `category must be one of: ${site.categories.join(', ')}`,
      }),
      tags: z.array(z.string().trim().min(1, 'a tag must not be empty')).min(1, 'tags needs at least 1 tag').max(8, 'tags allows at most 8 tags'),
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
