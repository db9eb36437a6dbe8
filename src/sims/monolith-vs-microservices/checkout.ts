import type { CallNode } from './callGraph.ts';

const call = (name: string, median: number, failure = 0.0005): CallNode => ({
  kind: 'call',
  name,
  work: { kind: 'lognormal', median, sigma: 0.5 },
  failure,
});

/**
 * The checkout request the article follows: check the session, then look up cart, prices, stock and
 * shipping options at once, then charge the card and write the order. Medians are in milliseconds of
 * real work, the same whether the code lives in one process or in six.
 */
export const CHECKOUT: CallNode = {
  kind: 'sequence',
  steps: [
    call('session', 2),
    { kind: 'parallel', branches: [call('cart', 4), call('prices', 3), call('stock', 5), call('shipping', 6)] },
    call('payment', 25, 0.002),
    call('order', 8),
  ],
};

/** The same seven calls made one after another: what the checkout becomes without any fan-out. */
export const CHECKOUT_CHAIN: CallNode = {
  kind: 'sequence',
  steps: [call('session', 2), call('cart', 4), call('prices', 3), call('stock', 5), call('shipping', 6), call('payment', 25, 0.002), call('order', 8)],
};
