import { describe, expect, it } from 'vitest';
import { scanFate } from './scanQuestion.ts';

describe('the scan question', () => {
  it('midpoint insertion with its default delay keeps every hot index page through the scan', () => {
    expect(scanFate()).toBe('kept');
  });

  it('without the delay the same scan pushes almost all of them out, so the answer depends on the model', () => {
    expect(scanFate(0)).toBe('lost');
  });
});
