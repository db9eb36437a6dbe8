/**
 * Running Debian's nginx privately: a throwaway prefix per test file, a self-signed certificate for the
 * TLS variants, `nginx -t` on a configuration, and a real nginx started and stopped on loopback.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Deployment } from '../../src/sims/loadbalancer-reverseproxy-apigateway/nginxOptions.ts';
import { programPath } from '../../scripts/testMachine.ts';

export const NGINX = programPath('nginx');

export interface Prefix {
  dir: string;
  deployment(ports?: { http: number; https: number }): Deployment;
  /** Writes the configuration and runs `nginx -t`; returns nginx's errors and warnings, or '' when clean. */
  check(config: string): string;
  remove(): void;
}

export function makePrefix(label: string): Prefix {
  const dir = mkdtempSync(join(tmpdir(), `lb-${label}-`));
  for (const sub of ['conf', 'logs', 'tmp', 'cache']) mkdirSync(join(dir, sub));
  const certificate = join(dir, 'conf', 'cert.pem');
  const certificateKey = join(dir, 'conf', 'key.pem');
  const openssl = spawnSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      certificateKey,
      '-out',
      certificate,
      '-days',
      '2',
      '-subj',
      '/CN=example.com',
    ],
    { encoding: 'utf8' },
  );
  if (openssl.status !== 0) throw new Error(`openssl failed: ${openssl.stderr}`);
  return {
    dir,
    deployment: (ports = { http: 80, https: 443 }) => ({
      user: 'root',
      // One worker: round-robin state is per worker unless the upstream has a zone.
      workerProcesses: 1,
      pidFile: 'logs/nginx.pid',
      errorLog: 'logs/error.log',
      accessLog: 'logs/access.log',
      tempDir: 'tmp',
      certificate,
      certificateKey,
      cacheDir: 'cache/app',
      listenAddress: '127.0.0.1',
      httpPort: ports.http,
      httpsPort: ports.https,
    }),
    check(config) {
      writeFileSync(join(dir, 'conf', 'nginx.conf'), config);
      const result = spawnSync(NGINX, ['-t', '-p', `${dir}/`, '-c', 'conf/nginx.conf', '-e', 'logs/error.log'], {
        encoding: 'utf8',
      });
      const output = `${result.stderr}${result.stdout}`.trim();
      // Without -q nginx also prints its warnings ("load balancing method redefined"...): count them too.
      return result.status === 0 && !/\[(warn|emerg|alert|crit)\]/.test(output) ? '' : output || `exit ${result.status}`;
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

export interface RunningNginx {
  process: ChildProcess;
  stop(): Promise<void>;
  errorLog(): string;
}

/** Starts nginx in the foreground on the prefix's conf/nginx.conf and waits until `port` accepts. */
export async function startNginx(prefix: Prefix, config: string, port: number): Promise<RunningNginx> {
  const problem = prefix.check(config);
  if (problem) throw new Error(`nginx -t failed:\n${problem}\n${config}`);
  const child = spawn(NGINX, ['-p', `${prefix.dir}/`, '-c', 'conf/nginx.conf', '-e', 'logs/error.log', '-g', 'daemon off;'], {
    stdio: 'ignore',
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const errorLog = () => {
    const file = join(prefix.dir, 'logs', 'error.log');
    return existsSync(file) ? readFileSync(file, 'utf8') : '';
  };
  for (let attempt = 0; ; attempt++) {
    if (child.exitCode !== null) throw new Error(`nginx exited: ${errorLog()}`);
    // A bare TCP connect: an HTTP probe would reach a backend and shift the balancer's state.
    if (await accepts(port)) break;
    if (attempt >= 50) throw new Error(`nginx did not answer on ${port}: ${errorLog()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    process: child,
    errorLog,
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGQUIT');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(timer);
      }
    },
  };
}
