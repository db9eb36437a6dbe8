/**
 * The one place for what identifies the site and how it pages. Everything else reads from here.
 */
export const site = {
  title: 'Mental Models',
  tagline: 'System design explained with everyday mental models and simulations you can poke at.',
  author: 'The Mental Models team',
  /** Absolute origin the site is deployed at; canonical URLs, feeds and the sitemap are built on it. */
  url: 'https://mental-models.example',
  /** BCP 47 locale used for every date on the site, so dates read the same everywhere. */
  locale: 'en-GB',
  /** Cards per listing page (home, tag and category pages alike). */
  pageSize: 9,
  /** Allowed values of the `category` front-matter field. */
  categories: ['Tech', 'Notes'] as const,
  /** Words per minute for "N min read"; 213 is Hugo's convention, which the original blog used. */
  wordsPerMinute: 213,
  /**
   * Newest posts in /rss.xml, each with its full text. Readers poll the feed, so it stays small: with
   * every post in it, the feed and the time to build it would grow with the blog.
   */
  feedItems: 20,
} as const;

export type Category = (typeof site.categories)[number];
