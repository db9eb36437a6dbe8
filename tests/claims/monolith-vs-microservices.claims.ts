/**
 * Monolith vs. microservices: the network hop, the availability tax and the fan-out share from the models in
 * src/sims/monolith-vs-microservices/; the slow 1% the article points to from the latency article's averages experiment.
 */
import { defineArticleClaims } from './claims.ts';
import { NETWORK, atLeastOneSlow, callsIn, fanOutSlowShare, simulate } from '../../src/sims/monolith-vs-microservices/callGraph.ts';
import { P99, WORK } from '../../src/sims/monolith-vs-microservices/fanOutSweep.ts';
import { CHECKOUT } from '../../src/sims/monolith-vs-microservices/checkout.ts';
import { SLOW_SHARE } from '../../src/sims/latency-vs-throughput-bandwidth/averages.ts';

const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const power = (base: string, exponent: number) => `${base}${[...String(exponent)].map((d) => SUPERSCRIPT[Number(d)]).join('')}`;
/** "99.9 %" as the article writes it: the number, then a space before the sign (outside the token). */
const percentOneDecimal = (fraction: number) => (fraction * 100).toFixed(1);
const hopMedianMs = () => {
  if (NETWORK.hop.kind !== 'lognormal') throw new Error(`the network hop is ${NETWORK.hop.kind}, not the log-normal the article describes`);
  return NETWORK.hop.median;
};

/**
 * The checkout's calls with services that never fail on their own, over the network: its success rate is
 * what the hops alone cost. (Success does not depend on order, so the calls are simply put in a row.)
 */
function networkOnlySuccess(requests: number, seed: number): number {
  const reliable = callsIn(CHECKOUT).map((c) => ({ ...c, failure: 0 }));
  return simulate({ kind: 'sequence', steps: reliable }, NETWORK, requests, seed).successRate;
}

export default defineArticleClaims('monolith-vs-microservices', {
  claims: [
    {
      quote: 'a log-normal delay with a 1 ms median and fails once in 1,000 calls',
      numbers: () => [`${hopMedianMs()} ms`, (1 / NETWORK.failure).toLocaleString('en')],
    },
    {
      quote: 'seven hops at 99.9 % each give 0.999⁷ ≈ 99.3 %',
      numbers: () => {
        const hops = callsIn(CHECKOUT).length;
        if (hops !== 7) throw new Error(`the checkout makes ${hops} calls, not seven`);
        const product = (1 - NETWORK.failure) ** hops;
        // The simulated checkout, its services made reliable, must succeed that often (within 4 standard errors).
        const requests = 200_000;
        const simulated = networkOnlySuccess(requests, 7);
        if (Math.abs(simulated - product) > 4 * Math.sqrt((product * (1 - product)) / requests)) {
          throw new Error(`the simulated checkout succeeded ${simulated}, not ${product}`);
        }
        return [percentOneDecimal(1 - NETWORK.failure), power(String(1 - NETWORK.failure), hops), percentOneDecimal(product)];
      },
    },
    {
      quote: 'with probability 1 − 0.99ᴺ: about 10 % at N = 10 and 63 % at N = 100.',
      numbers: () => {
        // The closed form must agree with the figure's fan-out model: its backends' log-normal, "slow" past its p99.
        const requests = 20_000;
        const shares = [10, 100].map((n) => {
          const theory = atLeastOneSlow(n);
          const simulated = fanOutSlowShare(n, WORK, P99, requests, n);
          if (Math.abs(simulated - theory) > 4 * Math.sqrt((theory * (1 - theory)) / requests)) {
            throw new Error(`at N = ${n} the simulated fan-out met a slow call ${simulated}, not ${theory}`);
          }
          return Math.round(theory * 100).toString();
        });
        return ['1', '0.99ᴺ', shares[0]!, '10', shares[1]!, '100'];
      },
    },
    { quote: 'shows with its slow 1%.', numbers: () => [`${SLOW_SHARE.fallback}%`] },
  ],
  // The name of a percentile, not a figure.
  exempt: ['p99'],
});
