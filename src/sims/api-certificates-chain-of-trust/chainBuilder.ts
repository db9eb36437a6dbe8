/**
 * The chain builder: three cards (the server's certificate, the intermediate the server sends with
 * it, the root in the client's trust store) that the reader can remove, reorder, expire or swap for
 * another CA's. The verdict is `verifyChain` on what is left, checked the way a TLS client checks a
 * server (purpose sslserver, host name localhost), which is what
 * `openssl verify -purpose sslserver -CAfile <store> -untrusted <rest> -verify_hostname localhost <first>`
 * answers. Each failure also says which side has to act.
 */
import { CATALOGUE, type CatalogueId } from '../engines/tls/catalogue.ts';
import { isSelfSigned, verifyChain, type CertFacts, type Purpose, type Verdict } from '../engines/tls/chain.ts';

export const SLOTS = ['leaf', 'intermediate', 'root'] as const;
export type Slot = (typeof SLOTS)[number];
export const VARIANTS = ['valid', 'expired', 'swapped', 'removed'] as const;
export type Variant = (typeof VARIANTS)[number];
/** Which of the two sent certificates the server puts first. */
export const ORDERS = ['leaf-first', 'intermediate-first'] as const;
export type Order = (typeof ORDERS)[number];

export interface ChainState {
  leaf: Variant;
  intermediate: Variant;
  root: Variant;
  order: Order;
}

export const INITIAL_CHAIN: ChainState = { leaf: 'valid', intermediate: 'valid', root: 'valid', order: 'leaf-first' };

export const HOSTNAME = 'localhost';
/** A TLS client verifies the server's chain for this purpose (libssl's ssl_verify_cert_chain). */
export const PURPOSE: Purpose = 'sslserver';

const CARDS: Record<Slot, Record<Exclude<Variant, 'removed'>, CatalogueId>> = {
  leaf: { valid: 'leaf', expired: 'leaf-expired', swapped: 'leaf-wrong-host' },
  intermediate: { valid: 'intermediate', expired: 'intermediate-expired', swapped: 'other-intermediate' },
  root: { valid: 'root', expired: 'root-expired', swapped: 'other-root' },
};

/** What "swap" means for each card, in words. */
export const SWAP_LABEL: Record<Slot, string> = {
  leaf: 'certificate for another host',
  intermediate: "another CA's intermediate",
  root: "another CA's root",
};

export function cardFor(slot: Slot, variant: Variant): CatalogueId | null {
  return variant === 'removed' ? null : CARDS[slot][variant];
}

/** The server's list, in the order it sends it, and the client's trust store. */
export function layout(state: ChainState): { sent: CatalogueId[]; trusted: CatalogueId[] } {
  const leaf = cardFor('leaf', state.leaf);
  const inter = cardFor('intermediate', state.intermediate);
  const order = state.order === 'leaf-first' ? [leaf, inter] : [inter, leaf];
  const root = cardFor('root', state.root);
  return { sent: order.filter((c): c is CatalogueId => c !== null), trusted: root ? [root] : [] };
}

/** The chain without one card (the reader took it away). */
export function withoutCard(state: ChainState, slot: Slot): ChainState {
  return { ...state, [slot]: 'removed' };
}

/**
 * The chain after the reader moves a sent card `dx` drawing units along a row of cards `pitch` apart:
 * it takes the place nearest to where it was let go, so it changes place only once it is more than half
 * a pitch past its own (a drag that wobbles near the start leaves it where it is) and only when there is
 * another sent card to pass. The root is in the client's store, not in the server's list: it stays.
 */
export function movedCard(state: ChainState, slot: Slot, dx: number, pitch: number): ChainState {
  if (slot === 'root' || !Number.isFinite(dx) || !(pitch > 0)) return state;
  const sent = layout(state).sent;
  if (sent.length < 2) return state;
  const from = sent.indexOf(cardFor(slot, state[slot])!);
  const to = Math.min(sent.length - 1, Math.max(0, from + Math.round(dx / pitch)));
  if (to === from) return state;
  const first: Slot = to === 0 ? slot : slot === 'leaf' ? 'intermediate' : 'leaf';
  return { ...state, order: first === 'leaf' ? 'leaf-first' : 'intermediate-first' };
}

export type ChainVerdict = { kind: 'empty'; explanation: string } | ({ kind: 'verdict'; explanation: string; fixer: Fixer } & Verdict);

function day(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Who has to act on a verdict: the server's operator, or whoever runs the client. */
export type Fixer = 'server' | 'client' | 'nobody';

/**
 * An expired certificate is the server's to replace only if the server sent it. The root sits in the
 * client's own store (with trusted-first building, the store's copy wins even when the server sends
 * a root too), so an expired root is the client's: update its CA bundle.
 */
export function fixerOf(v: Verdict, sent: readonly CertFacts[]): Fixer {
  if (v.ok) return 'nobody';
  switch (v.code) {
    case 9:
    case 10:
      return sent.includes(v.cert) && !isSelfSigned(v.cert) ? 'server' : 'client';
    case 20:
      // Nothing sent reaches a root: the server left out its intermediate, or the client lacks the root.
      return v.depth === 0 && !v.cert.isCA ? 'server' : 'client';
    case 2:
    case 19:
      return 'client';
    default:
      return 'server';
  }
}

function explain(v: Verdict, sent: readonly CertFacts[]): string {
  if (v.ok) {
    const names = v.chain.map((c) => c.subject).join(' → ');
    return `Verified: ${names}. The client assembled this path itself, from what the server sent and what it already trusts.`;
  }
  const at = v.cert;
  switch (v.code) {
    case 20:
      return v.depth === 0
        ? `Nobody the client knows issued "${at.subject}": its issuer "${at.issuer}" was neither sent by the server nor in the trust store. Server's fault: send the intermediate.`
        : `The chain climbs to "${at.subject}", whose issuer "${at.issuer}" is not in the client's trust store. Either the client lacks that root, or the server sent another CA's intermediate.`;
    case 2:
      return `"${at.subject}" is trusted but its own issuer "${at.issuer}" is missing, and OpenSSL insists on a complete chain to a root.`;
    case 18:
      return `"${at.subject}" signed itself and the client does not trust it.`;
    case 19:
      return `The chain ends at the self-signed "${at.subject}", which is not in the client's trust store.`;
    case 9:
      return `"${at.subject}" is not valid before ${day(at.notBefore)}.`;
    case 10:
      return fixerOf(v, sent) === 'client'
        ? `"${at.subject}" expired on ${day(at.notAfter)}. It is the root in the client's own trust store, not something the server sent: the client must update its CA bundle. The dates are checked from the root down, so this is the highest expired certificate.`
        : `"${at.subject}" expired on ${day(at.notAfter)}. The server sent it, so the server must renew it. The dates are checked from the root down, so this is the highest expired certificate.`;
    case 26:
      return `The first certificate the server sends must be its own; here it is "${at.subject}", a CA certificate whose key usage does not allow it to serve TLS. A TLS client checks the purpose before the host name, so this fails with error 26, not a name mismatch.`;
    case 24:
      return `"${at.subject}" is used as an issuer but is not a CA certificate.`;
    case 62:
      return `The certificate is for ${at.sans.join(', ') || at.subject}, not ${HOSTNAME}.`;
  }
}

export function verdictFor(state: ChainState, now: number): ChainVerdict {
  const { sent, trusted } = layout(state);
  if (sent.length === 0)
    return { kind: 'empty', explanation: 'The server sends no certificate at all: there is nothing to verify, and a real handshake fails.' };
  const facts = sent.map((id) => CATALOGUE[id]);
  const verdict = verifyChain(
    facts[0]!,
    facts.slice(1),
    trusted.map((id) => CATALOGUE[id]),
    { now, hostname: HOSTNAME, purpose: PURPOSE },
  );
  return { kind: 'verdict', ...verdict, explanation: explain(verdict, facts), fixer: fixerOf(verdict, facts) };
}

/** Every state the controls can reach: 4 variants for each card times 2 orders. */
export function allChainStates(): ChainState[] {
  const states: ChainState[] = [];
  for (const leaf of VARIANTS)
    for (const intermediate of VARIANTS) for (const root of VARIANTS) for (const order of ORDERS) states.push({ leaf, intermediate, root, order });
  return states;
}
