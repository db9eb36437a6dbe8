import { describe, expect, it } from 'vitest';
import { useSite } from '../support/site.ts';
import { runLighthouse } from '../support/lighthouse.ts';

const site = useSite('dist');

describe('Lighthouse on the real site', () => {
  // Performance is reported by `npm run bench`: its score moves with machine load, so it is no gate.
  it('scores 100 for accessibility, best practices and SEO on the listing, an article with simulations and a tag page', async () => {
    const paths = ['/', '/consistent-hashing/', '/tags/system-design/'];
    const results = await runLighthouse(paths.map((p) => `${site.origin}${p}`));
    results.forEach((r, i) => {
      expect({ page: paths[i], failing: r.failing }).toEqual({ page: paths[i], failing: [] });
      expect([r.accessibility, r['best-practices'], r.seo]).toEqual([100, 100, 100]);
    });
  }, 240_000);
});
