/**
 * The numbers in "API Certificates: The Chain of Trust", each recomputed from the TLS models or
 * measured against the real software by the integration test named.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { POSTS_DIR, defineArticleClaims } from './claims.ts';
import { CHECKED_AGAINST as V } from '../../src/sims/engines/tls/versions.ts';
import { allChainStates, verdictFor } from '../../src/sims/api-certificates-chain-of-trust/chainBuilder.ts';
import { SIMULATION_DAY } from '../../src/sims/engines/tls/catalogue.ts';

const DAY_SECONDS = 86_400;
const ARTICLE_SOURCE = readFileSync(join(POSTS_DIR, 'api-certificates-chain-of-trust', 'index.mdx'), 'utf8');

export default defineArticleClaims('api-certificates-chain-of-trust', {
  claims: [
    {
      quote: 'the packages of Debian 12, which are OpenSSL 3.0, Python 3.11, requests 2.28 and urllib3 1.26',
      numbers: () => [V.debian, V.openssl, V.python, V.requests, V.urllib3],
    },
    {
      // The chain builder's own verdict for the intermediate sent first, not a copy of the table.
      quote: 'the purpose check stops it with error 26, unsuitable certificate purpose',
      numbers: () => {
        const v = verdictFor({ leaf: 'valid', intermediate: 'valid', root: 'valid', order: 'intermediate-first' }, SIMULATION_DAY);
        if (v.kind !== 'verdict' || v.ok || v.message !== 'unsuitable certificate purpose')
          throw new Error('the model no longer fails with an unsuitable purpose');
        return [String(v.code)];
      },
    },
    { quote: 'its tests compare all 128 states it can reach', numbers: () => [String(allChainStates().length)] },
    { quote: "Python 3.11's", numbers: () => [V.python] },
    { quote: 'urllib3 1.26, under requests 2.28, turns', numbers: () => [V.urllib3, V.requests] },
    { quote: 'as requests 2.28 does', numbers: () => [V.requests] },
    {
      quote: 'requests 2.28 still accepts a certificate that names the host only in its common name, with a SubjectAltNameWarning',
      measuredBy: 'tests/integration/tls/hostname.test.ts',
    },
    { quote: 'requests 2.28 reports certificate has expired', measuredBy: 'tests/integration/tls/hostname.test.ts' },
    { quote: 'For which names, by whom, until when: it answers in 6 lines.', measuredBy: 'tests/integration/tls/snippets.test.ts' },
    {
      // From the article's own command, so the sentence cannot drift from the option it explains.
      quote: 'within 30 days (2,592,000 seconds)',
      numbers: () => {
        const seconds = Number(ARTICLE_SOURCE.match(/-checkend (\d+)/)![1]);
        return [String(seconds / DAY_SECONDS), seconds.toLocaleString('en')];
      },
    },
  ],
  exempt: ['PKCS#12', 'urllib3 2.x'],
});
