import { describe, expect, it } from 'vitest';
import { intermediateFirstAnswer, intermediateFirstVerdict } from './predictions.ts';

describe('the order question', () => {
  it('is answered by the purpose check: X509_V_ERR_INVALID_PURPOSE (26) at depth 0, so the client refuses', () => {
    const v = intermediateFirstVerdict();
    expect(v.kind === 'verdict' && !v.ok && [v.code, v.depth]).toEqual([26, 0]);
    expect(intermediateFirstAnswer()).toBe('refuses');
  });
});
