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
/** The extension profiles of pki.ts: what each kind of certificate may be used for. */
const CA = { isCA: true, keyUsage: ['keyCertSign', 'cRLSign'] };
const SERVER = { keyUsage: ['digitalSignature'], extendedKeyUsage: ['serverAuth'] };
const CLIENT = { keyUsage: ['digitalSignature'], extendedKeyUsage: ['clientAuth'] };

export const CATALOGUE = {
  root: cert('root', ROOT_NAME, ROOT_NAME, 'root-key', 'root-key', CA),
  intermediate: cert('intermediate', INTERMEDIATE_NAME, ROOT_NAME, 'intermediate-key', 'root-key', CA),
  leaf: cert('leaf', 'localhost', INTERMEDIATE_NAME, 'leaf-key', 'intermediate-key', { ...SERVER, sans: HOST_SANS }),
  'leaf-expired': cert('leaf-expired', 'localhost', INTERMEDIATE_NAME, 'leaf-key', 'intermediate-key', { ...SERVER, sans: HOST_SANS, ...expired }),
  'intermediate-expired': cert('intermediate-expired', INTERMEDIATE_NAME, ROOT_NAME, 'intermediate-key', 'root-key', { ...CA, ...expired }),
  'root-expired': cert('root-expired', ROOT_NAME, ROOT_NAME, 'root-key', 'root-key', { ...CA, ...expired }),
  'leaf-wrong-host': cert('leaf-wrong-host', 'api.example.net', INTERMEDIATE_NAME, 'wrong-host-key', 'intermediate-key', {
    ...SERVER,
    sans: ['api.example.net'],
  }),
  'leaf-cn-only': cert('leaf-cn-only', 'localhost', INTERMEDIATE_NAME, 'cn-only-key', 'intermediate-key', SERVER),
  'leaf-wrong-host-expired': cert('leaf-wrong-host-expired', 'api.example.net', INTERMEDIATE_NAME, 'wrong-host-key', 'intermediate-key', {
    ...SERVER,
    sans: ['api.example.net'],
    ...expired,
  }),
  'self-signed': cert('self-signed', 'localhost', 'localhost', 'self-signed-key', 'self-signed-key', {
    keyUsage: ['digitalSignature', 'keyCertSign'],
    extendedKeyUsage: ['serverAuth'],
    sans: HOST_SANS,
  }),
  'other-root': cert('other-root', 'Other Test Root', 'Other Test Root', 'other-root-key', 'other-root-key', CA),
  'other-intermediate': cert('other-intermediate', 'Other Test Intermediate', 'Other Test Root', 'other-intermediate-key', 'other-root-key', CA),
  'mitm-root': cert('mitm-root', 'Interceptor Root', 'Interceptor Root', 'mitm-root-key', 'mitm-root-key', CA),
  'mitm-leaf': cert('mitm-leaf', 'localhost', 'Interceptor Root', 'mitm-leaf-key', 'mitm-root-key', { ...SERVER, sans: HOST_SANS }),
  'client-ca': cert('client-ca', 'Mental Models Client CA', 'Mental Models Client CA', 'client-ca-key', 'client-ca-key', CA),
  client: cert('client', 'reader-app', 'Mental Models Client CA', 'client-key', 'client-ca-key', { ...CLIENT, sans: ['reader-app'] }),
  'stranger-client': cert('stranger-client', 'stranger-app', 'Other Test Root', 'stranger-client-key', 'other-root-key', { ...CLIENT, sans: ['stranger-app'] }),
} satisfies Record<string, CertFacts>;

export type CatalogueId = keyof typeof CATALOGUE;
