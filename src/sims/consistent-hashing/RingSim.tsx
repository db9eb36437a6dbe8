/**
 * "The ring": attendants join and leave, each hangs 1 to 500 name tags, and 2000 keys re-home.
 * The bar chart shows keys per attendant with the mean, max/mean and standard deviation.
 */
import { BarChart, Button, Controls, Select, SimFrame, Slider, formatNumber, formatPercent, intParam, island, localParam, Readout, useSimulation, type StateOf } from '../kit/index.ts';
import { ATTENDANTS, MAX_SERVERS, sampleKeys } from './lockerRoom.ts';
import { countMoved } from './movement.ts';
import { MAX_VNODES, MIN_VNODES, Ring, summarizeLoad } from '../engines/hash-ring/ring.ts';
import { RingDiagram, serverColour } from './parts.tsx';

/** Who is on shift is a bit mask over ATTENDANTS (bit i = ATTENDANTS[i]), so any subset fits a link. */
const ALL = 2 ** MAX_SERVERS - 1;
/** `leaving`: the attendant chosen in the list, for the Remove button (not shared). */
const schema = { staff: intParam(1, ALL, 0b11111), vnodes: intParam(MIN_VNODES, MAX_VNODES, 3), leaving: localParam('') };
const KEYS = sampleKeys(2000);

const onShift = (staff: number) => ATTENDANTS.filter((_, i) => staff & (1 << i));
/**
 * Rings built recently, by staff and tag count. A slider drag revisits values, so a small cache
 * saves rebuilding 10 000 tags each time.
 */
const recent = new Map<string, Ring>();
function buildRing(staff: number, vnodes: number): Ring {
  const id = `${staff}/${vnodes}`;
  let ring = recent.get(id);
  if (!ring) {
    ring = Ring.of(onShift(staff), { vnodesPerServer: vnodes });
    recent.set(id, ring);
    if (recent.size > 8) recent.delete(recent.keys().next().value!);
  }
  return ring;
}
const place = (ring: Ring) => KEYS.map((k) => ring.serverFor(k));

interface LockerRoom {
  ring: Ring;
  placement: string[];
  /** What the last change was and how many keys it re-homed; empty before the first. */
  change: string;
}

type Params = StateOf<typeof schema>;

function build(p: Params): LockerRoom {
  const ring = buildRing(p.staff, p.vnodes);
  return { ring, placement: place(ring), change: '' };
}

/** Who joined or left, or the new tag count. */
function whatChanged(p: Params, before: Params): string {
  if (p.staff === before.staff) return `${p.vnodes} name tags each`;
  const joined = ATTENDANTS.filter((_, i) => p.staff & (1 << i) && !(before.staff & (1 << i)));
  const left = ATTENDANTS.filter((_, i) => before.staff & (1 << i) && !(p.staff & (1 << i)));
  if (joined.length === 1 && left.length === 0) return `${joined[0]} joined`;
  if (left.length === 1 && joined.length === 0) return `${left[0]} left`;
  return `${onShift(p.staff).length} attendants on shift`;
}

/** A new staff or tag count re-homes keys: count them against the placement before. */
function rehome(room: LockerRoom, p: Params, before: Params): LockerRoom {
  if (p.staff === before.staff && p.vnodes === before.vnodes) return room;
  const after = build(p);
  const moved = countMoved(room.placement, after.placement);
  return { ...after, change: `${whatChanged(p, before)}: ${moved} of ${KEYS.length} keys moved (${formatPercent(moved / KEYS.length)}).` };
}

function RingView() {
  const sim = useSimulation('ring', schema, { title: 'The ring: attendants, name tags and 2000 coats', init: build, change: rehome });
  const { staff, vnodes, leaving } = sim.params;
  const { ring, placement, change } = sim.model;
  const servers = ring.servers();
  const load = summarizeLoad(servers.map((server) => ({ server, keys: placement.filter((p) => p === server).length })));
  const chosen = servers.includes(leaving) ? leaving : servers.at(-1)!;

  const addNext = () => {
    const i = ATTENDANTS.findIndex((_, j) => !(staff & (1 << j)));
    if (i >= 0) sim.set({ staff: staff | (1 << i) });
  };
  const remove = () => {
    const i = ATTENDANTS.indexOf(chosen as (typeof ATTENDANTS)[number]);
    if (servers.length > 1 && i >= 0) sim.set({ staff: staff & ~(1 << i) });
  };

  const ratio = formatNumber(load.maxOverMean, { digits: 2 });
  const summary = `${servers.length} attendants, ${vnodes} name tag${vnodes === 1 ? '' : 's'} each: the busiest holds ${ratio}× the mean, standard deviation ${formatNumber(load.stdDev, { digits: 1 })} keys.`;
  return (
    <SimFrame
      {...sim.frame}
      caption={`The ring of lockers with each attendant's stretch in their colour; ticks are name tags (virtual nodes). The chart counts the keys user:1 to user:${KEYS.length} each attendant holds, with the mean as a dashed line. ${summary}`}
      status={`${change} ${summary}`.trim()}
    >
      <Controls>
        <Slider sim={sim} param="vnodes" label="Name tags per attendant" />
        <Button onClick={addNext} disabled={servers.length >= MAX_SERVERS}>Add attendant</Button>
        <Select label="Attendant" value={chosen} options={servers.map((s) => ({ value: s, label: s }))} onChange={(leaving) => sim.set({ leaving })} />
        <Button onClick={remove} disabled={servers.length <= 1}>Remove {chosen}</Button>
      </Controls>
      <div class="ring-and-chart">
        <RingDiagram ring={ring} label={`Ring of ${servers.length} attendants (${servers.join(', ')}) with ${vnodes} name tags each.`} />
        <BarChart
          title="Keys per attendant"
          bars={load.perServer.map((s) => ({ label: s.server, value: s.keys, colour: serverColour(s.server) }))}
          reference={{ label: `mean ${Math.round(load.mean)}`, value: load.mean }}
        />
      </div>
      <Readout
        items={[
          ['Attendants', servers.length],
          ['Max / mean', ratio],
          ['Standard deviation', `${formatNumber(load.stdDev, { digits: 1 })} keys (${formatPercent(load.stdDev / load.mean, 1)} of mean)`],
          ['Last change', change || 'none yet'],
        ]}
      />
    </SimFrame>
  );
}

export default island(RingView);
