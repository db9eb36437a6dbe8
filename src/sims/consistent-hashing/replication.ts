/**
 * The replication figure's model: eight attendants with four name tags each hold copies of a key on
 * the first `factor` distinct attendants met clockwise; one may go home, and the walk finds who
 * takes over their copy.
 */
import { Ring, type VirtualNode } from '../engines/hash-ring/ring.ts';
import { ATTENDANTS } from './lockerRoom.ts';

export const STAFF = ATTENDANTS.slice(0, 8);
export const VNODES = 4;
export const MAX_FACTOR = 5;
/** The `leaves` value for "nobody goes home". */
export const NOBODY = 'nobody';

const FULL = Ring.of(STAFF, { vnodesPerServer: VNODES });

/** The ring once `leaves` has gone home (the full staff for NOBODY). */
export function ringWithout(leaves: string): Ring {
  return leaves === NOBODY
    ? FULL
    : Ring.of(
        STAFF.filter((s) => s !== leaves),
        { vnodesPerServer: VNODES },
      );
}

export interface Replicas {
  /** Who holds the copies with everyone on shift, in walking order. */
  before: string[];
  /** Who holds them on `ring`, in walking order, and the name tags the walk stopped at. */
  after: string[];
  nodes: VirtualNode[];
  /** The one who holds a copy now and did not before, if any. */
  newcomer: string | undefined;
}

export function replicas(ring: Ring, key: string, factor: number): Replicas {
  const before = FULL.replicasFor(key, factor);
  const nodes = ring.replicaNodesFor(key, factor);
  const after = nodes.map((n) => n.server);
  return { before, after, nodes, newcomer: after.find((s) => !before.includes(s)) };
}
