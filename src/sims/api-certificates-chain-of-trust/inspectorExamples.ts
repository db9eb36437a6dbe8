/**
 * The chains the certificate inspector offers as examples. Shared by the island and by the build,
 * which inspects the opening example so the static page already shows a result.
 */
import leafPem from '../engines/tls/fixtures/pki/leaf.pem?raw';
import intermediatePem from '../engines/tls/fixtures/pki/intermediate.pem?raw';
import rootPem from '../engines/tls/fixtures/pki/root.pem?raw';
import expiredPem from '../engines/tls/fixtures/pki/leaf-expired.pem?raw';
import selfSignedPem from '../engines/tls/fixtures/pki/self-signed.pem?raw';

export const EXAMPLES = {
  complete: { label: 'Complete chain (leaf, intermediate, root)', text: leafPem + intermediatePem + rootPem },
  served: { label: 'What a server sends (leaf, intermediate)', text: leafPem + intermediatePem },
  missing: { label: 'Missing intermediate (leaf, root)', text: leafPem + rootPem },
  expired: { label: 'Expired leaf', text: expiredPem + intermediatePem + rootPem },
  order: { label: 'Wrong order (intermediate first)', text: intermediatePem + leafPem + rootPem },
  selfsigned: { label: 'Self-signed certificate', text: selfSignedPem },
} as const;

export type ExampleId = keyof typeof EXAMPLES;
export const EXAMPLE_IDS = Object.keys(EXAMPLES) as ExampleId[];
export const OPENING_EXAMPLE: ExampleId = 'complete';
