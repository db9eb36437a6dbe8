import type { APIRoute } from 'astro';
import rss from '@astrojs/rss';
import { render } from 'astro:content';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
// Imported statically (not through loadRenderers) so that the build bundles them with their
// virtual modules; a runtime import of the preact renderer cannot resolve `astro:preact:opts`.
import preactRenderer from '@astrojs/preact/server.js';
import mdxRenderer from '@astrojs/mdx/server.js';
import { getBlog } from '../lib/content/blog.ts';
import { feedHtml } from '../lib/content/feedHtml.ts';
import { site } from '../../site.config.ts';

/**
 * RSS 2.0 with the full text of the newest `site.feedItems` posts. MDX posts may embed Preact simulations, so each post is
 * rendered by Astro's container API with the same renderers as the site; the HTML is then cleaned
 * for feed readers (feedHtml): the simulations keep their server-rendered figure.
 */
export const GET: APIRoute = async (context) => {
  const { posts } = await getBlog();
  const container = await AstroContainer.create();
  container.addServerRenderer({ name: 'astro:jsx', renderer: mdxRenderer });
  container.addServerRenderer({ name: '@astrojs/preact', renderer: preactRenderer });
  container.addClientRenderer({ name: '@astrojs/preact', entrypoint: '@astrojs/preact/client.js' });
  const siteUrl = context.site ?? new URL(site.url);
  const items = [];
  for (const post of posts.slice(0, site.feedItems)) {
    const { Content } = await render(post.entry);
    const link = new URL(post.url, siteUrl);
    const html = await container.renderToString(Content);
    items.push({
      title: post.data.title,
      description: post.data.description,
      pubDate: post.data.pubDate,
      link: link.href,
      categories: [post.data.category, ...post.data.tags],
      content: feedHtml(html, link),
    });
  }
  return rss({
    title: site.title,
    description: site.tagline,
    site: siteUrl,
    items,
    xmlns: { atom: 'http://www.w3.org/2005/Atom' },
    customData: `<language>${site.locale}</language><atom:link href="${new URL('/rss.xml', siteUrl).href}" rel="self" type="application/rss+xml"/>`,
  });
};
