/**
 * The balancing figure's model: one night of RUN_GUESTS guests under a policy, with the lobby's
 * opening frames that the drawing plays one at a time. The opening settings' desk is built at build
 * time and handed to the island, so that hydrating the page runs no simulation; a desk for new
 * settings computes its lobby a frame at a time as the drawing reaches it and runs its night in
 * slices (`settleDesk`), so a reader's action never holds the page for the whole night.
 */
import {
  BalancingRun,
  LOBBY,
  LobbyRun,
  ROOM_NAMES,
  ROOM_SPEEDS,
  SEED,
  closedRooms,
  type BalancingPolicy,
  type BalancingResult,
  type LobbyFrame,
} from './balancing.ts';

/** Guests in the figure's run. */
export const RUN_GUESTS = 12_000;

/** What the reader sets: the policy, the load in percent, the rooms' speeds, the outage, the seed, the closed rooms. */
export interface DeskSettings {
  policy: BalancingPolicy;
  /** Offered load, percent of the rooms' total capacity. */
  load: number;
  speeds: readonly number[];
  outage: boolean;
  seed: number;
  /** Rooms out of service, a bit mask (bit i = room i + 1). */
  closed: number;
}

/**
 * The night's run for a desk's settings. The desk's copies (a tick makes one per lobby frame) share
 * it, so the slices that advance it in place reach whichever copy is drawn.
 */
export interface Night {
  /** The finished night; null while it still runs. */
  result: BalancingResult | null;
  /** The engine mid-run; gone once the result is in (the build-time desk, serialized, never has one). */
  run?: BalancingRun;
}

/**
 * The lobby's frames: every one in the build-time desk; for new settings, those reached so far, the
 * next computed by `run` when a Step or a tick reaches it (shared by the desk's copies, like the night).
 */
export interface Lobby {
  frames: LobbyFrame[];
  run?: LobbyRun;
}

export interface FrontDesk {
  /** The settings this desk's lobby and night are for. */
  settings: DeskSettings;
  night: Night;
  /** What the charts keep showing, marked as stale, while the night runs: the last finished night, if any. */
  previous: BalancingResult | null;
  lobby: Lobby;
  /** The lobby frame shown now. */
  frame: number;
  /** The rooms out of service, as a mask of the rooms actually closed (one always stays open). */
  closed: number;
}

/** The figure's opening settings, which are also the predict step's scenario. */
export const OPENING: DeskSettings = { policy: 'round-robin', load: 60, speeds: ROOM_SPEEDS, outage: false, seed: SEED.fallback, closed: 0 };

/** The room indexes a mask closes, as the model accepts them. */
export const closedFrom = (mask: number): number[] => closedRooms(ROOM_NAMES.map((_, i) => (mask & (1 << i) ? i : -1)));
const maskOf = (rooms: readonly number[]) => rooms.reduce((m, i) => m | (1 << i), 0);

/** Engine events per call of `settleDesk`: about a millisecond of a phone's time (see bench/). */
export const SLICE_EVENTS = 1000;

/**
 * The desk for these settings at its lobby's first frame, its night not yet run: `settleDesk` runs it.
 * `previous` is what the charts show meanwhile (the desk it replaces: `shownResult(desk)`).
 */
export function startDesk(s: DeskSettings, previous: BalancingResult | null = null): FrontDesk {
  const scenario = {
    policy: s.policy,
    load: s.load / 100,
    speeds: s.speeds,
    outage: s.outage,
    seed: s.seed,
    requests: RUN_GUESTS,
    closed: closedFrom(s.closed),
  };
  const walk = new LobbyRun(scenario);
  return {
    settings: { ...s, speeds: [...s.speeds] },
    night: { result: null, run: new BalancingRun(scenario) },
    previous,
    lobby: { frames: walk.frames, run: walk },
    frame: 0,
    closed: maskOf(scenario.closed),
  };
}

/** Advances the desk's night by at most `maxEvents` engine events, in place; true once its result is in. */
export function settleDesk(desk: FrontDesk, maxEvents: number = SLICE_EVENTS): boolean {
  const night = desk.night;
  if (night.result) return true;
  if (!night.run!.advance(maxEvents)) return false;
  night.result = night.run!.result;
  delete night.run;
  return true;
}

/** The desk with its whole night run, at once: the build-time figure and the tests. */
export function openDesk(s: DeskSettings): FrontDesk {
  const desk = startDesk(s);
  while (!settleDesk(desk, Infinity));
  desk.lobby.run!.frame(LOBBY.frames - 1);
  delete desk.lobby.run;
  return desk;
}

/** Whether two settings give the same lobby and night (a closed mask counts by the rooms it really closes). */
export const sameSettings = (a: DeskSettings, b: DeskSettings): boolean =>
  a.policy === b.policy &&
  a.load === b.load &&
  a.outage === b.outage &&
  a.seed === b.seed &&
  maskOf(closedFrom(a.closed)) === maskOf(closedFrom(b.closed)) &&
  a.speeds.length === b.speeds.length &&
  a.speeds.every((v, i) => Object.is(v, b.speeds[i]));

/**
 * The desk for these settings at its lobby's first frame. Settings the desk already has keep its night
 * (finished or still running), so that the predict step's lock-in on the settings already shown (the
 * opening ones, most often) neither reruns 12,000 guests nor says the charts are the previous settings'
 * and announces the same result twice meanwhile; other settings
 * start a new night, the charts showing this desk's last finished one until it is done.
 */
export function restartDesk(desk: FrontDesk, s: DeskSettings): FrontDesk {
  return sameSettings(desk.settings, s) ? { ...desk, frame: 0 } : startDesk(s, shownResult(desk));
}

/** The result the charts show: this desk's night once finished, until then the previous one (or none). */
export const shownResult = (desk: FrontDesk): BalancingResult | null => desk.night.result ?? desk.previous;

/** Guests the desk has sent so far in its night. */
export const guestsSent = (desk: FrontDesk): number => (desk.night.result ? RUN_GUESTS : (desk.night.run?.sent ?? 0));

/** The lobby frame shown now. */
export const lobbyFrame = (desk: FrontDesk): LobbyFrame => desk.lobby.frames[desk.frame]!;

export function nextFrame(desk: FrontDesk): FrontDesk {
  const frame = Math.min(desk.frame + 1, LOBBY.frames - 1);
  desk.lobby.run?.frame(frame);
  return { ...desk, frame };
}
export const lastFrame = (desk: FrontDesk): boolean => desk.frame >= LOBBY.frames - 1;

/**
 * The room whose line grows longest over the run (its largest count of guests inside, waiting or
 * being served), as the predict step's choice value (its index); the first on a tie.
 */
export function longestLine(result: BalancingResult): string {
  const peaks = result.timeline.map((points) => points.reduce((m, [, inRoom]) => Math.max(m, inRoom), 0));
  let longest = 0;
  peaks.forEach((peak, i) => {
    if (peak > peaks[longest]!) longest = i;
  });
  return String(longest);
}
