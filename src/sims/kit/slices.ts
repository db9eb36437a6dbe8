/**
 * Long computations on the page run in slices: `step` is called repeatedly for at most `budgetMs` of
 * wall-clock time, then control goes back to the browser (a timer of 0 ms) so input and painting keep
 * up; `onSlice` reports after each slice. A slice overruns its budget by at most one `step`, so each
 * step must itself be short (a bounded number of simulation events). Returns a cancel function.
 */
export function runInSlices(step: () => boolean, onSlice: (done: boolean) => void, budgetMs = 8): () => void {
  let cancelled = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const slice = () => {
    if (cancelled) return;
    const start = performance.now();
    let done: boolean;
    do done = step();
    while (!done && !cancelled && performance.now() - start < budgetMs);
    if (cancelled) return;
    onSlice(done);
    if (!done) timer = setTimeout(slice, 0);
  };
  timer = setTimeout(slice, 0);
  return () => {
    cancelled = true;
    if (timer !== undefined) clearTimeout(timer);
  };
}

/**
 * Wraps a slice report so it passes at most once per `everyMs` (and always the last, `done`): a view
 * redrawn after every 8 ms slice spends as long drawing as computing, and on a phone the two make
 * tasks of over 50 ms. `now` is a clock in ms (a test passes its own).
 */
export function atMostEvery(everyMs: number, report: (done: boolean) => void, now: () => number = () => performance.now()): (done: boolean) => void {
  let last = -Infinity;
  return (done) => {
    const t = now();
    if (!done && t - last < everyMs) return;
    last = t;
    report(done);
  };
}
