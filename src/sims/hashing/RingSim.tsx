/**
 * "The ring": attendants join and leave, each hangs 1 to 500 name tags, and 2000 keys re-home.
 * The bar chart shows keys per attendant with the mean, max/mean and standard deviation.
 */
import { useMemo, useState } from 'preact/hooks';
import { BarChart, Button, Controls, Select, SimFrame, Slider, intParam, useGuarded, useSimState, island, Readout } from '../kit/index.ts';
import { ATTENDANTS, MAX_SERVERS, sampleKeys } from './lockerRoom.ts';
import { countMoved } from './movement.ts';
import { MAX_VNODES, MIN_VNODES, Ring, summarizeLoad } from './ring.ts';
import { RingDiagram, serverColour } from './parts.tsx';

/** Who is on shift is a bit mask over ATTENDANTS (bit i = ATTENDANTS[i]), so any subset fits a link. */
const ALL = 2 ** MAX_SERVERS - 1;
const schema = { staff: intParam(1, ALL, 0b11111), vnodes: intParam(MIN_VNODES, MAX_VNODES, 3) };
const KEYS = sampleKeys(2000);

const onShift = (staff: number) => ATTENDANTS.filter((_, i) => staff & (1 << i));
/**
 * Rings built recently, by staff and tag count. A change is previewed (to count moved keys) and then
 * drawn, and a slider drag revisits values, so a small cache saves rebuilding 10 000 tags each time.
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

function RingView() {
  const [state, update] = useSimState('ring', schema);
  const { staff, vnodes } = state;
  const ring = useMemo(() => buildRing(staff, vnodes), [staff, vnodes]);
  const placement = useMemo(() => place(ring), [ring]);
  const servers = ring.servers();
  const load = summarizeLoad(servers.map((server) => ({ server, keys: placement.filter((p) => p === server).length })));
  const [leaving, setLeaving] = useState<string>('');
  const [change, setChange] = useState('');
  const chosen = servers.includes(leaving) ? leaving : servers.at(-1)!;

  /** Applies a new staff or tag count and says how many keys re-homed. */
  const apply = useGuarded((next: { staff?: number; vnodes?: number }, what: string) => {
    const after = buildRing(next.staff ?? staff, next.vnodes ?? vnodes);
    const moved = countMoved(placement, place(after));
    setChange(`${what}: ${moved} of ${KEYS.length} keys moved (${Math.round((moved / KEYS.length) * 100)}%).`);
    update(next);
  });
  const addNext = () => {
    const i = ATTENDANTS.findIndex((_, j) => !(staff & (1 << j)));
    if (i >= 0) apply({ staff: staff | (1 << i) }, `${ATTENDANTS[i]} joined`);
  };
  const remove = () => {
    const i = ATTENDANTS.indexOf(chosen as (typeof ATTENDANTS)[number]);
    if (servers.length > 1 && i >= 0) apply({ staff: staff & ~(1 << i) }, `${chosen} left`);
  };

  const ratio = load.maxOverMean.toFixed(2);
  const summary = `${servers.length} attendants, ${vnodes} name tag${vnodes === 1 ? '' : 's'} each: the busiest holds ${ratio}× the mean, standard deviation ${load.stdDev.toFixed(1)} keys.`;
  return (
    <SimFrame
      id="ring"
      title="The ring: attendants, name tags and 2000 coats"
      caption={`The ring of lockers with each attendant's stretch in their colour; ticks are name tags (virtual nodes). The chart counts the keys user:1 to user:${KEYS.length} each attendant holds, with the mean as a dashed line. ${summary}`}
      status={`${change} ${summary}`.trim()}
      share={{ schema, state }}
    >
      <Controls>
        <Slider label="Name tags per attendant" value={vnodes} min={MIN_VNODES} max={MAX_VNODES} onChange={(v) => apply({ vnodes: v }, `${v} name tags each`)} />
        <Button onClick={addNext} disabled={servers.length >= MAX_SERVERS}>Add attendant</Button>
        <Select label="Attendant" value={chosen} options={servers.map((s) => ({ value: s, label: s }))} onChange={setLeaving} />
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
          ['Standard deviation', `${load.stdDev.toFixed(1)} keys (${((load.stdDev / load.mean) * 100).toFixed(1)}% of mean)`],
          ['Last change', change || 'none yet'],
        ]}
      />
    </SimFrame>
  );
}

export default island('The ring', RingView);
