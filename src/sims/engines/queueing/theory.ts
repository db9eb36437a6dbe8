/**
 * Closed-form results of queueing theory that the engine is checked against and the articles plot.
 * Notation: arrival rate lambda, service rate mu per server (mean service time 1/mu), c servers,
 * offered load a = lambda / mu (in erlangs), utilisation rho = a / c. All require rho < 1.
 */

function requireStable(lambda: number, mu: number, c = 1): void {
  if (!(lambda > 0) || !(mu > 0) || !(lambda < c * mu)) {
    throw new RangeError(`needs 0 < lambda < c mu (a stable queue), got lambda=${lambda}, mu=${mu}, c=${c}`);
  }
}

/** M/M/1: mean time in system W = 1 / (mu - lambda). */
export function mm1MeanTimeInSystem(lambda: number, mu: number): number {
  requireStable(lambda, mu);
  return 1 / (mu - lambda);
}

/**
 * M/M/1 with first-come-first-served: the time in system is exponential with rate mu - lambda, so its
 * p-quantile is -ln(1 - p) / (mu - lambda). p99 is ln(100) ≈ 4.6 times the mean.
 */
export function mm1TimeInSystemQuantile(lambda: number, mu: number, p: number): number {
  requireStable(lambda, mu);
  if (!(p >= 0 && p < 1)) throw new RangeError(`p must be in [0, 1), got ${p}`);
  return -Math.log(1 - p) / (mu - lambda);
}

/**
 * Erlang B (blocking probability of c servers with no waiting room, offered load a) by the standard
 * recurrence B(0) = 1, B(k) = a B(k-1) / (k + a B(k-1)), which avoids the factorials of the textbook form.
 */
export function erlangB(c: number, a: number): number {
  if (!Number.isInteger(c) || c < 0) throw new RangeError(`c must be a whole number >= 0, got ${c}`);
  if (!(a >= 0)) throw new RangeError(`offered load must be >= 0, got ${a}`);
  let b = 1;
  for (let k = 1; k <= c; k++) b = (a * b) / (k + a * b);
  return b;
}

/** Erlang C: probability that an arrival at an M/M/c queue has to wait, from Erlang B. */
export function erlangC(c: number, a: number): number {
  if (!(a < c)) throw new RangeError(`Erlang C needs a < c, got a=${a}, c=${c}`);
  const b = erlangB(c, a);
  return (c * b) / (c - a * (1 - b));
}

/** M/M/c: mean wait in line Wq = C(c, a) / (c mu - lambda). */
export function mmcMeanWait(lambda: number, mu: number, c: number): number {
  requireStable(lambda, mu, c);
  return erlangC(c, lambda / mu) / (c * mu - lambda);
}

/** M/D/1 (Pollaczek–Khinchine with zero service variance): W = 1/mu + rho / (2 mu (1 - rho)). */
export function md1MeanTimeInSystem(lambda: number, mu: number): number {
  requireStable(lambda, mu);
  const rho = lambda / mu;
  return 1 / mu + rho / (2 * mu * (1 - rho));
}

/**
 * M/M/1/K (room for K requests in total, including the one in service): the fraction of arrivals
 * turned away, (1 - rho) rho^K / (1 - rho^(K+1)).
 */
export function mm1kBlocking(lambda: number, mu: number, k: number): number {
  if (!(lambda > 0) || !(mu > 0) || !Number.isInteger(k) || k < 1) throw new RangeError('needs lambda, mu > 0 and whole K >= 1');
  const rho = lambda / mu;
  if (rho === 1) return 1 / (k + 1);
  return ((1 - rho) * rho ** k) / (1 - rho ** (k + 1));
}
