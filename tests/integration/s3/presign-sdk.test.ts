/**
 * Our WebCrypto presigner against the official AWS SDK for JavaScript v3 presigner, on random
 * buckets, keys, regions, credentials, methods and expiries with a fixed clock. The SDK signs a few
 * extra query parameters of its own (`X-Amz-Content-Sha256`, `x-id`); ours is told to sign the same
 * ones, so any difference in encoding, sorting or key derivation shows up as a different URL.
 */
import { describe, expect, it } from 'vitest';
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { presign, type PresignMethod } from '../../../src/sims/database-bloat-s3-pointer/sigv4.ts';
// Seeded, so that a failing input can be reproduced from the printed seed.
import { mulberry32 } from '../../../src/sims/kit/random.ts';

// Key characters by class, so that spaces, reserved characters and non-ASCII turn up often.
const PLAIN = [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'];
const RESERVED = [...'/-._~!*\'()&$@=;:+,?#[]%^`{}|<>"\\'];
const UNICODE = ['é', 'ü', 'ß', '日', '本', '€', '😀', 'Ω', '\u00a0'];

function keyCharacter(random: () => number): string {
  const r = random();
  return r < 0.06 ? ' ' : r < 0.1 ? pick(random, UNICODE) : r < 0.3 ? pick(random, RESERVED) : pick(random, PLAIN);
}
const REGIONS = ['us-east-1', 'us-west-2', 'eu-west-1', 'eu-central-1', 'ap-southeast-2', 'sa-east-1'];
const CONTENT_TYPES = ['application/json', 'text/plain; charset=utf-8', 'image/png', 'application/octet-stream'];

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

function randomCase(random: () => number, index: number) {
  const length = 1 + Math.floor(random() * 40);
  let key = '';
  for (let i = 0; i < length; i++) key += keyCharacter(random);
  const bucketLength = 3 + Math.floor(random() * 20);
  let bucket = pick(random, [...'abcdefghijklmnopqrstuvwxyz']);
  while (bucket.length < bucketLength - 1) bucket += pick(random, [...'abcdefghijklmnopqrstuvwxyz0123456789-']);
  bucket += pick(random, [...'abcdefghijklmnopqrstuvwxyz0123456789']);
  let accessKeyId = 'AKIA';
  while (accessKeyId.length < 20) accessKeyId += pick(random, [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567']);
  let secretAccessKey = '';
  while (secretAccessKey.length < 40) secretAccessKey += pick(random, [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/+']);
  // Both ends of the allowed range first, then anywhere in it.
  const expiresIn = index === 0 ? 1 : index === 1 ? 604800 : 1 + Math.floor(random() * 604800);
  const method: PresignMethod = random() < 0.5 ? 'GET' : 'PUT';
  const contentType = method === 'PUT' && random() < 0.7 ? pick(random, CONTENT_TYPES) : undefined;
  const contentLength = method === 'PUT' && random() < 0.4 ? Math.floor(random() * 2 ** 32) : undefined;
  return { key, bucket, accessKeyId, secretAccessKey, expiresIn, method, contentType, contentLength, region: pick(random, REGIONS) };
}

/** Our URL carries the signature last (as the AWS docs show it); the SDK sorts it in with the rest. */
function signatureSorted(url: string): string {
  const [base, query] = url.split('?') as [string, string];
  const params = query.split('&');
  const signature = params.find((p) => p.startsWith('X-Amz-Signature='))!;
  const rest = params.filter((p) => p !== signature);
  const at = rest.findIndex((p) => p.split('=')[0]! > 'X-Amz-Signature');
  rest.splice(at === -1 ? rest.length : at, 0, signature);
  return `${base}?${rest.join('&')}`;
}

describe('agreement with @aws-sdk/s3-request-presigner', () => {
  const CASES = 2500;
  const SEED = 20251201;

  it(`produces byte-identical URLs on ${CASES} random inputs (seed ${SEED})`, async () => {
    const random = mulberry32(SEED);
    const now = new Date('2025-12-01T08:30:15Z');
    let compared = 0;
    let withUnicode = 0;
    let withSpace = 0;
    let lengthSigned = 0;
    let typeSigned = 0;
    for (let i = 0; i < CASES; i++) {
      const c = randomCase(random, i);
      const client = new S3Client({
        region: c.region,
        credentials: { accessKeyId: c.accessKeyId, secretAccessKey: c.secretAccessKey },
        requestChecksumCalculation: 'WHEN_REQUIRED',
        responseChecksumValidation: 'WHEN_REQUIRED',
      });
      const command =
        c.method === 'GET'
          ? new GetObjectCommand({ Bucket: c.bucket, Key: c.key })
          : new PutObjectCommand({
              Bucket: c.bucket,
              Key: c.key,
              ...(c.contentType ? { ContentType: c.contentType } : {}),
              ...(c.contentLength !== undefined ? { ContentLength: c.contentLength } : {}),
            });
      const signableHeaders = new Set([...(c.contentType ? ['content-type'] : []), ...(c.contentLength !== undefined ? ['content-length'] : [])]);
      const expected = await getSignedUrl(client, command, { expiresIn: c.expiresIn, signingDate: now, signableHeaders });
      const { contentType, contentLength, ...rest } = c;
      const ours = await presign({
        ...rest,
        ...(contentType ? { contentType } : {}),
        ...(contentLength !== undefined ? { contentLength } : {}),
        now,
        unsignedPayloadParam: true,
        extraQuery: { 'x-id': c.method === 'GET' ? 'GetObject' : 'PutObject' },
      });
      if (signatureSorted(ours.url) !== expected) {
        throw new Error(`case ${i} differs\ninput: ${JSON.stringify(c)}\nours:  ${ours.url}\nsdk:   ${expected}`);
      }
      compared++;
      if (/\P{ASCII}/u.test(c.key)) withUnicode++;
      if (c.key.includes(' ')) withSpace++;
      if (ours.signedHeaders.includes('content-length')) lengthSigned++;
      if (ours.signedHeaders.includes('content-type')) typeSigned++;
    }
    expect(compared).toBe(CASES);
    // The generator really produced the awkward keys this test is about.
    expect(withUnicode).toBeGreaterThan(CASES / 4);
    expect(withSpace).toBeGreaterThan(CASES / 4);
    expect(lengthSigned).toBeGreaterThan(CASES / 10);
    expect(typeSigned).toBeGreaterThan(CASES / 5);
  });
});
