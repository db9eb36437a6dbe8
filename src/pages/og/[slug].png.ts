import type { APIRoute, GetStaticPaths } from 'astro';
import { getBlog, type Post } from '../../lib/blog.ts';
import { postCardText, renderCard, SITE_CARD } from '../../lib/ogImage.ts';
import { site } from '../../../site.config.ts';

/** One card per post, plus the site's own card under a name no post slug can take. */
export const getStaticPaths = (async () => {
  const { posts } = await getBlog();
  const siteSlug = SITE_CARD.replace(/^\/og\/|\.png$/g, '');
  return [
    { params: { slug: siteSlug }, props: { post: undefined } },
    ...posts.map((post) => ({ params: { slug: post.id }, props: { post } })),
  ];
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const { post } = props as { post?: Post };
  const png = post
    ? await renderCard(postCardText({ title: post.data.title, category: post.data.category, minutes: post.minutes }))
    : await renderCard({ kicker: 'A blog about system design', title: site.title, subtitle: site.tagline });
  return new Response(new Uint8Array(png), { headers: { 'content-type': 'image/png' } });
};
