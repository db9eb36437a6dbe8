import { describe, expect, it } from 'vitest';
import { diagnose, longestSyncChain, shopMap, type ServiceMap } from './distributedMonolith.ts';

const loose = { sharedOrdersDb: false, syncDownstream: false, releasedTogether: [] };

describe('distributed monolith detector', () => {
  it('calls a map with own databases, events and independent releases independent services', () => {
    expect(diagnose(shopMap(loose))).toEqual({ verdict: 'independent services', findings: [] });
  });

  it('finds a shared database and names who shares it', () => {
    const d = diagnose(shopMap({ ...loose, sharedOrdersDb: true }));
    expect(d.verdict).toBe('coupled');
    expect(d.findings).toHaveLength(1);
    expect(d.findings[0]).toMatchObject({ kind: 'shared database', services: ['orders', 'payments'] });
    expect(d.findings[0]!.reason).toContain('shop-db');
  });

  it('finds the longest synchronous chain', () => {
    const d = diagnose(shopMap({ ...loose, syncDownstream: true }));
    expect(d.verdict).toBe('coupled');
    expect(d.findings[0]).toMatchObject({ kind: 'synchronous chain', services: ['checkout', 'orders', 'payments'] });
    expect(d.findings[0]!.reason).toContain('checkout → orders → payments');
  });

  it('says distributed monolith when services must be released together', () => {
    const d = diagnose(shopMap({ ...loose, releasedTogether: ['orders', 'payments'] }));
    expect(d.verdict).toBe('distributed monolith');
    expect(d.findings.map((f) => f.kind)).toEqual(['lock-step release']);
  });

  it('says distributed monolith for a shared database plus a synchronous chain, with both reasons', () => {
    const d = diagnose(shopMap({ ...loose, sharedOrdersDb: true, syncDownstream: true }));
    expect(d.verdict).toBe('distributed monolith');
    expect(d.findings.map((f) => f.kind).sort()).toEqual(['shared database', 'synchronous chain']);
  });

  it('one service alone in the release list, or unknown names, is no lock-step release', () => {
    expect(diagnose(shopMap({ ...loose, releasedTogether: ['orders'] })).verdict).toBe('independent services');
    expect(diagnose(shopMap({ ...loose, releasedTogether: ['orders', 'orders', '<img src=x>'] })).verdict).toBe('independent services');
  });

  it('reports a synchronous cycle instead of walking it forever', () => {
    const map: ServiceMap = {
      services: [
        { name: 'a', database: 'a' },
        { name: 'b', database: 'b' },
      ],
      calls: [
        { from: 'a', to: 'b', sync: true },
        { from: 'b', to: 'a', sync: true },
      ],
      releasedTogether: [],
    };
    expect(longestSyncChain(map)).toEqual(['a', 'b', 'a']);
    expect(diagnose(map).findings[0]!.kind).toBe('synchronous chain');
  });

  it('asynchronous calls do not make a chain', () => {
    const map: ServiceMap = {
      services: ['a', 'b', 'c', 'd'].map((n) => ({ name: n, database: n })),
      calls: [
        { from: 'a', to: 'b', sync: false },
        { from: 'b', to: 'c', sync: false },
        { from: 'c', to: 'd', sync: false },
      ],
      releasedTogether: [],
    };
    expect(longestSyncChain(map)).toHaveLength(1);
  });
});
