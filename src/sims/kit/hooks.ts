import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { defaults, readState, type Schema, type StateOf } from './urlState.ts';

/**
 * A simulation's parameters: defaults on the server and at hydration (so the markup matches the
 * static figure), then whatever a shared link carries in the URL hash, validated by `schema`.
 */
export function useSimState<S extends Schema>(id: string, schema: S): [StateOf<S>, (patch: Partial<StateOf<S>>) => void] {
  const [state, setState] = useState<StateOf<S>>(() => defaults(schema));
  useEffect(() => {
    setState(readState(location.hash, id, schema));
    // The schema is a module constant in every simulation; reading the hash once per mount is intended.
  }, [id]);
  const update = useCallback((patch: Partial<StateOf<S>>) => setState((s) => ({ ...s, ...patch })), []);
  return [state, update];
}

/** Whether the reader asked the system for less motion; follows the setting live. */
export function usePrefersReducedMotion(): boolean {
  const [reduced, setReduced] = useState(false);
  useEffect(() => {
    const query = matchMedia('(prefers-reduced-motion: reduce)');
    setReduced(query.matches);
    const onChange = () => setReduced(query.matches);
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, []);
  return reduced;
}

/**
 * Calls `onTick` every `intervalMs` while `running`, never under reduced motion (stepping by hand
 * still works). Pauses while the tab is hidden, since browsers throttle timers there anyway.
 */
export function useTicker(onTick: () => void, { running, intervalMs }: { running: boolean; intervalMs: number }): void {
  const reduced = usePrefersReducedMotion();
  const tick = useRef(onTick);
  tick.current = onTick;
  useEffect(() => {
    if (!running || reduced) return;
    const interval = Math.max(16, intervalMs);
    const timer = setInterval(() => {
      if (!document.hidden) tick.current();
    }, interval);
    return () => clearInterval(timer);
  }, [running, reduced, intervalMs]);
}

/**
 * False in the server render and during hydration, true right after. Controls use it to stay
 * disabled in the static figure (they show the starting values but cannot work without JavaScript).
 */
export function useHydrated(): boolean {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}
