/**
 * The article's "guess first" question before the valet flow, answered by its model: a thief who
 * caught the code redeems it with a verifier of their own.
 */
import { OPENING_VALUES } from './openingValues.ts';
import { EXAMPLE_ENDPOINTS, flowSteps } from './valetFlow.ts';

export const THIEF_CHOICES = [
  { value: 'token', label: 'An access token: the code itself is genuine' },
  { value: 'invalid_grant', label: 'An error: invalid_grant' },
  { value: 'invalid_client', label: 'An error: invalid_client' },
] as const;

/** The error the flow's last response carries when the code is redeemed with another verifier, or "token". */
export function thiefAnswer(): string {
  const last = flowSteps(EXAMPLE_ENDPOINTS, OPENING_VALUES, 'wrong-verifier').at(-1)!;
  return last.response.error ?? 'token';
}
