/**
 * Load balancer, reverse proxy, API gateway: the interleaving of weighted round robin recomputed from
 * the policy model (policies.ts in src/sims/loadbalancer-reverseproxy-apigateway/); the nginx version,
 * and the 504 and 401 a real nginx answers, measured by the integration tests (which assert against
 * these quotes); ip_hash's /24, the 504 for every upstream timeout and the 401's challenge also sit in
 * sentences cited to nginx's documentation and source and to RFC 9110. Status codes and OSI layers are identifiers.
 */
import { defineArticleClaims } from './claims.ts';
import { Balancer, weightedRoundRobin, type Backend } from '../../src/sims/loadbalancer-reverseproxy-apigateway/policies.ts';
import { mulberry32 } from '../../src/sims/kit/model.ts';
import { ROOM_SPEEDS, runBalancing } from '../../src/sims/loadbalancer-reverseproxy-apigateway/balancing.ts';

/** The weights, once the model shows they interleave as the article spells it. */
function interleaving(weights: number[], spelled: string): string[] {
  const backends: Backend[] = weights.map((weight, i) => ({ name: `s${i}`, weight, active: 0, up: true }));
  const balancer = new Balancer(weightedRoundRobin, backends.length);
  const random = mulberry32(1);
  const picks = spelled.split(' ').map(() => 'abcdefgh'[balancer.pick({}, backends, random)]);
  if (picks.join(' ') !== spelled) throw new Error(`weights ${weights} interleave as ${picks.join(' ')}, not ${spelled}`);
  return weights.map(String);
}

/**
 * "p99", once the simulation at its opening settings shows it: round robin's slowest room has a p99
 * more than ten times what least connections gives the same room.
 */
function slowRoomExplodes(): string[] {
  const slowest = ROOM_SPEEDS.indexOf(Math.min(...ROOM_SPEEDS) as (typeof ROOM_SPEEDS)[number]);
  const run = (policy: 'round-robin' | 'least-connections') =>
    runBalancing({ policy, load: 0.6, outage: false, seed: 1, requests: 12_000 }).rooms[slowest]!.p99;
  const ratio = run('round-robin') / run('least-connections');
  if (!(ratio > 10)) throw new Error(`round robin's slow room p99 is only ${ratio.toFixed(1)}x least connections'`);
  return ['p99'];
}

export default defineArticleClaims('loadbalancer-reverseproxy-apigateway', {
  claims: [
    { quote: 'weights 5, 1, 1 give a a b a c a a', numbers: () => interleaving([5, 1, 1], 'a a b a c a a') },
    { quote: 'Round robin keeps feeding the slow room until its p99 explodes', numbers: slowRoomExplodes },
    {
      quote: 'checked against nginx 1.22, the version Debian 12 ships',
      measuredBy: 'tests/integration/loadbalancer/articleConfigs.test.ts',
    },
    {
      quote: 'a silent backend gets a 504 and a missing key a 401 with its challenge',
      measuredBy: 'tests/integration/loadbalancer/journey.test.ts',
    },
  ],
  exempt: ['Layer 4 or layer 7', 'layer 4', 'layer 7', '502 or 504?', '502 Bad Gateway'],
});
