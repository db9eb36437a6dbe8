/**
 * The locker room as a model the ring figure animates: who is on shift, where each coat hangs, and,
 * after a join or a departure, exactly which coats changed attendant (from whom, to whom). Pure and
 * deterministic; the view draws those moves and nothing else travels.
 */
import { MAX_VNODES, MIN_VNODES, Ring } from '../engines/hash-ring/ring.ts';
import { formatPercent } from '../kit/model.ts';
import { ATTENDANTS, MAX_SERVERS, sampleKeys } from './lockerRoom.ts';

/** Coats in the figure: the keys user:1 to user:2000. */
export const COATS = 2000;
const KEYS = sampleKeys(COATS);

/** Who is on shift is a bit mask over ATTENDANTS (bit i = ATTENDANTS[i]), so any subset fits a link. */
export const ALL_STAFF = 2 ** MAX_SERVERS - 1;
export const OPENING_STAFF = 0b11111;

export interface CoatMove {
  /** Index into the coats (user:index+1). */
  coat: number;
  from: string;
  to: string;
}

export interface LockerRoom {
  staff: number;
  vnodes: number;
  ring: Ring;
  /** Each coat's attendant, by coat index. */
  placement: string[];
  /** The coats the latest change re-homed, and only those. */
  moves: CoatMove[];
  /** What the last change was and how many coats it re-homed; empty before the first. */
  change: string;
  /** Who joined in the latest change, so that the next shift change sends them home again. */
  joined: string | null;
}

export const onShift = (staff: number): string[] => ATTENDANTS.filter((_, i) => staff & (1 << i));

/**
 * Rings built recently, by staff and tag count. A slider drag or an autoplaying join/leave revisits
 * the same few rings, so a small cache saves rebuilding up to 10 000 tags each time.
 */
const recent = new Map<string, { ring: Ring; placement: string[] }>();
function built(staff: number, vnodes: number): { ring: Ring; placement: string[] } {
  const id = `${staff}/${vnodes}`;
  let entry = recent.get(id);
  if (!entry) {
    const ring = Ring.of(onShift(staff), { vnodesPerServer: vnodes });
    entry = { ring, placement: KEYS.map((k) => ring.serverFor(k)) };
    recent.set(id, entry);
    if (recent.size > 8) recent.delete(recent.keys().next().value!);
  }
  return entry;
}

function checked(staff: number, vnodes: number): void {
  if (!Number.isInteger(staff) || staff < 1 || staff > ALL_STAFF)
    throw new RangeError(`staff must be a non-empty mask of ${MAX_SERVERS} attendants, got ${staff}`);
  if (!Number.isInteger(vnodes) || vnodes < MIN_VNODES || vnodes > MAX_VNODES)
    throw new RangeError(`tags per attendant must be ${MIN_VNODES} to ${MAX_VNODES}, got ${vnodes}`);
}

export function openRoom(staff: number, vnodes: number): LockerRoom {
  checked(staff, vnodes);
  return { staff, vnodes, ...built(staff, vnodes), moves: [], change: '', joined: null };
}

/** Who joined or left, or the new tag count. */
function whatChanged(room: LockerRoom, staff: number, vnodes: number): string {
  if (staff === room.staff) return `${vnodes} name tags each`;
  const joined = ATTENDANTS.filter((_, i) => staff & (1 << i) && !(room.staff & (1 << i)));
  const left = ATTENDANTS.filter((_, i) => room.staff & (1 << i) && !(staff & (1 << i)));
  if (joined.length === 1 && left.length === 0) return `${joined[0]} joined`;
  if (left.length === 1 && joined.length === 0) return `${left[0]} left`;
  return `${onShift(staff).length} attendants on shift`;
}

/** A new staff or tag count: each coat whose attendant differs is a move, from the old owner to the new. */
export function reshuffle(room: LockerRoom, staff: number, vnodes: number): LockerRoom {
  if (staff === room.staff && vnodes === room.vnodes) return room;
  const next = openRoom(staff, vnodes);
  const moves: CoatMove[] = [];
  room.placement.forEach((from, coat) => {
    const to = next.placement[coat]!;
    if (to !== from) moves.push({ coat, from, to });
  });
  const joinedNow = ATTENDANTS.filter((_, i) => staff & (1 << i) && !(room.staff & (1 << i)));
  return {
    ...next,
    moves,
    change: `${whatChanged(room, staff, vnodes)}: ${moves.length} of ${COATS} keys moved (${formatPercent(moves.length / COATS)}).`,
    joined: joinedNow.length === 1 ? joinedNow[0]! : null,
  };
}

/** The first attendant not on shift joins (no change when all are on shift). */
export function join(room: LockerRoom): LockerRoom {
  const i = ATTENDANTS.findIndex((_, j) => !(room.staff & (1 << j)));
  return i < 0 ? room : reshuffle(room, room.staff | (1 << i), room.vnodes);
}

/** `name` goes home; the last attendant on shift stays. */
export function leave(room: LockerRoom, name: string): LockerRoom {
  const i = ATTENDANTS.indexOf(name as (typeof ATTENDANTS)[number]);
  if (i < 0 || !(room.staff & (1 << i)) || onShift(room.staff).length <= 1) return room;
  return reshuffle(room, room.staff & ~(1 << i), room.vnodes);
}

/** Playback's step: whoever just joined goes home again; otherwise the next attendant joins. */
export function shiftChange(room: LockerRoom): LockerRoom {
  if (room.joined && room.staff & (1 << ATTENDANTS.indexOf(room.joined as (typeof ATTENDANTS)[number]))) return leave(room, room.joined);
  const next = join(room);
  return next === room ? leave(room, onShift(room.staff).at(-1)!) : next;
}

/** How many coats move when the attendant after the first `before` joins them, with `vnodes` tags each. */
export function movedWhenOneJoins(before: number, vnodes: number): number {
  return reshuffle(openRoom(2 ** before - 1, vnodes), 2 ** (before + 1) - 1, vnodes).moves.length;
}
