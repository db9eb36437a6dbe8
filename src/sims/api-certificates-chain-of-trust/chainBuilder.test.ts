import { describe, expect, it } from 'vitest';
import { SIMULATION_DAY } from '../engines/tls/catalogue.ts';
import { INITIAL_CHAIN, allChainStates, movedCard, verdictFor, withoutCard, type ChainState } from './chainBuilder.ts';

const at = (change: Partial<ChainState>) => verdictFor({ ...INITIAL_CHAIN, ...change }, SIMULATION_DAY);
const summary = (change: Partial<ChainState>) => {
  const v = at(change);
  return v.kind === 'empty' ? 'empty' : v.ok ? 'ok' : `${v.code}@${v.depth} ${v.fixer}`;
};

describe('chain builder verdicts, as a TLS client checks a server', () => {
  it('verifies the starting chain', () => {
    expect(summary({})).toBe('ok');
  });

  it('fails the intermediate sent first with 26 (unsuitable certificate purpose), not a name mismatch', () => {
    expect(summary({ order: 'intermediate-first' })).toBe('26@0 server');
    const v = at({ order: 'intermediate-first' });
    expect(v.kind === 'verdict' && !v.ok && v.message).toBe('unsuitable certificate purpose');
    expect(v.explanation).toContain('before the host name');
  });

  it('blames an expired root on the client, whose store holds it, and an expired leaf or intermediate on the server', () => {
    expect(summary({ root: 'expired' })).toBe('10@2 client');
    expect(at({ root: 'expired' }).explanation).toContain("client's own trust store");
    expect(summary({ leaf: 'expired' })).toBe('10@0 server');
    expect(summary({ intermediate: 'expired' })).toBe('10@1 server');
    // Dates run root-down: with everything expired, the root (the client's) is reported.
    expect(summary({ leaf: 'expired', intermediate: 'expired', root: 'expired' })).toBe('10@2 client');
  });

  it('blames a missing intermediate on the server and a missing or foreign root on the client', () => {
    expect(summary({ intermediate: 'removed' })).toBe('20@0 server');
    expect(summary({ root: 'removed' })).toBe('20@1 client');
    expect(summary({ root: 'swapped' })).toBe('20@1 client');
    expect(summary({ leaf: 'swapped' })).toBe('62@0 server');
  });

  it('never blames the server for a certificate it did not send', () => {
    for (const state of allChainStates()) {
      const v = verdictFor(state, SIMULATION_DAY);
      if (v.kind === 'verdict' && !v.ok && v.code === 10 && v.cert.id.startsWith('root')) expect(v.fixer, JSON.stringify(state)).toBe('client');
    }
  });
});

describe('acting on the cards in the drawing', () => {
  const PITCH = 210;
  const swapped: ChainState = { ...INITIAL_CHAIN, order: 'intermediate-first' };

  it('moves a sent card only once it is more than half a card past its place', () => {
    expect(movedCard(INITIAL_CHAIN, 'leaf', 5, PITCH)).toEqual(INITIAL_CHAIN);
    expect(movedCard(INITIAL_CHAIN, 'leaf', 104, PITCH)).toEqual(INITIAL_CHAIN);
    expect(movedCard(INITIAL_CHAIN, 'leaf', 106, PITCH)).toEqual(swapped);
    expect(movedCard(INITIAL_CHAIN, 'intermediate', -PITCH, PITCH)).toEqual(swapped);
    // Let go just past the old place after the swap: it stays swapped rather than flipping back.
    expect(movedCard(swapped, 'leaf', 106 - PITCH, PITCH)).toEqual(swapped);
    expect(movedCard(swapped, 'leaf', -PITCH, PITCH)).toEqual(INITIAL_CHAIN);
  });

  it('never moves a card past the ends of the list, nor the root, nor a lone card', () => {
    expect(movedCard(INITIAL_CHAIN, 'leaf', -PITCH, PITCH)).toEqual(INITIAL_CHAIN);
    expect(movedCard(INITIAL_CHAIN, 'intermediate', 5 * PITCH, PITCH)).toEqual(INITIAL_CHAIN);
    expect(movedCard(INITIAL_CHAIN, 'root', -PITCH, PITCH)).toEqual(INITIAL_CHAIN);
    // With the intermediate gone the leaf has nothing to pass: putting the intermediate back must verify again.
    const alone = withoutCard(INITIAL_CHAIN, 'intermediate');
    expect(movedCard(alone, 'leaf', PITCH, PITCH)).toEqual(alone);
    expect(summary({ ...movedCard(alone, 'leaf', PITCH, PITCH), intermediate: 'valid' })).toBe('ok');
  });

  it('a card moved after the intermediate gives what openssl verify -purpose sslserver gives for that order: 26', () => {
    expect(summary(movedCard(INITIAL_CHAIN, 'leaf', PITCH, PITCH))).toBe('26@0 server');
    expect(summary(withoutCard(INITIAL_CHAIN, 'root'))).toBe('20@1 client');
  });
});
