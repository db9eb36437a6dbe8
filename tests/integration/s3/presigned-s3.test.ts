/**
 * Real presigned PUTs and GETs over HTTP on loopback, against an S3-compatible server that checks
 * signatures with the AWS SDK's own signer (see verifyingS3.ts for why not s3rver).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { presign, type PresignInput } from '../../../src/sims/database-bloat-s3-pointer/sigv4.ts';
import { startVerifyingS3, type VerifyingS3 } from './verifyingS3.ts';

const ACCESS_KEY = 'AKIDEXAMPLETESTKEY01';
const SECRET = 'demo/secret/for+tests/only0123456789abcd';

let s3: VerifyingS3;
let base: Omit<PresignInput, 'method' | 'key' | 'now' | 'expiresIn'>;

beforeAll(async () => {
  s3 = await startVerifyingS3({ credentials: { [ACCESS_KEY]: SECRET } });
  base = { bucket: 'build-logs', region: 'us-east-1', accessKeyId: ACCESS_KEY, secretAccessKey: SECRET, endpoint: s3.endpoint };
});
afterAll(async () => {
  await s3?.close();
});

const log = Buffer.from('{"line":1,"msg":"checkout"}\n{"line":2,"msg":"npm ci"}\n{"line":3,"msg":"tests passed ✓"}\n');

async function presignedPut(key: string, extra: Partial<PresignInput> = {}) {
  return presign({ ...base, method: 'PUT', key, now: new Date(), expiresIn: 300, contentType: 'application/x-ndjson', contentLength: log.length, ...extra });
}

describe('a presigned upload and download', () => {
  it('stores the bytes with a PUT and returns them, byte for byte, with a GET', async () => {
    const key = 'runs/2025/12/01/run 8812 — log.jsonl';
    const put = await presignedPut(key);
    const uploaded = await fetch(put.url, { method: 'PUT', body: log, headers: { 'content-type': 'application/x-ndjson' } });
    expect(uploaded.status, await uploaded.clone().text()).toBe(200);

    const get = await presign({ ...base, method: 'GET', key, now: new Date(), expiresIn: 60 });
    const downloaded = await fetch(get.url);
    expect(downloaded.status).toBe(200);
    expect(downloaded.headers.get('content-type')).toBe('application/x-ndjson');
    const body = Buffer.from(await downloaded.arrayBuffer());
    expect(createHash('sha256').update(body).digest('hex')).toBe(createHash('sha256').update(log).digest('hex'));
  });

  it("accepts the AWS SDK's own presigned URLs too (the verifier is not tuned to our presigner)", async () => {
    const client = new S3Client({
      region: 'us-east-1',
      endpoint: `http://${s3.endpoint.host}`,
      forcePathStyle: true,
      credentials: { accessKeyId: ACCESS_KEY, secretAccessKey: SECRET },
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
    const url = await getSignedUrl(client, new PutObjectCommand({ Bucket: 'build-logs', Key: 'sdk/ü x.txt', ContentType: 'text/plain' }), {
      expiresIn: 60,
      signableHeaders: new Set(['content-type']),
    });
    expect((await fetch(url, { method: 'PUT', body: 'hello', headers: { 'content-type': 'text/plain' } })).status).toBe(200);
    const get = await getSignedUrl(client, new GetObjectCommand({ Bucket: 'build-logs', Key: 'sdk/ü x.txt' }), { expiresIn: 60 });
    expect(await (await fetch(get)).text()).toBe('hello');
  });
});

describe('refusals', () => {
  async function expectRefused(response: Response, code: string) {
    expect(response.status).toBe(403);
    expect(await response.text()).toContain(`<Code>${code}</Code>`);
  }

  it('refuses a URL whose key was changed after signing', async () => {
    const put = await presignedPut('runs/1.jsonl');
    const tampered = put.url.replace('/runs/1.jsonl?', '/runs/2.jsonl?');
    expect(tampered).not.toBe(put.url);
    await expectRefused(await fetch(tampered, { method: 'PUT', body: log, headers: { 'content-type': 'application/x-ndjson' } }), 'SignatureDoesNotMatch');
    expect(s3.objects.has('/build-logs/runs/2.jsonl')).toBe(false);
  });

  it('refuses a URL whose expiry was stretched, or whose signature lost a character', async () => {
    const get = await presign({ ...base, method: 'GET', key: 'runs/2025/12/01/run 8812 — log.jsonl', now: new Date(), expiresIn: 60 });
    await expectRefused(await fetch(get.url.replace('X-Amz-Expires=60', 'X-Amz-Expires=604800')), 'SignatureDoesNotMatch');
    const flipped = get.url.slice(0, -1) + (get.url.endsWith('0') ? '1' : '0');
    await expectRefused(await fetch(flipped), 'SignatureDoesNotMatch');
  });

  it('refuses an expired URL even though its signature is right', async () => {
    const twoHoursAgo = new Date(Date.now() - 2 * 3600 * 1000);
    const get = await presign({ ...base, method: 'GET', key: 'runs/2025/12/01/run 8812 — log.jsonl', now: twoHoursAgo, expiresIn: 3600 });
    const response = await fetch(get.url);
    await expectRefused(response, 'AccessDenied');
    expect(s3.refusals.at(-1)).toContain('Request has expired');
  });

  it('refuses an upload with another content type than the one signed', async () => {
    const put = await presignedPut('runs/3.jsonl');
    await expectRefused(await fetch(put.url, { method: 'PUT', body: log, headers: { 'content-type': 'text/html' } }), 'SignatureDoesNotMatch');
    expect(s3.objects.has('/build-logs/runs/3.jsonl')).toBe(false);
  });

  it('refuses an upload of another size than the one signed', async () => {
    const put = await presignedPut('runs/4.jsonl');
    const bigger = Buffer.concat([log, Buffer.from('{"line":4,"msg":"smuggled"}\n')]);
    await expectRefused(await fetch(put.url, { method: 'PUT', body: bigger, headers: { 'content-type': 'application/x-ndjson' } }), 'SignatureDoesNotMatch');
    expect(s3.objects.has('/build-logs/runs/4.jsonl')).toBe(false);
  });

  it('refuses a URL signed with the wrong secret', async () => {
    const put = await presignedPut('runs/5.jsonl', { secretAccessKey: `${SECRET}x` });
    await expectRefused(await fetch(put.url, { method: 'PUT', body: log, headers: { 'content-type': 'application/x-ndjson' } }), 'SignatureDoesNotMatch');
  });

  it('refuses a request without any signature', async () => {
    await expectRefused(await fetch(`http://${s3.endpoint.host}/build-logs/runs/2025/12/01/run%208812%20%E2%80%94%20log.jsonl`), 'AccessDenied');
  });
});
