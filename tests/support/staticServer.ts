/**
 * Serves a built site the way a static host or CDN does: `dir/index.html` for `/dir/`, a redirect
 * from `/dir` to `/dir/`, `404.html` with status 404 for anything missing, and the headers listed in
 * `_headers` (the Netlify / Cloudflare Pages format) when the site has one. Listens on 127.0.0.1 on
 * a free port.
 */
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import type { AddressInfo } from 'node:net';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.pf_meta': 'application/octet-stream',
};

export interface RunningSite {
  origin: string;
  close(): Promise<void>;
}

/** Header rules from `_headers`: a path pattern line, then indented `Name: value` lines. */
function readHeaderRules(dir: string): { pattern: RegExp; headers: [string, string][] }[] {
  const file = join(dir, '_headers');
  if (!existsSync(file)) return [];
  const rules: { pattern: RegExp; headers: [string, string][] }[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      const glob = line
        .trim()
        .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
        .replace(/\*/g, '.*');
      rules.push({ pattern: new RegExp(`^${glob}$`), headers: [] });
    } else {
      const at = line.indexOf(':');
      rules.at(-1)?.headers.push([line.slice(0, at).trim(), line.slice(at + 1).trim()]);
    }
  }
  return rules;
}

export async function serveSite(dir: string): Promise<RunningSite> {
  if (!existsSync(join(dir, 'index.html'))) throw new Error(`${dir} has no index.html: build the site first`);
  const rules = readHeaderRules(dir);
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    let path: string;
    try {
      path = decodeURIComponent(url.pathname);
    } catch {
      res.writeHead(400).end('bad request');
      return;
    }
    for (const rule of rules) if (rule.pattern.test(url.pathname)) for (const [k, v] of rule.headers) res.setHeader(k, v);
    const file = normalize(join(dir, path));
    if (!file.startsWith(normalize(dir) + sep) && file !== normalize(dir)) {
      res.writeHead(403).end('forbidden');
      return;
    }
    const send = (status: number, target: string) => {
      res.writeHead(status, { 'content-type': TYPES[extname(target)] ?? 'application/octet-stream' });
      res.end(req.method === 'HEAD' ? undefined : readFileSync(target));
    };
    if (existsSync(file) && statSync(file).isFile()) return send(200, file);
    if (existsSync(join(file, 'index.html'))) {
      if (!url.pathname.endsWith('/')) {
        res.writeHead(301, { location: `${url.pathname}/${url.search}` }).end();
        return;
      }
      return send(200, join(file, 'index.html'));
    }
    const notFound = join(dir, '404.html');
    if (existsSync(notFound)) return send(404, notFound);
    res.writeHead(404).end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
