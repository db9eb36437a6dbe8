import { useCallback, useEffect, useState } from 'preact/hooks';
import { defaults, readState, type Schema, type StateOf } from './urlState.ts';

/**
 * A simulation's parameters alone: defaults on the server and at hydration (so the markup matches the
 * static figure), then whatever a shared link carries in the URL hash, validated by `schema`.
 * @deprecated Use `useSimulation`, which gives a control and a link the same path; this remains only
 * until the load-balancer views move to it.
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
 * False in the server render and during hydration, true right after. Controls use it to stay
 * disabled in the static figure (they show the starting values but cannot work without JavaScript).
 */
export function useHydrated(): boolean {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}
