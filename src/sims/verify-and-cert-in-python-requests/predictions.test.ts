import { describe, expect, it } from 'vitest';
import { LEAF_ONLY_CHOICES, leafOnlyOutcome } from './predictions.ts';

describe('the leaf-only question', () => {
  it('is answered with an SSLError naming the missing issuer (OpenSSL error 20), one of the offered choices', () => {
    const outcome = leafOnlyOutcome();
    expect(outcome.kind).toBe('error');
    expect(outcome.kind === 'error' && outcome.exception).toBe('requests.exceptions.SSLError');
    expect(outcome.kind === 'error' && outcome.message).toContain('unable to get local issuer certificate');
    expect(LEAF_ONLY_CHOICES.map((c) => c.value)).toContain(outcome.kind);
  });
});
