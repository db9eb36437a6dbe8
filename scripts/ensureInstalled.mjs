// `npm test` on a fresh clone: install the npm packages first if nobody has. Plain JavaScript on purpose:
// this runs under the machine's own Node (20 here) before the project's pinned Node 24 exists.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';

const hidden = 'node_modules/.package-lock.json';
const installed = existsSync('node_modules/.bin/node') && existsSync(hidden);
const stale = installed && statSync('package-lock.json').mtimeMs > statSync(hidden).mtimeMs;
if (!installed || stale) {
  const args = installed ? ['install', '--no-audit', '--no-fund'] : ['ci', '--no-audit', '--no-fund'];
  console.log(`npm packages ${installed ? 'are older than package-lock.json' : 'are not installed'}: npm ${args[0]}`);
  const npm = process.env.npm_execpath;
  const result = npm ? spawnSync(process.execPath, [npm, ...args], { stdio: 'inherit' }) : spawnSync('npm', args, { stdio: 'inherit', shell: true });
  process.exit(result.status ?? 1);
}
