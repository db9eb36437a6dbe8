/**
 * The numbers in "Verify vs Cert": the versions come from the one place the integration tests pin
 * them (src/sims/engines/tls/versions.ts); the behaviours were measured against requests 2.28 by the
 * integration tests named.
 */
import { defineArticleClaims } from './claims.ts';
import { CHECKED_AGAINST as V } from '../../src/sims/engines/tls/versions.ts';

export default defineArticleClaims('verify-and-cert-in-python-requests', {
  claims: [
    {
      quote: 'the packages of Debian 12, which are OpenSSL 3.0, Python 3.11, requests 2.28 and urllib3 1.26',
      numbers: () => [V.debian, V.openssl, V.python, V.requests, V.urllib3],
    },
    { quote: 'urllib3 1.26 checks this itself', numbers: () => [V.urllib3] },
    {
      quote: 'requests 2.28 still accepts a certificate that names the host only in its common name, with a SubjectAltNameWarning',
      measuredBy: 'tests/integration/tls/hostname.test.ts',
    },
    { quote: 'what requests 2.28 really produced', numbers: () => [V.requests] },
    {
      quote: 'a rejected client certificate surfaces as a ConnectionError under TLS 1.3 but as an SSLError under TLS 1.2',
      measuredBy: 'tests/integration/tls/clientCertificate.test.ts',
    },
    { quote: 'urllib3 1.26 lets OpenSSL check', numbers: () => [V.urllib3] },
    { quote: 'urllib3 1.26 refuses an encrypted one before the handshake', measuredBy: 'tests/integration/tls/clientCertificate.test.ts' },
    { quote: 'requests 2.28 reports certificate has expired', measuredBy: 'tests/integration/tls/hostname.test.ts' },
    { quote: 'not the 1.26 tested here', numbers: () => [V.urllib3] },
  ],
  exempt: ['urllib3 2.x', 'TLS 1.3', 'TLS 1.2', 'X.509'],
});
