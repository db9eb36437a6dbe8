/**
 * The distributed monolith detector: a five-service shop whose couplings the reader switches on and
 * off, drawn as a map, with the detector's verdict and its reasons.
 */
import { Controls, SimFrame, Toggle, boolParam, island, useSimulation, type StateOf } from '../kit/index.ts';
import { SHOP_SERVICES, diagnose, longestSyncChain, shopMap, type ServiceMap } from './distributedMonolith.ts';
import './microservices.css';

const schema = {
  sharedDb: boolParam(false),
  sync: boolParam(true),
  ...Object.fromEntries(SHOP_SERVICES.map((s) => [`rel_${s}`, boolParam(false)])),
} as { sharedDb: ReturnType<typeof boolParam>; sync: ReturnType<typeof boolParam> } & Record<
  `rel_${(typeof SHOP_SERVICES)[number]}`,
  ReturnType<typeof boolParam>
>;

/** Where each service sits on the map (centre of its box). */
const AT: Record<string, [number, number]> = {
  checkout: [90, 60],
  orders: [300, 60],
  payments: [520, 30],
  stock: [520, 110],
  email: [520, 190],
};
const BOX = { w: 110, h: 36 };

function ServiceMapFigure({ map }: { map: ServiceMap }) {
  const chain = longestSyncChain(map);
  const inChain = (from: string, to: string) => chain.length >= 3 && chain.some((s, i) => s === from && chain[i + 1] === to);
  const dbUsers = new Map<string, string[]>();
  for (const s of map.services) dbUsers.set(s.database, [...(dbUsers.get(s.database) ?? []), s.name]);
  const described = map.calls.map((c) => `${c.from} calls ${c.to} ${c.sync ? 'and waits' : 'by event'}`).join('; ');
  return (
    <svg
      class="ms-map"
      viewBox="0 0 640 300"
      role="img"
      aria-label={`Service map: ${described}. Databases: ${[...dbUsers].map(([db, users]) => `${db} used by ${users.join(' and ')}`).join('; ')}.`}
    >
      <defs>
        <marker id="ms-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
          <path d="M0,0L10,5L0,10z" style={{ fill: 'var(--muted)' }} />
        </marker>
      </defs>
      {map.calls.map((c) => {
        const [x1, y1] = AT[c.from]!;
        const [x2, y2] = AT[c.to]!;
        return (
          <line
            class={`call${c.sync ? '' : ' async'}${inChain(c.from, c.to) ? ' chain' : ''}`}
            x1={x1 + BOX.w / 2}
            y1={y1}
            x2={x2 - BOX.w / 2 - 2}
            y2={y2}
            marker-end="url(#ms-arrow)"
          />
        );
      })}
      {map.services.map((s) => {
        const [x, y] = AT[s.name]!;
        return (
          <g class={`service${map.releasedTogether.includes(s.name) ? ' released' : ''}`}>
            <rect x={x - BOX.w / 2} y={y - BOX.h / 2} width={BOX.w} height={BOX.h} rx={6} />
            <text x={x} y={y + 5} text-anchor="middle">
              {s.name}
            </text>
          </g>
        );
      })}
      {[...dbUsers].map(([db, users], i) => {
        const shared = users.length > 1;
        const x = 40 + i * 120;
        return (
          <g>
            <rect class={`db${shared ? ' shared' : ''}`} x={x} y={236} width={110} height={30} rx={12} />
            <text x={x + 55} y={256} text-anchor="middle">
              {db}
            </text>
          </g>
        );
      })}
      <text class="legend" x={16} y={222}>
        databases (red outline: shared)
      </text>
      <text class="legend" x={16} y={292}>
        solid arrow: synchronous call · dashed: event · red: long synchronous chain
      </text>
    </svg>
  );
}

/** The shop the switches describe, and the detector's reading of it. */
function shopOf(p: StateOf<typeof schema>) {
  const releasedTogether = SHOP_SERVICES.filter((s) => p[`rel_${s}`]);
  const map = shopMap({ sharedOrdersDb: p.sharedDb, syncDownstream: p.sync, releasedTogether });
  return { map, ...diagnose(map) };
}

function DistributedMonolith() {
  const sim = useSimulation('village', schema, { title: 'Distributed monolith detector', init: shopOf });
  const { map, verdict, findings } = sim.model;
  return (
    <SimFrame
      {...sim.frame}
      caption="A shop split into five services. Switch on a shared database or synchronous calls, and mark the services that can only be released together; the detector names each coupling it finds and gives a verdict."
      status={`Verdict: ${verdict}. ${findings.map((f) => f.reason).join(' ')}`}
    >
      <Controls>
        <Toggle sim={sim} param="sharedDb" label="Orders and payments share one database" />
        <Toggle sim={sim} param="sync" label="Orders waits on payments and stock (no events)" />
      </Controls>
      <fieldset class="ms-fieldset">
        <legend>Must be released together</legend>
        {SHOP_SERVICES.map((s) => (
          <Toggle sim={sim} param={`rel_${s}`} label={s} />
        ))}
      </fieldset>
      <ServiceMapFigure map={map} />
      <div class="ms-verdict" data-verdict={verdict}>
        <p style={{ margin: 0 }}>
          <strong>Verdict: {verdict}.</strong>
          {findings.length === 0 && ' Each service owns its data, waits on nothing long, and ships on its own.'}
        </p>
        {findings.length > 0 && (
          <ul>
            {findings.map((f) => (
              <li>{f.reason}</li>
            ))}
          </ul>
        )}
      </div>
    </SimFrame>
  );
}

export default island(DistributedMonolith);
