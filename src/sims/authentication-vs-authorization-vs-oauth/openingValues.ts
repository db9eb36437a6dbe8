/** The PKCE values the valet flow opens with: RFC 7636 Appendix B's verifier and challenge, a published, checkable pair. */
import { EXAMPLE_VALUES, type FlowValues } from './valetFlow.ts';

export const OPENING_VALUES: FlowValues = {
  verifier: 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk',
  challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
  state: 'q3Vd8sE1',
  ...EXAMPLE_VALUES,
};
