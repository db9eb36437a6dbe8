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
  useSimulation,
  type StateOf,
} from '../kit/index.ts';
import { DEFAULT_WORKLOAD, pageKind, type Design } from './workload.ts';
import {
  MAX_REQUESTS,
  REQUESTS_PER_STEP,
  ROWS,
  WARMUP_REQUESTS,
  WINDOW,
  advance,
  hitRatio,
  newExperiment,
  slotsOf,
  type Lane,
  type Slot,
} from './bufferPoolExperiment.ts';
import type { Frame } from './bufferPool.ts';
import './bufferpool.css';

const schema = {
  show: enumParam(['inline', 'pointer'] as const, 'inline'),
  // The defaults are the model's, so the figure opens on the numbers the article quotes.
  time: intParam(0, 3000, DEFAULT_WORKLOAD.oldBlocksTimeMs),
  pct: intParam(5, 95, DEFAULT_WORKLOAD.oldBlocksPct),
  fetch: intParam(0, 30, Math.round(DEFAULT_WORKLOAD.fetchShare * 100)),
  pages: intParam(2, 48, DEFAULT_WORKLOAD.blobPages),
};
type State = StateOf<typeof schema>;

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

/**
 * The pages, one square each, keyed by page so that a square is the same element wherever its page goes:
 * each step redraws them where the model now has them, so pages read in appear at the midpoint (outlined),
 * drift down the old sublist, cross into the young one when promoted, and drop into the row of evictions.
 * The squares jump from step to step rather than slide: redrawing the grid on every display frame cost
 * half the frame rate under a phone's CPU (see the report of issue 17), and a step is only 200 ms.
 */
function PoolPages({ lane, evictedTop }: { lane: Lane; evictedTop: number }) {
  const list = lane.run.pool.list();
  const now = slotsOf(list);
  const evicted = lane.evicted.filter((page) => !now.pages.has(page)).slice(-COLUMNS);
  const square = (page: string, cls: string, at: { x: number; y: number }) => (
    <rect key={page} class={`bp-page ${pageKind(page) === 'overflow' ? 'bp-log' : 'bp-index'}${cls}`} x={at.x} y={at.y} width={CELL} height={CELL} rx={4} />
  );
  return (
    <g>
      {list.map((f) => square(f.page, lane.entered.has(f.page) ? ' bp-entered' : '', place(now.pages.get(f.page)!, now.young)))}
      {evicted.map((page, i) => square(page, ' bp-evicted', { x: i * PITCH + 1, y: evictedTop + 22 }))}
    </g>
  );
}

function PoolGrid({ lane, design }: { lane: Lane; design: Design }) {
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
      <PoolPages lane={lane} evictedTop={evictedY} />
    </svg>
  );
}

function BufferPoolSim() {
  const sim = useSimulation('pool', schema, {
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
  const status = `After ${current.requests} requests: hit ratio ${percent(hitRatio(inline))} with logs inline, ${percent(hitRatio(pointer))} with pointers.`;
  const series = [
    { label: 'logs inline', points: inline.series, colour: 'var(--series-2)' },
    { label: 'pointers', points: pointer.series, colour: 'var(--series-1)' },
  ];

  return (
    <SimFrame
      {...sim.frame}
      status={status}
      caption={
        <>
          A 128-page buffer pool with InnoDB's midpoint-insertion LRU, fed the same requests in both designs: primary-key lookups, 90% of them on the newest 10%
          of {formatNumber(ROWS)} runs, and a share of requests that open the run's log. The pool is warmed with {formatNumber(WARMUP_REQUESTS)} lookups first,
          as it was before logs were added; counts start after that. Blue squares are index pages, orange squares log (overflow) pages; an outline marks a page
          read from disk in the last step, and faded squares under the list are the pages that step evicted. The chart plots the hit ratio of each window of{' '}
          {WINDOW} requests. {status}
        </>
      }
    >
      <Controls>
        <PlayControls sim={sim} />
        <Select
          sim={sim}
          param="show"
          label="Show the pool of"
          options={[
            { value: 'inline', label: 'logs inline' },
            { value: 'pointer', label: 'pointers' },
          ]}
        />
      </Controls>
      <Controls>
        <Slider sim={sim} param="time" label="innodb_old_blocks_time" step={100} format={(v) => `${v} ms`} />
        <Slider sim={sim} param="pct" label="innodb_old_blocks_pct" format={(v) => `${v}%`} />
        <Slider sim={sim} param="fetch" label="Requests that open a log" format={(v) => `${v}%`} />
        <Slider sim={sim} param="pages" label="Log size" format={(v) => `${v} pages (${v * 16} KiB)`} />
      </Controls>
      <Readout
        items={[
          ['Requests', current.requests],
          ['Hit ratio, logs inline', percent(hitRatio(inline))],
          ['Hit ratio, pointers', percent(hitRatio(pointer))],
          [`Evictions (${state.show === 'inline' ? 'inline' : 'pointers'})`, shown.run.pool.evictions],
        ]}
      />
      <PoolGrid lane={shown} design={state.show} />
      <LineChart title="Hit ratio per 100 requests" series={series} xLabel="requests" yLabel="hit ratio (%)" yDomain={[0, 110]} />
    </SimFrame>
  );
}

export default island(BufferPoolSim);
