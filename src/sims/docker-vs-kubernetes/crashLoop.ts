import { clampNumber } from '../kit/model.ts';

/**
 * The kubelet's restart back-off for a container that keeps exiting (restartPolicy: Always), with the
 * documented defaults: the first restart is immediate, then the waits are 10 s, 20 s, 40 s, … doubling
 * up to a cap of 300 s; a container that ran for more than 10 minutes starts over from the beginning.
 */
export const INITIAL_BACKOFF_S = 10;
export const MAX_BACKOFF_S = 300;
/**
 * A crash more than this long after the last restart starts the back-off over. Since 1.32 the kubelet
 * fixes it at 600 s (kubelet.go sets the back-off's HasExpiredFunc, so that a lower configured cap does
 * not shorten it); before, client-go's flowcontrol used twice the cap: the same ten minutes by default.
 */
export const RESET_AFTER_S = 600;

/**
 * What the figure may ask for, stated once: the model clamps to these and the slider offers them. A run
 * longer than a day changes nothing more (the back-off is long forgotten), and a list of runs is cut
 * at MAX_RUNS so that no input makes an unbounded loop.
 */
export const CRASH_LOOP_RANGES = {
  run: { min: 1, max: 300, fallback: 5, integer: true },
  anyRun: { min: 0, max: 86_400, fallback: 0 },
} as const;
export const MAX_RUNS = 100;

/** The figure's scenario: how many restarts it shows, and which run may stay up long enough to reset the back-off. */
export const RESTARTS = 12;
export const LONG_RUN_AT = 6;
/** Eleven minutes: past the ten after which the kubelet forgets the back-off. */
export const LONG_RUN_S = 660;

export interface Restart {
  /** 1 for the first restart, as in the pod's RESTARTS column afterwards. */
  restartCount: number;
  startedAt: number;
  crashedAt: number;
  /** Seconds spent in CrashLoopBackOff before this restart. */
  wait: number;
  restartedAt: number;
  /** The back-off was forgotten because the container had run long enough. */
  reset: boolean;
}

/**
 * Given how long each run of the container lasts before it exits (seconds), the restarts that follow.
 * Mirrors the kubelet: with no back-off entry (or an expired one) it restarts at once and sets the
 * entry to 10 s; otherwise it waits out the entry, restarts, and doubles it up to the cap.
 */
export function crashLoop(runSeconds: readonly number[]): Restart[] {
  const restarts: Restart[] = [];
  let backoff: number | null = null;
  let lastUpdate = 0;
  let start = 0;
  for (const [i, raw] of runSeconds.slice(0, MAX_RUNS).entries()) {
    const run = clampNumber(raw, CRASH_LOOP_RANGES.anyRun);
    const crashedAt = start + run;
    const expired = backoff !== null && crashedAt - lastUpdate > RESET_AFTER_S;
    let wait: number;
    if (backoff === null || expired) {
      wait = 0;
      backoff = INITIAL_BACKOFF_S;
    } else {
      wait = backoff;
      backoff = Math.min(backoff * 2, MAX_BACKOFF_S);
    }
    const restartedAt = crashedAt + wait;
    lastUpdate = restartedAt;
    restarts.push({ restartCount: i + 1, startedAt: start, crashedAt, wait, restartedAt, reset: expired });
    start = restartedAt;
  }
  return restarts;
}

/**
 * The figure's container: every run lasts `run` seconds (clamped to CRASH_LOOP_RANGES.run), except that
 * run LONG_RUN_AT lasts LONG_RUN_S when `longRun` is set; RESTARTS restarts.
 */
export function figureRestarts(run: number, longRun: boolean): Restart[] {
  const each = clampNumber(run, CRASH_LOOP_RANGES.run);
  return crashLoop(Array.from({ length: RESTARTS }, (_, i) => (longRun === true && i + 1 === LONG_RUN_AT ? LONG_RUN_S : each)));
}

/** A pod as the kubelet names it in its messages. */
export interface PodName {
  name: string;
  namespace: string;
  uid: string;
}

/**
 * The container's waiting message while it backs off (`state.waiting.message` in the pod's status, e.g.
 * `kubectl get pod -o yaml`; `kubectl describe pod` prints only its reason, CrashLoopBackOff). The
 * kubelet writes the pod with `format.Pod`, which is `name_namespace(uid)`: the underscore cannot occur
 * in a pod's name.
 */
export function backOffMessage(wait: number, container: string, pod: PodName): string {
  return `back-off ${formatDuration(wait)} restarting failed container=${container} pod=${pod.name}_${pod.namespace}(${pod.uid})`;
}

/** Go's time.Duration formatting for whole seconds: 40s, 1m20s, 5m0s, 1h35m10s. */
export function formatDuration(seconds: number): string {
  const s = Number.isFinite(seconds) ? Math.max(0, Math.round(seconds)) : 0;
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${s % 60}s`;
  return `${Math.floor(s / 3600)}h${Math.floor(s / 60) % 60}m${s % 60}s`;
}
