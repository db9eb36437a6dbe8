/**
 * Which social cards the site has: one per post plus the site's own card. In a production build the
 * pages publish this list as /og/cards.json for the post-build step (src/integrations/postBuild/),
 * which writes the cards and removes the list; `astro dev` serves the same cards on request.
 */
import { site } from '../../../site.config.ts';
import type { Post } from '../content/blog.ts';
import { postCard, postCardText, SITE_CARD, type CardText } from './cache.ts';

export interface CardEntry {
  /** Site path of the PNG, e.g. /og/consistent-hashing.png. */
  path: string;
  text: CardText;
}

/** Where the build publishes the card list for postBuild; removed once the cards are written. */
export const CARD_LIST = '/og/cards.json';

export const siteCardText: CardText = { kicker: 'A blog about system design', title: site.title, subtitle: site.tagline };

export function cardEntries(posts: Post[]): CardEntry[] {
  return [
    { path: SITE_CARD, text: siteCardText },
    ...posts.map((post) => ({
      path: postCard(post.id),
      text: postCardText({ title: post.data.title, category: post.data.category, minutes: post.minutes }),
    })),
  ];
}
