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
import { MAX_REQUESTS, REQUESTS_PER_STEP, ROWS, WARMUP_REQUESTS, WINDOW, advance, hitRatio, newExperiment, type Lane } from './bufferPoolExperiment.ts';
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

function Sublist({ title, frames, entered, y }: { title: string; frames: readonly Frame[]; entered: Set<string>; y: number }) {
  return (
    <g transform={`translate(0 ${y})`}>
      <text class="bp-label" x={0} y={14}>{title}</text>
      {frames.map((f, i) => {
        const x = (i % COLUMNS) * (CELL + GAP);
        const row = Math.floor(i / COLUMNS);
        const log = pageKind(f.page) === 'overflow';
        return (
          <rect
            key={f.page}
            class={`bp-page ${log ? 'bp-log' : 'bp-index'}${entered.has(f.page) ? ' bp-entered' : ''}`}
            x={x + 1}
            y={22 + row * (CELL + GAP)}
            width={CELL}
            height={CELL}
            rx={4}
          >
            <title>{log ? `log page ${f.page}` : `index page ${f.page}`}</title>
          </rect>
        );
      })}
    </g>
  );
}

function PoolGrid({ lane, design }: { lane: Lane; design: Design }) {
  const list = lane.run.pool.list();
  const young = list.filter((f) => !f.old);
  const old = list.filter((f) => f.old);
  const youngRows = Math.max(1, Math.ceil(young.length / COLUMNS));
  const oldRows = Math.max(1, Math.ceil(old.length / COLUMNS));
  const oldY = 30 + youngRows * (CELL + GAP) + 10;
  const evictedY = oldY + 30 + oldRows * (CELL + GAP);
  const shownEvicted = lane.evicted.slice(-COLUMNS);
  const evictedLastStep = lane.evicted.length;
  const height = evictedY + 30 + CELL + GAP;
  const y = kindCounts(young);
  const o = kindCounts(old);
  const label =
    `Buffer pool, logs ${design === 'inline' ? 'inline' : 'as pointers'}: young sublist ${young.length} pages (${y.index} index, ${y.log} log), ` +
    `old sublist ${old.length} pages (${o.index} index, ${o.log} log); ${lane.entered.size} pages entered and ${evictedLastStep} were evicted in the last step.`;
  return (
    <svg class="bp-grid" viewBox={`0 0 ${COLUMNS * (CELL + GAP)} ${height}`} role="img" aria-label={label}>
      <Sublist title={`Young sublist: ${young.length} pages (head first)`} frames={young} entered={lane.entered} y={0} />
      <line class="bp-midpoint" x1={0} x2={COLUMNS * (CELL + GAP)} y1={oldY - 6} y2={oldY - 6} />
      <Sublist title={`Old sublist: ${old.length} pages; new pages enter here, evictions leave from the end`} frames={old} entered={lane.entered} y={oldY} />
      <g transform={`translate(0 ${evictedY})`}>
        <text class="bp-label" x={0} y={14}>
          {evictedLastStep === 0 ? 'Evicted in the last step: none' : `Evicted in the last step: ${evictedLastStep} pages${evictedLastStep > COLUMNS ? ` (last ${COLUMNS} shown)` : ''}`}
        </text>
        {shownEvicted.map((page, i) => (
          <rect key={page} class={`bp-page bp-evicted ${pageKind(page) === 'overflow' ? 'bp-log' : 'bp-index'}`} x={i * (CELL + GAP) + 1} y={22} width={CELL} height={CELL} rx={4}>
            <title>{`evicted ${page}`}</title>
          </rect>
        ))}
      </g>
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
          A 128-page buffer pool with InnoDB's midpoint-insertion LRU, fed the same requests in both designs: primary-key
          lookups, 90% of them on the newest 10% of {formatNumber(ROWS)} runs, and a share of requests that open the run's log. The pool
          is warmed with {formatNumber(WARMUP_REQUESTS)} lookups first, as it was before logs were added; counts start after that. Blue squares
          are index pages, orange squares log (overflow) pages; an outline marks a page read from disk in the last step, and faded squares under the list are the pages that step evicted. The
          chart plots the hit ratio of each window of {WINDOW} requests. {status}
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
