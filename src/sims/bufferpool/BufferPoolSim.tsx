/**
 * The buffer pool eviction figure: one pool per design, fed the same requests in lockstep. The grid
 * shows the LRU list of the chosen design, young sublist then old; the chart shows both hit ratios.
 */
import { useRef, useState } from 'preact/hooks';
import {
  Controls,
  LineChart,
  PlayControls,
  Readout,
  Select,
  SimFrame,
  Slider,
  enumParam,
  intParam,
  useGuarded,
  useSimState,
  useTicker,
  type StateOf,
} from '../kit/index.ts';
import { DEFAULT_WORKLOAD, pageKind, WorkloadRun, type Design } from './workload.ts';
import type { Frame } from './model.ts';
import { FIGURE_WARMUP_REQUESTS, FIGURE_WORKLOAD } from './figure.ts';
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

const { poolPages: POOL_PAGES, rows: ROWS } = FIGURE_WORKLOAD;
const WARMUP_REQUESTS = FIGURE_WARMUP_REQUESTS;
const INITIAL_REQUESTS = 300;
const REQUESTS_PER_STEP = 10;
const WINDOW = 100;
const MAX_REQUESTS = 30_000;
const COLUMNS = 16;
const CELL = 30;
const GAP = 4;

interface Lane {
  run: WorkloadRun;
  series: [number, number][];
  windowRequests: number;
  windowReads: number;
  /** Pages read in from disk during the last step: drawn with an outline. */
  entered: Set<string>;
  /** Pages evicted during the last step, oldest first (at most one row of them is drawn). */
  evicted: string[];
  evictedLastStep: number;
  /** Counted from the end of the warm-up. */
  readRequests: number;
  reads: number;
}

interface Experiment {
  lanes: Record<Design, Lane>;
  requests: number;
}

function newExperiment(state: State): Experiment {
  const lane = (design: Design): Lane => ({
    run: new WorkloadRun({
      design,
      ...FIGURE_WORKLOAD,
      oldBlocksTimeMs: state.time,
      oldBlocksPct: state.pct,
      fetchShare: state.fetch / 100,
      blobPages: state.pages,
    }),
    series: [],
    windowRequests: 0,
    windowReads: 0,
    entered: new Set(),
    evicted: [],
    evictedLastStep: 0,
    readRequests: 0,
    reads: 0,
  });
  const experiment = { lanes: { inline: lane('inline'), pointer: lane('pointer') }, requests: 0 };
  for (const l of Object.values(experiment.lanes)) for (let i = 0; i < WARMUP_REQUESTS; i++) l.run.next({ lookupsOnly: true });
  // The last stretch as one ordinary step, so the first picture already marks what entered and left.
  advance(experiment, INITIAL_REQUESTS - REQUESTS_PER_STEP);
  advance(experiment, REQUESTS_PER_STEP);
  return experiment;
}

function advance(experiment: Experiment, requests: number): void {
  for (const lane of Object.values(experiment.lanes)) {
    lane.entered = new Set();
    lane.evicted = [];
    lane.evictedLastStep = 0;
  }
  for (let i = 0; i < requests && experiment.requests < MAX_REQUESTS; i++) {
    experiment.requests++;
    for (const lane of Object.values(experiment.lanes)) {
      for (const outcome of lane.run.next().outcomes) {
        lane.windowRequests++;
        lane.readRequests++;
        if (outcome.kind === 'miss') {
          lane.windowReads++;
          lane.reads++;
          lane.entered.add(outcome.page);
          if (outcome.evicted) {
            lane.evictedLastStep++;
            lane.entered.delete(outcome.evicted);
            lane.evicted.push(outcome.evicted);
          }
        }
      }
      if (experiment.requests % WINDOW === 0) {
        lane.series.push([experiment.requests, 100 * (1 - lane.windowReads / lane.windowRequests)]);
        if (lane.series.length > 300) lane.series.shift();
        lane.windowRequests = 0;
        lane.windowReads = 0;
      }
    }
  }
}

const percent = (x: number) => `${(100 * x).toFixed(1)}%`;
const hitRatio = (lane: Lane) => (lane.readRequests === 0 ? 1 : 1 - lane.reads / lane.readRequests);

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
  const height = evictedY + 30 + CELL + GAP;
  const y = kindCounts(young);
  const o = kindCounts(old);
  const label =
    `Buffer pool, logs ${design === 'inline' ? 'inline' : 'as pointers'}: young sublist ${young.length} pages (${y.index} index, ${y.log} log), ` +
    `old sublist ${old.length} pages (${o.index} index, ${o.log} log); ${lane.entered.size} pages entered and ${lane.evictedLastStep} were evicted in the last step.`;
  return (
    <svg class="bp-grid" viewBox={`0 0 ${COLUMNS * (CELL + GAP)} ${height}`} role="img" aria-label={label}>
      <Sublist title={`Young sublist: ${young.length} pages (head first)`} frames={young} entered={lane.entered} y={0} />
      <line class="bp-midpoint" x1={0} x2={COLUMNS * (CELL + GAP)} y1={oldY - 6} y2={oldY - 6} />
      <Sublist title={`Old sublist: ${old.length} pages; new pages enter here, evictions leave from the end`} frames={old} entered={lane.entered} y={oldY} />
      <g transform={`translate(0 ${evictedY})`}>
        <text class="bp-label" x={0} y={14}>
          {lane.evictedLastStep === 0 ? 'Evicted in the last step: none' : `Evicted in the last step: ${lane.evictedLastStep} pages${lane.evictedLastStep > COLUMNS ? ` (last ${COLUMNS} shown)` : ''}`}
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

export default function BufferPoolSim() {
  const [state, update] = useSimState('pool', schema);
  const [playing, setPlaying] = useState(false);
  const [, redraw] = useState(0);
  const experiment = useRef<Experiment | null>(null);
  const configKey = `${state.time}|${state.pct}|${state.fetch}|${state.pages}`;
  const built = useRef('');
  if (experiment.current === null || built.current !== configKey) {
    experiment.current = newExperiment(state);
    built.current = configKey;
  }
  const current = experiment.current;
  const finished = current.requests >= MAX_REQUESTS;

  const step = useGuarded(() => {
    advance(current, REQUESTS_PER_STEP);
    if (current.requests >= MAX_REQUESTS) setPlaying(false);
    redraw((n) => n + 1);
  });
  useTicker(step, { running: playing && !finished, intervalMs: 200 });
  const reset = useGuarded(() => {
    experiment.current = newExperiment(state);
    setPlaying(false);
    redraw((n) => n + 1);
  });

  const { inline, pointer } = current.lanes;
  const shown = current.lanes[state.show];
  const status = `After ${current.requests} requests: hit ratio ${percent(hitRatio(inline))} with logs inline, ${percent(hitRatio(pointer))} with pointers.`;
  const series = [
    { label: 'logs inline', points: inline.series, colour: 'var(--series-2)' },
    { label: 'pointers', points: pointer.series, colour: 'var(--series-1)' },
  ];

  return (
    <SimFrame
      id="pool"
      title="Buffer pool eviction: logs inline against pointers"
      status={status}
      share={{ schema, state }}
      caption={
        <>
          A {POOL_PAGES}-page buffer pool with InnoDB's midpoint-insertion LRU, fed the same requests in both designs: primary-key
          lookups, 90% of them on the newest 10% of {ROWS.toLocaleString('en')} runs, and a share of requests that open the run's log. The pool
          is warmed with {WARMUP_REQUESTS.toLocaleString('en')} lookups first, as it was before logs were added; counts start after that. Blue squares
          are index pages, orange squares log (overflow) pages; an outline marks a page read from disk in the last step, and faded squares under the list are the pages that step evicted. The
          chart plots the hit ratio of each window of {WINDOW} requests. {status}
        </>
      }
    >
      <Controls>
        <PlayControls playing={playing} onPlay={() => setPlaying(true)} onPause={() => setPlaying(false)} onStep={step} onReset={reset} finished={finished} />
        <Select
          label="Show the pool of"
          value={state.show}
          options={[
            { value: 'inline', label: 'logs inline' },
            { value: 'pointer', label: 'pointers' },
          ]}
          onChange={(show) => update({ show })}
        />
      </Controls>
      <Controls>
        <Slider label="innodb_old_blocks_time" value={state.time} min={0} max={3000} step={100} format={(v) => `${v} ms`} onChange={(time) => update({ time })} />
        <Slider label="innodb_old_blocks_pct" value={state.pct} min={5} max={95} format={(v) => `${v}%`} onChange={(pct) => update({ pct })} />
        <Slider label="Requests that open a log" value={state.fetch} min={0} max={30} format={(v) => `${v}%`} onChange={(fetch) => update({ fetch })} />
        <Slider label="Log size" value={state.pages} min={2} max={48} format={(v) => `${v} pages (${v * 16} KiB)`} onChange={(pages) => update({ pages })} />
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
