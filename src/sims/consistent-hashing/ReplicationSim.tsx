/**
 * "Replication": a key's copies go to the first N distinct attendants met walking clockwise from
 * its locker. Pick the factor and the key, then send one attendant home and see who takes over.
 */
import { Controls, Select, SimFrame, Slider, enumParam, intParam, textParam, island, Readout, useSimulation } from '../kit/index.ts';
import { MAX_FACTOR, NOBODY, STAFF, VNODES, replicas, ringWithout } from './replication.ts';
import { fractionOf } from './ringDrawing.ts';
import { KEY_PATTERN, KeyInput, RingDiagram } from './parts.tsx';

const schema = {
  factor: intParam(1, MAX_FACTOR, 3),
  key: textParam(32, 'user:42', KEY_PATTERN),
  leaves: enumParam([NOBODY, ...STAFF], NOBODY),
};
function ReplicationView() {
  const sim = useSimulation('replicas', schema, {
    title: 'Replication: the next attendants clockwise keep copies',
    init: ({ leaves }) => ringWithout(leaves),
    // Only a departure changes the ring; another key or factor is read off the same one.
    change: (ring, p, before) => (p.leaves === before.leaves ? ring : ringWithout(p.leaves)),
  });
  const { factor, key, leaves } = sim.params;
  const ring = sim.model;
  const { before, after, nodes, newcomer } = replicas(ring, key, factor);
  const at = fractionOf(ring.positionOf(key));

  let story = `${key} is stored by ${before.join(', ')}.`;
  if (leaves !== NOBODY) {
    story = before.includes(leaves)
      ? `${leaves} left and held a copy of ${key}: ${newcomer ?? 'nobody new'} ${newcomer ? 'takes over that copy' : 'is left to take it'}; ${before.filter((s) => s !== leaves).join(', ') || 'no one else'} keep theirs.`
      : `${leaves} left but held no copy of ${key}: its replicas stay on ${after.join(', ')}.`;
  }
  return (
    <SimFrame
      {...sim.frame}
      caption={`A ring of ${STAFF.length} attendants with ${VNODES} name tags each. The dot is the locker of key ${key}; the dashed arc walks clockwise from it, and the numbered badges mark the name tags where each of the ${factor} replica${factor === 1 ? '' : 's'} is placed. ${story}`}
      status={story}
    >
      <Controls>
        <Slider sim={sim} param="factor" label="Replication factor" />
        <KeyInput label="Key" value={key} onChange={(k) => sim.set({ key: k })} />
        <Select
          sim={sim}
          param="leaves"
          label="Attendant who leaves"
          options={[{ value: NOBODY, label: 'Nobody' }, ...STAFF.map((s) => ({ value: s, label: s }))]}
        />
      </Controls>
      <div class="hashing-columns">
        <RingDiagram
          ring={ring}
          label={`Ring of ${ring.servers().join(', ')}; key ${key} and its replicas on ${after.join(', ')}.`}
          keyMarker={{ at, label: key }}
          badges={nodes.map((n) => ({ at: fractionOf(n.position), label: n.server }))}
          walk={{ from: at, to: fractionOf(nodes.at(-1)!.position) }}
        />
        <div>
          <p class="sim-note">Replicas of {key}, in the order the walk meets them:</p>
          <ol class="replica-list">
            {after.map((s) => (
              <li key={s}>
                {s}
                {s === newcomer && <span class="replica-new"> (new copy, {leaves} left)</span>}
              </li>
            ))}
          </ol>
          <Readout
            items={[
              ['Before anyone left', before.join(', ')],
              ['Copies that moved', leaves !== NOBODY && before.includes(leaves) ? '1' : '0'],
            ]}
          />
        </div>
      </div>
    </SimFrame>
  );
}

export default island(ReplicationView);
