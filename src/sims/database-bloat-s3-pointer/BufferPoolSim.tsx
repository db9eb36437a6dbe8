/**
 * The buffer pool eviction figure: one pool per design, fed the same requests in lockstep. The grid
 * shows the LRU list of the chosen design, young sublist then old; the chart shows both hit ratios.
 */
import {
  Controls,
  LineChart,
  PlayControls,
  Readout,
  Select,
  SimFrame,
  Slider,
  enumParam,
  formatNumber,
  formatPercent,
  intParam,
  island,
  lerp,
  useForParams,
  useProgress,
  useSimulation,
  type Simulation,
  type StateOf,
} from '../kit/index.ts';
import { useMemo } from 'preact/hooks';
import { DEFAULT_WORKLOAD as D, WORKLOAD_RANGES as R, pageKind, type Design } from './workload.ts';
import {
  MAX_REQUESTS,
  REQUESTS_PER_STEP,
  ROWS,
  WARMUP_REQUESTS,
  WINDOW,
  advance,
  hitRatio,
  newExperiment,
  type Experiment,
  type Lane,
  type Slot,
} from './bufferPoolExperiment.ts';
import type { Frame } from './bufferPool.ts';
import { FIGURE_WORKLOAD } from './bufferPoolFigure.ts';
import './bufferpool.css';

const schema = {
  show: enumParam(['inline', 'pointer'] as const, 'inline'),
  // The model's ranges and defaults, so the figure opens on the numbers the article quotes.
  time: intParam(R.oldBlocksTimeMs.min, R.oldBlocksTimeMs.max, D.oldBlocksTimeMs),
  pct: intParam(R.oldBlocksPct.min, R.oldBlocksPct.max, D.oldBlocksPct),
  fetch: intParam(R.fetchShare.min * 100, R.fetchShare.max * 100, Math.round(D.fetchShare * 100)),
  pages: intParam(R.blobPages.min, R.blobPages.max, D.blobPages),
};
type State = StateOf<typeof schema>;
type PoolSimulation = Simulation<typeof schema, Experiment>;

const COLUMNS = 16;
const CELL = 30;
const GAP = 4;

const experimentFor = (p: State) => newExperiment({ oldBlocksTimeMs: p.time, oldBlocksPct: p.pct, fetchShare: p.fetch / 100, blobPages: p.pages });
const percent = (x: number) => formatPercent(x, 1);

function kindCounts(frames: readonly Frame[]): { index: number; log: number } {
  let log = 0;
  for (const f of frames) if (pageKind(f.page) === 'overflow') log++;
  return { index: frames.length - log, log };
}

const PITCH = CELL + GAP;
const rowsOf = (n: number) => Math.max(1, Math.ceil(n / COLUMNS));
/** Where the old sublist's label sits, below a young sublist of `young` pages. */
const oldTop = (young: number) => 30 + rowsOf(young) * PITCH + 10;

/** The top left of a page's square: its sublist, its position in it, and how long the young sublist is. */
function place(slot: Slot, young: number): { x: number; y: number } {
  const top = slot.old ? oldTop(young) : 0;
  return { x: (slot.at % COLUMNS) * PITCH + 1, y: top + 22 + Math.floor(slot.at / COLUMNS) * PITCH };
}

/** Where a page read in comes from: off the right edge at the midpoint, as if from disk. */
const entry = (young: number) => ({ x: COLUMNS * PITCH + GAP, y: oldTop(young) + 22 });

/** The square's outline from its top left: a rounded square as path data, so many squares make one path. */
const R4 = 4;
const square = (x: number, y: number) =>
  `M${(x + R4).toFixed(1)} ${y.toFixed(1)}h${CELL - 2 * R4}a${R4} ${R4} 0 0 1 ${R4} ${R4}v${CELL - 2 * R4}a${R4} ${R4} 0 0 1 -${R4} ${R4}h-${CELL - 2 * R4}a${R4} ${R4} 0 0 1 -${R4} -${R4}v-${CELL - 2 * R4}a${R4} ${R4} 0 0 1 ${R4} -${R4}z`;

/** How a square looks: its kind of page, and whether it was read in or evicted in the last step. */
const LOOKS = ['bp-index', 'bp-log', 'bp-index bp-entered', 'bp-log bp-entered', 'bp-index bp-evicted', 'bp-log bp-evicted'] as const;
type Look = (typeof LOOKS)[number];
const lookOf = (page: string, state: '' | ' bp-entered' | ' bp-evicted') => `${pageKind(page) === 'overflow' ? 'bp-log' : 'bp-index'}${state}` as Look;

/**
 * The pages, one square each. Over each step every square slides from where the model had its page
 * before the step to where it is now: pages read in come in at the midpoint (outlined), drift down the
 * old sublist, cross into the young one when promoted, and drop into the row of evictions. Only this
 * component redraws per display frame, and it draws all the squares of one look as one path: on a
 * phone's CPU, restyling and repainting 144 separate squares 60 times a second cost more than a frame.
 */
function PoolPages({ sim, lane, evictedTop }: { sim: PoolSimulation; lane: Lane; evictedTop: number }) {
  const t = useProgress(sim);
  // Ease in and out, so a square starts and stops gently rather than at full speed.
  const k = t * t * (3 - 2 * t);
  const { placesBefore: before, places: now } = lane;
  const paths = new Map<Look, string[]>(LOOKS.map((look) => [look, []]));
  const draw = (look: Look, from: { x: number; y: number }, to: { x: number; y: number }) =>
    paths.get(look)!.push(square(lerp(from.x, to.x, k), lerp(from.y, to.y, k)));
  for (const [page, slot] of now.pages) {
    const was = before.pages.get(page);
    draw(lookOf(page, lane.entered.has(page) ? ' bp-entered' : ''), was ? place(was, before.young) : entry(before.young), place(slot, now.young));
  }
  const evicted = lane.evicted.slice(-COLUMNS);
  for (const [i, page] of evicted.entries()) {
    const was = before.pages.get(page);
    // A page read in and evicted within the step had no place on the list: it passes through from the entry.
    draw(lookOf(page, ' bp-evicted'), was ? place(was, before.young) : entry(before.young), { x: i * PITCH + 1, y: evictedTop + 22 });
  }
  return (
    <g>
      {LOOKS.map((look) => (
        <path class={`bp-pages ${look}`} d={paths.get(look)!.join('')} />
      ))}
    </g>
  );
}

function PoolGrid({ sim, lane, design }: { sim: PoolSimulation; lane: Lane; design: Design }) {
  const list = lane.run.pool.list();
  const young = list.filter((f) => !f.old);
  const old = list.filter((f) => f.old);
  const oldY = oldTop(young.length);
  const evictedY = oldY + 30 + rowsOf(old.length) * PITCH;
  const evictedLastStep = lane.evicted.length;
  const height = evictedY + 30 + PITCH;
  const y = kindCounts(young);
  const o = kindCounts(old);
  const label =
    `Buffer pool, logs ${design === 'inline' ? 'inline' : 'as pointers'}: young sublist ${young.length} pages (${y.index} index, ${y.log} log), ` +
    `old sublist ${old.length} pages (${o.index} index, ${o.log} log); ${lane.entered.size} pages entered and ${evictedLastStep} were evicted in the last step.`;
  return (
    <svg class="bp-grid" viewBox={`0 0 ${COLUMNS * PITCH} ${height}`} role="img" aria-label={label}>
      <text class="bp-label" x={0} y={14}>{`Young sublist: ${young.length} pages (head first)`}</text>
      <line class="bp-midpoint" x1={0} x2={COLUMNS * PITCH} y1={oldY - 6} y2={oldY - 6} />
      <text class="bp-label" x={0} y={oldY + 14}>{`Old sublist: ${old.length} pages; new pages enter here, evictions leave from the end`}</text>
      <text class="bp-label" x={0} y={evictedY + 14}>
        {evictedLastStep === 0
          ? 'Evicted in the last step: none'
          : `Evicted in the last step: ${evictedLastStep} pages${evictedLastStep > COLUMNS ? ` (last ${COLUMNS} shown)` : ''}`}
      </text>
      <PoolPages sim={sim} lane={lane} evictedTop={evictedY} />
    </svg>
  );
}

function BufferPoolSim() {
  const sim: PoolSimulation = useSimulation('pool', schema, {
    title: 'Buffer pool eviction: logs inline against pointers',
    init: experimentFor,
    // Which pool is drawn is only a view of the same experiment.
    change: (e, p, before) => (p.time === before.time && p.pct === before.pct && p.fetch === before.fetch && p.pages === before.pages ? e : experimentFor(p)),
    step: (e) => advance(e, REQUESTS_PER_STEP),
    finished: (e) => e.requests >= MAX_REQUESTS,
    tickMs: 200,
  });
  const state = sim.params;
  const current = sim.model;
  const { inline, pointer } = current.lanes;
  const shown = current.lanes[state.show];
  const status = `After ${formatNumber(current.requests)} requests: hit ratio ${percent(hitRatio(inline))} with logs inline, ${percent(hitRatio(pointer))} with pointers.`;
  // The settings change with the parameters only, not with the five ticks a second of playback; Play
  // and Step follow playback, so they stay outside.
  const settings = useForParams(sim, () => ({
    design: (
      <Select
        sim={sim}
        param="show"
        label="Show the pool of"
        options={[
          { value: 'inline', label: 'logs inline' },
          { value: 'pointer', label: 'pointers' },
        ]}
      />
    ),
    knobs: (
      <Controls>
        <Slider sim={sim} param="time" label="innodb_old_blocks_time" step={100} format={(v) => `${formatNumber(v, { grouping: false })} ms`} />
        <Slider sim={sim} param="pct" label="innodb_old_blocks_pct" format={(v) => formatPercent(v / 100)} />
        <Slider sim={sim} param="fetch" label="Requests that open a log" format={(v) => formatPercent(v / 100)} />
        <Slider sim={sim} param="pages" label="Log size" format={(v) => `${formatNumber(v)} pages (${formatNumber(v * 16)} KiB)`} />
      </Controls>
    ),
  }));
  // The chart changes once per window of requests (a new series array), not on every step.
  const chart = useMemo(
    () => (
      <LineChart
        title="Hit ratio per 100 requests"
        series={[
          { label: 'logs inline', points: inline.series, colour: 'var(--series-2)' },
          { label: 'pointers', points: pointer.series, colour: 'var(--series-1)' },
        ]}
        xLabel="requests"
        yLabel="hit ratio (%)"
        yDomain={[0, 110]}
      />
    ),
    [inline.series, pointer.series],
  );

  return (
    <SimFrame
      {...sim.frame}
      status={status}
      caption={
        <>
          A {formatNumber(FIGURE_WORKLOAD.poolPages)}-page buffer pool with InnoDB's midpoint-insertion LRU, fed the same requests in both designs: primary-key
          lookups, {formatPercent(D.hotTrafficShare)} of them on the newest {formatPercent(D.hotRowShare)} of {formatNumber(ROWS)} runs, and a share of requests
          that open the run's log. The pool is warmed with {formatNumber(WARMUP_REQUESTS)} lookups first, as it was before logs were added; counts start after
          that. Blue squares are index pages, orange squares log (overflow) pages; an outline marks a page read from disk in the last step, and faded squares
          under the list are the pages that step evicted. The chart plots the hit ratio of each window of {WINDOW} requests. {status}
        </>
      }
    >
      <Controls>
        <PlayControls sim={sim} />
        {settings.design}
      </Controls>
      {settings.knobs}
      <Readout
        items={[
          ['Requests', formatNumber(current.requests)],
          ['Hit ratio, logs inline', percent(hitRatio(inline))],
          ['Hit ratio, pointers', percent(hitRatio(pointer))],
          [`Evictions (${state.show === 'inline' ? 'inline' : 'pointers'})`, formatNumber(shown.evictions)],
        ]}
      />
      <PoolGrid sim={sim} lane={shown} design={state.show} />
      {chart}
    </SimFrame>
  );
}

export default island(BufferPoolSim);
