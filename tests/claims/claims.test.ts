/**
 * Issue 15, "no unbacked number": for each article, every claim's quote is in the prose, every recomputed number
 * matches, every measured claim's integration test holds its quote, and no number in the prose is left uncovered.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CLAIMS_DIR,
  articleDocument,
  articleSlugs,
  flatProse,
  isMeasured,
  measuredFileHolds,
  normalise,
  numbersIn,
  uncoveredNumbers,
  type ArticleClaims,
} from './claims.ts';

const slugs = articleSlugs();
const occurrences = (text: string, phrase: string) => text.split(phrase).length - 1;
const declared = new Map<string, ArticleClaims>();
for (const slug of slugs) {
  const file = join(CLAIMS_DIR, `${slug}.claims.ts`);
  if (existsSync(file)) declared.set(slug, ((await import(file)) as { default: ArticleClaims }).default);
}

it(`all ${slugs.length} articles have a claims file (tests/claims/<slug>.claims.ts)`, () => {
  expect(slugs.length).toBeGreaterThan(0);
  expect(
    slugs.filter((slug) => !declared.has(slug)),
    'articles without a claims file',
  ).toEqual([]);
});

for (const [slug, article] of declared) {
  describe(slug, () => {
    const prose = articleDocument(slug);

    it('its claims file declares this article', () => {
      expect(article.slug).toBe(slug);
    });

    it('every quote occurs verbatim in the prose and holds a number', () => {
      const missing = article.claims.map((c) => normalise(c.quote)).filter((quote) => !flatProse(prose).includes(quote));
      expect(missing, `quotes not in the prose of ${slug} (articleProse drops code, tags, URLs, footnote markers)`).toEqual([]);
      const numberless = article.claims.map((c) => c.quote).filter((quote) => numbersIn(quote).length === 0);
      expect(numberless, 'quotes without a number').toEqual([]);
      // A quote ties its numbers to one sentence; one found twice would back a second sentence it never checked.
      const repeated = article.claims.map((c) => normalise(c.quote)).filter((quote) => occurrences(flatProse(prose), quote) > 1);
      expect(repeated, 'quotes found more than once in the prose: quote more of the sentence').toEqual([]);
    });

    it('every computed claim states the numbers its model gives', async () => {
      for (const claim of article.claims) {
        if (isMeasured(claim)) continue;
        const stated = numbersIn(normalise(claim.quote)).map((n) => n.text);
        expect(stated, `"${claim.quote}"`).toEqual(await claim.numbers());
      }
    });

    it('every measured claim is asserted by an integration test holding its quote', () => {
      for (const claim of article.claims) {
        if (!isMeasured(claim)) continue;
        const found = measuredFileHolds(claim.measuredBy, claim.quote);
        expect(found.exists, `${claim.measuredBy} exists`).toBe(true);
        expect(found.holds, `${claim.measuredBy} contains "${claim.quote}"`).toBe(true);
      }
    });

    it('every exempt phrase occurs in the prose and holds a number', () => {
      const stale = article.exempt.filter((phrase) => !flatProse(prose).includes(normalise(phrase)) || numbersIn(phrase).length === 0);
      expect(stale, 'exempt phrases that are missing from the prose or hold no number').toEqual([]);
    });

    it('every number in the prose is covered by a claim, a primary-source footnote or an exemption', () => {
      const quotes = article.claims.map((c) => c.quote);
      const uncovered = uncoveredNumbers(prose, quotes, article.exempt).map((u) => `${slug}: "${u.number}" in «${u.context}»`);
      expect(uncovered).toEqual([]);
    });
  });
}
