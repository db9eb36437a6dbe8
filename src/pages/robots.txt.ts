import type { APIRoute } from 'astro';
import { site } from '../../site.config.ts';

export const GET: APIRoute = ({ site: configured }) => {
  const sitemap = new URL('/sitemap-index.xml', configured ?? site.url);
  return new Response(`User-agent: *\nAllow: /\n\nSitemap: ${sitemap.href}\n`, {
    headers: { 'content-type': 'text/plain; charset=utf-8' },
  });
};
