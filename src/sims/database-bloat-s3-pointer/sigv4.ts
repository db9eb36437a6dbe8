/**
 * AWS Signature Version 4 for S3 presigned URLs (query-string authentication), written from the
 * AWS documentation. It uses only WebCrypto (`crypto.subtle`), so the same code signs in the
 * browser and in Node. Every intermediate value is returned, because the point of the article's
 * builder is to show each step.
 */

export type PresignMethod = 'GET' | 'PUT';

export interface PresignInput {
  method: PresignMethod;
  bucket: string;
  key: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Seconds the URL stays valid: S3 accepts 1 to 604800 (seven days). */
  expiresIn: number;
  /** The signing time; the URL is valid from here to here + expiresIn. */
  now: Date;
  /**
   * Where the bucket lives. Default: virtual-hosted style, `https://<bucket>.s3.<region>.amazonaws.com`.
   * `pathStyle` puts the bucket in the path instead (S3-compatible servers on a bare host:port).
   */
  endpoint?: { protocol: 'https:' | 'http:'; host: string; pathStyle: boolean };
  /** Signed as a header: an upload must then send exactly this Content-Type. */
  contentType?: string;
  /** Signed as a header: an upload must then be exactly this many bytes. */
  contentLength?: number;
  /** Temporary credentials (STS) also sign their session token. */
  sessionToken?: string;
  /**
   * The AWS SDK for JavaScript v3 also signs `X-Amz-Content-Sha256=UNSIGNED-PAYLOAD` into the query;
   * the documentation's example does not. Both are valid.
   */
  unsignedPayloadParam?: boolean;
  /** Extra query parameters to sign (the SDK adds `x-id=GetObject`, for example). */
  extraQuery?: Readonly<Record<string, string>>;
}

export interface PresignSteps {
  host: string;
  canonicalUri: string;
  canonicalQueryString: string;
  canonicalHeaders: string;
  signedHeaders: string;
  canonicalRequest: string;
  canonicalRequestHash: string;
  credentialScope: string;
  stringToSign: string;
  /** Hex of the derived key: shown in the builder, never sent anywhere. */
  signingKeyHex: string;
  signature: string;
  url: string;
}

export const MAX_EXPIRES_SECONDS = 604_800;
export const MAX_PUT_BYTES = 5 * 1024 ** 3;
const ALGORITHM = 'AWS4-HMAC-SHA256';
const UNSIGNED_PAYLOAD = 'UNSIGNED-PAYLOAD';
const encoder = new TextEncoder();

/**
 * SigV4's URI encoding: every byte of the UTF-8 form except the unreserved characters
 * A-Z a-z 0-9 - . _ ~ becomes %XX in upper-case hex. Slashes stay in object key paths only.
 */
export function uriEncode(text: string, keepSlash = false): string {
  let out = '';
  for (const byte of encoder.encode(text)) {
    const c = String.fromCharCode(byte);
    if (/[A-Za-z0-9\-._~]/.test(c) || (keepSlash && c === '/')) out += c;
    else out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** `20130524T000000Z`: ISO 8601 basic format, whole seconds, UTC. */
export function amzDate(now: Date): string {
  return now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

function hex(bytes: ArrayBuffer): string {
  return Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, '0')).join('');
}

export async function sha256Hex(text: string): Promise<string> {
  return hex(await crypto.subtle.digest('SHA-256', encoder.encode(text)));
}

async function hmac(key: ArrayBuffer | Uint8Array, message: string): Promise<ArrayBuffer> {
  const cryptoKey = await crypto.subtle.importKey('raw', key as BufferSource, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return crypto.subtle.sign('HMAC', cryptoKey, encoder.encode(message));
}

/** kSigning = HMAC(HMAC(HMAC(HMAC("AWS4" + secret, date), region), service), "aws4_request"). */
export async function signingKey(secretAccessKey: string, date: string, region: string, service = 's3'): Promise<ArrayBuffer> {
  const kDate = await hmac(encoder.encode(`AWS4${secretAccessKey}`), date);
  const kRegion = await hmac(kDate, region);
  const kService = await hmac(kRegion, service);
  return hmac(kService, 'aws4_request');
}

/** Why a request cannot be signed, in words a reader can act on; null when it can. */
export function presignProblem(input: PresignInput): string | null {
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(input.bucket)) return 'Bucket names are 3 to 63 lower-case letters, digits, dots and hyphens.';
  if (input.key.length === 0) return 'The object key must not be empty.';
  if (encoder.encode(input.key).length > 1024) return 'Object keys are at most 1024 bytes of UTF-8.';
  if (!/^[a-z]{2}(-[a-z]+)+-\d$/.test(input.region)) return 'Regions look like us-east-1 or eu-west-3.';
  if (!/^[A-Z0-9]{16,128}$/.test(input.accessKeyId)) return 'Access key IDs are 16 to 128 upper-case letters and digits.';
  if (input.secretAccessKey.length === 0) return 'The secret access key must not be empty.';
  if (!Number.isInteger(input.expiresIn) || input.expiresIn < 1 || input.expiresIn > MAX_EXPIRES_SECONDS)
    return 'Expiry is a whole number of seconds from 1 to 604800 (7 days).';
  if (Number.isNaN(input.now.getTime())) return 'The signing time is not a valid date.';
  if (input.contentLength !== undefined && !(Number.isInteger(input.contentLength) && input.contentLength >= 0 && input.contentLength <= MAX_PUT_BYTES)) {
    return 'Content-Length is a whole number of bytes up to 5 GiB (the largest single PUT).';
  }
  if (input.contentType !== undefined && !/^[\x20-\x7e]*$/.test(input.contentType)) return 'Content-Type must be printable ASCII.';
  return null;
}

export async function presign(input: PresignInput): Promise<PresignSteps> {
  const problem = presignProblem(input);
  if (problem) throw new RangeError(problem);
  const endpoint = input.endpoint ?? { protocol: 'https:', host: `${input.bucket}.s3.${input.region}.amazonaws.com`, pathStyle: false };
  const host = endpoint.host;
  const canonicalUri = `${endpoint.pathStyle ? `/${input.bucket}` : ''}/${uriEncode(input.key, true)}`;
  const timestamp = amzDate(input.now);
  const date = timestamp.slice(0, 8);
  const credentialScope = `${date}/${input.region}/s3/aws4_request`;

  const headers: [string, string][] = [['host', host]];
  if (input.contentType !== undefined) headers.push(['content-type', input.contentType.trim().replace(/\s+/g, ' ')]);
  if (input.contentLength !== undefined) headers.push(['content-length', String(input.contentLength)]);
  headers.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const signedHeaders = headers.map(([name]) => name).join(';');
  const canonicalHeaders = headers.map(([name, value]) => `${name}:${value}\n`).join('');

  const params: Record<string, string> = {
    'X-Amz-Algorithm': ALGORITHM,
    'X-Amz-Credential': `${input.accessKeyId}/${credentialScope}`,
    'X-Amz-Date': timestamp,
    'X-Amz-Expires': String(input.expiresIn),
    'X-Amz-SignedHeaders': signedHeaders,
    ...(input.unsignedPayloadParam ? { 'X-Amz-Content-Sha256': UNSIGNED_PAYLOAD } : {}),
    ...(input.sessionToken ? { 'X-Amz-Security-Token': input.sessionToken } : {}),
    ...input.extraQuery,
  };
  // Sorted by the encoded name (byte order), then by encoded value.
  const canonicalQueryString = Object.entries(params)
    .map(([name, value]) => [uriEncode(name), uriEncode(value)] as const)
    .sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0))
    .map(([name, value]) => `${name}=${value}`)
    .join('&');

  // A presigned URL cannot know the body in advance, so S3 takes the literal UNSIGNED-PAYLOAD.
  const canonicalRequest = [input.method, canonicalUri, canonicalQueryString, canonicalHeaders, signedHeaders, UNSIGNED_PAYLOAD].join('\n');
  const canonicalRequestHash = await sha256Hex(canonicalRequest);
  const stringToSign = [ALGORITHM, timestamp, credentialScope, canonicalRequestHash].join('\n');
  const key = await signingKey(input.secretAccessKey, date, input.region);
  const signature = hex(await hmac(key, stringToSign));
  const url = `${endpoint.protocol}//${host}${canonicalUri}?${canonicalQueryString}&X-Amz-Signature=${signature}`;
  return {
    host,
    canonicalUri,
    canonicalQueryString,
    canonicalHeaders,
    signedHeaders,
    canonicalRequest,
    canonicalRequestHash,
    credentialScope,
    stringToSign,
    signingKeyHex: hex(key),
    signature,
    url,
  };
}
