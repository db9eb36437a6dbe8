/**
 * The pipe: width is bandwidth, length is latency. The reader changes both and watches a payload
 * travel from tap to bucket; the chart shows that widening flattens onto the latency and never below.
 */
import { Controls, LineChart, PlayControls, Select, SimFrame, Slider, enumParam, formatMs, intParam, island, Readout, useSimulation } from '../kit/index.ts';
import { BANDWIDTHS, LATENCY_RANGE, PAYLOADS, arrivalMs, effectiveThroughputMbps, pipeHoldsKb, pipeOf, snapshotAt, type Pipe } from './pipe.ts';
import { newConnectionFetchMs } from './connection.ts';
import { formatKb, formatMbps } from './format.ts';
import './latency.css';

const schema = {
  width: intParam(0, BANDWIDTHS.length - 1, BANDWIDTHS.indexOf(100)),
  length: intParam(LATENCY_RANGE.min, LATENCY_RANGE.max, 40),
  payload: enumParam(['2', '500', '25000'], '2'),
};

/** Fraction of the trip shown in the static figure: mid-flight, so the reader sees water in the pipe. */
const STATIC_PROGRESS = 0.5;
const TICK_PROGRESS = 0.02;
const STEP_PROGRESS = 0.1;

function PipeDrawing({ pipe, progress }: { pipe: Pipe; progress: number }) {
  const total = arrivalMs(pipe);
  const snap = snapshotAt(pipe, progress * total);
  const x0 = 70;
  const length = 80 + (400 * (pipe.latencyMs - LATENCY_RANGE.min)) / (LATENCY_RANGE.max - LATENCY_RANGE.min);
  const thickness = 6 + (50 * Math.log10(pipe.bandwidthMbps)) / 3;
  const cy = 80;
  const top = cy - thickness / 2;
  const waterFrom = x0 + snap.tail * length;
  const waterTo = x0 + snap.front * length;
  const bucketX = x0 + length + 14;
  const fill = pipe.payloadKb > 0 ? snap.deliveredKb / pipe.payloadKb : 0;
  const label = `A pipe ${formatMbps(pipe.bandwidthMbps)} wide and ${formatMs(pipe.latencyMs)} long, ${formatMs(progress * total)} after the tap opened: ${formatKb(snap.sentKb)} of ${formatKb(pipe.payloadKb)} sent, ${formatKb(snap.deliveredKb)} in the bucket.`;
  return (
    <svg class="sim-chart latency-pipe" viewBox="0 0 640 170" role="img" aria-label={label}>
      <title>{label}</title>
      {/* the tap */}
      <rect x={30} y={cy - 30} width={40} height={14} class="latency-metal" />
      <rect x={x0 - 14} y={top - 2} width={14} height={thickness + 4} class="latency-metal" />
      {/* the pipe, its water and the first drop */}
      <rect x={x0} y={top} width={length} height={thickness} class="latency-pipe-wall" />
      {snap.front > 0 && <rect x={waterFrom} y={top + 1} width={Math.max(3, waterTo - waterFrom)} height={Math.max(2, thickness - 2)} class="latency-water" />}
      {snap.front > 0 && snap.front < 1 && <circle cx={waterTo} cy={cy} r={5} class="latency-drop" />}
      {/* the bucket */}
      <path d={`M${bucketX},${cy - 10}L${bucketX + 8},${cy + 50}H${bucketX + 62}L${bucketX + 70},${cy - 10}`} class="latency-bucket" />
      {fill > 0 && <rect x={bucketX + 8} y={cy + 50 - 58 * fill} width={54} height={58 * fill} class="latency-water" />}
      <text class="sim-chart-label" x={x0} y={top - 8}>{`width ${formatMbps(pipe.bandwidthMbps)}`}</text>
      <text class="sim-chart-label" x={x0} y={cy + thickness / 2 + 18}>{`length ${formatMs(pipe.latencyMs)}`}</text>
      <text class="sim-chart-label" x={bucketX} y={cy + 68}>{`${formatKb(snap.deliveredKb)} of ${formatKb(pipe.payloadKb)}`}</text>
      <text class="sim-chart-label" x={30} y={160}>{`t = ${formatMs(progress * total)}`}</text>
    </svg>
  );
}

function PipeView() {
  // The model is how far the payload has travelled, as a fraction of its whole trip.
  const sim = useSimulation('pipe', schema, {
    title: 'The pipe: width is bandwidth, length is latency',
    opening: () => STATIC_PROGRESS,
    init: () => 0,
    change: (progress) => progress,
    step: (progress) => Math.min(1, progress + STEP_PROGRESS),
    tick: (progress) => Math.min(1, progress + TICK_PROGRESS),
    finished: (progress) => progress >= 1,
    tickMs: 50,
  });
  const state = sim.params;
  const progress = sim.model;
  const pipe = pipeOf({ bandwidthMbps: BANDWIDTHS[state.width], latencyMs: state.length, payloadKb: state.payload });

  const total = arrivalMs(pipe);
  const curve = BANDWIDTHS.map((bw) => [bw, arrivalMs({ ...pipe, bandwidthMbps: bw })] as const);
  const status = `${formatMbps(pipe.bandwidthMbps)} wide and ${formatMs(pipe.latencyMs)} long: the first drop arrives after ${formatMs(pipe.latencyMs)}, all ${formatKb(pipe.payloadKb)} after ${formatMs(total)}.`;

  return (
    <SimFrame
      {...sim.frame}
      caption="A payload pushed through a pipe. Making the pipe wider shortens only the time to push the payload in; the first drop still needs the full length of the pipe. The chart shows the time for the whole payload at every width: it flattens onto the latency and never drops below it. The last readout is the same payload fetched over a new HTTPS connection, which pays round trips for the handshakes first and, while TCP's window is smaller than the pipe and the payload, for slow start too."
      status={status}
    >
      <Controls>
        <Slider sim={sim} param="width" label="Width (bandwidth)" format={(i) => formatMbps(BANDWIDTHS[i] ?? 100)} />
        <Slider sim={sim} param="length" label="Length (latency)" format={(ms) => `${ms} ms`} />
        <Select sim={sim} param="payload" label="Payload" options={PAYLOADS.map((p) => ({ value: String(p.kb) as '2' | '500' | '25000', label: p.label }))} />
      </Controls>
      <Controls>
        <PlayControls sim={sim} />
      </Controls>
      <PipeDrawing pipe={pipe} progress={progress} />
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
    </SimFrame>
  );
}

export default island(PipeView);
