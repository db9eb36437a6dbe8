/**
 * `useSimulation`: the one way a view holds its simulation. The kit owns the parameters, the model,
 * playback, sliced background work and async results; the view draws `sim.model` and forwards input.
 * See README.md.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { usePrefersReducedMotion } from './hooks.ts';
import { useIslandTitle, useReportError } from './SimFrame.tsx';
import { newestOnly } from './newest.ts';
import { atMostEvery, runInSlices } from './slices.ts';
import { isRunning, seenFrom, type Seen } from './motion.ts';
import { FrameLoop, type Motion } from './frameLoop.ts';
import {
  acted,
  canPlay,
  isFinished,
  linkPatch,
  openingState,
  paused,
  played,
  restarted,
  stepped,
  withParams,
  type SimState,
  type SimulationSpec,
} from './simulationCore.ts';
import type { Schema, StateOf } from './urlState.ts';

export type { Motion } from './frameLoop.ts';

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
  /** Playback is running now (by itself or by the reader's Play): PlayControls shows Pause. */
  playing: boolean;
  play(): void;
  pause(): void;
  finished: boolean;
  /** The model before the latest Step, tick, action or change: a drawing moves from it to `model`. */
  before: M;
  /** Per display frame, how far the drawing has moved from `before` to `model`; read it with `useProgress(sim)`. */
  motion: Motion;
  /** What SimFrame needs, stated once: `<SimFrame {...sim.frame} caption=…>`. */
  frame: { id: string; title: string; share: { schema: S; state: StateOf<S> } };
}

/** How often background slices redraw their view while they run (and once when they finish). */
const SLICE_DRAW_MS = 150;

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
        // The model advanced in place. Draw it even if a Step or a tick has since wrapped it in a new
        // object that shares the work (a newly built model cancels these slices instead); a few times a
        // second shows progress, and drawing after every slice cost a phone about as much as the work itself.
        atMostEvery(SLICE_DRAW_MS, () => render((n) => n + 1)),
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
  const transition = (next: (state: SimState<S, M>) => SimState<S, M>, work: boolean, move = true) => {
    try {
      const before = store.current!;
      const after = next(before);
      commit(after);
      if (after.model !== before.model && move) motion.current.moved();
      if (work && after.model !== before.model) startWork(after);
    } catch (error) {
      latest.current.report(error);
    }
  };

  const set = (patch: Partial<StateOf<S>>) => transition((s) => withParams(latest.current.spec, s, patch), true);

  // Once, at hydration: a shared link takes the same path as a control; then the opening model's work.
  // Runs once per mount on purpose: the id and schema are constants of the view, and set and startWork
  // read the latest spec through refs.
  useEffect(() => {
    const patch = linkPatch(location.hash, id, schema, store.current!.params);
    if (patch) set(patch);
    else startWork(store.current!);
    // A link to this page opened while it is open (or Back and Forward between such links) changes
    // only the hash: it takes the same path. A hash that does not name this simulation changes nothing.
    const onHashChange = () => {
      const linked = linkPatch(location.hash, id, schema, store.current!.params);
      if (linked) set(linked);
    };
    addEventListener('hashchange', onHashChange);
    // The jobs object lives as long as the component; the cleanup cancels whatever it holds then.
    const running = jobs.current;
    return () => {
      removeEventListener('hashchange', onHashChange);
      running.cancelSlices?.();
      running.newest.cancel();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const state = store.current;
  const finished = isFinished(spec, state);
  const reduced = usePrefersReducedMotion();
  const seen = useSeen(`sim-${id}`);
  const running = isRunning({ intent: state.intent, ...seen, reduced, canPlay: canPlay(spec), autoplay: spec.autoplay ?? true, finished });
  const tick = () => transition((s) => stepped(latest.current.spec, s, 'tick'), false, false);
  const motion = useRef<FrameLoop>(null as unknown as FrameLoop);
  motion.current ??= new FrameLoop(spec.tickMs ?? 500);
  motion.current.update({ running, reduced, tickMs: spec.tickMs ?? 500, tick });
  useEffect(() => () => motion.current.stop(), []);

  return {
    schema,
    params: state.params,
    model: state.model,
    set,
    act: (action) => transition((s) => acted(latest.current.spec, s, action), true),
    step: () => transition((s) => stepped(latest.current.spec, s, 'step'), false),
    reset: () => transition((s) => restarted(latest.current.spec, s), true),
    playing: running,
    play: () => transition((s) => played(latest.current.spec, s), true),
    pause: () => transition((s) => paused(s), false),
    finished,
    before: state.before,
    motion: motion.current,
    frame: { id, title: spec.title, share: { schema, state: state.params } },
  };
}

/**
 * Whether the frame with this element id shows (IntersectionObserver) and whether the tab does. Before
 * hydration nothing is seen, so the static figure never plays; where IntersectionObserver is missing
 * the frame counts as in view.
 */
function useSeen(elementId: string): { seen: Seen; pageHidden: boolean } {
  const [seen, setSeen] = useState<Seen>('off');
  const [pageHidden, setPageHidden] = useState(false);
  useEffect(() => {
    const onVisibility = () => setPageHidden(document.hidden);
    onVisibility();
    document.addEventListener('visibilitychange', onVisibility);
    const element = document.getElementById(elementId);
    let observer: IntersectionObserver | undefined;
    if (element && typeof IntersectionObserver === 'function') {
      // Thresholds every 5 %: enough to catch both the 40 % share and a tall frame filling the viewport.
      const thresholds = Array.from({ length: 21 }, (_, i) => i / 20);
      observer = new IntersectionObserver(
        (entries) => {
          const entry = entries.at(-1)!;
          const viewport = entry.rootBounds?.height ?? innerHeight;
          setSeen(entry.isIntersecting ? seenFrom(entry.intersectionRatio, entry.intersectionRect.height, viewport) : 'off');
        },
        { threshold: thresholds },
      );
      observer.observe(element);
    } else setSeen('in');
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      observer?.disconnect();
    };
  }, [elementId]);
  return { seen, pageHidden };
}

/**
 * The display-rate progress (0..1) of the simulation's latest move, re-rendering the calling component
 * on every frame while it changes. Call it in the small component that draws moving things, so that
 * only that part re-renders at the display's rate: `const t = useProgress(sim)`, then draw
 * `lerp(from(sim.before), to(sim.model), t)`. Always 1 under reduced motion and in the static figure.
 */
export function useProgress(sim: { motion: Motion }): number {
  const [, render] = useState(0);
  useEffect(() => sim.motion.subscribe(() => render((n) => n + 1)), [sim.motion]);
  return sim.motion.progress;
}

/**
 * Markup that depends only on the parameters (the controls, a caption, a readout of the settings),
 * built again only when they change, so that the ten ticks a second of playback skip it. Handlers in
 * it may use `sim`: its transitions read the latest state through the kit's store.
 */
export function useForParams<T>(sim: Simulation<Schema, unknown>, build: () => T): T {
  // The parameters object is replaced by every change of parameters and kept by ticks and Steps.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useMemo(build, [sim.params]);
}
