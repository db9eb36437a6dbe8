/**
 * The versions the TLS articles say their behaviour was checked against (src/sims/engines/tls/versions.ts)
 * must be the versions installed: a Debian upgrade that changes what requests or OpenSSL do fails
 * here first, instead of silently changing what the other tests measure.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { OPENSSL } from './pki.ts';
import { PYTHON, run } from './servers.ts';
import { CHECKED_AGAINST } from '../../../src/sims/engines/tls/versions.ts';

const majorMinor = (version: string) => version.match(/^(\d+\.\d+)/)?.[1];

describe('the software the TLS articles were checked against', () => {
  it('is the software installed', async () => {
    const openssl = (await run(OPENSSL, ['version'])).stdout;
    const python = await run(PYTHON, [
      '-c',
      'import json, platform, ssl, requests, urllib3; print(json.dumps([platform.python_version(), requests.__version__, urllib3.__version__, ssl.OPENSSL_VERSION]))',
    ]);
    expect(python.code, python.stderr).toBe(0);
    const [pythonVersion, requestsVersion, urllib3Version, pythonOpenssl] = JSON.parse(python.stdout) as string[];
    expect({
      debian: readFileSync('/etc/debian_version', 'utf8').trim().split('.')[0],
      openssl: majorMinor(openssl.replace(/^OpenSSL /, '')),
      python: majorMinor(pythonVersion!),
      requests: majorMinor(requestsVersion!),
      urllib3: majorMinor(urllib3Version!),
    }).toEqual(CHECKED_AGAINST);
    // Python's ssl module must use the same OpenSSL release the openssl command is.
    expect(majorMinor(pythonOpenssl!.replace(/^OpenSSL /, ''))).toBe(CHECKED_AGAINST.openssl);
  });
});
