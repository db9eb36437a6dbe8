/**
 * The article's photo API, for real: node:http on loopback, every route guarded by the article's own
 * code sample (src/sims/authentication-vs-authorization-vs-oauth/samples/bearerGuard.ts) with jose verifying the tokens.
 */
import { createServer } from 'node:http';
import type { JWTVerifyGetKey } from 'jose';
import { guard, type Rule, type Trust } from '../../../src/sims/authentication-vs-authorization-vs-oauth/samples/bearerGuard.ts';
import { ROUTES } from '../../../src/sims/authentication-vs-authorization-vs-oauth/gate.ts';
import { closeServer, listenOnFreePort } from './loopback.ts';

export interface RunningApi {
  base: string;
  close(): Promise<void>;
}

export async function startPhotoApi(keys: JWTVerifyGetKey, trust: Trust): Promise<RunningApi> {
  const rules = new Map<string, Rule>(Object.values(ROUTES).map((r) => [`${r.method} ${r.path}`, r]));
  const server = createServer((req, res) => {
    const rule = rules.get(`${req.method} ${req.url}`);
    if (!rule) {
      res.writeHead(404).end();
      return;
    }
    guard(req.headers.authorization, rule, keys, trust).then(
      (verdict) => {
        res.writeHead(verdict.status, { ...verdict.headers, 'Content-Type': 'application/json' });
        res.end(JSON.stringify(verdict.status === 200 ? { photos: [] } : { reason: verdict.reason }));
      },
      (error: unknown) => res.writeHead(500).end(String(error)),
    );
  });
  const port = await listenOnFreePort(server);
  return { base: `http://127.0.0.1:${port}`, close: () => closeServer(server) };
}
