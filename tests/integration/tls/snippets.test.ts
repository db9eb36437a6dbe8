/**
 * Every Python snippet in the two TLS articles, taken from the MDX code fences and run with Debian's
 * Python and requests against a local server in the situation the snippet is about. Each fence must
 * be preceded by an MDX comment such as {/* run: server=valid stdout="200" *\/} saying which server
 * to start and what the output must contain; a fence without one fails the test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildTestPki, OPENSSL, type Pki } from './pki.ts';
import { PYTHON, run, startServer, type RunningServer } from './servers.ts';
import { SITUATIONS, type Situation } from '../../../src/sims/engines/tls/servers.ts';
import { TRUST_STORES } from '../../../src/sims/verify-and-cert-in-python-requests/trustCheck.ts';

const POSTS = join(import.meta.dirname, '../../../src/content/posts');
const ARTICLES = ['verify-and-cert-in-python-requests', 'api-certificates-chain-of-trust'];
/** The port the articles write; the test swaps in the real one. */
const ARTICLE_PORT = '8443';

interface Snippet {
  article: string;
  line: number;
  code: string;
  server: Situation | 'none';
  stdout?: string;
  stderr?: string;
}

function extractSnippets(article: string): Snippet[] {
  const lines = readFileSync(join(POSTS, article, 'index.mdx'), 'utf8').split('\n');
  const snippets: Snippet[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]!.trim() !== '```python') continue;
    const end = lines.findIndex((l, j) => j > i && l.trim() === '```');
    const annotation = lines[i - 1]?.match(/^\{\/\* run: (.*) \*\/\}$/);
    if (!annotation) throw new Error(`${article}:${i + 1}: python fence without a run: annotation`);
    const fields = Object.fromEntries([...annotation[1]!.matchAll(/(\w+)=(?:"([^"]*)"|(\S+))/g)].map((m) => [m[1]!, m[2] ?? m[3]!]));
    const server = fields.server as Situation | 'none';
    if (server !== 'none' && !SITUATIONS.includes(server)) throw new Error(`${article}:${i}: unknown server ${server}`);
    snippets.push({ article, line: i + 2, code: lines.slice(i + 1, end).join('\n'), server, stdout: fields.stdout, stderr: fields.stderr });
    i = end;
  }
  return snippets;
}

let dir: string;
let pki: Pki;
const servers = new Map<Situation, RunningServer>();
const snippets = ARTICLES.flatMap(extractSnippets);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tls-snippets-'));
  pki = buildTestPki(join(dir, 'pki'));
  // The files the snippets name, in the directory they run in.
  copyFileSync(pki.bundle('dev.pem', TRUST_STORES.bundle.anchors), join(dir, 'dev-server.pem'));
  copyFileSync(pki.get('root').cert, join(dir, 'company-ca.pem'));
  copyFileSync(pki.get('client').cert, join(dir, 'client.pem'));
  copyFileSync(pki.get('client').key, join(dir, 'client.key'));
  for (const s of new Set(snippets.map((s) => s.server))) if (s !== 'none') servers.set(s, await startServer(pki, s));
});

afterAll(async () => {
  for (const s of servers.values()) await s.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** A sentence of the chain-of-trust article about the output of its second command. */
export const X509_LINES_QUOTE = 'For which names, by whom, until when: it answers in 6 lines.';

describe('openssl commands in the chain-of-trust article', () => {
  it(X509_LINES_QUOTE, async () => {
    const article = readFileSync(join(POSTS, ARTICLES[1]!, 'index.mdx'), 'utf8');
    const command = article.match(/^openssl x509 -in leaf\.pem -noout -subject -issuer -dates -ext subjectAltName$/m)![0];
    const result = await run(
      OPENSSL,
      command
        .split(' ')
        .slice(1)
        .map((a) => (a === 'leaf.pem' ? pki.get('leaf').cert : a)),
    );
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout.trimEnd().split('\n')).toHaveLength(6);
  });
});

describe('Python snippets in the TLS articles', () => {
  it('finds the snippets in both articles', () => {
    expect(snippets.filter((s) => s.article === ARTICLES[0]).length).toBeGreaterThanOrEqual(5);
    expect(snippets.filter((s) => s.article === ARTICLES[1]).length).toBeGreaterThanOrEqual(2);
  });

  for (const [i, snippet] of snippets.entries()) {
    it(`${snippet.article} line ${snippet.line} runs against a server with: ${snippet.server}`, async () => {
      const port = snippet.server === 'none' ? ARTICLE_PORT : String(servers.get(snippet.server)!.port);
      const file = join(dir, `snippet${i}.py`);
      writeFileSync(file, snippet.code.replaceAll(ARTICLE_PORT, port));
      const defaultBundle = pki.bundle('default-bundle.pem', TRUST_STORES.true.anchors);
      const result = await run(PYTHON, [file], { cwd: dir, env: { REQUESTS_CA_BUNDLE: defaultBundle }, timeoutMs: 30_000 });
      expect(result.code, result.stderr).toBe(0);
      if (snippet.stdout) expect(result.stdout).toContain(snippet.stdout);
      if (snippet.stderr) expect(result.stderr).toContain(snippet.stderr);
      else expect(result.stderr).toBe('');
    });
  }
});
