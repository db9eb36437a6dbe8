/**
 * Async work (WebCrypto, a lazily loaded decoder, a search index) can finish out of order while a
 * reader types: the result of an older input may arrive after the newest one. Each job takes a ticket
 * when it starts; only the newest ticket's result may be shown.
 */
export interface NewestOnly {
  /** Starts a job; the function returned says whether it is still the newest one. */
  start(): () => boolean;
  /** Makes every job started so far stale (for example when the view goes away). */
  cancel(): void;
}

export function newestOnly(): NewestOnly {
  let generation = 0;
  return {
    start() {
      const mine = ++generation;
      return () => mine === generation;
    },
    cancel() {
      generation++;
    },
  };
}
