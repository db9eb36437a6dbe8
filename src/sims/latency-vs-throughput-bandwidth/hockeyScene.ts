/**
 * The hockey stick figure's model: the sweep of simulated points (filled in slices), the utilisation
 * the reader looks at, and the server at that utilisation as it works.
 */
import { HockeySweep, UTILISATIONS, type KnownSweep, type ServiceShape } from './hockey.ts';
import { advanceQueue, serverQueue, type ServerQueue } from './serverQueue.ts';

export interface HockeyModel {
  /** Mutated in place by its slices; shared by every model that follows from it. */
  sweep: HockeySweep;
  /** Index into UTILISATIONS. */
  at: number;
  queue: ServerQueue;
  /** The seed of the sweep, which the server's trace shares. */
  seed: number;
}

const clampAt = (at: number) => Math.min(UTILISATIONS.length - 1, Math.max(0, Math.round(at)));
const queueFor = (at: number, seed: number) => serverQueue(UTILISATIONS[at]!, seed);

/** `known`: a sweep finished at build time, used when it was run with this shape and seed. */
export function hockeyScene(shape: ServiceShape, seed: number, at: number, known?: KnownSweep): HockeyModel {
  const index = clampAt(at);
  return { sweep: HockeySweep.resume(shape, seed, known), at: index, queue: queueFor(index, seed), seed };
}

/** The reader looks at another utilisation: the same sweep, the server at the new load. */
export function utilisationMoved(model: HockeyModel, at: number): HockeyModel {
  const index = clampAt(at);
  return index === model.at ? model : { ...model, at: index, queue: queueFor(index, model.seed) };
}

/** The server's line as it was at the start of its trace. */
export function queueRestarted(model: HockeyModel): HockeyModel {
  return { ...model, queue: queueFor(model.at, model.seed) };
}

export function queueTicked(model: HockeyModel): HockeyModel {
  return { ...model, queue: advanceQueue(model.queue) };
}

/** Index of the offered utilisation closest to `rho`. */
export function nearestUtilisation(rho: number): number {
  let best = 0;
  UTILISATIONS.forEach((u, i) => {
    if (Math.abs(u - rho) < Math.abs(UTILISATIONS[best]! - rho)) best = i;
  });
  return best;
}
