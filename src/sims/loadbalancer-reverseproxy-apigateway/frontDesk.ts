/**
 * The balancing figure's model: one run of RUN_GUESTS guests under a policy, with the lobby's opening
 * frames that the drawing plays one at a time. The opening settings' desk is built at build time and
 * handed to the island, so that hydrating the page runs no simulation.
 */
import {
  ROOM_NAMES,
  ROOM_SPEEDS,
  SEED,
  closedRooms,
  lobbyFrames,
  runBalancing,
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

export interface FrontDesk {
  result: BalancingResult;
  lobby: LobbyFrame[];
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

export function openDesk(s: DeskSettings): FrontDesk {
  const scenario = {
    policy: s.policy,
    load: s.load / 100,
    speeds: s.speeds,
    outage: s.outage,
    seed: s.seed,
    requests: RUN_GUESTS,
    closed: closedFrom(s.closed),
  };
  return { result: runBalancing(scenario), lobby: lobbyFrames(scenario), frame: 0, closed: maskOf(scenario.closed) };
}

export const nextFrame = (desk: FrontDesk): FrontDesk => ({ ...desk, frame: Math.min(desk.frame + 1, desk.lobby.length - 1) });
export const lastFrame = (desk: FrontDesk): boolean => desk.frame >= desk.lobby.length - 1;

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
