/**
 * The certificates both articles play with, as facts. The same names, keys and dates are generated
 * for real by tests/integration/tls/pki.ts, which is how the models are checked against OpenSSL and
 * Python: the model reasons about `leaf-expired` here, the test hands the real `leaf-expired.pem` to
 * the real software.
 */
import type { CertFacts } from './chain.ts';

/** Dates used by the generated PKI (see pki.ts): valid 2025 to 2045, "expired" 2020 to 2021. */
export const VALID_FROM = Date.UTC(2025, 0, 1);
export const VALID_TO = Date.UTC(2045, 0, 1);
export const EXPIRED_FROM = Date.UTC(2020, 0, 1);
export const EXPIRED_TO = Date.UTC(2021, 0, 1);

/**
 * The "today" of the simulations' views. Fixed so that the server render and the hydrated island
 * agree; every certificate here is valid 2025 to 2045 or expired in 2021, so any day in between
 * gives the same answers.
 */
export const SIMULATION_DAY = Date.UTC(2026, 0, 15);

export const ROOT_NAME = 'Mental Models Test Root';
export const INTERMEDIATE_NAME = 'Mental Models Test Intermediate';
const HOST_SANS = ['localhost', '127.0.0.1'];

function cert(id: string, subject: string, issuer: string, keyId: string, signerKeyId: string, extra: Partial<CertFacts> = {}): CertFacts {
  return { id, subject, issuer, keyId, signerKeyId, notBefore: VALID_FROM, notAfter: VALID_TO, isCA: false, sans: [], ...extra };
}

const expired = { notBefore: EXPIRED_FROM, notAfter: EXPIRED_TO };

export const CATALOGUE = {
  root: cert('root', ROOT_NAME, ROOT_NAME, 'root-key', 'root-key', { isCA: true }),
  intermediate: cert('intermediate', INTERMEDIATE_NAME, ROOT_NAME, 'intermediate-key', 'root-key', { isCA: true }),
  leaf: cert('leaf', 'localhost', INTERMEDIATE_NAME, 'leaf-key', 'intermediate-key', { sans: HOST_SANS }),
  'leaf-expired': cert('leaf-expired', 'localhost', INTERMEDIATE_NAME, 'leaf-key', 'intermediate-key', { sans: HOST_SANS, ...expired }),
  'intermediate-expired': cert('intermediate-expired', INTERMEDIATE_NAME, ROOT_NAME, 'intermediate-key', 'root-key', { isCA: true, ...expired }),
  'root-expired': cert('root-expired', ROOT_NAME, ROOT_NAME, 'root-key', 'root-key', { isCA: true, ...expired }),
  'leaf-wrong-host': cert('leaf-wrong-host', 'api.example.net', INTERMEDIATE_NAME, 'wrong-host-key', 'intermediate-key', { sans: ['api.example.net'] }),
  'self-signed': cert('self-signed', 'localhost', 'localhost', 'self-signed-key', 'self-signed-key', { sans: HOST_SANS }),
  'other-root': cert('other-root', 'Other Test Root', 'Other Test Root', 'other-root-key', 'other-root-key', { isCA: true }),
  'other-intermediate': cert('other-intermediate', 'Other Test Intermediate', 'Other Test Root', 'other-intermediate-key', 'other-root-key', { isCA: true }),
  'mitm-root': cert('mitm-root', 'Interceptor Root', 'Interceptor Root', 'mitm-root-key', 'mitm-root-key', { isCA: true }),
  'mitm-leaf': cert('mitm-leaf', 'localhost', 'Interceptor Root', 'mitm-leaf-key', 'mitm-root-key', { sans: HOST_SANS }),
  'client-ca': cert('client-ca', 'Mental Models Client CA', 'Mental Models Client CA', 'client-ca-key', 'client-ca-key', { isCA: true }),
  client: cert('client', 'reader-app', 'Mental Models Client CA', 'client-key', 'client-ca-key', { sans: ['reader-app'] }),
  'stranger-client': cert('stranger-client', 'stranger-app', 'Other Test Root', 'stranger-client-key', 'other-root-key', { sans: ['stranger-app'] }),
} satisfies Record<string, CertFacts>;

export type CatalogueId = keyof typeof CATALOGUE;
