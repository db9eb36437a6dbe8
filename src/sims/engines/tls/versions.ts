/**
 * The software the two TLS articles' behaviour was checked against: Debian 12's packages. The
 * articles state these once; the integration tests (tests/integration/tls/versions.test.ts) fail when
 * the installed software is another release, so a silent upgrade cannot change what they measure.
 */
export const CHECKED_AGAINST = {
  debian: '12',
  openssl: '3.0',
  python: '3.11',
  requests: '2.28',
  urllib3: '1.26',
} as const;

export type CheckedSoftware = keyof typeof CHECKED_AGAINST;
