import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';
import { useHydrated, usePrefersReducedMotion } from './hooks.ts';
import type { Simulation } from './useSimulation.ts';
import type { Param, RangeParam, Schema, StateOf } from './urlState.ts';
import { clampNumber } from './validate.ts';

/** The keys of `S` whose parameter holds a `T`. */
type KeysOf<S extends Schema, T> = { [K in keyof S]: S[K] extends Param<T> ? K : never }[keyof S] & string;

/**
 * A control bound to a simulation's parameter: it shows `sim.params[param]`, takes its range from the
 * schema, and a change goes through `sim.set` (the one state path). Without `sim`, a control takes
 * `value` and `onChange` (for input that is not a simulation parameter).
 */
interface Bound<S extends Schema, K extends keyof S & string> {
  sim: Simulation<S, unknown>;
  param: K;
  /** Instead of `sim.set({ [param]: value })`, when a change also says something (e.g. "3 keys moved"). */
  onChange?(value: StateOf<S>[K]): void;
}

interface Unbound<T> {
  sim?: undefined;
  value: T;
  onChange(value: T): void;
}

interface SliderLook {
  label: string;
  step?: number;
  /** How the current value reads, e.g. (v) => `${v} ms`. */
  format?(value: number): string;
  disabled?: boolean;
}

type SliderProps<S extends Schema> = SliderLook & (Bound<S, KeysOf<S, number>> | (Unbound<number> & { min: number; max: number }));

/** The value, range and change handler of a control, bound or not. */
function wiring<S extends Schema, T>(props: Bound<S, keyof S & string> | Unbound<T>): { value: T; onChange(value: T): void; param?: Param<T> } {
  if (props.sim === undefined) return props;
  const { sim, param, onChange } = props;
  const set = (v: T) => sim.set({ [param]: v } as Partial<StateOf<S>>);
  return { value: sim.params[param] as T, onChange: (onChange as ((v: T) => void) | undefined) ?? set, param: sim.schema[param] as Param<T> };
}

/** A labelled range input whose value is always clamped to [min, max] before the model sees it. */
export function Slider<S extends Schema>(props: SliderProps<S>) {
  const { label, step = 1, format = String, disabled = false } = props;
  const { value, onChange, param } = wiring<S, number>(props);
  const range = param as RangeParam | undefined;
  const min = range?.min ?? (props as { min: number }).min;
  const max = range?.max ?? (props as { max: number }).max;
  const id = useId();
  const hydrated = useHydrated();
  const integer = Number.isInteger(step);
  return (
    <div class="sim-control sim-slider">
      <label for={id}>{label}</label>
      <input
        id={id}
        type="range"
        min={min}
        max={max}
        step={step}
        value={value}
        disabled={!hydrated || disabled}
        aria-valuetext={format(value)}
        onInput={(e) => onChange(clampNumber(e.currentTarget.value, { min, max, fallback: value, integer }))}
      />
      <output for={id}>{format(value)}</output>
    </div>
  );
}

type ToggleProps<S extends Schema> = { label: string; disabled?: boolean } & (
  Bound<S, KeysOf<S, boolean>> | { sim?: undefined; checked: boolean; onChange(checked: boolean): void }
);

export function Toggle<S extends Schema>(props: ToggleProps<S>) {
  const { label, disabled = false } = props;
  const { value: checked, onChange } = wiring<S, boolean>(props.sim === undefined ? { value: props.checked, onChange: props.onChange } : props);
  const hydrated = useHydrated();
  return (
    <label class="sim-control sim-toggle">
      <input type="checkbox" checked={checked} disabled={!hydrated || disabled} onChange={(e) => onChange(e.currentTarget.checked)} />
      {label}
    </label>
  );
}

type SelectProps<S extends Schema, K extends KeysOf<S, string>, T extends string> = { label: string; disabled?: boolean } & (
  (Bound<S, K> & { options: readonly { value: StateOf<S>[K]; label: string }[] }) | (Unbound<T> & { options: readonly { value: T; label: string }[] })
);

/** A labelled select; a value outside `options` is never passed on. */
export function Select<S extends Schema, K extends KeysOf<S, string>, T extends string>(props: SelectProps<S, K, T>) {
  const { label, disabled = false } = props;
  const options = props.options as readonly { value: string; label: string }[];
  const { value, onChange } = wiring<S, string>(props as Bound<S, keyof S & string> | Unbound<string>);
  const id = useId();
  const hydrated = useHydrated();
  return (
    <div class="sim-control sim-select">
      <label for={id}>{label}</label>
      <select
        id={id}
        value={value}
        disabled={!hydrated || disabled}
        onChange={(e) => {
          const chosen = options.find((o) => o.value === e.currentTarget.value);
          if (chosen) onChange(chosen.value);
        }}
      >
        {options.map((o) => (
          <option value={o.value}>{o.label}</option>
        ))}
      </select>
    </div>
  );
}

interface ButtonProps {
  onClick(): void;
  children: ComponentChildren;
  disabled?: boolean;
  /** For toggle buttons such as play/pause. */
  pressed?: boolean;
  label?: string;
}

export function Button({ onClick, children, disabled = false, pressed, label }: ButtonProps) {
  const hydrated = useHydrated();
  return (
    <button type="button" class="sim-button" onClick={onClick} disabled={!hydrated || disabled} aria-pressed={pressed} aria-label={label}>
      {children}
    </button>
  );
}

interface PlayControlsProps {
  /** Play, Pause, Step and Reset go through the simulation, the one state path. */
  sim: Simulation<Schema, unknown>;
  /** A Reset that keeps part of the model (the dots already counted), instead of `sim.reset`. */
  onReset?(): void;
  /** `false` keeps Play and Step available at the end, for a simulation whose Step starts over there. */
  finished?: boolean;
}

/**
 * Play / pause / step / reset. Under reduced motion nothing starts by itself (the note says so);
 * Play and Step still work.
 */
export function PlayControls({ sim, onReset = sim.reset, finished = sim.finished }: PlayControlsProps) {
  const reduced = usePrefersReducedMotion();
  return (
    <div class="sim-control sim-play" role="group" aria-label="Playback">
      <Button onClick={sim.playing ? sim.pause : sim.play} pressed={sim.playing} disabled={finished && !sim.playing}>
        {sim.playing ? 'Pause' : 'Play'}
      </Button>
      <Button onClick={sim.step} disabled={sim.playing || finished}>
        Step
      </Button>
      <Button onClick={onReset}>Reset</Button>
      {reduced && <span class="sim-note">Nothing moves by itself because your system asks for reduced motion; use Play or Step.</span>}
    </div>
  );
}

/** A row of controls that wraps on narrow screens. */
export function Controls({ children }: { children: ComponentChildren }) {
  return <div class="sim-controls">{children}</div>;
}
