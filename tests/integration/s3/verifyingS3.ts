/**
 * A small S3-compatible object store for tests: path-style PUT and GET of objects held in memory,
 * answering only requests that carry a valid SigV4 presigned query. It exists because no maintained
 * S3 server that checks signatures installs from npm or Debian here (s3rver 3.7 accepts any
 * signature; Debian's radosgw needs a Ceph cluster).
 *
 * The verifier is independent of the article's presigner: it rebuilds the request as it arrived and
 * has the AWS SDK's own signer (@smithy/signature-v4) compute the signature that the secret key
 * gives, then compares. Expiry is checked against the server's clock, as S3 does.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignatureV4 } from '@smithy/signature-v4';
import { HttpRequest } from '@smithy/protocol-http';

/** The SDK signer's hash interface, on Node's crypto. */
class NodeSha256 {
  private readonly hash;
  constructor(secret?: string | ArrayBuffer | ArrayBufferView) {
    this.hash = secret === undefined ? createHash('sha256') : createHmac('sha256', toBuffer(secret));
  }
  update(data: string | ArrayBuffer | ArrayBufferView): void {
    this.hash.update(toBuffer(data));
  }
  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.hash.digest());
  }
}

function toBuffer(data: string | ArrayBuffer | ArrayBufferView): Buffer {
  if (typeof data === 'string') return Buffer.from(data, 'utf8');
  if (ArrayBuffer.isView(data)) return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  return Buffer.from(data);
}

export interface StoredObject {
  body: Buffer;
  contentType: string;
}

export interface VerifyingS3 {
  endpoint: { protocol: 'http:'; host: string; pathStyle: true };
  objects: Map<string, StoredObject>;
  /** Why each refused request was refused, in arrival order. */
  refusals: string[];
  close(): Promise<void>;
}

const MAX_BODY = 8 * 1024 * 1024;

function parseAmzDate(value: string): Date | null {
  const m = value.match(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/);
  return m ? new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!)) : null;
}

/** Query parameters as sent, split by hand so that nothing is normalised on the way. */
function rawQuery(search: string): [string, string][] {
  if (!search) return [];
  return search.split('&').map((pair) => {
    const at = pair.indexOf('=');
    const name = at === -1 ? pair : pair.slice(0, at);
    const value = at === -1 ? '' : pair.slice(at + 1);
    return [decodeURIComponent(name), decodeURIComponent(value)];
  });
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new Error('body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

type Verdict = { ok: true } | { ok: false; code: string; message: string };

async function verify(req: IncomingMessage, secrets: ReadonlyMap<string, string>, now: () => Date): Promise<Verdict> {
  const [path = '', search = ''] = (req.url ?? '').split('?', 2) as [string, string?];
  let params: [string, string][];
  try {
    params = rawQuery(search);
  } catch {
    return { ok: false, code: 'AuthorizationQueryParametersError', message: 'malformed query' };
  }
  const get = (name: string) => params.find(([n]) => n === name)?.[1];
  const signature = get('X-Amz-Signature');
  const credential = get('X-Amz-Credential');
  const date = parseAmzDate(get('X-Amz-Date') ?? '');
  const expires = Number(get('X-Amz-Expires'));
  const signedHeaders = get('X-Amz-SignedHeaders');
  if (get('X-Amz-Algorithm') !== 'AWS4-HMAC-SHA256' || !signature || !credential || !date || !signedHeaders) {
    return { ok: false, code: 'AccessDenied', message: 'not a presigned request' };
  }
  if (!Number.isInteger(expires) || expires < 1 || expires > 604800)
    return { ok: false, code: 'AuthorizationQueryParametersError', message: 'X-Amz-Expires out of range' };
  const [accessKeyId, scopeDate, region, service, terminator] = credential.split('/');
  const secret = secrets.get(accessKeyId ?? '');
  if (!secret) return { ok: false, code: 'InvalidAccessKeyId', message: 'unknown access key' };
  if (service !== 's3' || terminator !== 'aws4_request' || scopeDate !== get('X-Amz-Date')!.slice(0, 8) || !region) {
    return { ok: false, code: 'AuthorizationQueryParametersError', message: 'bad credential scope' };
  }
  const at = now().getTime();
  if (at > date.getTime() + expires * 1000) return { ok: false, code: 'AccessDenied', message: 'Request has expired' };
  if (at < date.getTime() - 15 * 60 * 1000) return { ok: false, code: 'AccessDenied', message: 'Request is not yet valid' };

  const headerNames = signedHeaders.split(';');
  if (!headerNames.includes('host')) return { ok: false, code: 'AccessDenied', message: 'host must be signed' };
  const headers: Record<string, string> = { 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' };
  for (const name of headerNames) {
    const value = req.headers[name];
    if (value === undefined) return { ok: false, code: 'SignatureDoesNotMatch', message: `signed header ${name} missing` };
    headers[name] = Array.isArray(value) ? value.join(',') : value;
  }
  const query: Record<string, string> = {};
  for (const [name, value] of params) {
    if (['X-Amz-Signature', 'X-Amz-Algorithm', 'X-Amz-Credential', 'X-Amz-Date', 'X-Amz-Expires', 'X-Amz-SignedHeaders'].includes(name)) continue;
    query[name] = value;
  }
  const [hostname, port] = (req.headers.host ?? '').split(':');
  const request = new HttpRequest({
    method: req.method!,
    protocol: 'http:',
    hostname: hostname!,
    ...(port ? { port: Number(port) } : {}),
    path,
    query,
    headers,
  });
  // S3 signs the path as sent (already URI-encoded), hence uriEscapePath: false, as the SDK's S3 client does.
  const signer = new SignatureV4({
    credentials: { accessKeyId: accessKeyId!, secretAccessKey: secret },
    region,
    service: 's3',
    sha256: NodeSha256,
    uriEscapePath: false,
    applyChecksum: false,
  });
  const signed = await signer.presign(request, {
    signingDate: date,
    expiresIn: expires,
    unsignableHeaders: new Set(['x-amz-content-sha256']),
    signableHeaders: new Set(headerNames),
    unhoistableHeaders: new Set(['x-amz-content-sha256']),
  });
  const expected = String(signed.query?.['X-Amz-Signature']);
  const recomputedHeaders = String(signed.query?.['X-Amz-SignedHeaders']);
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(signature, 'utf8');
  if (recomputedHeaders !== signedHeaders || a.length !== b.length || !timingSafeEqual(a, b)) {
    return { ok: false, code: 'SignatureDoesNotMatch', message: 'The request signature we calculated does not match the signature you provided.' };
  }
  return { ok: true };
}

export async function startVerifyingS3({
  credentials,
  now = () => new Date(),
}: {
  credentials: Record<string, string>;
  now?: () => Date;
}): Promise<VerifyingS3> {
  const secrets = new Map(Object.entries(credentials));
  const objects = new Map<string, StoredObject>();
  const refusals: string[] = [];
  const server: Server = createServer(async (req, res) => {
    const refuse = (status: number, code: string, message: string) => {
      refusals.push(`${req.method} ${code}: ${message}`);
      res
        .writeHead(status, { 'content-type': 'application/xml' })
        .end(`<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${message}</Message></Error>`);
    };
    try {
      const verdict = await verify(req, secrets, now);
      if (!verdict.ok) return refuse(403, verdict.code, verdict.message);
      const path = (req.url ?? '').split('?')[0]!;
      if (req.method === 'PUT') {
        const body = await readBody(req);
        const declared = req.headers['content-length'];
        if (declared !== undefined && Number(declared) !== body.length) return refuse(400, 'IncompleteBody', 'body shorter than Content-Length');
        objects.set(path, { body, contentType: req.headers['content-type'] ?? 'binary/octet-stream' });
        const etag = createHash('md5').update(body).digest('hex');
        res.writeHead(200, { etag: `"${etag}"` }).end();
      } else if (req.method === 'GET') {
        const object = objects.get(path);
        if (!object) return refuse(404, 'NoSuchKey', 'The specified key does not exist.');
        res.writeHead(200, { 'content-type': object.contentType, 'content-length': object.body.length }).end(object.body);
      } else {
        refuse(405, 'MethodNotAllowed', 'only GET and PUT');
      }
    } catch (error) {
      refuse(400, 'BadRequest', String(error));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: { protocol: 'http:', host: `127.0.0.1:${port}`, pathStyle: true },
    objects,
    refusals,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
