/** View pieces the three hashing simulations share: the ring figure, colours, a key input, a readout. */
import type { ComponentChildren } from 'preact';
import { useId, useMemo, useState } from 'preact/hooks';
import { Marks, useHydrated } from '../kit/index.ts';
import { ATTENDANTS } from './lockerRoom.ts';
import type { Ring } from '../engines/hash-ring/ring.ts';
import { arcPath, fractionOf, ownerArcs, pointAt, tickPath } from './ringDrawing.ts';
import './hashing.css';

/** Six theme colours cycle over the attendants; names and the bar chart keep repeats apart. */
export function serverColour(server: string): string {
  const i = Math.max(0, ATTENDANTS.indexOf(server as (typeof ATTENDANTS)[number]));
  return `var(--series-${(i % 6) + 1})`;
}

/** Beyond this many virtual nodes the name tags are thinner than a pixel apart and are not drawn. */
const MAX_DRAWN_TAGS = 400;
const R = 100;

export interface RingMarker {
  /** Fraction of the circle. */
  at: number;
  label: string;
}

interface RingDiagramProps {
  ring: Ring;
  /** The figure's text alternative. */
  label: string;
  /** A key's locker, drawn as a dot outside the ring. */
  keyMarker?: RingMarker;
  /** Numbered badges (1, 2, 3...) at positions, e.g. the name tags that hold a key's replicas. */
  badges?: readonly RingMarker[];
  /** Clockwise stretch from the key to the last replica, emphasised. */
  walk?: { from: number; to: number };
  /** Things drawn over the ring that the reader acts on (attendants); the figure becomes a group around them. */
  children?: ComponentChildren;
  /**
   * Things that move at the display's rate (travelling coats): kit Marks, positioned in the drawing's
   * units from its top-left corner (RING_VIEW), moved by the compositor over the still ring.
   * Decorative: hidden from assistive technology.
   */
  overlay?: ComponentChildren;
}

/** The ring: each attendant's stretch in its colour (one path each), name tags as ticks, markers. */
export function RingDiagram({ overlay, ...props }: RingDiagramProps) {
  if (overlay === undefined) return <RingDrawing {...props} />;
  return (
    <div class="ring-stack sim-overlaid">
      <RingDrawing {...props} />
      <Marks width={RING_VIEW.width}>{overlay}</Marks>
    </div>
  );
}

/** The ring drawing's viewBox: the ring's centre is (0, 0). */
export const RING_VIEW = { x: -190, y: -135, width: 380, height: 270 } as const;
const VIEW_BOX = `${RING_VIEW.x} ${RING_VIEW.y} ${RING_VIEW.width} ${RING_VIEW.height}`;

function RingDrawing({ ring, label, keyMarker, badges = [], walk, children }: Omit<RingDiagramProps, 'overlay'>) {
  const drawing = useMemo(() => {
    const arcs = ownerArcs(ring);
    const nodes = ring.virtualNodes();
    return ring.servers().map((server) => ({
      server,
      arcs: arcPath(
        arcs.filter((a) => a.server === server),
        R,
      ),
      // Tags hang just outside the ring so that they stay visible against their own colour.
      ticks:
        nodes.length <= MAX_DRAWN_TAGS
          ? tickPath(
              nodes.filter((n) => n.server === server).map((n) => fractionOf(n.position)),
              R + 7,
              R + 14,
            )
          : '',
    }));
  }, [ring]);
  const walkPath = walk ? arcPath([{ from: walk.from, to: walk.to < walk.from ? walk.to + 1 : walk.to }], R + 15) : '';
  return (
    <svg class="ring-diagram" viewBox={VIEW_BOX} role={children ? 'group' : 'img'} aria-label={label}>
      <title>{label}</title>
      <circle r={R} class="ring-track" />
      {drawing.map((d) => (
        <g key={d.server} style={{ stroke: serverColour(d.server) }}>
          <path d={d.arcs} class="ring-arc" />
          {d.ticks && <path d={d.ticks} class="ring-tag" />}
        </g>
      ))}
      {walkPath && <path d={walkPath} class="ring-walk" />}
      {keyMarker && <KeyDot marker={keyMarker} />}
      {spreadOut(
        badges.map((b) => b.at),
        walk?.from ?? 0,
      ).map((t, i) => {
        const [x, y] = pointAt(t, R - 30);
        const [tx, ty] = pointAt(badges[i]!.at, R - 7);
        return (
          <g key={badges[i]!.label} class="ring-badge">
            <line x1={tx} y1={ty} x2={x} y2={y} />
            <circle cx={x} cy={y} r={9} />
            <text x={x} y={y} dy="0.35em" text-anchor="middle">
              {i + 1}
            </text>
          </g>
        );
      })}
      {ring.virtualNodes().length > MAX_DRAWN_TAGS && (
        <text class="ring-note" x={0} y={children ? 126 : 4} text-anchor="middle">
          name tags too dense to draw
        </text>
      )}
      {children}
    </svg>
  );
}

/** Badge positions at least MIN_GAP apart, in walking order, so that close tags keep readable badges. */
const MIN_GAP = 0.03;
function spreadOut(fractions: readonly number[], start: number): number[] {
  const out: number[] = [];
  let previous = -Infinity;
  for (const f of fractions) {
    // Measured from the walk's start, so that positions past the top of the ring keep increasing.
    const t = Math.max(f < start ? f + 1 : f, previous + MIN_GAP);
    out.push(t);
    previous = t;
  }
  return out.map((t) => t % 1);
}

function KeyDot({ marker }: { marker: RingMarker }) {
  const [x, y] = pointAt(marker.at, R + 15);
  const [lx, ly] = pointAt(marker.at, R + 28);
  const anchor = lx > 8 ? 'start' : lx < -8 ? 'end' : 'middle';
  return (
    <g class="ring-key">
      <circle cx={x} cy={y} r={5} />
      <text x={lx} y={ly} dy="0.35em" text-anchor={anchor}>
        {marker.label}
      </text>
    </g>
  );
}

/** Keys a reader may type: letters, digits and a few separators, 1 to 32 characters. */
export const KEY_PATTERN = /^[\p{L}\p{N} ._:/-]{1,32}$/u;

/**
 * A text box for a key. What the reader types is only ever data: it is checked against KEY_PATTERN
 * and passed on when valid; otherwise the box says why and the simulation keeps the last valid key.
 */
export function KeyInput({ label, value, onChange }: { label: string; value: string; onChange(key: string): void }) {
  const id = useId();
  const hydrated = useHydrated();
  const [draft, setDraft] = useState<string | null>(null);
  const shown = draft ?? value;
  const valid = KEY_PATTERN.test(shown);
  return (
    <div class="sim-control key-input">
      <label for={id}>{label}</label>
      <input
        id={id}
        type="text"
        value={shown}
        maxLength={32}
        spellcheck={false}
        autoComplete="off"
        disabled={!hydrated}
        aria-invalid={!valid}
        aria-describedby={`${id}-hint`}
        onInput={(e) => {
          const typed = e.currentTarget.value;
          setDraft(typed);
          if (KEY_PATTERN.test(typed)) onChange(typed);
        }}
      />
      <span id={`${id}-hint`} class={valid ? 'sim-note' : 'sim-note key-invalid'}>
        {valid ? 'Any name: letters, digits, . _ : / -' : 'Use 1 to 32 letters, digits or . _ : / -; showing the last valid key.'}
      </span>
    </div>
  );
}
