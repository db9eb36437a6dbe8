/**
 * Small Node HTTP backends on 127.0.0.1 for nginx to balance over. Each answers with its index and
 * the headers it received; it can answer at once, after a delay, or hold requests until released.
 */
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Mode = { kind: 'fast' } | { kind: 'delay'; ms: number } | { kind: 'hold' } | { kind: 'status'; code: number };

export interface TestBackend {
  index: number;
  address: string;
  mode: Mode;
  received: IncomingHttpHeaders[];
  /** Requests being held (mode 'hold'), answered by release(). */
  held: ServerResponse[];
  release(): void;
}

export interface Pool {
  backends: TestBackend[];
  close(): Promise<void>;
}

function answer(res: ServerResponse, index: number, headers: IncomingHttpHeaders, code = 200): void {
  res.writeHead(code, { 'content-type': 'application/json', connection: 'close' });
  res.end(JSON.stringify({ backend: index, headers }));
}

export async function startBackends(count: number): Promise<Pool> {
  const servers: Server[] = [];
  const backends: TestBackend[] = [];
  for (let index = 0; index < count; index++) {
    const backend: TestBackend = {
      index,
      address: '',
      mode: { kind: 'fast' },
      received: [],
      held: [],
      release() {
        for (const res of backend.held.splice(0)) answer(res, index, {});
      },
    };
    const server = createServer((req, res) => {
      backend.received.push(req.headers);
      const mode = backend.mode;
      if (mode.kind === 'hold') backend.held.push(res);
      else if (mode.kind === 'delay') setTimeout(() => answer(res, index, req.headers), mode.ms);
      else answer(res, index, req.headers, mode.kind === 'status' ? mode.code : 200);
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    backend.address = `127.0.0.1:${(server.address() as AddressInfo).port}`;
    servers.push(server);
    backends.push(backend);
  }
  return {
    backends,
    async close() {
      for (const b of backends) b.release();
      await Promise.all(
        servers.map(
          (s) =>
            new Promise<void>((resolve) => {
              s.closeAllConnections();
              s.close(() => resolve());
            }),
        ),
      );
    },
  };
}
