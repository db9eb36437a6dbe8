/**
 * The article's "guess first" question, answered by the trust-check model: a server that sends only its
 * own certificate, asked by requests with the default bundle.
 */
import { SIMULATION_DAY } from '../engines/tls/catalogue.ts';
import { trustCheck, type Outcome } from './trustCheck.ts';

export const LEAF_ONLY_CHOICES = [
  { value: 'success', label: 'Yes: HTTP 200, verified' },
  { value: 'warning', label: 'Yes, but with a warning' },
  { value: 'error', label: 'No: it raises an SSLError' },
] as const satisfies readonly { value: Outcome['kind']; label: string }[];

/** What requests.get(url) (verify=True, no cert) ends in when the server leaves out its intermediate. */
export function leafOnlyOutcome(): Outcome {
  return trustCheck('true', 'none', 'missing-intermediate', { host: 'localhost', port: 443, now: SIMULATION_DAY }).outcome;
}
