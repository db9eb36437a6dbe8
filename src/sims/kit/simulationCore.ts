/**
 * The one state path of a simulation, as pure functions (the hook in useSimulation.ts only stores
 * the result and renders). Every input is a transition of `SimState`: a control or a shared link
 * changes parameters and rebuilds the model there and then; a Step, a tick of playback or a direct
 * action maps the model to the next one. Nothing is reconciled later in an effect.
 */
import type { Intent } from './motion.ts';
import { defaults, readState, type Schema, type StateOf } from './urlState.ts';
import { paramsOf } from './simLink.ts';

export interface SimulationSpec<S extends Schema, M> {
  /** The figure's title: shown in the frame and in the error message if the simulation fails. */
  title: string;
  /** The model for these parameters, from scratch: after a change of parameters, and on Reset. */
  init(params: StateOf<S>): M;
  /**
   * The running model after a change of parameters (from a control or a shared link), when it should
   * not start over, e.g. scaling a cluster keeps its pods. Without it, a change calls `init`.
   */
  change?(model: M, params: StateOf<S>, before: StateOf<S>): M;
  /** The model of the static figure and of hydration, when the page opens somewhere other than `init`. */
  opening?(params: StateOf<S>): M;
  /** One Step. */
  step?(model: M, params: StateOf<S>): M;
  /** One tick of playback; the Step by default. */
  tick?(model: M, params: StateOf<S>): M;
  /** Nothing more to step or play. */
  finished?(model: M, params: StateOf<S>): boolean;
  /**
   * The parameters a model carries forward itself, read after each change, Step, tick, action and Reset
   * (a flip count that Step raises, a step number in a flow), so that the controls and a copied link show them.
   */
  sync?(model: M): Partial<StateOf<S>>;
  /** Milliseconds between ticks while playing, and the length of a drawn move (see `useProgress`). */
  tickMs?: number;
  /**
   * Whether playback starts by itself when the frame scrolls into view (default true when there is a
   * `step` or `tick`). Set false for a flow the reader should advance at their own pace.
   */
  autoplay?: boolean;
  /**
   * Work the model continues in the browser once built, in slices that keep the page responsive:
   * advance the model a bounded amount (it may mutate it) and return true when done.
   */
  settle?(model: M, params: StateOf<S>): boolean;
  /**
   * Async work the model needs once built (WebCrypto, a lazily loaded decoder): resolves to the change
   * to apply to the model. Only the newest job's result is applied; returning no job leaves one in
   * flight running (return an immediate no-op job to drop it).
   */
  load?(model: M, params: StateOf<S>): Promise<(model: M) => M> | undefined;
}

export interface SimState<S extends Schema, M> {
  params: StateOf<S>;
  model: M;
  /** The model before the latest transition, so a drawing can move from it to `model`. */
  before: M;
  /** The reader's say over playback; whether it runs also depends on the frame's visibility (motion.ts). */
  intent: Intent;
}

/** The state of the static figure (and of hydration, so the markup matches it): defaults, opening model. */
export function openingState<S extends Schema, M>(schema: S, spec: SimulationSpec<S, M>): SimState<S, M> {
  const params = defaults(schema);
  const model = (spec.opening ?? spec.init)(params);
  return { params, model, before: model, intent: 'auto' };
}

/**
 * A change of parameters, from a control or a shared link alike: the model is rebuilt at once, and the
 * parameters it carries (`sync`) follow it, so a `change` that moves one parameter with another (a new
 * flow starts at step 1) keeps the controls and a copied link in step.
 */
export function withParams<S extends Schema, M>(spec: SimulationSpec<S, M>, state: SimState<S, M>, patch: Partial<StateOf<S>>): SimState<S, M> {
  const params = { ...state.params, ...patch };
  const model = spec.change ? spec.change(state.model, params, state.params) : spec.init(params);
  return synced(spec, { ...state, params }, model);
}

/**
 * The parameters a shared link sets for simulation `id` that differ from `current`, or null when the
 * link changes nothing (no entries for this simulation, or the values already shown), so that an
 * ordinary page load keeps its opening model. Values are validated by the schema; local parameters
 * never come from a link.
 */
export function linkPatch<S extends Schema>(hash: string, id: string, schema: S, current: StateOf<S>): Partial<StateOf<S>> | null {
  // Checked, not left to the comparison below: a figure the reader has changed differs from the
  // defaults a hash without this simulation's entries reads as (a heading's anchor, another figure's link).
  if (![...paramsOf(hash).keys()].some((key) => key.startsWith(`${id}.`))) return null;
  const linked = readState(hash, id, schema);
  const patch: Partial<StateOf<S>> = {};
  let changed = false;
  for (const key of Object.keys(schema) as (keyof S & string)[]) {
    if (schema[key]!.local || Object.is(linked[key], current[key])) continue;
    patch[key] = linked[key];
    changed = true;
  }
  return changed ? patch : null;
}

/**
 * Reset: the model for the current parameters from scratch, and the parameters it carries (`sync`)
 * back in step with it. A reader's Play ends there (the page is as it opened, so it may start by
 * itself again); a reader's Pause holds.
 */
export function restarted<S extends Schema, M>(spec: SimulationSpec<S, M>, state: SimState<S, M>): SimState<S, M> {
  return { ...synced(spec, state, spec.init(state.params)), intent: state.intent === 'play' ? 'auto' : state.intent };
}

/** Play: the reader's own; a finished model starts over first. */
export function played<S extends Schema, M>(spec: SimulationSpec<S, M>, state: SimState<S, M>): SimState<S, M> {
  return { ...(isFinished(spec, state) ? restarted(spec, state) : state), intent: 'play' };
}

/** Pause: the reader's own, and it wins over starting by itself until they press Play. */
export function paused<S extends Schema, M>(state: SimState<S, M>): SimState<S, M> {
  return { ...state, intent: 'pause' };
}

/** One Step or one tick of playback. A reader's Play ends when the model is finished. */
export function stepped<S extends Schema, M>(spec: SimulationSpec<S, M>, state: SimState<S, M>, how: 'step' | 'tick'): SimState<S, M> {
  const advance = (how === 'tick' ? spec.tick : undefined) ?? spec.step;
  const ended = (s: SimState<S, M>): SimState<S, M> => ({ ...s, intent: s.intent === 'play' ? 'auto' : s.intent });
  if (!advance || isFinished(spec, state)) return ended(state);
  const next = synced(spec, state, advance(state.model, state.params));
  return isFinished(spec, next) ? ended(next) : next;
}

/** Whether the simulation has playback at all. */
export function canPlay<S extends Schema, M>(spec: SimulationSpec<S, M>): boolean {
  return Boolean(spec.step ?? spec.tick);
}

/** A direct action on the model (delete a pod, drag an attendant): the same path as a Step. */
export function acted<S extends Schema, M>(spec: SimulationSpec<S, M>, state: SimState<S, M>, action: (model: M, params: StateOf<S>) => M): SimState<S, M> {
  return synced(spec, state, action(state.model, state.params));
}

function synced<S extends Schema, M>(spec: SimulationSpec<S, M>, state: SimState<S, M>, model: M): SimState<S, M> {
  return { ...state, model, before: state.model, params: spec.sync ? { ...state.params, ...spec.sync(model) } : state.params };
}

export function isFinished<S extends Schema, M>(spec: SimulationSpec<S, M>, state: SimState<S, M>): boolean {
  return spec.finished?.(state.model, state.params) ?? false;
}
