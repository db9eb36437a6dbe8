/** Lighthouse medians of several runs on the benchmark pages of a built site. */
import { serveSite } from '../../tests/support/staticServer.ts';
import { runLighthouse, type LighthouseScores } from '../../tests/support/lighthouse.ts';
import { benchPaths } from './pageWeight.ts';

export type LighthouseRow = Omit<LighthouseScores, 'failing'> & { page: string };

export async function lighthouseMedians(dir: string, runs: number): Promise<LighthouseRow[]> {
  const server = await serveSite(dir);
  try {
    const paths = benchPaths(dir);
    const all: LighthouseScores[][] = [];
    for (let r = 0; r < runs; r++) all.push(await runLighthouse(paths.map((p) => `${server.origin}${p}`)));
    return paths.map((page, i) => {
      const runsOfPage = all.map((run) => run[i]!);
      const median = (key: keyof Omit<LighthouseScores, 'failing'>) =>
        [...runsOfPage.map((x) => x[key] as number)].sort((a, b) => a - b)[Math.floor(runs / 2)]!;
      return {
        page,
        performance: median('performance'),
        accessibility: median('accessibility'),
        'best-practices': median('best-practices'),
        seo: median('seo'),
        lcpMs: median('lcpMs'),
        tbtMs: median('tbtMs'),
        cls: median('cls'),
      };
    });
  } finally {
    await server.close();
  }
}
