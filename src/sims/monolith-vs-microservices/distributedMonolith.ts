/**
 * A map of the village: services, the database each one writes to, who calls whom and how, and which
 * services the team says must be released together. The detector looks for the three couplings that
 * turn a village back into a mansion with extra network cable.
 */
export interface ServiceMap {
  services: { name: string; database: string }[];
  calls: { from: string; to: string; sync: boolean }[];
  /** Services that cannot ship without each other. */
  releasedTogether: string[];
}

export type Verdict = 'independent services' | 'coupled' | 'distributed monolith';

export interface Finding {
  kind: 'shared database' | 'synchronous chain' | 'lock-step release';
  services: string[];
  reason: string;
}

export interface Diagnosis {
  verdict: Verdict;
  findings: Finding[];
}

/** A request that crosses this many services synchronously waits on all of them (and fails with any of them). */
export const LONG_CHAIN = 3;

export function sharedDatabases(map: ServiceMap): Finding[] {
  const byDb = new Map<string, string[]>();
  for (const s of map.services) byDb.set(s.database, [...(byDb.get(s.database) ?? []), s.name]);
  return [...byDb]
    .filter(([, users]) => users.length > 1)
    .map(([db, users]) => ({
      kind: 'shared database' as const,
      services: users,
      reason: `${users.join(', ')} write to the same database (${db}): a schema change in one breaks the others.`,
    }));
}

/** The longest path of synchronous calls, as service names; a cycle is reported as a chain too. */
export function longestSyncChain(map: ServiceMap): string[] {
  const next = new Map<string, string[]>();
  for (const c of map.calls) if (c.sync) next.set(c.from, [...(next.get(c.from) ?? []), c.to]);
  let best: string[] = [];
  const walk = (path: string[]) => {
    if (path.length > best.length) best = path;
    for (const to of next.get(path.at(-1)!) ?? []) {
      // Stop at a cycle but keep the repeat, so "a → b → a" reads as the loop it is.
      if (path.includes(to)) {
        if (path.length + 1 > best.length) best = [...path, to];
      } else walk([...path, to]);
    }
  };
  for (const s of map.services) walk([s.name]);
  return best;
}

export function diagnose(map: ServiceMap): Diagnosis {
  const findings: Finding[] = [...sharedDatabases(map)];
  const chain = longestSyncChain(map);
  if (chain.length >= LONG_CHAIN) {
    findings.push({
      kind: 'synchronous chain',
      services: chain,
      reason: `${chain.join(' → ')} is a synchronous chain through ${chain.length} services: if any one is down or slow, so is the request.`,
    });
  }
  const together = [...new Set(map.releasedTogether)].filter((n) => map.services.some((s) => s.name === n));
  if (together.length > 1) {
    findings.push({
      kind: 'lock-step release',
      services: together,
      reason: `${together.join(', ')} must be released together: they are one deployable unit split across the network.`,
    });
  }
  // Releasing in lock-step is the defining symptom: the split bought none of the independence it cost.
  // Shared data plus a long synchronous chain gets there too, just before anyone has noticed.
  const kinds = new Set(findings.map((f) => f.kind));
  const verdict: Verdict =
    kinds.has('lock-step release') || (kinds.has('shared database') && kinds.has('synchronous chain'))
      ? 'distributed monolith'
      : findings.length > 0
        ? 'coupled'
        : 'independent services';
  return { verdict, findings };
}

/** The shop the article uses: five services, with the couplings the reader can switch on and off. */
export const SHOP_SERVICES = ['checkout', 'orders', 'payments', 'stock', 'email'] as const;

export interface ShopChoices {
  /** orders and payments keep their tables in one database */
  sharedOrdersDb: boolean;
  /** orders calls payments and stock over HTTP and waits, instead of publishing an event */
  syncDownstream: boolean;
  releasedTogether: string[];
}

export function shopMap(choices: ShopChoices): ServiceMap {
  return {
    services: [
      { name: 'checkout', database: 'checkout-db' },
      { name: 'orders', database: choices.sharedOrdersDb ? 'shop-db' : 'orders-db' },
      { name: 'payments', database: choices.sharedOrdersDb ? 'shop-db' : 'payments-db' },
      { name: 'stock', database: 'stock-db' },
      { name: 'email', database: 'email-db' },
    ],
    calls: [
      { from: 'checkout', to: 'orders', sync: true },
      { from: 'orders', to: 'payments', sync: choices.syncDownstream },
      { from: 'orders', to: 'stock', sync: choices.syncDownstream },
      { from: 'orders', to: 'email', sync: false },
    ],
    releasedTogether: choices.releasedTogether,
  };
}
