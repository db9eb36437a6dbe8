/** What every simulation shares (views import from here; models from ./model.ts). See README.md. */
export * from './model.ts';
export {
  intParam,
  numberParam,
  enumParam,
  boolParam,
  textParam,
  localParam,
  defaults,
  type Param,
  type RangeParam,
  type Schema,
  type StateOf,
} from './urlState.ts';
export { useSimulation, useProgress, useForParams, type Simulation, type Motion } from './useSimulation.ts';
export { lerp } from './motion.ts';
export { Grabbable, type Point, type Nudge } from './Grabbable.tsx';
export { Predict, type PredictProps } from './Predict.tsx';
export { Marks, Mark, type Pose } from './Marks.tsx';
export { Stack } from './Stack.tsx';
export type { SimulationSpec } from './simulationCore.ts';
export { useHydrated } from './hooks.ts';
export { SimFrame, island, useGuarded } from './SimFrame.tsx';
export { Slider, Toggle, Select, Button, PlayControls, Controls } from './controls.tsx';
export { BarChart, Histogram, LineChart } from './charts.tsx';
export { Readout } from './Readout.tsx';
export { linearScale, logScale, niceTicks, logTicks, formatTick } from './scale.ts';
