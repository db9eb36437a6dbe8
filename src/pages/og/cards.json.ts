import type { APIRoute } from 'astro';
import { getBlog } from '../../lib/blog.ts';
import { cardEntries } from '../../lib/socialCards.ts';

/** The list of social cards for postBuild to write (see socialCards.ts); removed from the output after. */
export const GET: APIRoute = async () => {
  const { posts } = await getBlog();
  return new Response(JSON.stringify(cardEntries(posts)), { headers: { 'content-type': 'application/json' } });
};
