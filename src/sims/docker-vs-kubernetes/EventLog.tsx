import type { KubeEvent } from './events.ts';

/** The newest events first, the way an operator reads `kubectl get events --watch` scrolling by. */
export function EventLog({ events, label, limit = 12 }: { events: readonly KubeEvent[]; label: string; limit?: number }) {
  const shown = events.slice(-limit).reverse();
  return (
    <div>
      <p class="k8s-events-title">{label} (newest first)</p>
      {/* Scrollable, so it must be reachable by keyboard. */}
      <ol class="k8s-events" tabIndex={0} aria-label={label}>
        {shown.length === 0 && <li>No events yet.</li>}
        {shown.map((e) => (
          <li class={e.type}>{`step ${e.step}  ${e.type}  ${e.reason}  ${e.object}  ${e.message}`}</li>
        ))}
      </ol>
    </div>
  );
}
