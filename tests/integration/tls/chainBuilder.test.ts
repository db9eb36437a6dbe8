/**
 * Every state the chain builder can reach (4 variants of each of 3 cards, 2 orders: 128 states),
 * verified by the model and by `openssl verify -purpose sslserver` (what a TLS client checks) on the
 * real generated certificates.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildTestPki, type Pki } from './pki.ts';
import { opensslVerify, pems, type OpensslVerdict } from './opensslVerify.ts';
import { allChainStates, HOSTNAME, layout, PURPOSE, verdictFor } from '../../../src/sims/api-certificates-chain-of-trust/chainBuilder.ts';

let dir: string;
let pki: Pki;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tls-chain-'));
  pki = buildTestPki(join(dir, 'pki'));
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('chain builder vs openssl verify -purpose sslserver', () => {
  it('checks for the purpose a TLS client uses', () => {
    expect(PURPOSE).toBe('sslserver');
  });

  it('agrees with openssl verify on all 128 reachable states, error code and depth included', async () => {
    const states = allChainStates();
    expect(states).toHaveLength(128);
    const seen = new Set<string>();
    let compared = 0;
    for (const [i, state] of states.entries()) {
      const { sent, trusted } = layout(state);
      const model = verdictFor(state, Date.now());
      if (model.kind === 'empty') {
        expect(sent).toHaveLength(0);
        continue;
      }
      const real: OpensslVerdict = await opensslVerify(dir, `s${i}`, pems(pki, sent), pems(pki, trusted), HOSTNAME, PURPOSE);
      const label = JSON.stringify(state);
      if (model.ok) expect(real, label).toEqual({ ok: true });
      else expect(real, label).toEqual({ ok: false, code: model.code, depth: model.depth, message: model.message });
      seen.add(real.ok ? 'ok' : String(real.code));
      compared++;
    }
    expect(compared).toBe(120); // 8 states remove both sent cards
    // The states exercise every verdict the builder explains, not just the happy path.
    expect([...seen].sort()).toEqual(['10', '20', '26', '62', 'ok'].sort());
  });

  it('without -purpose, openssl verify accepts the intermediate sent first and only the name check fails', async () => {
    // Why the purpose matters: the old model followed this answer, which no TLS client gives.
    const { sent, trusted } = layout({ leaf: 'valid', intermediate: 'valid', root: 'valid', order: 'intermediate-first' });
    expect(await opensslVerify(dir, 'nopurpose', pems(pki, sent), pems(pki, trusted), HOSTNAME)).toMatchObject({ ok: false, code: 62, depth: 0 });
    expect(await opensslVerify(dir, 'purpose', pems(pki, sent), pems(pki, trusted), HOSTNAME, PURPOSE)).toEqual({
      ok: false,
      code: 26,
      depth: 0,
      message: 'unsuitable certificate purpose',
    });
  });
});
