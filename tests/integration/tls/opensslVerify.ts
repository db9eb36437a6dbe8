/** `openssl verify` as a function: the first certificate against the rest and a trust store. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { OPENSSL, type Pki } from './pki.ts';
import { run } from './servers.ts';
import type { Purpose } from '../../../src/sims/engines/tls/chain.ts';

export type OpensslVerdict = { ok: true } | { ok: false; code: number; depth: number; message: string };

export function parseVerifyOutput(output: string, exitCode: number | null): OpensslVerdict {
  const error = output.match(/^error (\d+) at (\d+) depth lookup: (.+)$/m);
  if (exitCode === 0 && !error) return { ok: true };
  if (!error) throw new Error(`unexpected openssl verify output: ${output}`);
  return { ok: false, code: Number(error[1]), depth: Number(error[2]), message: error[3]!.trim() };
}

/** Verifies PEM texts: `sent[0]` is the target, the rest untrusted, `trusted` the only anchors. */
export async function opensslVerify(
  workDir: string,
  tag: string,
  sentPems: string[],
  trustedPems: string[],
  hostname?: string,
  purpose?: Purpose,
): Promise<OpensslVerdict> {
  const target = join(workDir, `${tag}-target.pem`);
  writeFileSync(target, sentPems[0]!);
  const args = ['verify', '-no-CApath', '-no-CAstore'];
  if (trustedPems.length) {
    const store = join(workDir, `${tag}-store.pem`);
    writeFileSync(store, trustedPems.join(''));
    args.push('-CAfile', store);
  } else args.push('-no-CAfile');
  if (sentPems.length > 1) {
    const rest = join(workDir, `${tag}-untrusted.pem`);
    writeFileSync(rest, sentPems.slice(1).join(''));
    args.push('-untrusted', rest);
  }
  if (hostname) args.push('-verify_hostname', hostname);
  if (purpose) args.push('-purpose', purpose);
  args.push(target);
  const result = await run(OPENSSL, args, { timeoutMs: 20_000 });
  return parseVerifyOutput(result.stdout + result.stderr, result.code);
}

export function pems(pki: Pki, ids: readonly string[]): string[] {
  return ids.map((id) => pki.get(id).pem);
}
