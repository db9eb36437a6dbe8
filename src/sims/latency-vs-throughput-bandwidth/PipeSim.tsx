/**
 * The pipe: width is bandwidth, length is latency. The reader changes both and watches a payload
 * travel from tap to bucket; the chart shows that widening flattens onto the latency and never below.
 */
import { useMemo } from 'preact/hooks';
import {
  Controls,
  LineChart,
  PlayControls,
  Select,
  SimFrame,
  Slider,
  enumParam,
  formatMs,
  formatNumber,
  intParam,
  island,
  lerp,
  Readout,
  useProgress,
  useSimulation,
  type Simulation,
  type StateOf,
} from '../kit/index.ts';
import {
  BANDWIDTHS,
  LATENCY_RANGE,
  PARCELS,
  PAYLOADS,
  PLAYBACK,
  arrivalMs,
  effectiveThroughputMbps,
  parcelsInPipe,
  pipeHoldsKb,
  pipeOf,
  runFinished,
  runOf,
  runStepped,
  runTicked,
  snapshotAt,
  tickSimMs,
  type Pipe,
  type PipeRun,
} from './pipe.ts';
import { newConnectionFetchMs } from './connection.ts';
import { formatKb, formatMbps } from './format.ts';
import './latency.css';

const schema = {
  width: intParam(0, BANDWIDTHS.length - 1, BANDWIDTHS.indexOf(100)),
  length: intParam(LATENCY_RANGE.min, LATENCY_RANGE.max, 40),
  payload: enumParam(['2', '500', '25000'], '2'),
};

const pipeFor = (p: StateOf<typeof schema>) => pipeOf({ bandwidthMbps: BANDWIDTHS[p.width], latencyMs: p.length, payloadKb: p.payload });

/** Where the pipe is drawn, in the drawing's units: its length follows the latency, its thickness the bandwidth. */
const X0 = 70;
const CY = 80;
const lengthOf = (pipe: Pipe) => 80 + (400 * (pipe.latencyMs - LATENCY_RANGE.min)) / (LATENCY_RANGE.max - LATENCY_RANGE.min);
const thicknessOf = (pipe: Pipe) => 6 + (50 * Math.log10(pipe.bandwidthMbps)) / 3;
/** Parcels side by side across the pipe: a wider pipe has more lanes, as it carries more at once. */
const lanesOf = (pipe: Pipe) => Math.max(1, Math.floor(thicknessOf(pipe) / 9));

type PipeSimulation = Simulation<typeof schema, PipeRun>;

/** The parcels and the bucket's water, moved at the display's rate between two ticks of the model. */
function Parcels({ sim }: { sim: PipeSimulation }) {
  const progress = useProgress(sim);
  const { pipe, t } = sim.model;
  // Another pipe is another run: its parcels appear where they are.
  const from = sim.before.pipe === pipe ? sim.before.t : t;
  const now = lerp(from, t, progress);
  const length = lengthOf(pipe);
  const thickness = thicknessOf(pipe);
  const lanes = lanesOf(pipe);
  const laneGap = thickness / lanes;
  const bucketX = X0 + length + 14;
  const snap = snapshotAt(pipe, now);
  const fill = pipe.payloadKb > 0 ? snap.deliveredKb / pipe.payloadKb : 0;
  return (
    <g class="latency-parcels">
      {/* The water itself, from its last drop to its first: a parcel is a twelfth of the payload, and when a
          twelfth is more than the pipe holds, the dots alone would leave a pipe that is really full looking empty. */}
      {snap.front > snap.tail && (
        <rect
          x={(X0 + snap.tail * length).toFixed(1)}
          y={(CY - thickness / 2).toFixed(1)}
          width={((snap.front - snap.tail) * length).toFixed(1)}
          height={thickness.toFixed(1)}
          class="latency-water"
        />
      )}
      {parcelsInPipe(pipe, now).map((parcel) => (
        <circle
          key={parcel.id}
          cx={(X0 + parcel.along * length).toFixed(1)}
          cy={(CY - thickness / 2 + laneGap * ((parcel.id % lanes) + 0.5)).toFixed(1)}
          r={Math.min(4, laneGap / 2 - 0.5).toFixed(1)}
          class="latency-parcel"
        />
      ))}
      {fill > 0 && <rect x={bucketX + 8} y={(CY + 50 - 58 * fill).toFixed(1)} width={54} height={(58 * fill).toFixed(1)} class="latency-water" />}
    </g>
  );
}

/** The tap, the pipe and the bucket: they change only with the pipe, not as the parcels move. */
function PipeBody({ pipe }: { pipe: Pipe }) {
  const length = lengthOf(pipe);
  const thickness = thicknessOf(pipe);
  const top = CY - thickness / 2;
  const bucketX = X0 + length + 14;
  return (
    <>
      <rect x={30} y={CY - 30} width={40} height={14} class="latency-metal" />
      <rect x={X0 - 14} y={top - 2} width={14} height={thickness + 4} class="latency-metal" />
      <rect x={X0} y={top} width={length} height={thickness} class="latency-pipe-wall" />
      <path d={`M${bucketX},${CY - 10}L${bucketX + 8},${CY + 50}H${bucketX + 62}L${bucketX + 70},${CY - 10}`} class="latency-bucket" />
      <text class="sim-chart-label" x={X0} y={top - 8}>{`width ${formatMbps(pipe.bandwidthMbps)}`}</text>
      <text class="sim-chart-label" x={X0} y={CY + thickness / 2 + 18}>{`length ${formatMs(pipe.latencyMs)}`}</text>
    </>
  );
}

/** "10× slower than life" or "40× faster": how the playback relates to real time. */
function speedOf(pipe: Pipe): string {
  const speed = tickSimMs(pipe) / PLAYBACK.tickMs;
  return speed < 1
    ? `played ${formatNumber(1 / speed, { significant: 2 })}× slower than life`
    : `played ${formatNumber(speed, { significant: 2 })}× faster than life`;
}

function PipeDrawing({ sim }: { sim: PipeSimulation }) {
  const { pipe, t } = sim.model;
  const snap = snapshotAt(pipe, t);
  const bucketX = X0 + lengthOf(pipe) + 14;
  const body = useMemo(() => <PipeBody pipe={pipe} />, [pipe]);
  const label = `A pipe ${formatMbps(pipe.bandwidthMbps)} wide and ${formatMs(pipe.latencyMs)} long, ${formatMs(t)} after the tap opened: ${formatKb(snap.sentKb)} of ${formatKb(pipe.payloadKb)} sent, ${parcelsInPipe(pipe, t).length} of ${PARCELS} parcels in the pipe, ${formatKb(snap.deliveredKb)} in the bucket.`;
  return (
    <svg class="sim-chart latency-pipe" viewBox="0 0 640 170" role="img" aria-label={label}>
      <title>{label}</title>
      {body}
      <Parcels sim={sim} />
      <text class="sim-chart-label" x={bucketX + 70} y={CY + 68} text-anchor="end">{`${formatKb(snap.deliveredKb)} of ${formatKb(pipe.payloadKb)}`}</text>
      <text class="sim-chart-label" x={30} y={160}>{`t = ${formatMs(t)}, ${speedOf(pipe)}; a dot is a twelfth of the water`}</text>
    </svg>
  );
}

function PipeView() {
  // The model is the pipe and the time since the tap opened; the static figure shows the payload mid-trip.
  const sim = useSimulation('pipe', schema, {
    title: 'The pipe: width is bandwidth, length is latency',
    opening: (p) => runOf(pipeFor(p), arrivalMs(pipeFor(p)) / 2),
    init: (p) => runOf(pipeFor(p)),
    step: runStepped,
    tick: runTicked,
    finished: runFinished,
    tickMs: PLAYBACK.tickMs,
  });
  const pipe = sim.model.pipe;

  const total = arrivalMs(pipe);
  // The chart changes with the pipe only, not with each tick of the trip.
  const chart = useMemo(() => {
    const curve = BANDWIDTHS.map((bw) => [bw, arrivalMs({ ...pipe, bandwidthMbps: bw })] as const);
    return (
      <LineChart
        title="Time for the whole payload against pipe width"
        xLabel="bandwidth (Mbit/s, log scale)"
        yLabel="time (ms)"
        logX
        series={[
          { label: 'whole payload', points: curve },
          {
            label: 'latency',
            points: [
              [1, pipe.latencyMs],
              [1000, pipe.latencyMs],
            ],
            dashed: true,
          },
          { label: 'your pipe', points: [[pipe.bandwidthMbps, total]], dots: true },
        ]}
      />
    );
  }, [pipe, total]);
  const status = `${formatMbps(pipe.bandwidthMbps)} wide and ${formatMs(pipe.latencyMs)} long: the first drop arrives after ${formatMs(pipe.latencyMs)}, all ${formatKb(pipe.payloadKb)} after ${formatMs(total)}.`;

  return (
    <SimFrame
      {...sim.frame}
      caption="A payload pushed through a pipe. Making the pipe wider shortens only the time to push the payload in; the first drop still needs the full length of the pipe. The chart shows the time for the whole payload at every width: it flattens onto the latency and never drops below it. The last readout is the same payload fetched over a new HTTPS connection, which pays round trips for the handshakes first and, while TCP's window is smaller than the pipe and the payload, for slow start too."
      status={status}
    >
      <Controls>
        <Slider sim={sim} param="width" label="Width (bandwidth)" format={(i) => formatMbps(BANDWIDTHS[i] ?? 100)} />
        <Slider sim={sim} param="length" label="Length (latency)" format={(ms) => formatMs(ms, { digits: 0 })} />
        <Select sim={sim} param="payload" label="Payload" options={PAYLOADS.map((p) => ({ value: String(p.kb) as '2' | '500' | '25000', label: p.label }))} />
      </Controls>
      <Controls>
        <PlayControls sim={sim} />
      </Controls>
      <PipeDrawing sim={sim} />
      <Readout
        items={[
          ['First drop arrives', formatMs(pipe.latencyMs)],
          ['Whole payload arrives', formatMs(total)],
          ['Pipe throughput', formatMbps(pipe.bandwidthMbps)],
          ['This payload got', formatMbps(effectiveThroughputMbps(pipe))],
          ['A full pipe holds', formatKb(pipeHoldsKb(pipe))],
          ['On a new HTTPS connection', formatMs(newConnectionFetchMs(pipe))],
        ]}
      />
      {chart}
    </SimFrame>
  );
}

export default island(PipeView);
