/**
 * A private MariaDB server for one test file: its own data directory, socket and loopback port, a
 * buffer pool of the size the test asks for. A failed start only shows in err.log, so start-up is
 * polled a bounded number of times and err.log is printed when it gives up.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { programPath } from '../../../scripts/testMachine.ts';

const run = promisify(execFile);
const MARIADBD = programPath('mariadbd');

export interface RunningMariaDB {
  socket: string;
  port: number;
  dir: string;
  errLog(): string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export async function startMariaDB({ bufferPoolMiB, extraArgs = [] }: { bufferPoolMiB: number; extraArgs?: string[] }): Promise<RunningMariaDB> {
  const dir = mkdtempSync(join(tmpdir(), 'mm-mariadb-'));
  const datadir = join(dir, 'data');
  const socket = join(dir, 'sock');
  const errPath = join(dir, 'err.log');
  const errLog = () => (existsSync(errPath) ? readFileSync(errPath, 'utf8') : '(no err.log)');
  await run(
    programPath('mariadb-install-db'),
    ['--no-defaults', `--datadir=${datadir}`, '--user=root', '--auth-root-authentication-method=normal', '--skip-test-db'],
    { timeout: 120_000 },
  );
  const port = await freePort();
  const child: ChildProcess = spawn(
    MARIADBD,
    [
      '--no-defaults',
      '--user=root',
      `--datadir=${datadir}`,
      `--socket=${socket}`,
      `--port=${port}`,
      '--bind-address=127.0.0.1',
      `--innodb-buffer-pool-size=${bufferPoolMiB}M`,
      `--log-error=${errPath}`,
      `--pid-file=${join(dir, 'mariadbd.pid')}`,
      ...extraArgs,
    ],
    { stdio: 'ignore' },
  );
  let exited = false;
  child.once('exit', () => (exited = true));

  const stop = async () => {
    if (exited) return rmSync(dir, { recursive: true, force: true });
    await run(programPath('mariadb-admin'), ['--no-defaults', '-uroot', '-S', socket, 'shutdown'], { timeout: 30_000 }).catch(() => child.kill('SIGTERM'));
    for (let i = 0; i < 120 && !exited; i++) await new Promise((r) => setTimeout(r, 250));
    if (!exited) child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  };

  for (let attempt = 0; attempt < 120; attempt++) {
    if (exited) break;
    try {
      await run(programPath('mariadb-admin'), ['--no-defaults', '-uroot', '-S', socket, 'ping'], { timeout: 5000 });
      return { socket, port, dir, errLog, stop };
    } catch {
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  const log = errLog();
  await stop();
  throw new Error(`MariaDB did not start within 30 s. err.log:\n${log}`);
}
