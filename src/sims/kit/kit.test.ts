import { describe, expect, it } from 'vitest';
import { exponential, mulberry32, normal, randomInt } from './random.ts';
import { clampNumber, pickOne } from './validate.ts';
import { boolParam, enumParam, intParam, readState, simIdInHash, textParam, writeState } from './urlState.ts';
import { formatTick, linearScale, logScale, logTicks, niceTicks } from './scale.ts';
import { formatMs, formatNumber, formatPercent } from './format.ts';

describe('mulberry32', () => {
  it('repeats its sequence for a seed and differs between seeds', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const c = mulberry32(43);
    const seqA = Array.from({ length: 5 }, a);
    expect(Array.from({ length: 5 }, b)).toEqual(seqA);
    expect(Array.from({ length: 5 }, c)).not.toEqual(seqA);
  });

  it('is uniform on [0, 1): mean 1/2, variance 1/12, every decile filled evenly', () => {
    const random = mulberry32(7);
    const n = 200_000;
    const deciles = new Array(10).fill(0);
    let sum = 0;
    let sumSq = 0;
    let outside = 0;
    for (let i = 0; i < n; i++) {
      const u = random();
      if (!(u >= 0 && u < 1)) outside++;
      sum += u;
      sumSq += u * u;
      deciles[Math.floor(u * 10)]++;
    }
    expect(outside).toBe(0);
    expect(sum / n).toBeCloseTo(0.5, 2);
    expect(sumSq / n - (sum / n) ** 2).toBeCloseTo(1 / 12, 3);
    // Chi-square with 9 degrees of freedom: 27.88 is the 0.1% critical value.
    const chi2 = deciles.reduce((acc, count) => acc + (count - n / 10) ** 2 / (n / 10), 0);
    expect(chi2).toBeLessThan(27.88);
  });

  it('draws exponential and normal variates with the right moments', () => {
    const random = mulberry32(3);
    const n = 100_000;
    const exp = Array.from({ length: n }, () => exponential(random, 4));
    expect(exp.reduce((a, b) => a + b) / n).toBeCloseTo(0.25, 2);
    const norm = Array.from({ length: n }, () => normal(random, 10, 2));
    const mean = norm.reduce((a, b) => a + b) / n;
    const sd = Math.sqrt(norm.reduce((a, b) => a + (b - mean) ** 2, 0) / n);
    expect(mean).toBeCloseTo(10, 1);
    expect(sd).toBeCloseTo(2, 1);
    expect(new Set(Array.from({ length: 1000 }, () => randomInt(random, 3)))).toEqual(new Set([0, 1, 2]));
  });
});

describe('clampNumber and pickOne', () => {
  const range = { min: 1, max: 500, fallback: 100, integer: true };
  it('clamps out-of-range values and rounds integers', () => {
    expect(clampNumber(0, range)).toBe(1);
    expect(clampNumber(1e9, range)).toBe(500);
    expect(clampNumber('12.6', range)).toBe(13);
  });
  it('falls back on anything that is not a finite number', () => {
    for (const bad of [Number.NaN, Infinity, '', ' ', 'abc', '1e999', null, undefined, {}, [], '0x']) {
      expect(clampNumber(bad, range)).toBe(100);
    }
  });
  it('accepts only listed choices', () => {
    expect(pickOne('b', ['a', 'b'] as const, 'a')).toBe('b');
    expect(pickOne('<script>', ['a', 'b'] as const, 'a')).toBe('a');
  });
});

describe('state in the URL hash', () => {
  const schema = { servers: intParam(1, 20, 4), mode: enumParam(['ring', 'modn'] as const, 'ring'), vnodes: boolParam(true) };

  it("round-trips a state and keeps other simulations' entries", () => {
    const hash = writeState('#other.x=1', 'ring', schema, { servers: 7, mode: 'modn', vnodes: false });
    expect(hash).toBe('#other.x=1&ring.servers=7&ring.mode=modn&ring.vnodes=0');
    expect(readState(hash, 'ring', schema)).toEqual({ servers: 7, mode: 'modn', vnodes: false });
    expect(simIdInHash(hash)).toBe('other');
  });

  it('falls back to defaults for missing, hostile or out-of-range values', () => {
    expect(readState('#ring.servers=abc&ring.mode=%3Cimg%20onerror%3D1%3E&ring.vnodes=maybe', 'ring', schema)).toEqual({
      servers: 4,
      mode: 'ring',
      vnodes: true,
    });
    expect(readState('#ring.servers=99999', 'ring', schema).servers).toBe(20);
    expect(readState('#a-heading-anchor', 'ring', schema)).toEqual({ servers: 4, mode: 'ring', vnodes: true });
    expect(readState(`#ring.servers=5&${'x'.repeat(10_000)}`, 'ring', schema).servers).toBe(4);
  });

  it('accepts only short plain text for text parameters', () => {
    const key = { key: textParam(40, 'user:42') };
    expect(readState('#r.key=order%3A7', 'r', key).key).toBe('order:7');
    expect(readState('#r.key=%3Cscript%3E', 'r', key).key).toBe('user:42');
    expect(readState(`#r.key=${'a'.repeat(41)}`, 'r', key).key).toBe('user:42');
  });

  it('leaves out a text that is empty by default while it is empty, and keeps an emptied one that is not', () => {
    const texts = { walks: textParam(40, ''), key: textParam(40, 'user:42') };
    expect(writeState('', 'r', texts, { walks: '', key: 'user:42' })).toBe('#r.key=user%3A42');
    expect(writeState('#r.walks=Ada.1', 'r', texts, { walks: '', key: '' })).toBe('#r.key=');
    expect(readState('#r.key=', 'r', texts)).toEqual({ walks: '', key: '' });
    expect(readState(writeState('', 'r', texts, { walks: 'Ada.1', key: 'user:42' }), 'r', texts)).toEqual({ walks: 'Ada.1', key: 'user:42' });
  });
});

describe('scales and ticks', () => {
  it('maps linear and log domains onto pixels', () => {
    expect(linearScale([0, 10], [0, 100])(2.5)).toBe(25);
    expect(linearScale([0, 10], [100, 0])(10)).toBe(0);
    expect(logScale([1, 1000], [0, 300])(10)).toBeCloseTo(100);
    expect(() => logScale([0, 10], [0, 1])).toThrow(RangeError);
  });

  it('chooses round ticks 1, 2 or 5 times a power of ten apart', () => {
    expect(niceTicks(0, 100, 5)).toEqual([0, 20, 40, 60, 80, 100]);
    // A raw step of 0.25 rounds up to 0.5, the next of 0.1, 0.2, 0.5, 1.
    expect(niceTicks(0, 1, 4)).toEqual([0, 0.5, 1]);
    expect(niceTicks(-7, 7, 7)).toEqual([-6, -4, -2, 0, 2, 4, 6]);
    expect(niceTicks(3, 3)).toEqual([3]);
    expect(logTicks(0.5, 2000)).toEqual([1, 10, 100, 1000]);
  });

  it('labels ticks compactly', () => {
    expect(formatTick(1200)).toBe('1.2k');
    expect(formatTick(2_500_000)).toBe('2.5M');
    expect(formatTick(0.004)).toBe('0.004');
  });
});

describe('numbers on the site locale', () => {
  it('groups counts and fixes digits the way en-GB writes them', () => {
    expect(formatNumber(12_345)).toBe('12,345');
    expect(formatNumber(0.5, { digits: 2 })).toBe('0.50');
    expect(formatNumber(1234.56, { digits: 1, grouping: false })).toBe('1234.6');
    expect(formatNumber(0.000123456, { significant: 3 })).toBe('0.000123');
    expect(formatNumber(123456, { significant: 3 })).toBe('123,000');
    expect(formatNumber(2.5, { significant: 3 })).toBe('2.5');
    expect(() => formatNumber(1, { digits: 1, significant: 2 })).toThrow(/not both/);
    expect(formatNumber(Number.NaN)).toBe('–');
    // Halfway cases round as toFixed does, on the binary value: 20.15 is stored just below 20.15.
    expect(formatNumber(20.15, { digits: 1 })).toBe('20.1');
  });

  it('writes durations with few digits, never grouped, and seconds from 10 s', () => {
    expect([4.271, 38.46, 412.4, 1250, 12_345].map((ms) => formatMs(ms))).toEqual(['4.27 ms', '38.5 ms', '412 ms', '1250 ms', '12.3 s']);
    expect(formatMs(4.271, { maxDigits: 1, seconds: false })).toBe('4.3 ms');
    expect(formatMs(12_345, { maxDigits: 1, seconds: false })).toBe('12345 ms');
    expect(formatMs(412.44, { digits: 1 })).toBe('412.4 ms');
  });

  it('writes shares as percentages', () => {
    expect(formatPercent(0.375)).toBe('38%');
    expect(formatPercent(0.0123, 2, { space: true })).toBe('1.23 %');
  });
});
