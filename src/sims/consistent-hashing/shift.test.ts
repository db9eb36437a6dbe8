import { describe, expect, it } from 'vitest';
import { murmur3_32 } from '../engines/hash-ring/murmur3.ts';
import { Ring } from '../engines/hash-ring/ring.ts';
import { ATTENDANTS, sampleKeys } from './lockerRoom.ts';
import {
  COATS,
  STEPS_PER_LAP,
  WALKS_IN_A_LINK,
  formatWalks,
  join,
  leave,
  loadOf,
  moveAttendant,
  movedWhenOneJoins,
  onShift,
  openRoom,
  parseWalks,
  reshuffle,
  shiftChange,
  standingAt,
  walkAttendant,
} from './shift.ts';

const keys = sampleKeys(COATS);
const owners = (names: string[], vnodes: number) => {
  const ring = Ring.of(names, { vnodesPerServer: vnodes });
  return keys.map((k) => ring.serverFor(k));
};

describe('shift changes on the ring', () => {
  it('lists as moves exactly the coats whose attendant differs, each to the joiner', () => {
    const room = join(openRoom(0b1111, 3));
    expect(room.joined).toBe('Eli');
    const before = owners(['Ada', 'Ben', 'Cleo', 'Dev'], 3);
    const after = owners(['Ada', 'Ben', 'Cleo', 'Dev', 'Eli'], 3);
    const expected = before.flatMap((from, coat) => (from !== after[coat] ? [{ coat, from, to: after[coat] }] : []));
    expect(room.moves).toEqual(expected);
    expect(room.moves.every((m) => m.to === 'Eli')).toBe(true);
    expect(room.change.startsWith(`Eli joined: ${expected.length} of 2,000 keys moved (`)).toBe(true);
    expect(movedWhenOneJoins(4, 3)).toBe(expected.length);
  });

  it("sends only the leaver's coats, to the others", () => {
    const start = openRoom(0b11111, 10);
    const room = leave(start, 'Cleo');
    expect(onShift(room.staff)).toEqual(['Ada', 'Ben', 'Dev', 'Eli']);
    expect(room.moves.length).toBe(start.placement.filter((p) => p === 'Cleo').length);
    expect(room.moves.every((m) => m.from === 'Cleo' && m.to !== 'Cleo')).toBe(true);
  });

  it('keeps the last attendant on shift and ignores someone not on shift', () => {
    const one = openRoom(0b1, 3);
    expect(leave(one, 'Ada')).toBe(one);
    expect(leave(one, 'Ben')).toBe(one);
  });

  it('alternates a join and the same attendant leaving when played', () => {
    const a = shiftChange(openRoom(0b11111, 3));
    expect(onShift(a.staff)).toContain('Fay');
    const b = shiftChange(a);
    expect(b.staff).toBe(0b11111);
    expect(b.change.startsWith('Fay left')).toBe(true);
    // The same coats go to Fay and come back.
    expect(b.moves.map((m) => m.coat)).toEqual(a.moves.map((m) => m.coat));
  });

  it('counts coats per attendant as the ring itself does', () => {
    const room = openRoom(0b1011, 5);
    expect(loadOf(room)).toEqual(Ring.of(['Ada', 'Ben', 'Dev'], { vnodesPerServer: 5 }).load(keys));
  });

  it('changes nothing when the staff and the tags are the same', () => {
    const room = openRoom(0b111, 4);
    expect(reshuffle(room, 0b111, 4)).toBe(room);
  });
});

describe('an attendant moved along the ring', () => {
  /** Owners when `name`'s tags all sit `walk` positions clockwise of their usual lockers. */
  const ownersWalked = (names: string[], vnodes: number, name: string, walk: number) => {
    const ring = Ring.of(names, {
      vnodesPerServer: vnodes,
      tagPositions: (s, n) => Array.from({ length: n }, (_, i) => (murmur3_32(`${s}#${i}`) + (s === name ? walk : 0)) % 2 ** 32),
    });
    return keys.map((k) => ring.serverFor(k));
  };

  it('stands at their first name tag, and after a move stands where they were put', () => {
    const room = openRoom(0b11111, 3);
    expect(standingAt(room, 'Cleo')).toBe(murmur3_32('Cleo#0') / 2 ** 32);
    expect(standingAt(moveAttendant(room, 'Cleo', 0.25), 'Cleo')).toBe(0.25);
    expect(standingAt(moveAttendant(room, 'Cleo', 1.75), 'Cleo')).toBe(0.75);
    expect(standingAt(moveAttendant(room, 'Cleo', -0.25), 'Cleo')).toBe(0.75);
  });

  it('re-homes exactly the coats whose owner differs, each to or from the one who moved', () => {
    const names = ['Ada', 'Ben', 'Cleo', 'Dev', 'Eli'];
    for (const vnodes of [1, 3, 40]) {
      const room = openRoom(0b11111, vnodes);
      const moved = moveAttendant(room, 'Ben', standingAt(room, 'Ben') + 0.1);
      const walk = Math.floor(((murmur3_32('Ben#0') / 2 ** 32 + 0.1) % 1) * 2 ** 32) - murmur3_32('Ben#0');
      const before = owners(names, vnodes);
      const after = ownersWalked(names, vnodes, 'Ben', (walk + 2 ** 32) % 2 ** 32);
      expect(moved.placement).toEqual(after);
      const expected = before.flatMap((from, coat) => (from !== after[coat] ? [{ coat, from, to: after[coat] }] : []));
      expect(moved.moves).toEqual(expected);
      expect(expected.length).toBeGreaterThan(0);
      expect(moved.moves.every((m) => m.from === 'Ben' || m.to === 'Ben')).toBe(true);
      expect(moved.change.startsWith(`Ben moved: ${expected.length} of 2,000 keys moved (`)).toBe(true);
    }
  });

  it('walks by arrow steps, a lap of steps bringing them back with no coat changed for good', () => {
    const room = openRoom(0b111, 3);
    const one = walkAttendant(room, 'Ada', 1);
    expect(standingAt(one, 'Ada')).toBeCloseTo((standingAt(room, 'Ada') + 1 / STEPS_PER_LAP) % 1, 9);
    const back = walkAttendant(one, 'Ada', -1);
    expect(back.placement).toEqual(room.placement);
    // Counted since Ada started walking: a step there and back re-homes nothing in the end.
    expect(one.change.startsWith(`Ada moved: ${one.moves.length} of`)).toBe(true);
    expect(back.moves.length).toBe(one.moves.length);
    expect(back.change.startsWith('Ada moved: 0 of')).toBe(true);
    expect(walkAttendant(room, 'Ada', STEPS_PER_LAP)).toBe(room);
  });

  it('counts a drag of many small moves from where it began, and starts a new count for another attendant', () => {
    const room = openRoom(0b11111, 3);
    let dragged = room;
    for (let i = 1; i <= 10; i++) dragged = moveAttendant(dragged, 'Cleo', standingAt(room, 'Cleo') + i / 40);
    const direct = moveAttendant(room, 'Cleo', standingAt(room, 'Cleo') + 10 / 40);
    expect(dragged.placement).toEqual(direct.placement);
    expect(dragged.change).toBe(direct.change);
    expect(direct.change.startsWith(`Cleo moved: ${direct.moves.length} of`)).toBe(true);
    const other = moveAttendant(dragged, 'Ada', 0.5);
    expect(other.change.startsWith(`Ada moved: ${other.moves.length} of`)).toBe(true);
    expect(join(dragged).walkFrom).toBeNull();
  });

  it('keeps the moved spot through a join and a change of name tags, and ignores who is not on shift', () => {
    const room = moveAttendant(openRoom(0b111, 3), 'Ben', 0.5);
    expect(standingAt(join(room), 'Ben')).toBe(0.5);
    expect(standingAt(reshuffle(room, 0b111, 7), 'Ben')).toBe(0.5);
    expect(moveAttendant(room, 'Dev', 0.2)).toBe(room);
    expect(moveAttendant(room, 'Ben', Number.NaN)).toBe(room);
  });

  it('travels in a link: the walks written out and read back rebuild the same room', () => {
    const room = moveAttendant(moveAttendant(openRoom(0b11111, 3), 'Dev', 0.1), 'Ben', 0.6);
    const text = formatWalks(room.walks);
    // Cast order, whole ring positions: exactly what the two moves set.
    expect(text).toBe(`Ben.${room.walks.Ben}_Dev.${room.walks.Dev}`);
    expect(Number.isInteger(room.walks.Ben) && room.walks.Ben! > 0 && room.walks.Ben! < 2 ** 32).toBe(true);
    const opened = reshuffle(openRoom(0b11111, 3), 0b11111, 3, parseWalks(text));
    expect(opened.placement).toEqual(room.placement);
    expect(standingAt(opened, 'Ben')).toBe(standingAt(room, 'Ben'));
    // Opening the link re-homes, from the unmoved room, the same coats as the two moves did.
    const unmoved = openRoom(0b11111, 3);
    expect(opened.moves.length).toBe(unmoved.placement.filter((owner, coat) => owner !== room.placement[coat]).length);
    expect(opened.change.startsWith(`Attendants moved along the ring: ${opened.moves.length} of 2,000 keys moved`)).toBe(true);
    expect(formatWalks(openRoom(0b11111, 3).walks)).toBe('');
    expect(reshuffle(room, 0b11111, 3, parseWalks(text))).toBe(room);
  });

  /** Owners with each attendant's tags walked as `walks` says, built here from the engine and murmur3. */
  const ownersWith = (names: string[], vnodes: number, walks: Record<string, number>) => {
    const ring = Ring.of(names, {
      vnodesPerServer: vnodes,
      tagPositions: (s, n) => Array.from({ length: n }, (_, i) => (murmur3_32(`${s}#${i}`) + (walks[s] ?? 0)) % 2 ** 32),
    });
    return keys.map((k) => ring.serverFor(k));
  };
  const differing = (a: string[], b: string[]) => a.filter((owner, coat) => owner !== b[coat]).length;
  const five = ['Ada', 'Ben', 'Cleo', 'Dev', 'Eli'];

  it('opening a link with walks counts, in its status, the coats those walks re-home', () => {
    const walks = { Ben: 2 ** 30, Dev: 3_000_000_000 };
    const n = differing(ownersWith(five, 3, {}), ownersWith(five, 3, walks));
    expect(n).toBeGreaterThan(0);
    const opened = reshuffle(openRoom(0b11111, 3), 0b11111, 3, parseWalks('Ben.1073741824_Dev.3000000000'));
    expect(opened.change).toBe(`Attendants moved along the ring: ${n.toLocaleString('en')} of 2,000 keys moved (${Math.round((n / 2000) * 100)}%).`);
  });

  it('a link that changes who is on shift and where they stand names both changes in its count', () => {
    const walks = { Dev: 2 ** 31 };
    const n = differing(ownersWith(five, 3, {}), ownersWith(['Ada', 'Ben', 'Cleo', 'Dev'], 3, walks));
    // Eli leaving alone moves fewer: the count is not Eli's, so the status must not say only "Eli left".
    expect(differing(ownersWith(five, 3, {}), ownersWith(['Ada', 'Ben', 'Cleo', 'Dev'], 3, {}))).not.toBe(n);
    const opened = reshuffle(openRoom(0b11111, 3), 0b01111, 3, walks);
    expect(opened.moves.length).toBe(n);
    expect(opened.change.startsWith(`Eli left and attendants moved along the ring: ${n.toLocaleString('en')} of 2,000 keys moved`)).toBe(true);
  });

  it('a walk of someone off shift moves no coat and claims no move, but stays for when they join', () => {
    const room = openRoom(0b11111, 3);
    const opened = reshuffle(room, 0b11111, 3, { Fay: 12_345 });
    expect(opened.placement).toEqual(room.placement);
    expect(opened.moves).toEqual([]);
    expect(opened.change).toBe('');
    expect(formatWalks(opened.walks)).toBe('Fay.12345');
    expect(standingAt(join(opened), 'Fay')).toBe(((murmur3_32('Fay#0') + 12_345) % 2 ** 32) / 2 ** 32);
  });

  it('fits every attendant walked as far as the ring allows in a link, and survives tags walked onto one another', () => {
    const farthest = Object.fromEntries(ATTENDANTS.map((name) => [name, 2 ** 32 - 1]));
    const text = formatWalks(farthest);
    // Within the view's text parameter: its length, and characters a link carries unescaped.
    expect(text.length).toBeLessThanOrEqual(WALKS_IN_A_LINK);
    expect(text).toMatch(/^[A-Za-z0-9._]+$/);
    expect(parseWalks(text)).toEqual(farthest);
    // Ben's first tag walked exactly onto Ada's: two tags at one position, still one owner per coat.
    const onto = (murmur3_32('Ada#0') - murmur3_32('Ben#0') + 2 ** 32) % 2 ** 32;
    const room = reshuffle(openRoom(0b11, 1), 0b11, 1, parseWalks(`Ben.${onto}`));
    expect(standingAt(room, 'Ben')).toBe(standingAt(room, 'Ada'));
    expect(room.placement.every((owner) => owner === 'Ada' || owner === 'Ben')).toBe(true);
  });

  it('reads a link as data: unknown names, junk and walks off the ring are dropped, the rest applies', () => {
    expect(parseWalks('')).toEqual({});
    expect(parseWalks('Ben.12_Zed.5_Dev.-3_Eli.4294967296_Fay.0_Gus.1e3_<b>.1_Hana:7_Cleo.4294967295')).toEqual({ Ben: 12, Cleo: 4294967295 });
    expect(parseWalks('Ben.12_Ben.40')).toEqual({ Ben: 40 });
  });
});
