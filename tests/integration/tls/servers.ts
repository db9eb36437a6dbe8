/**
 * Node TLS servers on 127.0.0.1, one per server situation of the trust-check model, each presenting
 * exactly the certificates the model says it sends.
 */
import { createServer, type Server } from 'node:https';
import { execFile } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { SERVERS, SERVER_CLIENT_CA, type Situation } from '../../../src/sims/engines/tls/servers.ts';
import type { Pki } from './pki.ts';
import { readFileSync } from 'node:fs';

export interface RunningServer {
  situation: Situation;
  port: number;
  close(): Promise<void>;
}

export async function startServer(pki: Pki, situation: Situation): Promise<RunningServer> {
  const spec = SERVERS[situation];
  const server = await serveCertificates(pki, spec.sends, 'hello from ' + situation, spec.requiresClientCert ? pki.get(SERVER_CLIENT_CA).pem : undefined);
  return { ...server, situation };
}

/** A Node HTTPS server presenting `sends` (leaf first), answering every request with `body`. */
export async function serveCertificates(
  pki: Pki,
  sends: readonly string[],
  body: string,
  clientCa?: string,
  maxVersion?: 'TLSv1.2' | 'TLSv1.3',
): Promise<{ port: number; close(): Promise<void> }> {
  const leaf = pki.get(sends[0]!);
  const server: Server = createServer(
    {
      cert: sends.map((id) => pki.get(id).pem).join(''),
      key: readFileSync(leaf.key),
      ...(clientCa ? { requestCert: true, rejectUnauthorized: true, ca: clientCa } : {}),
      ...(maxVersion ? { maxVersion } : {}),
    },
    (_req, res) => res.end(body),
  );
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', ok);
  });
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}

export { PYTHON } from '../../../scripts/testMachine.ts';

/** Runs a program with a time limit and returns what it printed, whatever its exit status. */
export function run(
  file: string,
  args: string[],
  options: { cwd?: string; env?: Record<string, string>; input?: string; timeoutMs?: number } = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((ok) => {
    const child = execFile(
      file,
      args,
      { cwd: options.cwd, env: { ...process.env, ...options.env }, timeout: options.timeoutMs ?? 60_000, maxBuffer: 16 << 20 },
      (error, stdout, stderr) => {
        ok({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr });
      },
    );
    if (options.input !== undefined) child.stdin?.end(options.input);
    else child.stdin?.end();
  });
}
