import { describe, expect, it } from 'vitest';
import { Ring } from '../engines/hash-ring/ring.ts';
import { NOBODY, STAFF, VNODES, replicas, ringWithout } from './replication.ts';

describe('replicas when an attendant goes home', () => {
  it('keeps every copy when nobody leaves', () => {
    const r = replicas(ringWithout(NOBODY), 'user:42', 3);
    expect(r.after).toEqual(r.before);
    expect(r.newcomer).toBeUndefined();
    expect(r.before).toEqual(Ring.of(STAFF, { vnodesPerServer: VNODES }).replicasFor('user:42', 3));
  });

  it("hands a leaver's copy to exactly one newcomer, the others keeping theirs in order", () => {
    const r0 = replicas(ringWithout(NOBODY), 'user:42', 3);
    const leaver = r0.before[1]!;
    const r = replicas(ringWithout(leaver), 'user:42', 3);
    expect(r.after).not.toContain(leaver);
    expect(r.after.filter((s) => r0.before.includes(s))).toEqual(r0.before.filter((s) => s !== leaver));
    expect(r.newcomer).toBeDefined();
    expect(r0.before).not.toContain(r.newcomer);
    // The newcomer is the fourth attendant the full ring's walk meets.
    expect(r.newcomer).toBe(replicas(ringWithout(NOBODY), 'user:42', 4).before[3]);
  });

  it('changes nothing when a leaver held no copy', () => {
    const r0 = replicas(ringWithout(NOBODY), 'user:7', 2);
    const bystander = STAFF.find((s) => !r0.before.includes(s))!;
    expect(replicas(ringWithout(bystander), 'user:7', 2).after).toEqual(r0.before);
  });
});
