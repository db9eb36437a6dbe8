/**
 * Simulation parameters in the URL hash, so a reader can share a link that reopens a simulation as
 * they left it: `#ring.servers=5&ring.vnodes=100`. Several simulations share one hash, each under its
 * own id. Everything read back is validated: a bad or hostile value falls back to the default.
 */
import { clampNumber, pickOne } from './validate.ts';
import { paramsOf } from './simLink.ts';

export { simIdInHash } from './simLink.ts';

export interface Param<T> {
  default: T;
  parse(raw: string): T;
  format(value: T): string;
  /** Kept out of shared links (a pasted credential, say); it still takes the one state path. */
  local?: boolean;
}

/** A number parameter knows its range, so a control bound to it takes the range from the schema. */
export interface RangeParam extends Param<number> {
  min: number;
  max: number;
  integer: boolean;
}

export function intParam(min: number, max: number, fallback: number): RangeParam {
  return {
    min,
    max,
    integer: true,
    default: fallback,
    parse: (raw) => clampNumber(raw, { min, max, fallback, integer: true }),
    format: (v) => String(v),
  };
}

export function numberParam(min: number, max: number, fallback: number): RangeParam {
  return {
    min,
    max,
    integer: false,
    default: fallback,
    parse: (raw) => clampNumber(raw, { min, max, fallback }),
    format: (v) => String(v),
  };
}

export function enumParam<T extends string>(values: readonly T[], fallback: T): Param<T> {
  return { default: fallback, parse: (raw) => pickOne(raw, values, fallback), format: (v) => v };
}

export function boolParam(fallback: boolean): Param<boolean> {
  return {
    default: fallback,
    parse: (raw) => (raw === '1' ? true : raw === '0' ? false : fallback),
    format: (v) => (v ? '1' : '0'),
  };
}

/** A short free-text parameter (e.g. a key name); capped in length, never interpreted as markup. */
export function textParam(maxLength: number, fallback: string, pattern = /^[\p{L}\p{N} ._:/-]*$/u): Param<string> {
  return {
    default: fallback,
    parse: (raw) => (raw.length <= maxLength && pattern.test(raw) ? raw : fallback),
    format: (v) => v,
  };
}

/**
 * Input that belongs to the reader's session only (typed text, a pasted key): part of the state, so
 * it changes the model the same way as any control, but never written to or read from a link.
 */
export function localParam<T>(fallback: T): Param<T> {
  return { default: fallback, parse: () => fallback, format: () => '', local: true };
}

export type Schema = Record<string, Param<unknown>>;
export type StateOf<S extends Schema> = { [K in keyof S]: S[K] extends Param<infer T> ? T : never };

export function defaults<S extends Schema>(schema: S): StateOf<S> {
  return Object.fromEntries(Object.entries(schema).map(([k, p]) => [k, p.default])) as StateOf<S>;
}

/** The state for simulation `id` found in `hash`, every key validated, missing keys defaulted. */
export function readState<S extends Schema>(hash: string, id: string, schema: S): StateOf<S> {
  const params = paramsOf(hash.length > 4096 ? '' : hash);
  const state = defaults(schema) as Record<string, unknown>;
  for (const [key, param] of Object.entries(schema)) {
    if (param.local) continue;
    const raw = params.get(`${id}.${key}`);
    if (raw !== null) state[key] = param.parse(raw);
  }
  return state as StateOf<S>;
}

/** `hash` with simulation `id`'s entries replaced by `state` (entries of other simulations kept). */
export function writeState<S extends Schema>(hash: string, id: string, schema: S, state: StateOf<S>): string {
  const params = paramsOf(hash);
  for (const key of [...params.keys()]) if (key.startsWith(`${id}.`)) params.delete(key);
  for (const [key, param] of Object.entries(schema)) {
    if (param.local) continue;
    const value = param.format(state[key]);
    // An empty value that is also the default says nothing a missing entry does not (`ring.walks=` when no one walked).
    if (value === '' && param.format(param.default) === '') continue;
    params.set(`${id}.${key}`, value);
  }
  return `#${params.toString()}`;
}
