import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { REQUIREMENTS, missingRequirements, planSetup, prepareTestMachine, type Machine, type Privileges } from './testMachine.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A directory of stand-in executables, used as the whole search path; `python` exits with `pythonStatus`. */
function fakeMachine(without: string[] = [], pythonStatus = 0): Machine {
  const dir = mkdtempSync(join(tmpdir(), 'fake-path-'));
  dirs.push(dir);
  const write = (name: string, status: number) => {
    writeFileSync(join(dir, name), `#!/bin/sh\nexit ${status}\n`);
    chmodSync(join(dir, name), 0o755);
  };
  for (const r of REQUIREMENTS) if ('executable' in r.find && !without.includes(r.find.executable)) write(r.find.executable, 0);
  write('python3', pythonStatus);
  return { searchPath: [dir], python: join(dir, 'python3') };
}

const root: Privileges = { isRoot: true, passwordlessSudo: false, hasAptGet: true };
const user: Privileges = { isRoot: false, passwordlessSudo: false, hasAptGet: true };

describe('the test machine setup step', () => {
  it('finds nginx missing from a PATH without it and names its package and the command to install it', () => {
    const missing = missingRequirements(fakeMachine(['nginx']));
    expect(missing.map((r) => [r.program, r.package])).toEqual([['nginx', 'nginx']]);
    const plan = planSetup(missing, user);
    expect(plan.action).toBe('stop');
    if (plan.action !== 'stop') return;
    expect(plan.message).toContain('nginx');
    expect(plan.message).toContain('Debian package nginx');
    expect(plan.message).toContain('sudo apt-get update && sudo apt-get install -y --no-install-recommends nginx');
  });

  it('installs nothing and runs no command when every program is present', () => {
    const ran: string[][] = [];
    const status = prepareTestMachine(
      fakeMachine(),
      root,
      (argv) => (ran.push(argv), 0),
      () => {},
    );
    expect(status).toBe(0);
    expect(ran).toEqual([]);
  });

  it('names every missing program in one message, each package once, when it may not install', () => {
    const missing = missingRequirements(fakeMachine(['chromium', 'mariadbd', 'mariadb-install-db'], 1));
    expect(missing.map((r) => r.program)).toEqual(['chromium', 'python3 with requests', 'mariadbd', 'mariadb-install-db']);
    const plan = planSetup(missing, user);
    if (plan.action !== 'stop') throw new Error(`expected a stop, got ${plan.action}`);
    for (const program of ['chromium', 'python3 with requests', 'mariadbd', 'mariadb-install-db']) expect(plan.message).toContain(program);
    expect(plan.message.endsWith('install -y --no-install-recommends chromium python3-requests mariadb-server')).toBe(true);
  });

  it('stops with the exit code 1 and the message when not root and without passwordless sudo', () => {
    const said: string[] = [];
    const ran: string[][] = [];
    const status = prepareTestMachine(
      fakeMachine(['openssl']),
      user,
      (argv) => (ran.push(argv), 0),
      (line) => said.push(line),
    );
    expect(status).toBe(1);
    expect(ran).toEqual([]);
    expect(said.join('\n')).toContain('Debian package openssl');
  });

  it('as root, installs the missing packages with apt-get and says what it installs', () => {
    const ran: string[][] = [];
    const said: string[] = [];
    // The stand-in apt-get cannot really install, so the step reports what is still missing afterwards.
    const status = prepareTestMachine(
      fakeMachine(['nginx']),
      root,
      (argv) => (ran.push(argv), 0),
      (line) => said.push(line),
    );
    expect(ran).toEqual([
      ['apt-get', 'update', '-qq'],
      ['apt-get', 'install', '-y', '-qq', '--no-install-recommends', 'nginx'],
    ]);
    expect(said[0]).toBe('Installing the Debian packages the tests use: nginx');
    expect(status).toBe(1);
    expect(said.at(-1)).toBe('Still missing after the install: nginx.');
  });

  it('uses sudo without a password prompt when it is not root but sudo allows it', () => {
    const plan = planSetup(missingRequirements(fakeMachine(['nginx'])), { isRoot: false, passwordlessSudo: true, hasAptGet: true });
    expect(plan).toEqual({
      action: 'install',
      packages: ['nginx'],
      commands: [
        ['sudo', '-n', 'apt-get', 'update', '-qq'],
        ['sudo', '-n', 'apt-get', 'install', '-y', '-qq', '--no-install-recommends', 'nginx'],
      ],
    });
  });

  it('stops at the first failing apt-get command with its exit code', () => {
    const ran: string[][] = [];
    const status = prepareTestMachine(
      fakeMachine(['nginx']),
      root,
      (argv) => (ran.push(argv), 100),
      () => {},
    );
    expect(status).toBe(100);
    expect(ran).toHaveLength(1);
  });

  it('on a system without apt-get, names the Debian packages to look for instead of an apt command', () => {
    const plan = planSetup(missingRequirements(fakeMachine(['nginx'])), { isRoot: true, passwordlessSudo: false, hasAptGet: false });
    if (plan.action !== 'stop') throw new Error(`expected a stop, got ${plan.action}`);
    expect(plan.message).toContain('no apt-get');
    expect(plan.message).not.toContain('apt-get install');
  });
});
