/**
 * The locker room as a model the ring figure animates: who is on shift, where each coat hangs, and,
 * after a join or a departure, exactly which coats changed attendant (from whom, to whom). Pure and
 * deterministic; the view draws those moves and nothing else travels.
 */
import { murmur3_32 } from '../engines/hash-ring/murmur3.ts';
import { MAX_VNODES, MIN_VNODES, RING_SIZE, Ring, summarizeLoad, virtualNodeLabel, type LoadSummary } from '../engines/hash-ring/ring.ts';
import { formatNumber, formatPercent } from '../kit/model.ts';
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

/** How far each moved attendant has walked along the ring, in ring positions; absent is 0. */
export type Walks = Readonly<Record<string, number>>;

export interface LockerRoom {
  staff: number;
  vnodes: number;
  /** Attendants the reader moved, and how far: all of a moved attendant's name tags shift together. */
  walks: Walks;
  ring: Ring;
  /** Each coat's attendant, by coat index. */
  placement: string[];
  /** The coats the latest change re-homed, and only those. */
  moves: CoatMove[];
  /** What the last change was and how many coats it re-homed; empty before the first. */
  change: string;
  /** Who joined in the latest change, so that the next shift change sends them home again. */
  joined: string | null;
  /**
   * While one attendant keeps moving (a drag is many small moves, as are arrow presses), where the
   * coats hung before they started: the change counts the coats re-homed since then, not since the last step.
   */
  walkFrom: { name: string; placement: string[] } | null;
}

export const onShift = (staff: number): string[] => ATTENDANTS.filter((_, i) => staff & (1 << i));

/**
 * Rings built recently, by staff and tag count. A slider drag or an autoplaying join/leave revisits
 * the same few rings, so a small cache saves rebuilding up to 10 000 tags each time.
 */
const recent = new Map<string, { ring: Ring; placement: string[] }>();
function built(staff: number, vnodes: number, walks: Walks): { ring: Ring; placement: string[] } {
  const id = `${staff}/${vnodes}/${JSON.stringify(walks)}`;
  let entry = recent.get(id);
  if (!entry) {
    const ring = Ring.of(onShift(staff), {
      vnodesPerServer: vnodes,
      tagPositions: (server, count) => Array.from({ length: count }, (_, i) => tagAt(server, i, walks)),
    });
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

/** Where an attendant's i-th name tag hangs: its usual locker, walked along by the attendant's walk. */
function tagAt(server: string, i: number, walks: Walks): number {
  return (murmur3_32(virtualNodeLabel(server, i)) + (walks[server] ?? 0)) % RING_SIZE;
}

export function openRoom(staff: number, vnodes: number, walks: Walks = {}): LockerRoom {
  checked(staff, vnodes);
  return { staff, vnodes, walks, ...built(staff, vnodes, walks), moves: [], change: '', joined: null, walkFrom: null };
}

/** Where an attendant stands: their first name tag, as a fraction of the circle (0 at the top, clockwise). */
export function standingAt(room: LockerRoom, name: string): number {
  return tagAt(name, 0, room.walks) / RING_SIZE;
}

/** The coats whose attendant differs between two rooms, each from the old owner to the new. */
function movesBetween(before: LockerRoom, after: LockerRoom): CoatMove[] {
  const moves: CoatMove[] = [];
  before.placement.forEach((from, coat) => {
    const to = after.placement[coat]!;
    if (to !== from) moves.push({ coat, from, to });
  });
  return moves;
}

const movedNote = (what: string, moves: number) => `${what}: ${formatNumber(moves)} of ${formatNumber(COATS)} keys moved (${formatPercent(moves / COATS)}).`;

/**
 * `name` walks along the ring until their first name tag hangs at fraction `to` of the circle, taking
 * all their name tags the same distance. Every coat that changes hands goes to or comes from `name`,
 * even when their tags pass other attendants' tags: nobody else's tags moved, so walking clockwise
 * from a coat, the first tag not `name`'s is the same as before, and the coat's owner is that tag's
 * attendant or `name`. The moves
 * are those of this step (what the drawing animates); the change counts the coats re-homed since
 * `name` started moving.
 */
export function moveAttendant(room: LockerRoom, name: string, to: number): LockerRoom {
  if (!onShift(room.staff).includes(name) || !Number.isFinite(to)) return room;
  const target = Math.floor((((to % 1) + 1) % 1) * RING_SIZE);
  const walk = (target - murmur3_32(virtualNodeLabel(name, 0)) + RING_SIZE) % RING_SIZE;
  if (walk === (room.walks[name] ?? 0)) return room;
  const next = openRoom(room.staff, room.vnodes, { ...room.walks, [name]: walk });
  const walkFrom = room.walkFrom?.name === name ? room.walkFrom : { name, placement: room.placement };
  const net = next.placement.reduce((n, owner, coat) => n + (owner === walkFrom.placement[coat] ? 0 : 1), 0);
  return { ...next, moves: movesBetween(room, next), change: movedNote(`${name} moved`, net), joined: room.joined, walkFrom };
}

/** One arrow press moves an attendant 3° along the ring. */
export const STEPS_PER_LAP = 120;

/** A walk of `steps` along the ring from where `name` stands (positive is clockwise), STEPS_PER_LAP to a lap. */
export function walkAttendant(room: LockerRoom, name: string, steps: number): LockerRoom {
  return moveAttendant(room, name, standingAt(room, name) + steps / STEPS_PER_LAP);
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

/**
 * A new staff, tag count or set of walks (a shared link's): each coat whose attendant differs is a move,
 * from the old owner to the new. The change names every kind of change the count includes, so that a
 * link that both sends Eli home and moves Dev does not credit all its moves to Eli.
 */
export function reshuffle(room: LockerRoom, staff: number, vnodes: number, walks: Walks = room.walks): LockerRoom {
  const rewalked = formatWalks(walks) !== formatWalks(room.walks);
  const regrouped = staff !== room.staff || vnodes !== room.vnodes;
  if (!regrouped && !rewalked) return room;
  // Only a walk of someone on shift before and after moves tags a reader saw; a walk of someone off
  // shift waits, unseen, for them to join.
  const stepped = onShift(staff & room.staff).some((name) => (walks[name] ?? 0) !== (room.walks[name] ?? 0));
  const next = openRoom(staff, vnodes, rewalked ? walks : room.walks);
  if (!regrouped && !stepped) return { ...room, walks: next.walks, moves: [] };
  const moves = movesBetween(room, next);
  const joinedNow = ATTENDANTS.filter((_, i) => staff & (1 << i) && !(room.staff & (1 << i)));
  const what = !regrouped ? 'Attendants moved along the ring' : `${whatChanged(room, staff, vnodes)}${stepped ? ' and attendants moved along the ring' : ''}`;
  return { ...next, moves, change: movedNote(what, moves.length), joined: joinedNow.length === 1 ? joinedNow[0]! : null };
}

/** The longest walks a link may carry: every attendant walked, with ten digits each, fits (302 characters). */
export const WALKS_IN_A_LINK = 320;

/**
 * The walks as a link carries them, `Ada.123_Cleo.4567` (characters a URL needs no escape for):
 * attendants in cast order, a walk of 0 left out, so a room nobody moved has an empty string.
 */
export function formatWalks(walks: Walks): string {
  return ATTENDANTS.filter((name) => (walks[name] ?? 0) !== 0)
    .map((name) => `${name}.${walks[name]}`)
    .join('_');
}

/**
 * The walks a link names. A link is reader input: an entry whose name is not in the cast, or whose walk
 * is not a whole ring position (0 to 2^32 - 1), is dropped, and the rest of the link still applies.
 */
export function parseWalks(text: string): Walks {
  const walks: Record<string, number> = {};
  for (const entry of text.split('_')) {
    const match = /^([A-Za-z]+)\.(\d{1,10})$/.exec(entry);
    if (!match) continue;
    const [, name, digits] = match;
    const walk = Number(digits);
    if (ATTENDANTS.includes(name as (typeof ATTENDANTS)[number]) && walk > 0 && walk < RING_SIZE) walks[name!] = walk;
  }
  return walks;
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

/** Coats per attendant on shift, in joining order, with the imbalance figures. */
export function loadOf(room: LockerRoom): LoadSummary {
  const counts = new Map(room.ring.servers().map((s) => [s, 0]));
  for (const owner of room.placement) counts.set(owner, counts.get(owner)! + 1);
  return summarizeLoad([...counts].map(([server, keys]) => ({ server, keys })));
}
