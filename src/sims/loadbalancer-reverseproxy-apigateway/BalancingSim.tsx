/**
 * "Balancing algorithms": the same stream of guests sent to four rooms of unequal speed by the chosen
 * policy, on the queueing engine. The lobby drawing plays the run's opening: guests walk from the door
 * to their room, queue and leave; a room is pressed to take it out of service. Per room: share of
 * requests and p99 latency side by side, and the number of guests in each room over time, with room 2
 * optionally out of order for the middle third.
 */
import {
  BarChart,
  Controls,
  Grabbable,
  PlayControls,
  Predict,
  lerp,
  useProgress,
  type Simulation,
  type StateOf,
  LineChart,
  Select,
  SimFrame,
  Slider,
  Toggle,
  boolParam,
  enumParam,
  formatMs,
  formatNumber,
  formatPercent,
  intParam,
  island,
  numberParam,
  useForParams,
  useSimulation,
} from '../kit/index.ts';
import { POLICY_LABELS } from './policies.ts';
import {
  BALANCING_POLICIES,
  FAILING_ROOM,
  LOAD,
  MEAN_SERVICE_MS,
  ROOM_NAMES,
  ROOM_SPEED,
  ROOM_SPEEDS,
  SEED,
  roomSpeeds,
  weightFor,
  type BalancingResult,
  type LobbyFrame,
} from './balancing.ts';
import {
  OPENING,
  RUN_GUESTS,
  closedFrom,
  guestsSent,
  lastFrame,
  lobbyFrame,
  longestLine,
  nextFrame,
  restartDesk,
  settleDesk,
  shownResult,
  startDesk,
  type DeskSettings,
  type FrontDesk,
} from './frontDesk.ts';
import { useMemo } from 'preact/hooks';
import './loadbalancer.css';

const schema = {
  policy: enumParam(BALANCING_POLICIES, OPENING.policy),
  load: intParam(LOAD.min * 100, LOAD.max * 100, OPENING.load),
  speed1: numberParam(ROOM_SPEED.min, ROOM_SPEED.max, OPENING.speeds[0]!),
  speed2: numberParam(ROOM_SPEED.min, ROOM_SPEED.max, OPENING.speeds[1]!),
  speed3: numberParam(ROOM_SPEED.min, ROOM_SPEED.max, OPENING.speeds[2]!),
  speed4: numberParam(ROOM_SPEED.min, ROOM_SPEED.max, OPENING.speeds[3]!),
  outage: boolParam(OPENING.outage),
  seed: intParam(SEED.min, SEED.max, OPENING.seed),
  /** Rooms out of service, a bit mask (bit i = room i + 1). */
  closed: intParam(0, 2 ** ROOM_NAMES.length - 1, OPENING.closed),
};
const SPEED_KEYS = ['speed1', 'speed2', 'speed3', 'speed4'] as const;

type Params = StateOf<typeof schema>;
type DeskSimulation = Simulation<typeof schema, FrontDesk>;

const settings = (p: Params): DeskSettings => ({ ...p, speeds: SPEED_KEYS.map((key) => p[key]) });
/** The desk for a change: new settings' lobby a frame at a time, their night in slices (`settle`), the charts meanwhile the last finished night's; the same settings keep their night. */
const reopen = (desk: FrontDesk, p: Params): FrontDesk => restartDesk(desk, settings(p));

/** The lobby's geometry: the door on the left, the rooms stacked on the right, their lines reaching left. */
const LOBBY_W = 360;
const ROW_H = 48;
const DOOR = { x: 18, y: 2 * ROW_H + 6 };
const ROOM_X = 250;
const ROOM_W = 70;
const EXIT_X = LOBBY_W - 4;
const DOT = 8;
/** Guests drawn in a line; more are written as "+n". */
const SHOWN_IN_LINE = 20;
const roomY = (i: number) => 8 + i * ROW_H + ROW_H / 2;
const LOBBY_H = 8 + ROOM_NAMES.length * ROW_H + 18;

/** Whether the drawing is mid-way from the previous lobby frame to this one. */
function walking(sim: DeskSimulation, t: number): boolean {
  const { lobby, frame } = sim.model;
  return sim.before.lobby === lobby && sim.before.frame === frame - 1 && t < 1;
}

/** Where guest j of a room's line stands: the one being served in the room, the others outside its door. */
const spot = (j: number) => (j === 0 ? ROOM_X + ROOM_W / 2 : ROOM_X - 6 - (j - 1) * DOT);

/** Each room's line; while this frame's guests walk in, it holds those already there (they join it on arrival). */
function Lines({ now, arriving }: { now: LobbyFrame; arriving: boolean }) {
  return (
    <g aria-hidden="true">
      {now.inRoom.map((n, i) => {
        const y = roomY(i);
        const waiting = arriving ? n - now.arrived[i]! : n;
        const drawn = Math.min(waiting, SHOWN_IN_LINE);
        return (
          <g class="lb-traffic" style={{ fill: `var(--series-${i + 1})` }}>
            {Array.from({ length: drawn }, (_, j) => (
              <circle class="lb-guest" cx={spot(j)} cy={y} r={3.2} />
            ))}
            {waiting > SHOWN_IN_LINE && (
              <text class="lb-more" x={spot(drawn) - 4} y={y} dy="0.35em" text-anchor="end">
                +{waiting - SHOWN_IN_LINE}
              </text>
            )}
          </g>
        );
      })}
    </g>
  );
}

/**
 * The lines, redrawn only when they change: at a new frame and when its walkers arrive (the same
 * element otherwise, which Preact skips). The walkers move at the display's rate in a layer of their
 * own (Walkers), so that a display frame repaints a handful of dots, not the lobby.
 */
function RoomLines({ sim }: { sim: DeskSimulation }) {
  const t = useProgress(sim);
  const now = lobbyFrame(sim.model);
  const arriving = walking(sim, t);
  return useMemo(() => <Lines now={now} arriving={arriving} />, [now, arriving]);
}

/** This frame's arrivals walking in from the door to the end of their line, and its departures walking out. */
function Walkers({ sim }: { sim: DeskSimulation }) {
  const t = useProgress(sim);
  if (!walking(sim, t)) return null;
  const now = lobbyFrame(sim.model);
  return (
    <>
      {now.inRoom.map((n, i) => {
        const y = roomY(i);
        const tail = spot(Math.min(n - now.arrived[i]!, SHOWN_IN_LINE));
        return (
          <g class="lb-traffic" style={{ fill: `var(--series-${i + 1})` }}>
            {Array.from({ length: Math.min(now.arrived[i]!, 6) }, (_, j) => (
              <circle class="lb-guest lb-walking" cx={round1(lerp(DOOR.x + 10, tail, t))} cy={round1(lerp(DOOR.y + (j - 1) * 4, y, t))} r={3.2} />
            ))}
            {Array.from({ length: Math.min(now.left[i]!, 6) }, (_, j) => (
              <circle class="lb-guest lb-leaving" cx={round1(lerp(ROOM_X + ROOM_W + 4, EXIT_X, t))} cy={y + (j - 1) * 4} r={3.2} />
            ))}
          </g>
        );
      })}
    </>
  );
}

const round1 = (v: number) => Math.round(v * 10) / 10;

function Lobby({ sim }: { sim: DeskSimulation }) {
  const now = lobbyFrame(sim.model);
  const closed = closedFrom(sim.params.closed);
  const speeds = roomSpeeds(SPEED_KEYS.map((key) => sim.params[key]));
  return (
    <div class="lb-stack">
      <svg
        class="sim-drawing lb-lobby"
        viewBox={`0 0 ${LOBBY_W} ${LOBBY_H}`}
        role="group"
        aria-label={`The lobby ${formatNumber(now.time / 1000, { digits: 2 })} s into the run: ${ROOM_NAMES.map((name, i) => `${name} ${closed.includes(i) ? 'out of service' : `${formatNumber(now.inRoom[i]!)} guests`}`).join(', ')}. Press a room to take it out of service or back.`}
      >
        <rect class="lb-door" x={4} y={DOOR.y - 22} width={12} height={44} rx={2} />
        <text class="lb-lobby-label" x={4} y={DOOR.y + 36}>
          door
        </text>
        <text class="lb-lobby-label" x={4} y={LOBBY_H - 4}>{`${formatNumber(now.time / 1000, { digits: 2 })} s`}</text>
        {ROOM_NAMES.map((name, i) => {
          const y = roomY(i);
          const out = closed.includes(i);
          const lastOpen = !out && closed.length >= ROOM_NAMES.length - 1;
          return (
            <Grabbable
              key={name}
              sim={sim}
              x={ROOM_X + ROOM_W / 2}
              y={y}
              r={18}
              pressed={out}
              disabled={lastOpen}
              label={`${name} · ${formatNumber(speeds[i]!)}×${out ? ' · closed' : ''}: ${out ? 'out of service' : `${formatNumber(now.inRoom[i]!)} guests inside`}. Press to ${out ? 'bring it back into' : 'take it out of'} service.`}
              activate={(desk, p) => reopen(desk, { ...p, closed: p.closed ^ (1 << i) })}
            >
              <rect
                class={`lb-room${out ? ' lb-room-out' : ''}`}
                x={ROOM_X}
                y={y - 17}
                width={ROOM_W}
                height={34}
                rx={4}
                style={{ stroke: `var(--series-${i + 1})` }}
              />
              <text
                class="lb-room-name"
                x={ROOM_X + ROOM_W / 2}
                y={y - 22}
                text-anchor="middle"
              >{`${name} · ${formatNumber(speeds[i]!)}×${out ? ' · closed' : ''}`}</text>
            </Grabbable>
          );
        })}
        <RoomLines sim={sim} />
      </svg>
      <svg class="sim-drawing lb-walkers" viewBox={`0 0 ${LOBBY_W} ${LOBBY_H}`} aria-hidden="true">
        <Walkers sim={sim} />
      </svg>
    </div>
  );
}

/** Per room: share of guests and p99 side by side, as charts and a table, and the lines over time. */
function RunResults({ result }: { result: BalancingResult }) {
  const speeds = result.rooms.map((r) => r.speed);
  return (
    <>
      <div class="lb-columns">
        <div>
          <p class="lb-chart-title" aria-hidden="true">
            Share of guests per room
          </p>
          <BarChart
            title="Share of guests per room (%)"
            bars={result.rooms.map((r, i) => ({
              label: `${r.name} (${formatNumber(r.speed)}×)`,
              value: Math.round(r.share * 1000) / 10,
              colour: `var(--series-${i + 1})`,
            }))}
            unit="%"
          />
        </div>
        <div>
          <p class="lb-chart-title" aria-hidden="true">
            p99 latency per room
          </p>
          <BarChart
            title="p99 latency per room (ms)"
            bars={result.rooms.map((r, i) => ({ label: `${r.name} (${formatNumber(r.speed)}×)`, value: Math.round(r.p99), colour: `var(--series-${i + 1})` }))}
            unit=" ms"
          />
        </div>
      </div>
      <table class="lb-table">
        <caption>Per room, side by side</caption>
        <thead>
          <tr>
            <th scope="col">Room</th>
            <th scope="col">Speed</th>
            <th scope="col">Share of guests</th>
            <th scope="col">p99 latency</th>
          </tr>
        </thead>
        <tbody>
          {result.rooms.map((r) => (
            <tr key={r.name}>
              <th scope="row">{r.name}</th>
              <td>{formatNumber(r.speed)}×</td>
              <td>{formatPercent(r.share, 1)}</td>
              <td>{formatMs(r.p99)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">All</th>
            <td>{formatNumber(speeds.reduce((a, b) => a + b, 0))}×</td>
            <td>{result.dropped > 0 ? `${formatNumber(result.dropped)} turned away` : formatPercent(1)}</td>
            <td>{formatMs(result.p99)}</td>
          </tr>
        </tfoot>
      </table>
      <LineChart
        title="Guests in each room (waiting or being served) over time"
        xLabel="time (s)"
        yLabel="guests in room"
        series={result.timeline.map((points, i) => ({ label: ROOM_NAMES[i]!, points, colour: `var(--series-${i + 1})`, dashed: i === FAILING_ROOM }))}
      />
    </>
  );
}

/** What a finished night says: its overall and worst p99, the outage's toll, the rooms closed all night. */
function finishedStatus(result: BalancingResult, setting: string, closed: readonly number[]): string {
  const worst = result.rooms.reduce((a, b) => (b.p99 > a.p99 ? b : a));
  const outage = result.outageWindow
    ? ` ${ROOM_NAMES[FAILING_ROOM]} is out of order from ${formatNumber(result.outageWindow[0], { digits: 0 })} s to ${formatNumber(result.outageWindow[1], { digits: 0 })} s; ${formatNumber(result.dropped)} guests in it were turned away.`
    : '';
  const shut = closed.map((i) => ROOM_NAMES[i]!);
  const closedNote = shut.length > 0 ? ` ${shut.join(' and ')} ${shut.length === 1 ? 'is' : 'are'} out of service for the whole run.` : '';
  return `${setting}: overall p99 ${formatMs(result.p99)}; the worst room is ${worst.name} with p99 ${formatMs(worst.p99)}.${outage}${closedNote}`;
}

/**
 * `opening`: the desk at the opening settings, built at build time (openDesk(OPENING)), so hydration
 * simulates nothing. Any other settings run their night in slices (`settle`); until it is done, the
 * status says so and the charts keep the last finished night, marked as the previous settings'.
 */
function BalancingView({ opening }: { opening: FrontDesk }) {
  const sim = useSimulation('balancing', schema, {
    title: 'How the front desk picks a room',
    init: (p) => startDesk(settings(p)),
    change: reopen,
    opening: () => opening,
    step: nextFrame,
    finished: lastFrame,
    sync: (desk) => ({ closed: desk.closed }),
    settle: (desk) => settleDesk(desk),
    tickMs: 500,
  });
  const state = sim.params;
  const night = sim.model.night.result;
  const shown = shownResult(sim.model);
  const speeds = roomSpeeds(SPEED_KEYS.map((key) => state[key]));
  const policyLabel =
    state.policy === 'weighted-round-robin' ? `${POLICY_LABELS[state.policy]} (weights ${speeds.map(weightFor).join(':')})` : POLICY_LABELS[state.policy];
  const status = night
    ? finishedStatus(night, `${policyLabel} at ${state.load}% load`, closedFrom(state.closed))
    : `${policyLabel} at ${state.load}% load: running the night's ${formatNumber(RUN_GUESTS)} guests.`;
  // The run's charts and table change only with the run, not with the lobby's frames: built once per run.
  const results = useMemo(() => shown && <RunResults result={shown} />, [shown]);
  // What a redraw of the running night (the count of guests, a few times a second) leaves alone: the
  // question, the lobby until its frame or settings change, the settings' controls until they change.
  // sim.set, sim.act and sim.play read the newest state however old the element that calls them.
  const predict = useMemo(
    () => (
      <Predict
        question={`Under round robin, with the rooms at ${ROOM_SPEEDS.map((v) => `${formatNumber(v)}×`).join(', ')} speed and ${OPENING.load}% load, which room's line grows longest?`}
        choices={[
          ...ROOM_NAMES.map((name, i) => ({ value: String(i), label: `${name} (${formatNumber(ROOM_SPEEDS[i]!)}×)` })),
          { value: 'none', label: 'None: the lines stay about even' },
        ]}
        truth={longestLine(opening.night.result!)}
        why="Round robin hands every room the same share of guests whatever its speed, so the half-speed room is given more work than it can do and its line never stops growing."
        onLock={() =>
          sim.set({
            policy: OPENING.policy,
            load: OPENING.load,
            outage: OPENING.outage,
            closed: OPENING.closed,
            speed1: OPENING.speeds[0],
            speed2: OPENING.speeds[1],
            speed3: OPENING.speeds[2],
            speed4: OPENING.speeds[3],
            seed: OPENING.seed,
          })
        }
      />
    ),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [opening],
  );
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const lobby = useMemo(() => <Lobby sim={sim} />, [sim.model, sim.before, sim.params]);
  const settingControls = useForParams(sim, () => (
    <>
      <Select sim={sim} param="policy" label="Policy" options={BALANCING_POLICIES.map((p) => ({ value: p, label: POLICY_LABELS[p] }))} />
      <Slider sim={sim} param="load" label="Load" step={5} format={(v) => `${v}%`} />
      {SPEED_KEYS.map((key, i) => (
        <Slider key={key} sim={sim} param={key} label={`${ROOM_NAMES[i]} speed`} step={ROOM_SPEED.step} format={(v) => `${formatNumber(v)}×`} />
      ))}
      <Toggle sim={sim} param="outage" label={`Take ${ROOM_NAMES[FAILING_ROOM]} out of order midway`} />
      <Slider sim={sim} param="seed" label="Seed" />
    </>
  ));
  return (
    <SimFrame
      {...sim.frame}
      caption={`${formatNumber(RUN_GUESTS)} guests arrive at random (Poisson) and each needs ${MEAN_SERVICE_MS} ms of work on an ordinary room; the rooms' speeds are ${speeds.map((s) => `${formatNumber(s)}×`).join(', ')}. Only weighted round robin is told the speeds. ${status}`}
      status={status}
    >
      {predict}
      {lobby}
      <Controls>
        <PlayControls sim={sim} onReset={() => sim.act((desk) => ({ ...desk, frame: 0 }))} />
        {settingControls}
      </Controls>
      {!night && (
        <p class="lb-pending">
          {`Running the night for these settings: ${formatNumber(guestsSent(sim.model))} of ${formatNumber(RUN_GUESTS)} guests so far. `}
          {shown ? 'Until it is done, the charts below show the previous settings.' : 'The charts appear when it is done.'}
        </p>
      )}
      {results}
    </SimFrame>
  );
}

export default island(BalancingView);
