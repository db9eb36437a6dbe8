import type { APIRoute } from 'astro';
import { getBlog } from '../../lib/content/blog.ts';
import { cardEntries } from '../../lib/socialCards/list.ts';

/** The list of social cards for the post-build step to write (src/integrations/postBuild/); removed from the output after. */
export const GET: APIRoute = async () => {
  const { posts } = await getBlog();
  return new Response(JSON.stringify(cardEntries(posts)), { headers: { 'content-type': 'application/json' } });
};
