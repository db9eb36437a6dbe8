/**
 * The `openssl s_client` captures used by the "whose fault" tests: which server situation, how
 * s_client was run, the requests error a reader would have seen with it (copied from real runs of
 * the trust-check integration test), and the side that must fix it, decided by hand.
 */
import type { Situation } from '../engines/tls/servers.ts';
import type { Side, VerdictId } from './whoseFault.ts';

export interface Capture {
  name: string;
  situation: Situation;
  verifyHostname: boolean;
  /** The roots s_client trusts, when not the default bundle (names from the generated PKI). */
  trustStore?: string[];
  /** The client certificate s_client presents, if any (a name from the generated PKI). */
  clientCert?: 'client' | 'stranger-client';
  pythonError: string;
  expectedSide: Side;
  expectedVerdict: VerdictId;
}

const verifyFailed = (reason: string) =>
  `requests.exceptions.SSLError: HTTPSConnectionPool(host='localhost', port=8443): Max retries exceeded with url: / (Caused by SSLError(SSLCertVerificationError(1, '[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: ${reason} (_ssl.c:992)')))`;

export const CAPTURES: Capture[] = [
  { name: 'valid', situation: 'valid', verifyHostname: true, pythonError: '', expectedSide: 'nobody', expectedVerdict: 'healthy' },
  {
    name: 'valid-python-bundle',
    situation: 'valid',
    verifyHostname: true,
    pythonError: verifyFailed('unable to get local issuer certificate'),
    expectedSide: 'client',
    expectedVerdict: 'client-trust-store',
  },
  {
    name: 'self-signed',
    situation: 'self-signed',
    verifyHostname: false,
    pythonError: verifyFailed('self-signed certificate'),
    expectedSide: 'server',
    expectedVerdict: 'self-signed',
  },
  {
    name: 'expired',
    situation: 'expired',
    verifyHostname: false,
    pythonError: verifyFailed('certificate has expired'),
    expectedSide: 'server',
    expectedVerdict: 'expired',
  },
  { name: 'wrong-host', situation: 'wrong-host', verifyHostname: true, pythonError: '', expectedSide: 'server', expectedVerdict: 'wrong-host' },
  {
    name: 'wrong-host-python',
    situation: 'wrong-host',
    verifyHostname: false,
    pythonError: `requests.exceptions.SSLError: HTTPSConnectionPool(host='localhost', port=8443): Max retries exceeded with url: / (Caused by SSLError(CertificateError("hostname 'localhost' doesn't match 'api.example.net'")))`,
    expectedSide: 'server',
    expectedVerdict: 'wrong-host',
  },
  {
    // The server is fine; the client's own store holds the root, expired (an old CA bundle).
    name: 'expired-root-in-store',
    situation: 'valid',
    verifyHostname: false,
    trustStore: ['root-expired'],
    pythonError: verifyFailed('certificate has expired'),
    expectedSide: 'client',
    expectedVerdict: 'expired-root-in-store',
  },
  {
    name: 'missing-intermediate',
    situation: 'missing-intermediate',
    verifyHostname: false,
    pythonError: verifyFailed('unable to get local issuer certificate'),
    expectedSide: 'server',
    expectedVerdict: 'missing-intermediate',
  },
  {
    name: 'client-cert-required',
    situation: 'client-cert-required',
    verifyHostname: false,
    pythonError: `requests.exceptions.SSLError: HTTPSConnectionPool(host='localhost', port=8443): Max retries exceeded with url: / (Caused by SSLError(SSLError(1, '[SSL: TLSV13_ALERT_CERTIFICATE_REQUIRED] tlsv13 alert certificate required (_ssl.c:2546)')))`,
    expectedSide: 'client',
    expectedVerdict: 'client-certificate',
  },
  {
    name: 'client-cert-sent',
    situation: 'client-cert-required',
    verifyHostname: false,
    clientCert: 'client',
    pythonError: '',
    expectedSide: 'nobody',
    expectedVerdict: 'healthy',
  },
  {
    name: 'client-cert-rejected',
    situation: 'client-cert-required',
    verifyHostname: false,
    clientCert: 'stranger-client',
    pythonError: "requests.exceptions.ConnectionError: ('Connection aborted.', RemoteDisconnected('Remote end closed connection without response'))",
    expectedSide: 'client',
    expectedVerdict: 'client-certificate',
  },
  {
    name: 'mitm',
    situation: 'mitm',
    verifyHostname: false,
    pythonError: verifyFailed('self-signed certificate in certificate chain'),
    expectedSide: 'network',
    expectedVerdict: 'untrusted-root',
  },
];
