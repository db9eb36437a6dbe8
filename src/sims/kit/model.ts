/**
 * The part of the kit a model may use: plain TypeScript, no Preact, so that models also run under
 * plain Node (benchmarks, scripts) and never pull view code into a test.
 */
export { mulberry32, substream, randomInt, exponential, normal, type Random } from './random.ts';
export { clampNumber, pickOne, type NumberRange } from './validate.ts';
export { formatNumber, formatMs, formatPercent } from './format.ts';
export { newestOnly, type NewestOnly } from './newest.ts';
export { runInSlices } from './slices.ts';
