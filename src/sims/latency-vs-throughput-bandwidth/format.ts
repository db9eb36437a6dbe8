/** How the latency article writes sizes and rates: three significant digits, units a reader knows (durations: the kit's formatMs). */
import { formatNumber } from '../kit/model.ts';

const three = (n: number) => formatNumber(n, { significant: 3 });

export function formatKb(kb: number): string {
  return kb >= 1000 ? `${three(kb / 1000)} MB` : `${three(kb)} kB`;
}

export function formatMbps(mbps: number): string {
  return mbps >= 1000 ? `${three(mbps / 1000)} Gbit/s` : `${three(mbps)} Mbit/s`;
}
