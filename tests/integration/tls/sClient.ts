/** `openssl s_client` against a local server, the way a reader would run it, with a one-line request. */
import { OPENSSL } from './pki.ts';
import { run } from './servers.ts';

export async function sClient(port: number, options: { caFile: string; cert?: string; key?: string; verifyHostname?: boolean }): Promise<string> {
  const args = ['s_client', '-connect', `127.0.0.1:${port}`, '-servername', 'localhost', '-CAfile', options.caFile, '-ign_eof'];
  if (options.verifyHostname) args.push('-verify_hostname', 'localhost');
  if (options.cert && options.key) args.push('-cert', options.cert, '-key', options.key);
  const result = await run(OPENSSL, args, { input: 'GET / HTTP/1.0\r\nHost: localhost\r\n\r\n', timeoutMs: 20_000 });
  // s_client writes the handshake report to stdout and errors to stderr; a terminal shows both.
  return result.stdout + result.stderr;
}
