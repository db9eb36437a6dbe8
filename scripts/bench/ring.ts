/**
 * What a reader's click costs in "The ring" at its heaviest setting (20 attendants x 500 name tags):
 * build the ring, place the 2000 keys, sample the drawing. Prints the median of repeated runs.
 * Run: npx node scripts/bench/ring.ts
 */
import { medianMs } from './medianMs.ts';
import { attendants, sampleKeys } from '../../src/sims/consistent-hashing/lockerRoom.ts';
import { Ring } from '../../src/sims/engines/hash-ring/ring.ts';
import { arcPath, ownerArcs } from '../../src/sims/consistent-hashing/ringDrawing.ts';

const servers = attendants(20);
const keys = sampleKeys(2000);
const ring = Ring.of(servers, { vnodesPerServer: 500 });

function median(label: string, fn: () => void): void {
  console.log(`${label.padEnd(46)} ${medianMs(fn, { runs: 30, warmUp: 5 }).toFixed(2).padStart(7)} ms`);
}

const draw = (r: Ring) => {
  const arcs = ownerArcs(r);
  return servers
    .map((s) =>
      arcPath(
        arcs.filter((a) => a.server === s),
        100,
      ),
    )
    .join('').length;
};

median('build the ring (10 000 virtual nodes)', () => Ring.of(servers, { vnodesPerServer: 500 }));
median('place 2000 keys', () => keys.forEach((k) => ring.serverFor(k)));
median('owner arcs and SVG paths for the drawing', () => draw(ring));
median('one whole update: build, place, draw', () => {
  const r = Ring.of(servers, { vnodesPerServer: 500 });
  keys.forEach((k) => r.serverFor(k));
  draw(r);
});
console.log(`path data drawn at 20 x 500: ${draw(ring)} characters`);
