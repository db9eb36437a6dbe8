/** How the latency article writes sizes and rates: few digits, units a reader knows (durations: the kit's formatMs). */
export function formatKb(kb: number): string {
  if (kb >= 1000) return `${Number((kb / 1000).toPrecision(3))} MB`;
  return `${Number(kb.toPrecision(3))} kB`;
}

export function formatMbps(mbps: number): string {
  if (mbps >= 1000) return `${Number((mbps / 1000).toPrecision(3))} Gbit/s`;
  return `${Number(mbps.toPrecision(3))} Mbit/s`;
}
