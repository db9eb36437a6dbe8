/** How the latency article writes durations and sizes: few digits, units a reader knows. */
export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return '–';
  if (ms >= 10_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms >= 100) return `${Math.round(ms)} ms`;
  if (ms >= 10) return `${ms.toFixed(1)} ms`;
  return `${ms.toFixed(2)} ms`;
}

export function formatKb(kb: number): string {
  if (kb >= 1000) return `${Number((kb / 1000).toPrecision(3))} MB`;
  return `${Number(kb.toPrecision(3))} kB`;
}

export function formatMbps(mbps: number): string {
  if (mbps >= 1000) return `${Number((mbps / 1000).toPrecision(3))} Gbit/s`;
  return `${Number(mbps.toPrecision(3))} Mbit/s`;
}
