/** `npm run bench`: presigned URLs signed per second with WebCrypto (what the builder does per keystroke). */
import { performance } from 'node:perf_hooks';
import { presign } from '../../../src/sims/database-bloat-s3-pointer/sigv4.ts';

export async function benchmarks() {
  const input = {
    method: 'GET' as const,
    bucket: 'acme-ci-logs',
    key: 'runs/8812/log.jsonl',
    region: 'eu-west-1',
    accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
    secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    expiresIn: 60,
    now: new Date('2025-12-01T00:00:00Z'),
  };
  for (let i = 0; i < 200; i++) await presign(input);
  const count = 2000;
  const start = performance.now();
  for (let i = 0; i < count; i++) await presign({ ...input, expiresIn: 60 + (i % 600) });
  return [{ model: 'presign (SigV4, WebCrypto)', work: 'URLs signed', perSecond: count / ((performance.now() - start) / 1000) }];
}
