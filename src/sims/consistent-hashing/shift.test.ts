import { describe, expect, it } from 'vitest';
import { Ring } from '../engines/hash-ring/ring.ts';
import { sampleKeys } from './lockerRoom.ts';
import { COATS, join, leave, movedWhenOneJoins, onShift, openRoom, reshuffle, shiftChange } from './shift.ts';

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
    expect(room.change.startsWith(`Eli joined: ${expected.length} of 2000 keys moved (`)).toBe(true);
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

  it('changes nothing when the staff and the tags are the same', () => {
    const room = openRoom(0b111, 4);
    expect(reshuffle(room, 0b111, 4)).toBe(room);
  });
});
