/**
 * Consistent hashing: every number recomputed from the ring (src/sims/engines/hash-ring/) and the article's
 * models (src/sims/consistent-hashing/). Cassandra's, Dynamo's, Riak's and nginx's figures sit in sentences
 * cited to their source files, configuration and paper.
 */
import { defineArticleClaims } from './claims.ts';
import { MAX_VNODES, MIN_VNODES, Ring, RING_SIZE, type Hash } from '../../src/sims/engines/hash-ring/ring.ts';
import { expectedModNMoved, expectedRingMoved } from '../../src/sims/consistent-hashing/movement.ts';
import { attendants } from '../../src/sims/consistent-hashing/lockerRoom.ts';
import { murmur3_32 } from '../../src/sims/engines/hash-ring/murmur3.ts';

const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const power = (base: number, exponent: number) => `${base}${[...String(exponent)].map((d) => SUPERSCRIPT[Number(d)]).join('')}`;
const subscript = (n: number) => [...String(n)].map((d) => '₀₁₂₃₄₅₆₇₈₉'[Number(d)]).join('');
const percent = (fraction: number) => `${Math.round(fraction * 100)}%`;
/** Independent rings: the same attendants, their tags hashed with another Murmur3 seed. */
const seeded =
  (seed: number): Hash =>
  (s) =>
    murmur3_32(s, seed);
const seeds = (count: number) => Array.from({ length: count }, (_, i) => i + 1);
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** The busiest attendant's share, in fair shares, on each of `rings` random rings. */
const busiestShares = (servers: number, vnodes: number, rings: number): number[] =>
  seeds(rings).map(
    (seed) =>
      Math.max(
        ...Ring.of(attendants(servers), { vnodesPerServer: vnodes, hash: seeded(seed) })
          .shares()
          .values(),
      ) * servers,
  );

/** The busiest attendant's share of the ring, in fair shares, averaged over `rings` random rings. */
const busiestShare = (servers: number, vnodes: number, rings: number) => mean(busiestShares(servers, vnodes, rings));

/** The busiest attendant's share, in fair shares, on the worst of `rings` random rings. */
const worstShare = (servers: number, vnodes: number, rings: number) => Math.max(...busiestShares(servers, vnodes, rings));

/** Squared coefficient of variation of the shares, averaged over `rings` random rings. */
function spread(servers: number, vnodes: number, rings: number): number {
  return mean(
    seeds(rings).map((seed) => {
      const shares = [
        ...Ring.of(attendants(servers), { vnodesPerServer: vnodes, hash: seeded(seed) })
          .shares()
          .values(),
      ];
      const fair = 1 / servers;
      return shares.reduce((sum, s) => sum + (s - fair) ** 2, 0) / servers / fair ** 2;
    }),
  );
}

/** The constants of a formula the article writes, once the model is shown to follow it. */
function formula(holds: boolean, what: string, constants: string[]): string[] {
  if (!holds) throw new Error(`the model does not follow ${what}`);
  return constants;
}

/** The "1" of 1/√V, once quadrupling the tags is shown to quarter the squared spread (halve the spread). */
function inverseSquareRoot(): string[] {
  const ratio = spread(10, 25, 60) / spread(10, 100, 60);
  return formula(ratio > 3.3 && ratio < 4.8, `1/√V (squared spread fell ${ratio.toFixed(2)}-fold, not about 4-fold)`, ['1']);
}

/** num_tokens in Cassandra's cassandra.yaml since 4.0, and before (CASSANDRA-13701). */
const CASSANDRA_TOKENS = 16;
const OLD_CASSANDRA_TOKENS = 256;

const N = [1, 2, 3, 4, 5, 9, 19];
const close = (a: number, b: number) => Math.abs(a - b) < 1e-12;

export default defineArticleClaims('consistent-hashing', {
  claims: [
    {
      quote: 'Going from N to N + 1 attendants moves N/(N + 1) of all coats: 80% when the fifth joins.',
      numbers: () => [
        ...formula(
          N.every((n) => close(expectedModNMoved(n, n + 1), n / (n + 1))),
          'N/(N + 1) under mod N',
          ['1', '1'],
        ),
        percent(expectedModNMoved(4, 5)),
      ],
    },
    {
      quote: 'Number the lockers 0 to 2³² − 1',
      numbers: () => ['0', power(2, Math.log2(RING_SIZE)), '1'],
    },
    {
      quote: 'Adding one attendant to N moves about 1/(N + 1) of the coats',
      numbers: () =>
        formula(
          N.every((n) => close(expectedRingMoved(n, n + 1), 1 / (n + 1))),
          '1/(N + 1) on the ring',
          ['1', '1'],
        ),
    },
    {
      // The largest of N spacings of N random points on a circle averages H(N)/N; the model's one-tag rings must agree.
      quote: 'With ten attendants the busiest expects about 2.9 times a fair share (the harmonic number H₁₀).',
      numbers: () => {
        const harmonic = seeds(10).reduce((h, k) => h + 1 / k, 0);
        const model = busiestShare(10, 1, 400);
        return [Math.abs(model - harmonic) < 0.15 ? harmonic.toFixed(1) : `not H₁₀: the model's rings give ${model.toFixed(2)}`, subscript(10)];
      },
    },
    { quote: 'the spread shrinks like 1/√V for V tags each', numbers: inverseSquareRoot },
    {
      quote: 'In our tests, with 100 or more tags and up to 20 attendants, the busiest never held more than 1.5 times the mean share.',
      numbers: () => {
        const [staffs, tags] = [
          [2, 5, 10, 20],
          [100, 200, MAX_VNODES],
        ];
        const worst = Math.max(...staffs.flatMap((n) => tags.map((v) => worstShare(n, v, 12))));
        return [String(Math.min(...tags)), String(Math.max(...staffs)), worst < 1.5 ? '1.5' : `not under 1.5 (${worst})`];
      },
    },
    {
      // Cassandra's default tag count, placed at random: the busiest share averaged over 400 rings.
      quote: 'At random, 16 is too few: in our model, ten attendants with 16 tags each leave the busiest about 1.4 times a fair share (1.1 with 256)',
      numbers: () => [
        String(CASSANDRA_TOKENS),
        String(CASSANDRA_TOKENS),
        busiestShare(10, CASSANDRA_TOKENS, 400).toFixed(1),
        busiestShare(10, OLD_CASSANDRA_TOKENS, 400).toFixed(1),
        String(OLD_CASSANDRA_TOKENS),
      ],
    },
    {
      quote: 'drag the tag count from 1 to 500',
      numbers: () => [String(MIN_VNODES), String(MAX_VNODES)],
    },
  ],
  exempt: [],
});
