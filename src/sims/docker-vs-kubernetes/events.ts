/** One line of `kubectl get events`: who reported what about which object. */
export interface KubeEvent {
  /** Simulation step at which it happened. */
  step: number;
  type: 'Normal' | 'Warning';
  reason: string;
  /** kind/name, as kubectl prints the involved object. */
  object: string;
  message: string;
}

/**
 * Pod name suffixes use the same 27 characters as Kubernetes' own generator (util/rand): no vowels,
 * so no words, and no 0/1/3 that read like letters.
 */
const ALPHANUMS = 'bcdfghjklmnpqrstvwxz2456789';

export function podSuffix(random: () => number): string {
  let s = '';
  for (let i = 0; i < 5; i++) s += ALPHANUMS[Math.floor(random() * ALPHANUMS.length)];
  return s;
}
