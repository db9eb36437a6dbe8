import type { ComponentChildren } from 'preact';

/** A row of figures under a simulation: term and value pairs, styled by `.sim-readout`. */
export function Readout({ items }: { items: readonly (readonly [term: string, value: ComponentChildren])[] }) {
  return (
    <dl class="sim-readout">
      {items.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
