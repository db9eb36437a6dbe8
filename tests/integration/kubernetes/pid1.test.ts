/**
 * What "Docker vs. Kubernetes" says about stopping a container, checked on this machine's Linux kernel with
 * the Node that runs these tests. A container's first process is process 1 of a new PID namespace, which is
 * what `unshare --pid --fork` gives here: directly as root (CAP_SYS_ADMIN, as in CI), otherwise inside a user
 * namespace (`--user --map-root-user`), so an ordinary user can run it too. The stop signal is sent from
 * outside the namespace, as `docker stop` and the kubelet send it.
 *
 * The article states: "Tested with Node 24 on Linux" and "137 means killed, often for memory; 1 is the app's own error".
 */
import { describe, expect, it } from 'vitest';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { release } from 'node:os';
import { programPath } from '../../../scripts/testMachine.ts';

/** A small server that keeps running until stopped; with `drain`, it handles SIGTERM by closing first. */
function serverScript(drain: boolean): string {
  return `
    const server = require('node:http').createServer((req, res) => res.end('ok')).listen(0, '127.0.0.1');
    ${drain ? "process.on('SIGTERM', () => { console.log('draining'); server.close(() => process.exit(0)); });" : ''}
    server.on('listening', () => console.log('pid ' + process.pid));
  `;
}

interface Running {
  child: ChildProcess;
  /** The Node process's id as seen from outside its namespace (where the stop signal comes from). */
  hostPid: number;
  /** Its id as it sees itself. */
  ownPid: number;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * How to start a process as process 1 of a new PID namespace on this machine: the first way that works. Root
 * needs no user namespace (and some hosts forbid those); anyone else needs one.
 */
const pidNamespace: string[] = (() => {
  const ways = process.getuid?.() === 0 ? [['--pid'], ['--user', '--map-root-user', '--pid']] : [['--user', '--map-root-user', '--pid']];
  const failures: string[] = [];
  for (const way of ways) {
    const probe = spawnSync(programPath('unshare'), [...way, '--fork', 'true'], { encoding: 'utf8', timeout: 10_000 });
    if (probe.status === 0) return [...way, '--fork', '--kill-child'];
    failures.push(`unshare ${way.join(' ')} --fork: ${probe.error?.message ?? probe.stderr.trim()}`);
  }
  throw new Error(`this machine cannot create a PID namespace, which these tests need (root, or unprivileged user namespaces):\n${failures.join('\n')}`);
})();

/** The only child of `parent`, found through /proc (the namespaced process's id as seen from outside). */
function onlyChild(parent: number): number {
  try {
    return Number(readFileSync(`/proc/${parent}/task/${parent}/children`, 'utf8').trim().split(/\s+/)[0]);
  } catch {
    // Kernels without CONFIG_PROC_CHILDREN: look for the process whose parent it is.
    for (const entry of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
      try {
        if (/^PPid:\s+(\d+)$/m.exec(readFileSync(`/proc/${entry}/status`, 'utf8'))?.[1] === String(parent)) return Number(entry);
      } catch {
        // it exited while we looked
      }
    }
    throw new Error(`no child of process ${parent}`);
  }
}

async function start(script: string, asPid1: boolean): Promise<Running> {
  const node = process.execPath;
  const child = asPid1
    ? spawn(programPath('unshare'), [...pidNamespace, node, '-e', script], { stdio: ['ignore', 'pipe', 'pipe'] })
    : spawn(node, ['-e', script], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  let ended = false;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => {
      ended = true;
      resolve({ code, signal });
    }),
  );
  const deadline = Date.now() + 10_000;
  while (!/pid \d+/.test(out)) {
    if (ended || Date.now() > deadline) throw new Error(`the server did not start: ${out}`);
    await new Promise((r) => setTimeout(r, 20));
  }
  const ownPid = Number(/pid (\d+)/.exec(out)![1]);
  const hostPid = asPid1 ? onlyChild(child.pid!) : child.pid!;
  return { child, hostPid, ownPid, output: () => out, exited };
}

/** Whether the process has a handler of its own for `signal` (the SigCgt mask in /proc/PID/status). */
function catches(pid: number, signal: number): boolean {
  const mask = /^SigCgt:\s+([0-9a-f]+)$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]!;
  return (BigInt(`0x${mask}`) >> BigInt(signal - 1)) % 2n === 1n;
}

const SIGTERM = 15;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('stopping Node in a container (checked with Node 24 on Linux)', () => {
  it('runs on the Node and kernel the article names', () => {
    expect(process.versions.node.split('.')[0]).toBe('24');
    expect(process.platform).toBe('linux');
    console.info(`Node ${process.versions.node}, Linux ${release()}`);
  });

  it('as process 1 without a SIGTERM listener, Node ignores the stop signal and only SIGKILL ends it', async () => {
    const run = await start(serverScript(false), true);
    expect(run.ownPid).toBe(1);
    // Node installs a SIGTERM handler of its own (src/node.cc, SignalExit): the signal is delivered, not
    // dropped at the door. The handler is one-shot and re-raises the signal for its default action...
    expect(catches(run.hostPid, SIGTERM)).toBe(true);
    process.kill(run.hostPid, 'SIGTERM');
    await settle(1000);
    // ...which the kernel never applies to process 1: Node ran its handler, is back to the default, and lives.
    expect(catches(run.hostPid, SIGTERM)).toBe(false);
    expect(alive(run.hostPid)).toBe(true);
    process.kill(run.hostPid, 'SIGTERM');
    await settle(500);
    expect(alive(run.hostPid)).toBe(true);
    process.kill(run.hostPid, 'SIGKILL');
    await run.exited;
    expect(alive(run.hostPid)).toBe(false);
  }, 20_000);

  it('the same Node, not process 1, dies of SIGTERM at once (the default action)', async () => {
    const run = await start(serverScript(false), false);
    expect(run.ownPid).not.toBe(1);
    process.kill(run.hostPid, 'SIGTERM');
    expect(await run.exited).toEqual({ code: null, signal: 'SIGTERM' });
  }, 20_000);

  it('as process 1 with a SIGTERM handler, Node closes its server and exits 0', async () => {
    const run = await start(serverScript(true), true);
    expect(run.ownPid).toBe(1);
    process.kill(run.hostPid, 'SIGTERM');
    const exit = await run.exited;
    expect(run.output()).toContain('draining');
    expect(exit.code).toBe(0);
  }, 20_000);
});

describe('exit codes in kubectl describe: "137 means killed, often for memory; 1 is the app\'s own error"', () => {
  it('a process killed by SIGKILL (what the OOM killer sends) is reported as 128 + 9 = 137', () => {
    const shell = spawnSync('sh', ['-c', `"${process.execPath}" -e "setInterval(() => {}, 1000)" & pid=$!; kill -KILL $pid; wait $pid; echo $?`], {
      encoding: 'utf8',
      timeout: 10_000,
    });
    expect(shell.stdout.trim()).toBe('137');
  });

  it('Node exits with 1 when the app throws and nothing catches it', () => {
    const run = spawnSync(process.execPath, ['-e', "throw new Error('missing DATABASE_URL')"], { encoding: 'utf8', timeout: 10_000 });
    expect(run.status).toBe(1);
  });
});
