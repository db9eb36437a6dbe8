/**
 * The article's TypeScript is compiled here, strictly, so a sample that stops type-checking fails a
 * test. The article shows the files in samples/ (imported as raw text, so there is no copy to drift)
 * and any ```ts fence written into the MDX itself.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import ts from 'typescript';

const here = fileURLToPath(new URL('.', import.meta.url));
const samplesDir = join(here, 'samples');
const articlePath = join(here, '../../content/posts/authentication-vs-authorization-vs-oauth/index.mdx');
const article = readFileSync(articlePath, 'utf8');

function fencedTypeScript(mdx: string): string[] {
  return [...mdx.matchAll(/^```(?:ts|typescript)\b[^\n]*\n([\s\S]*?)^```/gm)].map((m) => m[1] ?? '');
}

function typeErrors(files: Map<string, string>): string[] {
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    allowImportingTsExtensions: true,
    verbatimModuleSyntax: true,
    noUncheckedIndexedAccess: true,
    lib: ['lib.es2023.d.ts', 'lib.dom.d.ts'],
    types: [],
  };
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  host.readFile = (name) => files.get(name) ?? readFile(name);
  host.fileExists = (name) => files.has(name) || fileExists(name);
  const program = ts.createProgram([...files.keys()], options, host);
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const where = d.file ? `${d.file.fileName}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}` : '';
    return `${where} ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
  });
}

describe("the article's TypeScript", () => {
  const sampleFiles = readdirSync(samplesDir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
  const shown = [...article.matchAll(/from '\.\.\/\.\.\/\.\.\/sims\/authentication-vs-authorization-vs-oauth\/samples\/([\w-]+\.ts)\?raw'/g)].map((m) => m[1]);

  it('shows every sample file, and only files that exist', () => {
    expect(shown.length).toBeGreaterThan(0);
    expect([...new Set(shown)].sort()).toEqual([...sampleFiles].sort());
  });

  it('type-checks under strict settings: the sample files and every ts fence in the MDX', () => {
    const files = new Map<string, string>();
    for (const f of sampleFiles) files.set(join(samplesDir, f), readFileSync(join(samplesDir, f), 'utf8'));
    fencedTypeScript(article).forEach((code, i) => files.set(join(samplesDir, `__fence${i}.ts`), `${code}\nexport {};\n`));
    // A planted error in the same program shows the checker really runs (so a clean result means something).
    const planted = join(samplesDir, '__planted.ts');
    files.set(planted, "const n: number = 'x';\nexport {};\n");
    const errors = typeErrors(files);
    expect(errors.filter((e) => !e.startsWith(planted))).toEqual([]);
    expect(errors.filter((e) => e.startsWith(planted)).join('\n')).toMatch(/not assignable/);
  }, 60_000); // a whole TypeScript program with the DOM library: seconds of work on a busy machine
});
