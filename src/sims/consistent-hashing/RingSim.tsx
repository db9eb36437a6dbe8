/**
 * "The ring": attendants join and leave, each hangs 1 to 500 name tags, and 2000 coats re-home.
 * The coats a change re-homes, and only those, travel from their old attendant to the new one;
 * playing, an attendant joins and then leaves again. An attendant is pressed (click, Enter, Delete)
 * to send them home. The bar chart shows keys per attendant with the mean, max/mean and standard deviation.
 */
import {
  BarChart,
  Button,
  Controls,
  Grabbable,
  PlayControls,
  Predict,
  Readout,
  SimFrame,
  Slider,
  formatNumber,
  formatPercent,
  intParam,
  island,
  lerp,
  useProgress,
  useSimulation,
  type Simulation,
} from '../kit/index.ts';
import { MAX_SERVERS } from './lockerRoom.ts';
import { MIN_VNODES, MAX_VNODES, summarizeLoad } from '../engines/hash-ring/ring.ts';
import { ALL_STAFF, COATS, OPENING_STAFF, join, leave, movedWhenOneJoins, onShift, openRoom, reshuffle, shiftChange, type LockerRoom } from './shift.ts';
import { RingDiagram, serverColour } from './parts.tsx';
import { pointAt } from './ringDrawing.ts';

const schema = { staff: intParam(1, ALL_STAFF, OPENING_STAFF), vnodes: intParam(MIN_VNODES, MAX_VNODES, 3) };
type RingSimulation = Simulation<typeof schema, LockerRoom>;

/** Attendants stand evenly inside the ring; coats travel between them. */
const DESK_R = 62;
/** At most this many travelling coats are drawn (an even sample of the moves), to keep each frame cheap. */
const DRAWN_MOVES = 80;

function desks(servers: readonly string[]): Map<string, [number, number]> {
  return new Map(servers.map((s, i) => [s, pointAt(i / servers.length, DESK_R)]));
}

/** The coats the latest change re-homed, on their way from the old attendant's desk to the new one's. */
function TravellingCoats({ sim }: { sim: RingSimulation }) {
  const t = useProgress(sim);
  const { moves } = sim.model;
  if (t >= 1 || moves.length === 0) return null;
  const from = desks(onShift(sim.before.staff));
  const to = desks(onShift(sim.model.staff));
  const every = Math.max(1, Math.ceil(moves.length / DRAWN_MOVES));
  const shown = moves.filter((_, i) => i % every === 0);
  return (
    <g class="ring-coats" aria-hidden="true">
      {shown.map((m, i) => {
        const [x0, y0] = from.get(m.from) ?? [0, 0];
        const [x1, y1] = to.get(m.to) ?? [0, 0];
        // Spread the coats a little so a crowd reads as many, not one.
        const jitter = ((i * 37) % 11) - 5;
        return (
          <circle
            cx={(lerp(x0, x1, t) + jitter).toFixed(1)}
            cy={(lerp(y0, y1, t) + (((i * 53) % 9) - 4)).toFixed(1)}
            r={3}
            style={{ fill: serverColour(m.to) }}
          />
        );
      })}
    </g>
  );
}

function Attendants({ sim }: { sim: RingSimulation }) {
  const servers = sim.model.ring.servers();
  const at = desks(servers);
  const last = servers.length <= 1;
  return (
    <>
      {servers.map((s) => {
        const [x, y] = at.get(s)!;
        const holds = sim.model.placement.filter((p) => p === s).length;
        return (
          <Grabbable
            key={s}
            sim={sim}
            x={x}
            y={y}
            r={12}
            disabled={last}
            label={`${s}, holding ${holds} coats. Press Enter or Delete to send ${s} home.`}
            activate={(room) => leave(room, s)}
            remove={(room) => leave(room, s)}
          >
            <circle cx={x} cy={y} r={12} class="ring-desk" style={{ stroke: serverColour(s) }} />
            <text x={x} y={y} dy="0.35em" text-anchor="middle" class="ring-desk-name">
              {s}
            </text>
          </Grabbable>
        );
      })}
      <TravellingCoats sim={sim} />
    </>
  );
}

const GUESS_FROM = 4;
const GUESS_TAGS = 3;

function RingView() {
  const sim = useSimulation('ring', schema, {
    title: `The ring: attendants, name tags and ${COATS} coats`,
    init: (p) => openRoom(p.staff, p.vnodes),
    change: (room, p) => reshuffle(room, p.staff, p.vnodes),
    step: (room) => shiftChange(room),
    sync: (room) => ({ staff: room.staff }),
    tickMs: 1600,
  });
  const { vnodes } = sim.params;
  const { ring, placement, change } = sim.model;
  const servers = ring.servers();
  const load = summarizeLoad(servers.map((server) => ({ server, keys: placement.filter((p) => p === server).length })));
  const truth = movedWhenOneJoins(GUESS_FROM, GUESS_TAGS);
  const newcomer = onShift(2 ** (GUESS_FROM + 1) - 1).at(-1)!;

  const ratio = formatNumber(load.maxOverMean, { digits: 2 });
  const summary = `${servers.length} attendants, ${vnodes} name tag${vnodes === 1 ? '' : 's'} each: the busiest holds ${ratio}× the mean, standard deviation ${formatNumber(load.stdDev, { digits: 1 })} keys.`;
  return (
    <SimFrame
      {...sim.frame}
      caption={`The ring of lockers with each attendant's stretch in their colour; ticks are name tags (virtual nodes). Inside the ring stand the attendants: when one joins or leaves, the coats that change attendant travel to their new owner, and no others. The chart counts the keys user:1 to user:${COATS} each attendant holds, with the mean as a dashed line. ${summary}`}
      status={`${change} ${summary}`.trim()}
    >
      <Predict
        question={`${GUESS_FROM} attendants hold ${formatNumber(COATS)} coats with ${GUESS_TAGS} name tags each. When a fifth joins, how many coats move?`}
        label="Coats that move"
        min={0}
        max={COATS}
        step={10}
        initial={COATS / 2}
        truth={truth}
        tolerance={COATS / 20}
        format={(n) => formatNumber(n)}
        why={`Only the coats on the stretches just before ${newcomer}'s tags change hands, all of them to ${newcomer}: about a fifth of the coats, where hash mod N would move four fifths.`}
        onLock={() => {
          sim.pause();
          sim.set({ staff: 2 ** GUESS_FROM - 1, vnodes: GUESS_TAGS });
          sim.set({ staff: 2 ** (GUESS_FROM + 1) - 1 });
        }}
      />
      <Controls>
        <Slider sim={sim} param="vnodes" label="Name tags per attendant" />
        <Button onClick={() => sim.act(join)} disabled={servers.length >= MAX_SERVERS}>
          Add attendant
        </Button>
        <PlayControls sim={sim} />
      </Controls>
      <div class="ring-and-chart">
        <RingDiagram
          ring={ring}
          label={`Ring of ${servers.length} attendants (${servers.join(', ')}) with ${vnodes} name tags each. Press an attendant to send them home.`}
        >
          <Attendants sim={sim} />
        </RingDiagram>
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
