/**
 * "Mod-N vs ring": the same 1000 keys placed by hash mod N and on a ring, before and after the
 * number of attendants changes; each key that changes attendant is filled in.
 */
import { Controls, SimFrame, Slider, formatPercent, intParam, island, Readout, useSimulation } from '../kit/index.ts';
import { MAX_SERVERS, sampleKeys } from './lockerRoom.ts';
import { expectedModNMoved, expectedRingMoved, resizeDetail } from './movement.ts';

const schema = { from: intParam(1, MAX_SERVERS, 4), to: intParam(1, MAX_SERVERS, 5) };
const KEYS = sampleKeys(1000);
const VNODES = 100;
const COLUMNS = 40;
const CELL = 6;
const percent = (x: number) => formatPercent(x);

function KeyGrid({ id, title, moved }: { id: string; title: string; moved: boolean[] }) {
  const count = moved.filter(Boolean).length;
  const rows = Math.ceil(moved.length / COLUMNS);
  // Unmoved keys are a repeating pattern and moved keys one path: two shapes, not a thousand.
  let d = '';
  moved.forEach((m, i) => {
    if (m) d += `M${(i % COLUMNS) * CELL + 0.5} ${Math.floor(i / COLUMNS) * CELL + 18.5}h5v5h-5z`;
  });
  const label = `${title}: ${count} of ${moved.length} keys moved (${percent(count / moved.length)}); moved keys are filled squares.`;
  return (
    <svg class="key-grid" viewBox={`0 0 ${COLUMNS * CELL} ${rows * CELL + 20}`} role="img" aria-label={label}>
      <title>{label}</title>
      <defs>
        <pattern id={`${id}-cell`} width={CELL} height={CELL} patternUnits="userSpaceOnUse" x={0} y={18}>
          <rect class="stayed" x={0.9} y={0.9} width={4.2} height={4.2} />
        </pattern>
      </defs>
      <text x={0} y={12}>{`${title}: ${count} moved`}</text>
      <rect x={0} y={18} width={COLUMNS * CELL} height={rows * CELL} style={{ fill: `url(#${id}-cell)` }} />
      <path class="moved" d={d} />
    </svg>
  );
}

function ResizeView() {
  const sim = useSimulation('resize', schema, {
    title: 'Mod-N vs ring: how many coats change attendant',
    init: ({ from, to }) => resizeDetail(KEYS, from, to, VNODES),
  });
  const { from, to } = sim.params;
  const detail = sim.model;
  const modN = detail.movedModN.filter(Boolean).length;
  const ring = detail.movedRing.filter(Boolean).length;
  const status = `From ${from} to ${to} attendants: mod-N moved ${modN} of ${KEYS.length} keys, the ring moved ${ring}.`;
  return (
    <SimFrame
      {...sim.frame}
      caption={`The same ${KEYS.length} keys (user:1 to user:${KEYS.length}) placed with hash(key) mod N and on a ring with ${VNODES} virtual nodes per attendant. Each square is a key; a filled square changed attendant when the staff went from ${from} to ${to}. ${status}`}
      status={status}
    >
      <Controls>
        <Slider sim={sim} param="from" label="Attendants before" />
        <Slider sim={sim} param="to" label="Attendants after" />
      </Controls>
      <div class="hashing-columns">
        <KeyGrid id="resize-modn" title="hash mod N" moved={detail.movedModN} />
        <KeyGrid id="resize-ring" title="ring" moved={detail.movedRing} />
      </div>
      <Readout
        items={[
          ['Moved, mod-N', `${modN} (${percent(modN / KEYS.length)})`],
          ['Expected, mod-N', percent(expectedModNMoved(from, to))],
          ['Moved, ring', `${ring} (${percent(ring / KEYS.length)})`],
          ['Expected, ring', percent(expectedRingMoved(from, to))],
        ]}
      />
    </SimFrame>
  );
}

export default island(ResizeView);
