/**
 * The server situations both TLS articles reason about, each stood up for real by the integration
 * tests (tests/integration/tls/servers.ts): what the server sends and whether it asks for a client
 * certificate. The trust check walks a client through them; the s_client captures were taken from them.
 */
import type { CatalogueId } from './catalogue.ts';

export const SITUATIONS = ['valid', 'self-signed', 'expired', 'wrong-host', 'missing-intermediate', 'client-cert-required', 'mitm'] as const;
export type Situation = (typeof SITUATIONS)[number];

export interface Server {
  label: string;
  /** What the server sends in its Certificate message, leaf first. */
  sends: CatalogueId[];
  requiresClientCert: boolean;
}

export const SERVERS: Record<Situation, Server> = {
  valid: { label: 'Valid certificate', sends: ['leaf', 'intermediate'], requiresClientCert: false },
  'self-signed': { label: 'Self-signed certificate', sends: ['self-signed'], requiresClientCert: false },
  expired: { label: 'Expired certificate', sends: ['leaf-expired', 'intermediate'], requiresClientCert: false },
  'wrong-host': { label: 'Certificate for another host name', sends: ['leaf-wrong-host', 'intermediate'], requiresClientCert: false },
  'missing-intermediate': { label: 'Intermediate not sent', sends: ['leaf'], requiresClientCert: false },
  'client-cert-required': { label: 'Requires a client certificate (mutual TLS)', sends: ['leaf', 'intermediate'], requiresClientCert: true },
  mitm: { label: 'Man in the middle', sends: ['mitm-leaf', 'mitm-root'], requiresClientCert: false },
};

/** The server trusts client certificates from its own client CA. */
export const SERVER_CLIENT_CA: CatalogueId = 'client-ca';
