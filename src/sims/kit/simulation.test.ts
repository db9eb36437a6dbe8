import { describe, expect, it } from 'vitest';
import { newestOnly } from './newest.ts';
import { acted, linkPatch, openingState, paused, played, restarted, stepped, withParams, type SimulationSpec } from './simulationCore.ts';
import { boolParam, intParam, localParam, writeState } from './urlState.ts';

/** A counter that remembers which parameters built it: enough to tell every path apart. */
const schema = { size: intParam(1, 10, 3), fast: boolParam(false), note: localParam('') };
interface Counter {
  builtFor: number;
  count: number;
}
const spec: SimulationSpec<typeof schema, Counter> = {
  title: 'Counter',
  init: (p) => ({ builtFor: p.size, count: 0 }),
  opening: (p) => ({ builtFor: p.size, count: 2 }),
  step: (m) => ({ ...m, count: m.count + 1 }),
  tick: (m, p) => ({ ...m, count: m.count + (p.fast ? 5 : 1) }),
  finished: (m, p) => m.count >= p.size,
};

describe('the one state path', () => {
  it('opens on the defaults and the opening model, paused', () => {
    const opening = { builtFor: 3, count: 2 };
    expect(openingState(schema, spec)).toEqual({ params: { size: 3, fast: false, note: '' }, model: opening, before: opening, intent: 'auto' });
  });

  it('rebuilds the model in the same transition as a control change, so a Step right after steps the new model', () => {
    const opened = openingState(schema, spec);
    const changed = withParams(spec, opened, { size: 7 });
    expect(changed.params.size).toBe(7);
    expect(changed.model).toEqual({ builtFor: 7, count: 0 });
    expect(stepped(spec, changed, 'step').model).toEqual({ builtFor: 7, count: 1 });
  });

  it('keeps the running model when the spec says how a change applies to it', () => {
    const keep: SimulationSpec<typeof schema, Counter> = { ...spec, change: (m, p, before) => ({ ...m, count: m.count + p.size - before.size }) };
    expect(withParams(keep, openingState(schema, keep), { size: 5 }).model).toEqual({ builtFor: 3, count: 4 });
  });

  it('turns a shared link into the same patch a control would send, validated, with only what differs', () => {
    const current = openingState(schema, spec).params;
    expect(linkPatch('#counter.size=8&counter.fast=0&other.size=2', 'counter', schema, current)).toEqual({ size: 8 });
    expect(linkPatch('#counter.size=999', 'counter', schema, current)).toEqual({ size: 10 });
    expect(linkPatch('#counter.size=junk', 'counter', schema, current)).toBeNull();
    expect(linkPatch('#a-heading', 'counter', schema, current)).toBeNull();
    expect(linkPatch('#counter.note=secret', 'counter', schema, current)).toBeNull();
    // A link built from a state reopens it: the round trip of "Copy link".
    const shared = writeState('', 'counter', schema, { size: 6, fast: true, note: 'typed' });
    expect(shared).not.toContain('note');
    expect(linkPatch(shared, 'counter', schema, current)).toEqual({ size: 6, fast: true });
  });

  it('leaves a changed figure alone when the hash names another simulation or a heading (a hash changed while the page is open)', () => {
    const changed = { size: 7, fast: true, note: '' };
    expect(linkPatch('#a-heading', 'counter', schema, changed)).toBeNull();
    expect(linkPatch('#other.size=2', 'counter', schema, changed)).toBeNull();
    expect(linkPatch('', 'counter', schema, changed)).toBeNull();
    // A link that names this simulation is its whole state: what it leaves out is the default.
    expect(linkPatch('#counter.size=7', 'counter', schema, changed)).toEqual({ fast: false });
  });

  it("ticks with the tick, steps with the step, and ends the reader's Play when finished", () => {
    const playing = { ...withParams(spec, openingState(schema, spec), { size: 3, fast: true }), intent: 'play' as const };
    const ticked = stepped(spec, playing, 'tick');
    expect(ticked.model.count).toBe(5);
    expect(ticked.intent).toBe('auto');
    expect(stepped(spec, ticked, 'step')).toEqual(ticked);
    const slow = { ...withParams(spec, openingState(schema, spec), { size: 3 }), intent: 'play' as const };
    expect(stepped(spec, slow, 'tick')).toMatchObject({ model: { count: 1 }, intent: 'play' });
    // A reader's Pause is not undone by the model finishing.
    expect(stepped(spec, { ...playing, intent: 'pause' }, 'step').intent).toBe('pause');
  });

  it('remembers the model before each transition, so a drawing can move from it', () => {
    const opened = withParams(spec, openingState(schema, spec), { size: 8 });
    expect(opened.before).toEqual({ builtFor: 3, count: 2 });
    const once = stepped(spec, opened, 'step');
    expect(once.before).toBe(opened.model);
    expect(acted(spec, once, (m) => ({ ...m, count: 7 })).before).toBe(once.model);
    expect(restarted(spec, once).before).toBe(once.model);
  });

  it("plays and pauses as the reader's own choice; Reset ends a Play but keeps a Pause", () => {
    const opened = openingState(schema, spec);
    expect(played(spec, opened).intent).toBe('play');
    expect(paused(played(spec, opened)).intent).toBe('pause');
    expect(restarted(spec, played(spec, opened)).intent).toBe('auto');
    expect(restarted(spec, paused(opened)).intent).toBe('pause');
    // Play on a finished model starts it over.
    const done = { ...opened, model: { builtFor: 3, count: 3 } };
    expect(played(spec, done).model).toEqual({ builtFor: 3, count: 0 });
  });

  it('resets to init (not the opening) and applies direct actions to the model', () => {
    const opened = openingState(schema, spec);
    expect(restarted(spec, opened)).toEqual({ ...opened, model: { builtFor: 3, count: 0 }, before: opened.model });
    expect(acted(spec, opened, (m, p) => ({ ...m, count: m.count * p.size })).model.count).toBe(6);
  });

  it('carries parameters the model moves forward itself back into the parameters', () => {
    const counting: SimulationSpec<typeof schema, Counter> = { ...spec, finished: undefined, sync: (m) => ({ size: m.count }) };
    const opened = openingState(schema, counting);
    expect(stepped(counting, stepped(counting, opened, 'step'), 'step').params.size).toBe(4);
    expect(acted(counting, opened, (m) => ({ ...m, count: 9 })).params.size).toBe(9);
    // Reset rebuilds from init, and the parameters follow the fresh model.
    const stepped9 = acted(counting, opened, (m) => ({ ...m, count: 9 }));
    const reset = restarted(counting, stepped9);
    expect(reset.model.count).toBe(0);
    expect(reset.params.size).toBe(0);
  });

  it('carries them after a change of parameters too, so a change that moves another parameter shows it', () => {
    // A change of `fast` starts the count over; `size` mirrors the count, so it must follow to 0.
    const restarting: SimulationSpec<typeof schema, Counter> = {
      ...spec,
      change: (m, p, before) => (p.fast !== before.fast ? { ...m, count: 0 } : m),
      sync: (m) => ({ size: m.count }),
    };
    const opened = openingState(schema, restarting);
    const changed = withParams(restarting, opened, { fast: true });
    expect(changed.params).toEqual({ size: 0, fast: true, note: '' });
    expect(changed.before).toBe(opened.model);
  });
});

describe('newestOnly', () => {
  it('lets only the newest of overlapping jobs deliver, whatever order they finish in', async () => {
    const guard = newestOnly();
    const shown: string[] = [];
    const job = (value: string, ms: number) => {
      const isNewest = guard.start();
      return new Promise<void>((resolve) =>
        setTimeout(() => {
          if (isNewest()) shown.push(value);
          resolve();
        }, ms),
      );
    };
    await Promise.all([job('first', 30), job('second', 20), job('third', 5)]);
    expect(shown).toEqual(['third']);
  });

  it('makes every running job stale on cancel', () => {
    const guard = newestOnly();
    const isNewest = guard.start();
    expect(isNewest()).toBe(true);
    guard.cancel();
    expect(isNewest()).toBe(false);
  });
});
