/**
 * `useSimulation`: the one way a view holds its simulation. The kit owns the parameters, the model,
 * playback, sliced background work and async results; the view draws `sim.model` and forwards input.
 * See README.md.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { usePrefersReducedMotion } from './hooks.ts';
import { useIslandTitle, useReportError } from './SimFrame.tsx';
import { newestOnly } from './newest.ts';
import { runInSlices } from './slices.ts';
import { acted, isFinished, linkPatch, openingState, restarted, stepped, withParams, type SimState, type SimulationSpec } from './simulationCore.ts';
import type { Schema, StateOf } from './urlState.ts';

export interface Simulation<S extends Schema, M> {
  schema: S;
  params: StateOf<S>;
  model: M;
  /** A control's change: the parameters and the model change together, in this event. */
  set(patch: Partial<StateOf<S>>): void;
  /** A direct action on the model, e.g. `sim.act((cluster) => deletePod(cluster, name))`. */
  act(action: (model: M, params: StateOf<S>) => M): void;
  step(): void;
  reset(): void;
  playing: boolean;
  play(): void;
  pause(): void;
  finished: boolean;
  /** What SimFrame needs, stated once: `<SimFrame {...sim.frame} caption=…>`. */
  frame: { id: string; title: string; share: { schema: S; state: StateOf<S> } };
}

export function useSimulation<S extends Schema, M>(id: string, schema: S, spec: SimulationSpec<S, M>): Simulation<S, M> {
  useIslandTitle(spec.title);
  const report = useReportError();
  const store = useRef<SimState<S, M> | null>(null);
  store.current ??= openingState(schema, spec);
  const [, render] = useState(0);
  // The latest spec and error report, for work that outlives this render (slices, promises, timers).
  const latest = useRef({ spec, report });
  latest.current = { spec, report };
  const jobs = useRef<{ cancelSlices?: () => void; newest: ReturnType<typeof newestOnly> }>({ newest: newestOnly() });

  const commit = (next: SimState<S, M>) => {
    store.current = next;
    render((n) => n + 1);
  };

  /** Starts what a freshly built model continues in the background: slices of work, then async loading. */
  const startWork = (state: SimState<S, M>) => {
    const { spec } = latest.current;
    jobs.current.cancelSlices?.();
    jobs.current.cancelSlices = undefined;
    const { settle, load } = spec;
    if (settle) {
      const model = state.model;
      jobs.current.cancelSlices = runInSlices(
        () => {
          try {
            return settle(model, state.params);
          } catch (error) {
            latest.current.report(error);
            return true;
          }
        },
        () => {
          // The model advanced in place; draw it unless a newer one has replaced it.
          if (store.current?.model === model) render((n) => n + 1);
        },
      );
    }
    const job = load?.(state.model, state.params);
    if (job) {
      const isNewest = jobs.current.newest.start();
      job.then((apply) => {
        if (isNewest() && store.current) commit({ ...store.current, model: apply(store.current.model) });
      }, latest.current.report);
    }
  };

  /** Applies a transition now, in the event that asked for it; errors go to the frame. */
  const transition = (next: (state: SimState<S, M>) => SimState<S, M>, work: boolean) => {
    try {
      const before = store.current!;
      const after = next(before);
      commit(after);
      if (work && after.model !== before.model) startWork(after);
    } catch (error) {
      latest.current.report(error);
    }
  };

  const set = (patch: Partial<StateOf<S>>) => transition((s) => withParams(latest.current.spec, s, patch), true);

  // Once, at hydration: a shared link takes the same path as a control; then the opening model's work.
  useEffect(() => {
    const patch = linkPatch(location.hash, id, schema, store.current!.params);
    if (patch) set(patch);
    else startWork(store.current!);
    return () => {
      jobs.current.cancelSlices?.();
      jobs.current.newest.cancel();
    };
  }, []);

  const state = store.current;
  const finished = isFinished(spec, state);
  const tick = () => transition((s) => stepped(latest.current.spec, s, 'tick'), false);
  useTicker(tick, { running: state.playing && !finished && Boolean(spec.step ?? spec.tick), intervalMs: spec.tickMs ?? 500 });

  return {
    schema,
    params: state.params,
    model: state.model,
    set,
    act: (action) => transition((s) => acted(latest.current.spec, s, action), true),
    step: () => transition((s) => stepped(latest.current.spec, s, 'step'), false),
    reset: () => transition((s) => restarted(latest.current.spec, s), true),
    playing: state.playing && !finished,
    play: () => transition((s) => ({ ...(isFinished(latest.current.spec, s) ? restarted(latest.current.spec, s) : s), playing: true }), true),
    pause: () => transition((s) => ({ ...s, playing: false }), false),
    finished,
    frame: { id, title: spec.title, share: { schema, state: state.params } },
  };
}

/**
 * Calls `onTick` every `intervalMs` while `running`, never under reduced motion (stepping by hand
 * still works). Pauses while the tab is hidden, since browsers throttle timers there anyway. The kit's
 * only timer: playback goes through `useSimulation`.
 */
function useTicker(onTick: () => void, { running, intervalMs }: { running: boolean; intervalMs: number }): void {
  const reduced = usePrefersReducedMotion();
  const tick = useRef(onTick);
  tick.current = onTick;
  useEffect(() => {
    if (!running || reduced) return;
    const timer = setInterval(() => {
      if (!document.hidden) tick.current();
    }, Math.max(16, intervalMs));
    return () => clearInterval(timer);
  }, [running, reduced, intervalMs]);
}
