/**
 * The chain builder: the server's certificate, the intermediate sent with it and the root in the
 * client's store, as cards. Remove, reorder, expire or swap one and see what a TLS client concludes
 * (the model agrees with `openssl verify -purpose sslserver` on every one of the 128 reachable states).
 */
import { Button, Controls, Grabbable, SimFrame, enumParam, island, useSimulation, type Simulation } from '../kit/index.ts';
import { CATALOGUE, SIMULATION_DAY } from '../engines/tls/catalogue.ts';
import {
  HOSTNAME,
  ORDERS,
  SLOTS,
  SWAP_LABEL,
  VARIANTS,
  cardFor,
  layout,
  movedCard,
  verdictFor,
  withoutCard,
  type ChainState,
  type ChainVerdict,
  type Slot,
  type Variant,
} from './chainBuilder.ts';
import './tls.css';

const schema = {
  leaf: enumParam(VARIANTS, 'valid'),
  intermediate: enumParam(VARIANTS, 'valid'),
  root: enumParam(VARIANTS, 'valid'),
  order: enumParam(ORDERS, 'leaf-first'),
};

const SLOT_LABEL: Record<Slot, string> = { leaf: "Server's certificate (leaf)", intermediate: 'Intermediate', root: 'Root (in the client’s trust store)' };
const VARIANT_WORD: Record<Variant, string> = { valid: 'valid', expired: 'expired in 2021', swapped: '', removed: 'removed' };

function year(ms: number) {
  return new Date(ms).getUTCFullYear();
}

/** The chain the reader built and what a TLS client concludes from it. */
interface Built {
  chain: ChainState;
  verdict: ChainVerdict;
}
const built = (chain: ChainState): Built => ({ chain, verdict: verdictFor(chain, SIMULATION_DAY) });
const CARD_W = 180;

function ChainDiagram({ sim }: { sim: Simulation<typeof schema, Built> }) {
  const state = sim.model.chain;
  const { sent, trusted } = layout(state);
  const slotOf = (id: string) => SLOTS.find((slot) => cardFor(slot, state[slot]) === id)!;
  const boxes = [...sent.map((id) => ({ id, group: 'Server sends' })), ...trusted.map((id) => ({ id, group: 'Client trusts' }))];
  const w = CARD_W;
  const gap = 30;
  const total = boxes.length * w + Math.max(0, boxes.length - 1) * gap;
  const start = (640 - total) / 2;
  return (
    <svg
      class="tls-diagram"
      viewBox="0 0 640 150"
      role="group"
      aria-label={`Server sends: ${sent.map((id) => CATALOGUE[id].subject).join(', ') || 'nothing'}. Client trusts: ${trusted.map((id) => CATALOGUE[id].subject).join(', ') || 'nothing'}. Each card is a button: Enter or Delete removes it; the arrow keys or a drag reorder the two the server sends.`}
    >
      {boxes.length === 0 && (
        <text x={320} y={80} text-anchor="middle" class="tls-muted">
          No certificates left
        </text>
      )}
      {boxes.map((b, i) => {
        const c = CATALOGUE[b.id];
        const x = start + i * (w + gap);
        const expired = c.notAfter < SIMULATION_DAY;
        const slot = slotOf(b.id);
        const sentCard = slot !== 'root';
        const clip = (t: string) => (t.length > 24 ? `${t.slice(0, 23)}…` : t);
        const validity = expired ? `✗ expired ${year(c.notAfter)}` : `valid to ${year(c.notAfter)}`;
        return (
          <g key={b.id}>
            <text x={x + w / 2} y={18} text-anchor="middle" class="tls-muted">
              {b.group} #{b.group === 'Server sends' ? i + 1 : 1}
            </text>
            <Grabbable
              sim={sim}
              x={x + w / 2}
              y={76}
              r={48}
              step={w + gap}
              label={`${SLOT_LABEL[slot]}: ${c.subject}, issued by ${c.issuer}, ${validity}. Enter or Delete removes it${sentCard ? '; the arrow keys or a drag send it earlier or later' : ''}.`}
              activate={(m) => built(withoutCard(m.chain, slot))}
              remove={(m) => built(withoutCard(m.chain, slot))}
              move={sentCard ? (m, _, { dx }) => built(movedCard(m.chain, slot, dx, w + gap)) : undefined}
            >
              <rect class="tls-box" x={x} y={28} width={w} height={96} rx={8} />
            </Grabbable>
            {/* Drawn over the card but not part of its button (whose name says it all): clicks fall through to the card. */}
            <g class="tls-card-text">
              <text x={x + 10} y={50}>
                {clip(c.subject)}
              </text>
              <text x={x + 10} y={72} class="tls-muted">
                issued by
              </text>
              <text x={x + 10} y={90}>
                {clip(c.issuer)}
              </text>
              <text x={x + 10} y={112} class={expired ? 'tls-fail' : 'tls-muted'}>
                {validity}
              </text>
            </g>
            {i < boxes.length - 1 && (
              <path
                class="tls-skipped"
                d={`M ${x + w + 4} 76 L ${x + w + gap - 4} 76 M ${x + w + gap - 12} 70 L ${x + w + gap - 4} 76 L ${x + w + gap - 12} 82`}
              />
            )}
          </g>
        );
      })}
    </svg>
  );
}

function ChainBuilderView() {
  const sim = useSimulation('chain', schema, {
    title: 'Chain builder: break the chain of trust',
    init: built,
    // A card acted on in the drawing changes the chain, which the buttons and a copied link then show.
    sync: (m) => m.chain,
  });
  const state = sim.params;
  const verdict = sim.model.verdict;
  const update = sim.set;
  const set = (slot: Slot, variant: Variant) => update({ [slot]: state[slot] === variant ? 'valid' : variant } as Partial<ChainState>);
  const verdictText =
    verdict.kind === 'empty'
      ? 'Nothing to verify'
      : verdict.ok
        ? 'openssl verify: OK'
        : `openssl verify: error ${verdict.code} at depth ${verdict.depth}: ${verdict.message}`;
  const cls = verdict.kind === 'empty' ? 'tls-fail' : verdict.ok ? 'tls-ok' : 'tls-fail';
  return (
    <SimFrame
      {...sim.frame}
      caption={`Cards for the certificates a server sends and the root a client trusts, with the verdict a TLS client reaches, which is what openssl verify -purpose sslserver says (checking the host name ${HOSTNAME}). Remove, expire, swap or reorder a card to see which error it causes, why, and who has to fix it.`}
      status={`${verdictText}. ${verdict.explanation}`}
    >
      <ChainDiagram sim={sim} />
      <div class="tls-cards">
        {SLOTS.map((slot) => {
          const id = cardFor(slot, state[slot]);
          const c = id ? CATALOGUE[id] : null;
          return (
            <section class="tls-card" key={slot} aria-label={SLOT_LABEL[slot]}>
              <h3>{SLOT_LABEL[slot]}</h3>
              <p>{c ? `${c.subject}, ${state[slot] === 'swapped' ? SWAP_LABEL[slot] : VARIANT_WORD[state[slot]]}` : 'Removed'}</p>
              <Button onClick={() => set(slot, 'removed')} pressed={state[slot] === 'removed'}>
                {state[slot] === 'removed' ? 'Put back' : 'Remove'}
              </Button>
              <Button onClick={() => set(slot, 'expired')} pressed={state[slot] === 'expired'} disabled={state[slot] === 'removed'}>
                Expire
              </Button>
              <Button
                onClick={() => set(slot, 'swapped')}
                pressed={state[slot] === 'swapped'}
                disabled={state[slot] === 'removed'}
                label={`Swap for ${SWAP_LABEL[slot]}`}
              >
                Swap
              </Button>
            </section>
          );
        })}
      </div>
      <Controls>
        <Button
          onClick={() => update({ order: state.order === 'leaf-first' ? 'intermediate-first' : 'leaf-first' })}
          pressed={state.order === 'intermediate-first'}
        >
          Reorder: server sends the intermediate first
        </Button>
        <Button onClick={() => update({ leaf: 'valid', intermediate: 'valid', root: 'valid', order: 'leaf-first' })}>Reset chain</Button>
      </Controls>
      <div class={`tls-outcome ${cls}`}>
        <p class="tls-badge">{verdictText}</p>
        <p>{verdict.explanation}</p>
      </div>
    </SimFrame>
  );
}

export default island(ChainBuilderView);
