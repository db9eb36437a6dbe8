/**
 * The article's "guess first" question, answered by the chain builder's model: the server sends its
 * intermediate before its own certificate.
 */
import { SIMULATION_DAY } from '../engines/tls/catalogue.ts';
import { INITIAL_CHAIN, verdictFor, type ChainVerdict } from './chainBuilder.ts';

export const ORDER_CHOICES = [
  { value: 'accepts', label: 'It accepts: the order does not matter, every piece is there' },
  { value: 'refuses', label: 'It refuses the chain' },
] as const;

export function intermediateFirstVerdict(): ChainVerdict {
  return verdictFor({ ...INITIAL_CHAIN, order: 'intermediate-first' }, SIMULATION_DAY);
}

export function intermediateFirstAnswer(): (typeof ORDER_CHOICES)[number]['value'] {
  const v = intermediateFirstVerdict();
  return v.kind === 'verdict' && v.ok ? 'accepts' : 'refuses';
}
