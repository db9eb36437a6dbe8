import { site } from '../../../site.config.ts';

interface PostLike {
  words: number;
  data: {
    title: string;
    description: string;
    pubDate: Date;
    updatedDate?: Date;
    category: string;
    tags: readonly string[];
    series?: string;
  };
}

/** schema.org BlogPosting for an article page (JSON-LD), as search engines read it. */
export function blogPostingJsonLd(post: PostLike, url: URL, image: URL) {
  const { data } = post;
  const author = { '@type': 'Organization', name: site.author, url: site.url };
  return {
    '@context': 'https://schema.org',
    '@type': 'BlogPosting',
    headline: data.title,
    description: data.description,
    url: url.href,
    mainEntityOfPage: { '@type': 'WebPage', '@id': url.href },
    image: { '@type': 'ImageObject', url: image.href, width: 1200, height: 630 },
    datePublished: data.pubDate.toISOString(),
    dateModified: (data.updatedDate ?? data.pubDate).toISOString(),
    author,
    publisher: { '@type': 'Organization', name: site.title, url: site.url },
    articleSection: data.category,
    keywords: data.tags.join(', '),
    wordCount: post.words,
    inLanguage: site.locale,
    ...(data.series ? { isPartOf: { '@type': 'CreativeWorkSeries', name: data.series } } : {}),
  };
}
