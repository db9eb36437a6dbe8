/**
 * The auth article's numbers: HTTP statuses come from the "401 or 403?" model (which the integration tests
 * hold against the real guard), and the versions it names are the ones installed, so an upgrade that the
 * article does not mention fails here.
 */
import { readFileSync } from 'node:fs';
import { defineArticleClaims } from './claims.ts';
import { answer, caseById } from '../../src/sims/authentication-vs-authorization-vs-oauth/gate.ts';

const status = (caseId: string) => String(answer(caseById(caseId)).status);

/** major.minor of an installed package: what tests/integration/auth really ran. */
function installed(name: string): string {
  const manifest = JSON.parse(readFileSync(new URL(`../../node_modules/${name}/package.json`, import.meta.url), 'utf8')) as { version: string };
  return manifest.version.split('.').slice(0, 2).join('.');
}

export default defineArticleClaims('authentication-vs-authorization-vs-oauth', {
  claims: [
    // An expired card fails authentication; a known person without the role fails authorization.
    { quote: '401 or 403: which check said no', numbers: () => [status('expired'), status('no-role')] },
    {
      quote:
        'So a 401 tells the client to get a card (sign in, or refresh an expired token) and retry once; a 403 says retrying with the same card will not help.',
      numbers: () => [status('expired'), status('no-role')],
    },
    { quote: 'A genuine token without the needed scope gets a 403 with', numbers: () => [status('no-scope')] },
    { quote: 'checked with oidc-provider 9.13 and jose 6.2', numbers: () => [installed('oidc-provider'), installed('jose')] },
    // The summary table, a row each: "401 with WWW-Authenticate" for no card, "403" for the guest list and for the valet key's scope.
    { quote: 'ID card (password, session, ID token) 401 with', numbers: () => [status('no-card')] },
    { quote: 'guest list (roles) 403', numbers: () => [status('no-role')] },
    { quote: 'valet key (access token, scopes) 403', numbers: () => [status('no-scope')] },
  ],
  // The card's description (the seed's wording): status codes named, the article backs them below.
  exempt: ['Stop mixing up 401 and 403.'],
});
