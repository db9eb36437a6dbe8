/**
 * A throwaway public key infrastructure made with Debian's `openssl`: roots, intermediates, server and
 * client certificates, and the broken variants the articles talk about. `openssl ca` is used rather
 * than `openssl x509 -req` because OpenSSL 3.0 can only back-date a certificate through
 * `-startdate/-enddate` (x509's -not_before/-not_after arrived in 3.4).
 *
 * "Expired" twins reuse the key and name of their valid counterpart, so they link to the same issuer
 * and the same children: only the dates differ, exactly like a certificate that has run out.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const OPENSSL = process.env.OPENSSL ?? 'openssl';

/** Dates in openssl's ca format; the valid window holds for any test run until 2045. */
export const VALID = { start: '20250101000000Z', end: '20450101000000Z' } as const;
export const EXPIRED = { start: '20200101000000Z', end: '20210101000000Z' } as const;

type Profile = 'root' | 'intermediate' | 'server' | 'server_no_san' | 'client' | 'selfsigned_server';

const CONFIG = (dir: string) => `
[ ca ]
default_ca = CA_default
[ CA_default ]
dir = ${dir}
database = ${dir}/index.txt
new_certs_dir = ${dir}/newcerts
serial = ${dir}/serial
default_md = sha256
policy = policy_any
unique_subject = no
copy_extensions = none
email_in_dn = no
[ policy_any ]
commonName = supplied
organizationName = optional
[ req ]
distinguished_name = req_dn
[ req_dn ]
[ root ]
basicConstraints = critical,CA:TRUE
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash
[ intermediate ]
basicConstraints = critical,CA:TRUE,pathlen:0
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always
[ server ]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature
extendedKeyUsage = serverAuth
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always
subjectAltName = $ENV::SAN
[ server_no_san ]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature
extendedKeyUsage = serverAuth
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always
[ selfsigned_server ]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature,keyCertSign
extendedKeyUsage = serverAuth
subjectKeyIdentifier = hash
subjectAltName = $ENV::SAN
[ client ]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature
extendedKeyUsage = clientAuth
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always
subjectAltName = $ENV::SAN
`;

export interface Issued {
  name: string;
  cert: string;
  key: string;
  pem: string;
}

export class Pki {
  readonly dir: string;
  private readonly config: string;
  readonly certs = new Map<string, Issued>();

  constructor(dir: string) {
    this.dir = dir;
    mkdirSync(join(dir, 'newcerts'), { recursive: true });
    writeFileSync(join(dir, 'index.txt'), '');
    writeFileSync(join(dir, 'serial'), '1000\n');
    this.config = join(dir, 'openssl.cnf');
    writeFileSync(this.config, CONFIG(dir));
  }

  private run(args: string[], env: Record<string, string> = {}): string {
    return execFileSync(OPENSSL, args, {
      cwd: this.dir,
      env: { ...process.env, SAN: 'DNS:unused', ...env },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  }

  key(name: string): string {
    const path = join(this.dir, `${name}.key`);
    this.run(['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', path]);
    return path;
  }

  /**
   * Issues `name` for `cn`. `issuer` undefined means self-signed. `reuseKeyOf` gives the twin of an
   * existing certificate (same key, same subject) with other dates.
   */
  issue(
    name: string,
    opts: { cn: string; profile: Profile; issuer?: string; san?: string; dates?: { start: string; end: string }; reuseKeyOf?: string },
  ): Issued {
    const key = opts.reuseKeyOf ? this.get(opts.reuseKeyOf).key : this.key(name);
    const csr = join(this.dir, `${name}.csr`);
    const cert = join(this.dir, `${name}.pem`);
    this.run(['req', '-new', '-config', this.config, '-key', key, '-subj', `/CN=${opts.cn}`, '-out', csr]);
    const dates = opts.dates ?? VALID;
    const signer = opts.issuer ? ['-cert', this.get(opts.issuer).cert, '-keyfile', this.get(opts.issuer).key] : ['-selfsign', '-keyfile', key];
    this.run(
      [
        'ca',
        '-batch',
        '-notext',
        '-rand_serial',
        '-config',
        this.config,
        '-in',
        csr,
        '-out',
        cert,
        '-extensions',
        opts.profile,
        '-startdate',
        dates.start,
        '-enddate',
        dates.end,
        ...signer,
      ],
      { SAN: opts.san ?? 'DNS:unused' },
    );
    const issued = { name, cert, key, pem: readFileSync(cert, 'utf8') };
    this.certs.set(name, issued);
    return issued;
  }

  get(name: string): Issued {
    const c = this.certs.get(name);
    if (!c) throw new Error(`no certificate ${name}`);
    return c;
  }

  /** Writes the PEMs of `names`, in order, to one file (a chain or a CA bundle). */
  bundle(file: string, names: string[]): string {
    const path = join(this.dir, file);
    writeFileSync(path, names.map((n) => this.get(n).pem).join(''));
    return path;
  }
}

/** Everything both articles need, named as the models name them. */
export function buildTestPki(dir: string): Pki {
  const pki = new Pki(dir);
  const host = 'DNS:localhost,IP:127.0.0.1';
  pki.issue('root', { cn: 'Mental Models Test Root', profile: 'root' });
  pki.issue('intermediate', { cn: 'Mental Models Test Intermediate', profile: 'intermediate', issuer: 'root' });
  pki.issue('leaf', { cn: 'localhost', profile: 'server', issuer: 'intermediate', san: host });
  pki.issue('leaf-expired', { cn: 'localhost', profile: 'server', issuer: 'intermediate', san: host, dates: EXPIRED, reuseKeyOf: 'leaf' });
  pki.issue('intermediate-expired', {
    cn: 'Mental Models Test Intermediate',
    profile: 'intermediate',
    issuer: 'root',
    dates: EXPIRED,
    reuseKeyOf: 'intermediate',
  });
  pki.issue('root-expired', { cn: 'Mental Models Test Root', profile: 'root', dates: EXPIRED, reuseKeyOf: 'root' });
  pki.issue('leaf-wrong-host', { cn: 'api.example.net', profile: 'server', issuer: 'intermediate', san: 'DNS:api.example.net' });
  // The host name only in the common name, as certificates were made before subjectAltName was required.
  pki.issue('leaf-cn-only', { cn: 'localhost', profile: 'server_no_san', issuer: 'intermediate' });
  // Two faults at once: which one does the client report?
  pki.issue('leaf-wrong-host-expired', {
    cn: 'api.example.net',
    profile: 'server',
    issuer: 'intermediate',
    san: 'DNS:api.example.net',
    dates: EXPIRED,
    reuseKeyOf: 'leaf-wrong-host',
  });
  pki.issue('self-signed', { cn: 'localhost', profile: 'selfsigned_server', san: host });
  // A second, unrelated CA: its intermediate is what "swap" puts in the chain.
  pki.issue('other-root', { cn: 'Other Test Root', profile: 'root' });
  pki.issue('other-intermediate', { cn: 'Other Test Intermediate', profile: 'intermediate', issuer: 'other-root' });
  // The interceptor: a proxy that mints a certificate for any host name from its own root.
  pki.issue('mitm-root', { cn: 'Interceptor Root', profile: 'root' });
  pki.issue('mitm-leaf', { cn: 'localhost', profile: 'server', issuer: 'mitm-root', san: host });
  // Mutual TLS: the server trusts its own client CA, not the web PKI.
  pki.issue('client-ca', { cn: 'Mental Models Client CA', profile: 'root' });
  pki.issue('client', { cn: 'reader-app', profile: 'client', issuer: 'client-ca', san: 'DNS:reader-app' });
  // A client certificate from a CA the server has never heard of.
  pki.issue('stranger-client', { cn: 'stranger-app', profile: 'client', issuer: 'other-root', san: 'DNS:stranger-app' });
  return pki;
}
