/**
 * The programs `npm test` drives besides Node: a browser for the end-to-end tests and the real software the
 * articles are checked against. This is the one list of them. `npm test` (scripts/test-all.ts) runs
 * `prepareTestMachine()` before any test: it finds what is missing, installs it with apt-get when it may
 * (root, or passwordless sudo, on a Debian-like system), and otherwise stops with one message that names
 * every missing program, its package and the command to run. Tests locate programs with `programPath`, so
 * the check and the tests cannot disagree about where a program lives.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';

export interface Requirement {
  /** What the reader is told is missing. */
  program: string;
  /** The Debian package that provides it. */
  package: string;
  /** Which tests need it, for the message. */
  usedBy: string;
  /** An executable looked up on the search path, or a Python module imported by Debian's python3. */
  find: { executable: string } | { pythonModule: string };
}

export const REQUIREMENTS: readonly Requirement[] = [
  { program: 'chromium', package: 'chromium', usedBy: 'end-to-end tests', find: { executable: 'chromium' } },
  { program: 'nginx', package: 'nginx', usedBy: 'load balancer tests', find: { executable: 'nginx' } },
  { program: 'python3 with requests', package: 'python3-requests', usedBy: 'certificate tests', find: { pythonModule: 'requests' } },
  { program: 'mariadbd', package: 'mariadb-server', usedBy: 'buffer pool tests', find: { executable: 'mariadbd' } },
  { program: 'mariadb-install-db', package: 'mariadb-server', usedBy: 'buffer pool tests', find: { executable: 'mariadb-install-db' } },
  { program: 'mariadb-admin', package: 'mariadb-client', usedBy: 'buffer pool tests', find: { executable: 'mariadb-admin' } },
  { program: 'openssl', package: 'openssl', usedBy: 'certificate and nginx tests', find: { executable: 'openssl' } },
  // A new PID namespace, so Node runs as process 1 as in a container: directly as root, else inside a user namespace.
  { program: 'unshare', package: 'util-linux', usedBy: 'container stop-signal tests', find: { executable: 'unshare' } },
];

/**
 * Where programs are looked for: the caller's PATH, then the sbin directories, because Debian installs
 * nginx and mariadbd in /usr/sbin, which an ordinary user's PATH leaves out.
 */
export function defaultSearchPath(env: NodeJS.ProcessEnv = process.env): string[] {
  const fromEnv = (env.PATH ?? '').split(delimiter).filter(Boolean);
  return [...new Set([...fromEnv, '/usr/local/sbin', '/usr/sbin', '/sbin', '/usr/bin', '/bin'])];
}

/**
 * The Python the certificate tests run. Not the first python3 on PATH: that may be a private build (pyenv)
 * that cannot see Debian's python3-requests.
 */
export const PYTHON = process.env.PYTHON ?? '/usr/bin/python3';

function isExecutableFile(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

export function findExecutable(name: string, searchPath: readonly string[]): string | undefined {
  return searchPath.map((dir) => join(dir, name)).find(isExecutableFile);
}

/** The absolute path of a program the tests run, as the setup step found it (falls back to the bare name). */
export function programPath(name: string): string {
  return findExecutable(name, defaultSearchPath()) ?? name;
}

export interface Machine {
  searchPath: readonly string[];
  python: string;
}

export function pythonImports(python: string, module: string): boolean {
  if (!isExecutableFile(python)) return false;
  return spawnSync(python, ['-c', `import ${module}`], { stdio: 'ignore', timeout: 30_000 }).status === 0;
}

export function missingRequirements(machine: Machine, requirements: readonly Requirement[] = REQUIREMENTS): Requirement[] {
  return requirements.filter((r) =>
    'executable' in r.find ? !findExecutable(r.find.executable, machine.searchPath) : !pythonImports(machine.python, r.find.pythonModule),
  );
}

export interface Privileges {
  isRoot: boolean;
  /** `sudo -n true` succeeds: sudo works without a password prompt. */
  passwordlessSudo: boolean;
  /** apt-get is on the search path (a Debian-like system). */
  hasAptGet: boolean;
}

export type SetupPlan = { action: 'nothing' } | { action: 'install'; packages: string[]; commands: string[][] } | { action: 'stop'; message: string };

export function packagesFor(missing: readonly Requirement[]): string[] {
  return [...new Set(missing.map((r) => r.package))];
}

function aptCommands(packages: string[], sudo: boolean): string[][] {
  const prefix = sudo ? ['sudo', '-n'] : [];
  return [
    [...prefix, 'apt-get', 'update', '-qq'],
    [...prefix, 'apt-get', 'install', '-y', '-qq', '--no-install-recommends', ...packages],
  ];
}

/** What to do about `missing`: nothing, install with apt-get, or stop with a message a person can act on. */
export function planSetup(missing: readonly Requirement[], privileges: Privileges): SetupPlan {
  if (missing.length === 0) return { action: 'nothing' };
  const packages = packagesFor(missing);
  if (privileges.hasAptGet && (privileges.isRoot || privileges.passwordlessSudo)) {
    return { action: 'install', packages, commands: aptCommands(packages, !privileges.isRoot) };
  }
  const width = Math.max(...missing.map((r) => r.program.length));
  const lines = missing.map((r) => `  ${r.program.padEnd(width)}  Debian package ${r.package} (${r.usedBy})`);
  const howTo = privileges.hasAptGet
    ? `Install them as root, then run npm test again:\n  sudo apt-get update && sudo apt-get install -y --no-install-recommends ${packages.join(' ')}`
    : `This system has no apt-get: install the equivalent packages of your system (Debian names: ${packages.join(' ')}), then run npm test again.`;
  return { action: 'stop', message: `npm test needs programs this machine does not have:\n${lines.join('\n')}\n${howTo}` };
}

export function currentPrivileges(searchPath: readonly string[]): Privileges {
  const isRoot = process.getuid?.() === 0;
  const sudo = findExecutable('sudo', searchPath);
  return {
    isRoot,
    passwordlessSudo: !isRoot && sudo !== undefined && spawnSync(sudo, ['-n', 'true'], { stdio: 'ignore', timeout: 10_000 }).status === 0,
    hasAptGet: findExecutable('apt-get', searchPath) !== undefined,
  };
}

export type CommandRunner = (argv: string[]) => number;

const runCommand: CommandRunner = (argv) =>
  spawnSync(argv[0]!, argv.slice(1), { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } }).status ?? 1;

/**
 * Makes this machine able to run every test, or says exactly why it cannot. Returns the exit code a caller
 * should stop with (0 when the tests can run). `run` is injectable so the decision logic is testable without
 * installing anything.
 */
export function prepareTestMachine(
  machine: Machine = { searchPath: defaultSearchPath(), python: PYTHON },
  privileges: Privileges = currentPrivileges(machine.searchPath),
  run: CommandRunner = runCommand,
  log: (line: string) => void = console.log,
): number {
  const plan = planSetup(missingRequirements(machine), privileges);
  if (plan.action === 'nothing') {
    log(`All ${REQUIREMENTS.length} programs the tests use are present.`);
    return 0;
  }
  if (plan.action === 'stop') {
    log(plan.message);
    return 1;
  }
  log(`Installing the Debian packages the tests use: ${plan.packages.join(', ')}`);
  for (const argv of plan.commands) {
    const status = run(argv);
    if (status !== 0) {
      log(`${argv.join(' ')} failed (exit ${status}).`);
      return status;
    }
  }
  const still = missingRequirements(machine);
  if (still.length > 0) {
    log(`Still missing after the install: ${still.map((r) => r.program).join(', ')}.`);
    return 1;
  }
  return 0;
}
