/**
 * "The ring": attendants join and leave, each hangs 1 to 500 name tags, and 2000 coats re-home.
 * The coats a change re-homes, and only those, travel from their old attendant to the new one;
 * playing, an attendant joins and then leaves again. An attendant is dragged along the ring (or walked
 * with the arrow keys) to move their name tags, or pressed (click, Enter, Delete) to send them home. The bar chart shows keys per attendant with the mean, max/mean and standard deviation.
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
  textParam,
  island,
  Mark,
  useProgress,
  useSimulation,
  type Simulation,
} from '../kit/index.ts';
import { useMemo, useRef } from 'preact/hooks';
import { MAX_SERVERS } from './lockerRoom.ts';
import { MIN_VNODES, MAX_VNODES } from '../engines/hash-ring/ring.ts';
import {
  ALL_STAFF,
  COATS,
  WALKS_IN_A_LINK,
  OPENING_STAFF,
  join,
  leave,
  loadOf,
  moveAttendant,
  formatWalks,
  parseWalks,
  movedWhenOneJoins,
  onShift,
  openRoom,
  reshuffle,
  shiftChange,
  standingAt,
  walkAttendant,
  type LockerRoom,
} from './shift.ts';
import { RING_VIEW, RingDiagram, serverColour } from './parts.tsx';
import { fractionAt, pointAt, spreadAround } from './ringDrawing.ts';
import { expectedModNMoved } from './movement.ts';

const schema = {
  staff: intParam(1, ALL_STAFF, OPENING_STAFF),
  vnodes: intParam(MIN_VNODES, MAX_VNODES, 3),
  // Where the reader dragged attendants, so that a copied link shows the same ring (see formatWalks).
  walks: textParam(WALKS_IN_A_LINK, ''),
};
type RingSimulation = Simulation<typeof schema, LockerRoom>;

/** Attendants stand inside the ring, facing their first name tag; coats travel between them. */
const DESK_R = 62;
const RING_R = 100;
/** Desks (24 units across) keep this much of the circle apart, so that names never overlap. */
const DESK_GAP = 28 / (2 * Math.PI * DESK_R);
/** At most this many travelling coats are drawn (an even sample of the moves), to keep each frame cheap. */
const DRAWN_MOVES = 80;
/** A shift change every 1.6 s while playing; the coats' walk takes as long. */
const TICK_MS = 1600;

interface Desk {
  /** Where the desk is drawn. */
  at: [number, number];
  /** Where the attendant stands on the ring (their first name tag). */
  on: [number, number];
  /** The same, as a fraction of the circle. */
  standing: number;
}

/** Each room's desks, computed once per room: every display frame of a move reads them. */
const deskCache = new WeakMap<LockerRoom, Map<string, Desk>>();
function desks(room: LockerRoom): Map<string, Desk> {
  let found = deskCache.get(room);
  if (!found) {
    const servers = onShift(room.staff);
    const standing = servers.map((s) => standingAt(room, s));
    const drawn = spreadAround(standing, DESK_GAP);
    found = new Map(servers.map((s, i) => [s, { at: pointAt(drawn[i]!, DESK_R), on: pointAt(standing[i]!, RING_R - 4), standing: standing[i]! }]));
    deskCache.set(room, found);
  }
  return found;
}

/** The coats the latest change re-homed, on their way from the old attendant's desk to the new one's. */
function TravellingCoats({ sim }: { sim: RingSimulation }) {
  const t = useProgress(sim);
  const moving = t < 1 && sim.model.moves.length > 0;
  // How far the move was when this component first saw it: a coat that appears mid-move starts there.
  const begun = useRef({ model: sim.model, t });
  if (begun.current.model !== sim.model) begun.current = { model: sim.model, t };
  // Built once per move, not per display frame: the compositor moves the coats, so the re-renders
  // useProgress causes return the same elements and change nothing in the page.
  return useMemo(() => (moving ? <Coats before={sim.before} after={sim.model} at={begun.current.t} /> : null), [moving, sim.before, sim.model]);
}

/** How far a coat is drawn from its group's centre, at most: jitter (5) plus the coat (3) and its outline. */
const CROWD_R = 9;

/**
 * The sampled coats, one Mark per pair of attendants: every coat going from one desk to the same other
 * desk moves by the same vector, so the crowd moves as one layer (a handful of animations, not 80,
 * which the browser would otherwise restyle one by one on every frame).
 */
function Coats({ before, after, at }: { before: LockerRoom; after: LockerRoom; at: number }) {
  const { moves } = after;
  const from = desks(before);
  const to = desks(after);
  const every = Math.max(1, Math.ceil(moves.length / DRAWN_MOVES));
  const crowds = new Map<string, { from: string; to: string; coats: { dx: number; dy: number }[] }>();
  moves.forEach((m, n) => {
    if (n % every !== 0) return;
    const i = n / every;
    const pair = `${m.from}>${m.to}`;
    const crowd = crowds.get(pair) ?? { from: m.from, to: m.to, coats: [] };
    // Spread the coats a little so a crowd reads as many, not one.
    crowd.coats.push({ dx: ((i * 37) % 11) - 5, dy: ((i * 53) % 9) - 4 });
    crowds.set(pair, crowd);
  });
  return (
    <>
      {[...crowds].map(([pair, crowd]) => {
        const [x0, y0] = from.get(crowd.from)?.at ?? [0, 0];
        const [x1, y1] = to.get(crowd.to)?.at ?? [0, 0];
        return (
          <Mark
            key={pair}
            class="ring-coats"
            r={CROWD_R}
            poses={[
              { x: x0 - RING_VIEW.x, y: y0 - RING_VIEW.y },
              { x: x1 - RING_VIEW.x, y: y1 - RING_VIEW.y },
            ]}
            ms={TICK_MS}
            at={at}
          >
            {crowd.coats.map((c) => (
              <circle cx={c.dx} cy={c.dy} r={3} style={{ fill: serverColour(crowd.to) }} />
            ))}
          </Mark>
        );
      })}
    </>
  );
}

function Attendants({ sim }: { sim: RingSimulation }) {
  const servers = sim.model.ring.servers();
  const at = desks(sim.model);
  const last = servers.length <= 1;
  return (
    <>
      {servers.map((s) => {
        const desk = at.get(s)!;
        const [x, y] = desk.at;
        const holds = sim.model.placement.reduce((n, owner) => n + (owner === s ? 1 : 0), 0);
        const degrees = formatNumber(desk.standing * 360, { digits: 0 });
        return (
          <Grabbable
            key={s}
            sim={sim}
            x={x}
            y={y}
            r={12}
            step={1}
            label={`${s}, at ${degrees}° on the ring, holding ${formatNumber(holds)} coats. Drag along the ring or use the arrow keys to move ${s}${last ? '' : `; Enter or Delete sends ${s} home`}.`}
            activate={last ? undefined : (room) => leave(room, s)}
            remove={last ? undefined : (room) => leave(room, s)}
            // An arrow press walks one step along the ring (Right and Down clockwise); a drag follows the pointer's direction.
            move={(room, to, how) => (how.via === 'keyboard' ? walkAttendant(room, s, how.dx + how.dy) : moveAttendant(room, s, fractionAt(to.x, to.y)))}
          >
            <line x1={x} y1={y} x2={desk.on[0]} y2={desk.on[1]} class="ring-desk-lead" style={{ stroke: serverColour(s) }} />
            <circle cx={x} cy={y} r={12} class="ring-desk" style={{ stroke: serverColour(s) }} />
            <text x={x} y={y} dy="0.35em" text-anchor="middle" class="ring-desk-name">
              {s}
            </text>
          </Grabbable>
        );
      })}
    </>
  );
}

const GUESS_FROM = 4;
const GUESS_TAGS = 3;

function RingView() {
  const sim = useSimulation('ring', schema, {
    title: `The ring: attendants, name tags and ${COATS} coats`,
    // Reset puts every attendant back at their usual lockers; a link's walks arrive through `change`.
    init: (p) => openRoom(p.staff, p.vnodes),
    change: (room, p, before) => reshuffle(room, p.staff, p.vnodes, p.walks === before.walks ? room.walks : parseWalks(p.walks)),
    step: (room) => shiftChange(room),
    sync: (room) => ({ staff: room.staff, walks: formatWalks(room.walks) }),
    tickMs: TICK_MS,
  });
  const { vnodes } = sim.params;
  const { ring, change } = sim.model;
  const servers = ring.servers();
  const load = useMemo(() => loadOf(sim.model), [sim.model]);
  // A constant of the article; computed once, not on each drag step.
  const truth = useMemo(() => movedWhenOneJoins(GUESS_FROM, GUESS_TAGS), []);
  const newcomer = onShift(2 ** (GUESS_FROM + 1) - 1).at(-1)!;

  const ratio = formatNumber(load.maxOverMean, { digits: 2 });
  const summary = `${servers.length} attendants, ${vnodes} name tag${vnodes === 1 ? '' : 's'} each: the busiest holds ${ratio}× the mean, standard deviation ${formatNumber(load.stdDev, { digits: 1 })} keys.`;
  return (
    <SimFrame
      {...sim.frame}
      caption={`The ring of lockers with each attendant's stretch in their colour; ticks are name tags (virtual nodes). Inside the ring stand the attendants, each facing their first name tag: when one joins, leaves or is dragged along the ring (taking all their tags), the coats that change attendant travel to their new owner, and no others. The chart counts the keys user:1 to user:${COATS} each attendant holds, with the mean as a dashed line. ${summary}`}
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
        why={`Only the coats on the stretches just before ${newcomer}'s tags change hands, all of them to ${newcomer}: ${formatPercent(truth / COATS)} of the coats here, where a fair share would be ${formatPercent(1 / (GUESS_FROM + 1))} (${GUESS_TAGS} tags each leave the shares uneven). Hash mod N would move ${formatPercent(expectedModNMoved(GUESS_FROM, GUESS_FROM + 1))}.`}
        onLock={() => {
          sim.pause();
          sim.set({ staff: 2 ** GUESS_FROM - 1, vnodes: GUESS_TAGS });
          // The truth has every attendant at their usual lockers: undo any drag before the newcomer joins.
          sim.act(() => openRoom(2 ** GUESS_FROM - 1, GUESS_TAGS));
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
          overlay={<TravellingCoats sim={sim} />}
          label={`Ring of ${servers.length} attendants (${servers.join(', ')}) with ${vnodes} name tags each. Drag an attendant along the ring to move them, or press one to send them home.`}
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
