import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';
import { useHydrated, usePrefersReducedMotion } from './hooks.ts';
import { clampNumber } from './validate.ts';

interface SliderProps {
  label: string;
  value: number;
  min: number;
  max: number;
  step?: number;
  onChange(value: number): void;
  /** How the current value reads, e.g. (v) => `${v} ms`. */
  format?(value: number): string;
  disabled?: boolean;
}

/** A labelled range input whose value is always clamped to [min, max] before the model sees it. */
export function Slider({ label, value, min, max, step = 1, onChange, format = String, disabled = false }: SliderProps) {
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

interface ToggleProps {
  label: string;
  checked: boolean;
  onChange(checked: boolean): void;
  disabled?: boolean;
}

export function Toggle({ label, checked, onChange, disabled = false }: ToggleProps) {
  const hydrated = useHydrated();
  return (
    <label class="sim-control sim-toggle">
      <input type="checkbox" checked={checked} disabled={!hydrated || disabled} onChange={(e) => onChange(e.currentTarget.checked)} />
      {label}
    </label>
  );
}

interface SelectProps<T extends string> {
  label: string;
  value: T;
  options: readonly { value: T; label: string }[];
  onChange(value: T): void;
  disabled?: boolean;
}

/** A labelled select; a value outside `options` is never passed on. */
export function Select<T extends string>({ label, value, options, onChange, disabled = false }: SelectProps<T>) {
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
  playing: boolean;
  onPlay(): void;
  onPause(): void;
  onStep(): void;
  onReset(): void;
  /** Steps per second, when the simulation offers a speed choice. */
  speed?: number;
  onSpeed?(speed: number): void;
  /** True when there is nothing more to play. */
  finished?: boolean;
}

const SPEEDS = [0.5, 1, 2, 4] as const;

/**
 * Play / pause / step / reset and an optional speed. Under reduced motion, play is unavailable and
 * says why; stepping still works.
 */
export function PlayControls({ playing, onPlay, onPause, onStep, onReset, speed, onSpeed, finished = false }: PlayControlsProps) {
  const reduced = usePrefersReducedMotion();
  const hydrated = useHydrated();
  const id = useId();
  return (
    <div class="sim-control sim-play" role="group" aria-label="Playback">
      <Button onClick={playing ? onPause : onPlay} pressed={playing} disabled={reduced || (finished && !playing)}>
        {playing ? 'Pause' : 'Play'}
      </Button>
      <Button onClick={onStep} disabled={playing || finished}>Step</Button>
      <Button onClick={onReset}>Reset</Button>
      {speed !== undefined && onSpeed && (
        <>
          <label for={id}>Speed</label>
          <select id={id} value={String(speed)} disabled={!hydrated} onChange={(e) => onSpeed(clampNumber(e.currentTarget.value, { min: 0.5, max: 4, fallback: 1 }))}>
            {SPEEDS.map((s) => (
              <option value={String(s)}>{s}×</option>
            ))}
          </select>
        </>
      )}
      {reduced && <span class="sim-note">Animation is off because your system asks for reduced motion; use Step.</span>}
    </div>
  );
}

/** A row of controls that wraps on narrow screens. */
export function Controls({ children }: { children: ComponentChildren }) {
  return <div class="sim-controls">{children}</div>;
}
