import type { APIRoute, GetStaticPaths } from 'astro';
import { getBlog } from '../../lib/content/blog.ts';
import { renderCard } from '../../lib/socialCards/cache.ts';
import { cardEntries, type CardEntry } from '../../lib/socialCards/list.ts';

/**
 * Social cards on request, for `astro dev`. A production build has no card routes: it copies the
 * cards into the output after the pages (src/integrations/postBuild/), which is much faster than a route per card.
 */
export const getStaticPaths = (async () => {
  if (import.meta.env.PROD) return [];
  const { posts } = await getBlog();
  return cardEntries(posts).map((entry) => ({ params: { slug: entry.path.replace(/^\/og\/|\.png$/g, '') }, props: { entry } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const { entry } = props as { entry: CardEntry };
  const png = await renderCard(entry.text);
  return new Response(new Uint8Array(png), { headers: { 'content-type': 'image/png' } });
};
