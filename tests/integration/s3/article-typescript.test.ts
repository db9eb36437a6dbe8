/**
 * The article's TypeScript samples, taken from its MDX fences, compiled by the TypeScript compiler
 * in strict mode against the real packages they import (the AWS SDK v3, the mariadb connector).
 * Each fence is its own module, as a reader would paste it.
 */
import { describe, expect, it } from 'vitest';
import ts from 'typescript';
import { dirname, join } from 'node:path';
import { fences } from './articleCode.ts';

const OPTIONS: ts.CompilerOptions = {
  strict: true,
  noEmit: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  lib: ['lib.es2023.d.ts', 'lib.dom.d.ts'],
  types: ['node'],
  skipLibCheck: true,
  noUnusedLocals: true,
  noUnusedParameters: true,
};

const HERE = dirname(new URL(import.meta.url).pathname);

/**
 * Compiles virtual files that sit beside this test (so imports resolve through the project's
 * node_modules) and returns each file's diagnostics. `reuse` shares parsed .d.ts files.
 */
function compile(files: Record<string, string>, reuse?: ts.Program): { program: ts.Program; diagnostics: Record<string, string[]> } {
  const paths = new Map(Object.entries(files).map(([name, code]) => [join(HERE, `__article_${name}.ts`), code]));
  const host = ts.createCompilerHost(OPTIONS);
  const readFile = host.readFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.readFile = (path) => paths.get(path) ?? readFile(path);
  host.fileExists = (path) => paths.has(path) || fileExists(path);
  host.getSourceFile = (path, language, onError) => {
    const code = paths.get(path);
    return code !== undefined ? ts.createSourceFile(path, code, language) : getSourceFile(path, language, onError);
  };
  const program = ts.createProgram([...paths.keys()], OPTIONS, host, reuse);
  const diagnostics: Record<string, string[]> = {};
  for (const [name] of Object.entries(files)) {
    const source = program.getSourceFile(join(HERE, `__article_${name}.ts`))!;
    diagnostics[name] = [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)].map(
      (d) =>
        `${d.start !== undefined ? `line ${source.getLineAndCharacterOfPosition(d.start).line + 1}: ` : ''}${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`,
    );
  }
  return { program, diagnostics };
}

describe('the TypeScript in the article', () => {
  const samples = fences('ts');
  const compiled = compile(Object.fromEntries(samples.map((fence, i) => [String(i), fence.code])));

  it('has the samples the article walks through', () => {
    expect(samples.length).toBeGreaterThanOrEqual(3);
  });

  for (const [i, fence] of samples.entries()) {
    it(`compiles the sample at line ${fence.line} in strict mode`, () => {
      expect(compiled.diagnostics[String(i)]).toEqual([]);
    });
  }

  it('would catch a broken sample (the check itself works)', () => {
    const broken = samples[0]!.code.replace('expiresIn: 300', "expiresIn: '300'");
    expect(broken).not.toBe(samples[0]!.code);
    expect(compile({ broken }, compiled.program).diagnostics.broken!.length).toBeGreaterThan(0);
  });
});
