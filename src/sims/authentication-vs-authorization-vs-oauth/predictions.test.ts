import { describe, expect, it } from 'vitest';
import { THIEF_CHOICES, thiefAnswer } from './predictions.ts';

describe('the thief question', () => {
  it('is answered with invalid_grant, as RFC 7636 section 4.6 prescribes, one of the offered choices', () => {
    expect(thiefAnswer()).toBe('invalid_grant');
    expect(THIEF_CHOICES.map((c) => c.value)).toContain(thiefAnswer());
  });
});
