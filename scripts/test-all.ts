/**
 * `npm test`: every test the project has, in the order that lets the fast ones fail first.
 * Set-up first: the programs the tests drive (scripts/testMachine.ts), installed or reported before any test runs.
 * 0. lint (ESLint), format (Prettier) and the type check; 1. unit tests; 2. integration tests against real servers; 3. the production build of the real
 * site and the end-to-end tests on it; 4. a build of generated fixture posts and its end-to-end tests.
 * Stops at the first failing step.
 */
import { spawnSync } from 'node:child_process';
import { FIXTURE_CONTENT, FIXTURE_OUT, FIXTURE_POSTS, writeFixturePosts } from './fixturePosts.ts';
import { prepareTestMachine } from './testMachine.ts';

function run(label: string, command: string, args: string[], env: Record<string, string> = {}): void {
  console.log(`\n▶ ${label}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env } });
  if (result.status !== 0) {
    console.error(`\n✗ ${label} failed (exit ${result.status ?? result.signal})`);
    process.exit(result.status ?? 1);
  }
}

const vitest = (project: string) => ['vitest', 'run', '--project', project];

console.log('▶ programs the tests use (chromium, nginx, python3-requests, MariaDB, openssl)');
const setup = prepareTestMachine();
if (setup !== 0) process.exit(setup);
run('lint (ESLint, with the layer rules)', 'npx', ['eslint', '.']);
run('format (Prettier)', 'npx', ['prettier', '--check', '.']);
run('type check (astro check: TypeScript strict over .ts, .tsx and .astro)', 'npx', ['astro', 'check']);
run('unit tests', 'npx', vitest('unit'));
run('integration tests', 'npx', vitest('integration').concat('--passWithNoTests'));
run('production build', 'npm', ['run', 'build']);
run('end-to-end tests (real site)', 'npx', vitest('e2e'));
writeFixturePosts(FIXTURE_CONTENT, { count: FIXTURE_POSTS });
run('fixture build', 'npm', ['run', 'build'], { BLOG_CONTENT_DIR: FIXTURE_CONTENT, BLOG_OUT_DIR: FIXTURE_OUT });
run('end-to-end tests (fixture site)', 'npx', vitest('fixture'));
console.log('\n✓ all tests passed');
