import { describe, expect, it } from 'vitest';
import { amzDate, presign, presignProblem, uriEncode, type PresignInput } from './sigv4.ts';

// The worked example of AWS's "Authenticating Requests: Using Query Parameters (AWS Signature
// Version 4)" page: a GET of examplebucket/test.txt, valid for 86400 s from 2013-05-24 00:00:00 UTC.
const awsExample: PresignInput = {
  method: 'GET',
  bucket: 'examplebucket',
  key: 'test.txt',
  region: 'us-east-1',
  accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  expiresIn: 86400,
  now: new Date('2013-05-24T00:00:00Z'),
  endpoint: { protocol: 'https:', host: 'examplebucket.s3.amazonaws.com', pathStyle: false },
};

describe('the AWS documentation example', () => {
  it('builds the documented canonical request', async () => {
    const steps = await presign(awsExample);
    expect(steps.canonicalRequest).toBe(
      'GET\n/test.txt\n' +
        'X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host\n' +
        'host:examplebucket.s3.amazonaws.com\n\nhost\nUNSIGNED-PAYLOAD',
    );
  });

  it('builds the documented string to sign', async () => {
    const steps = await presign(awsExample);
    expect(steps.stringToSign).toBe(
      'AWS4-HMAC-SHA256\n20130524T000000Z\n20130524/us-east-1/s3/aws4_request\n3bfa292879f6447bbcda7001decf97f4a54dc650c8942174ae0a9121cf58ad04',
    );
  });

  it('produces the documented signature and URL', async () => {
    const steps = await presign(awsExample);
    expect(steps.signature).toBe('aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404');
    expect(steps.url).toBe(
      'https://examplebucket.s3.amazonaws.com/test.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404',
    );
  });

  it('changes the signature when any signed input changes', async () => {
    const base = (await presign(awsExample)).signature;
    const variants: Partial<PresignInput>[] = [
      { key: 'test.txT' },
      { expiresIn: 86399 },
      { method: 'PUT' },
      { region: 'us-east-2' },
      { secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEz' },
      { now: new Date('2013-05-24T00:00:01Z') },
      { contentType: 'text/plain' },
    ];
    for (const v of variants) expect((await presign({ ...awsExample, ...v })).signature).not.toBe(base);
  });
});

describe('encoding', () => {
  it('keeps only unreserved characters and percent-encodes UTF-8 bytes in upper-case hex', () => {
    expect(uriEncode("a b!*'()~._-")).toBe('a%20b%21%2A%27%28%29~._-');
    expect(uriEncode('ü€')).toBe('%C3%BC%E2%82%AC');
    expect(uriEncode('a/b')).toBe('a%2Fb');
    expect(uriEncode('a/b', true)).toBe('a/b');
    expect(uriEncode('+=&?#%')).toBe('%2B%3D%26%3F%23%25');
  });

  it('formats the signing time as ISO 8601 basic, whole seconds, UTC', () => {
    expect(amzDate(new Date('2025-12-01T09:08:07.654Z'))).toBe('20251201T090807Z');
  });

  it('signs content-type as a header for uploads, sorted before host', async () => {
    const steps = await presign({ ...awsExample, method: 'PUT', contentType: '  application/json ' });
    expect(steps.signedHeaders).toBe('content-type;host');
    expect(steps.canonicalHeaders).toBe('content-type:application/json\nhost:examplebucket.s3.amazonaws.com\n');
    expect(steps.url).toContain('X-Amz-SignedHeaders=content-type%3Bhost');
  });

  it('signs content-length too when an upload must be an exact size', async () => {
    const steps = await presign({ ...awsExample, method: 'PUT', contentType: 'application/json', contentLength: 1048576 });
    expect(steps.signedHeaders).toBe('content-length;content-type;host');
    expect(steps.canonicalHeaders).toBe('content-length:1048576\ncontent-type:application/json\nhost:examplebucket.s3.amazonaws.com\n');
  });

  it('puts the bucket in the path for path-style endpoints', async () => {
    const steps = await presign({ ...awsExample, key: 'logs/run 1.txt', endpoint: { protocol: 'http:', host: '127.0.0.1:9000', pathStyle: true } });
    expect(steps.url.startsWith('http://127.0.0.1:9000/examplebucket/logs/run%201.txt?')).toBe(true);
  });
});

describe('bad input is refused with a reason, never signed', () => {
  for (const [what, change] of [
    ['an expiry over seven days', { expiresIn: 604801 }],
    ['a zero expiry', { expiresIn: 0 }],
    ['a fractional expiry', { expiresIn: 1.5 }],
    ['NaN expiry', { expiresIn: Number.NaN }],
    ['an upper-case bucket', { bucket: 'MyBucket' }],
    ['an empty key', { key: '' }],
    ['a key over 1024 bytes', { key: 'é'.repeat(513) }],
    ['a made-up region', { region: 'mars' }],
    ['a lower-case access key', { accessKeyId: 'akiaiosfodnn7example' }],
    ['an invalid date', { now: new Date('nope') }],
    ['a negative content length', { contentLength: -1 }],
    ['a content length over 5 GiB', { contentLength: 5 * 1024 ** 3 + 1 }],
    ['a content type with a line break', { contentType: 'text/plain\r\nx-evil: 1' }],
  ] as const) {
    it(`refuses ${what}`, async () => {
      const input = { ...awsExample, ...change } as PresignInput;
      expect(presignProblem(input)).toMatch(/./);
      await expect(presign(input)).rejects.toThrow(RangeError);
    });
  }
  it('accepts the limits themselves', () => {
    expect(presignProblem({ ...awsExample, expiresIn: 1 })).toBeNull();
    expect(presignProblem({ ...awsExample, expiresIn: 604800 })).toBeNull();
  });
});
