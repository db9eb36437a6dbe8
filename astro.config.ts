import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import preact from '@astrojs/preact';
import sitemap from '@astrojs/sitemap';
import { rehypeHeadingIds, unified } from '@astrojs/markdown-remark';
import rehypeAutolinkHeadings from 'rehype-autolink-headings';
import { site } from './site.config.ts';
import { headingAnchor } from './src/lib/markdown/headingAnchor.ts';
import { remarkTypography } from './src/lib/markdown/remarkTypography.ts';
import { codeFrame } from './src/lib/markdown/codeFrame.ts';
import { CODE_THEMES } from './src/lib/markdown/codeThemes.ts';
import { postBuild } from './src/integrations/postBuild/index.ts';

// Tests and benchmarks build generated content into their own folder, never over the real dist/.
const outDir = process.env.BLOG_OUT_DIR ?? './dist';

export default defineConfig({
  site: site.url,
  outDir,
  trailingSlash: 'always',
  // Two pages at a time, so that one page's file writes overlap the next page's rendering; 4 or 6 at
  // a time were no faster on this 2-core machine, warm or cold.
  build: { format: 'directory', concurrency: 2 },
  markdown: {
    shikiConfig: {
      themes: CODE_THEMES,
      wrap: false,
      transformers: [codeFrame()],
    },
    // The unified pipeline, because heading anchors come from a rehype plugin (after the ids it links
    // to are set); MDX inherits it. Smart quotes and dashes come from remarkTypography: the same
    // typography as the built-in `smartypants`, at a fraction of its build time (see that file).
    processor: unified({
      smartypants: false,
      remarkPlugins: [remarkTypography],
      rehypePlugins: [rehypeHeadingIds, [rehypeAutolinkHeadings, headingAnchor]],
    }),
  },
  integrations: [
    mdx(),
    preact(),
    // The search page has nothing of its own to index; /page/1/ only redirects to /.
    sitemap({ filter: (page) => !/\/(search|page\/1)\/$/.test(new URL(page).pathname) }),
    // Pagefind's search index and the _headers file (Content-Security-Policy and friends).
    postBuild(),
  ],
  devToolbar: { enabled: false },
});
