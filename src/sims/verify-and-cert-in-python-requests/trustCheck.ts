/**
 * The trust check: what `requests.get(url, verify=..., cert=...)` does against one server, step by
 * step, and how it ends. Modelled on requests 2.28 with urllib3 1.26 on Python 3.11 and OpenSSL 3
 * (Debian 12), speaking TLS 1.3:
 *
 * - OpenSSL verifies the server's chain inside the handshake (unless verify=False);
 * - the client sends its certificate if the server asked and `cert` was given;
 * - urllib3 1.26 checks the host name itself after the handshake (its own match_hostname, hence a
 *   CertificateError rather than OpenSSL's "Hostname mismatch");
 * - an unverified connection triggers InsecureRequestWarning before the request is sent;
 * - in TLS 1.3 the server judges the client certificate after the client thinks the handshake is
 *   done, so a missing one surfaces as an alert when the response is read.
 */
import { CATALOGUE, type CatalogueId } from '../engines/tls/catalogue.ts';
import { verifyChain, type CertFacts } from '../engines/tls/chain.ts';
import { SERVERS, SERVER_CLIENT_CA, type Situation } from '../engines/tls/servers.ts';

export const VERIFY_OPTIONS = ['true', 'false', 'bundle'] as const;
export type VerifyOption = (typeof VERIFY_OPTIONS)[number];
export const CERT_OPTIONS = ['none', 'client', 'stranger'] as const;
export type CertOption = (typeof CERT_OPTIONS)[number];
/** Which anchors each `verify` value stands for. */
export const TRUST_STORES: Record<Exclude<VerifyOption, 'false'>, { label: string; python: string; anchors: CatalogueId[] }> = {
  // In the simulation the test root plays a public CA that ships in the default bundle (certifi or
  // the system store); the integration test makes that so with REQUESTS_CA_BUNDLE.
  true: { label: 'verify=True (the default CA bundle)', python: 'True', anchors: ['root'] },
  // A bundle path replaces the default bundle: this one holds only a self-signed dev certificate.
  bundle: { label: "verify='dev-server.pem' (a CA bundle path)", python: "'dev-server.pem'", anchors: ['self-signed'] },
};

export const CLIENT_CERTS: Record<Exclude<CertOption, 'none'>, { id: CatalogueId; python: string }> = {
  client: { id: 'client', python: "('client.pem', 'client.key')" },
  // Issued by a CA the server does not trust.
  stranger: { id: 'stranger-client', python: "('other.pem', 'other.key')" },
};

export type StepState = 'ok' | 'fail' | 'skipped' | 'warn';
/** Who acts: a message between the two sides, or a check one side makes on its own. */
export type StepActor = 'server-to-client' | 'client-to-server' | 'client' | 'server';
export interface Step {
  actor: StepActor;
  title: string;
  state: StepState;
  detail: string;
}

export type Outcome =
  | { kind: 'success'; status: 200; warnings: string[] }
  | { kind: 'warning'; status: 200; warnings: string[] }
  | { kind: 'error'; exception: string; message: string; warnings: string[] };

export interface TrustCheckResult {
  steps: Step[];
  outcome: Outcome;
  /** The Python call that produces it. */
  code: string;
}

export const INSECURE_WARNING = 'urllib3.exceptions.InsecureRequestWarning';
export const SSL_ERROR = 'requests.exceptions.SSLError';
export const CONNECTION_ERROR = 'requests.exceptions.ConnectionError';

export interface Endpoint {
  host: string;
  port: number;
  now: number;
}

function pool(e: Endpoint, cause: string): string {
  return `HTTPSConnectionPool(host='${e.host}', port=${e.port}): Max retries exceeded with url: / (Caused by ${cause})`;
}

/** urllib3 1.26 `match_hostname`: SAN DNS names and IP addresses, in certificate order. */
function hostnameError(host: string, cert: CertFacts): string | null {
  const names = cert.sans;
  if (names.some((n) => n.toLowerCase() === host.toLowerCase())) return null;
  if (names.length > 1) return `hostname '${host}' doesn't match either of ${names.map((n) => `'${n}'`).join(', ')}`;
  if (names.length === 1) return `hostname '${host}' doesn't match '${names[0]}'`;
  return 'no appropriate commonName or subjectAltName fields were found';
}

export function pythonCall(verify: VerifyOption, cert: CertOption, url = 'https://localhost/'): string {
  const v = verify === 'false' ? 'False' : TRUST_STORES[verify].python;
  const c = cert === 'none' ? '' : `, cert=${CLIENT_CERTS[cert].python}`;
  return `requests.get('${url}', verify=${v}${c})`;
}

export function trustCheck(verify: VerifyOption, cert: CertOption, situation: Situation, endpoint: Endpoint): TrustCheckResult {
  const server = SERVERS[situation];
  const [leafId, ...restIds] = server.sends;
  const leaf = CATALOGUE[leafId!];
  const rest = restIds.map((id) => CATALOGUE[id]);
  const steps: Step[] = [];
  const warnings: string[] = [];
  const code = pythonCall(verify, cert, `https://${endpoint.host}${endpoint.port === 443 ? '' : `:${endpoint.port}`}/`);
  const done = (outcome: Outcome): TrustCheckResult => ({ steps, outcome, code });
  const sslError = (cause: string): Outcome => ({ kind: 'error', exception: SSL_ERROR, message: pool(endpoint, `SSLError(${cause})`), warnings });

  // The server's request for a client certificate travels in the same flight as its own certificates and
  // ahead of them (TLS 1.3: CertificateRequest precedes Certificate, RFC 8446 section 4.3.2), so the
  // client holds it before it verifies anything; it answers only once the chain has passed.
  const clientCert = cert === 'none' ? null : CATALOGUE[CLIENT_CERTS[cert].id];
  steps.push(
    server.requiresClientCert
      ? {
          actor: 'server-to-client',
          title: 'Server asks for a client certificate',
          state: 'ok',
          detail: `It accepts certificates issued by ${CATALOGUE[SERVER_CLIENT_CA].subject}.`,
        }
      : {
          actor: 'server-to-client',
          title: 'Server asks for a client certificate',
          state: 'skipped',
          detail: clientCert ? 'It does not ask, so the client certificate is never sent.' : 'It does not ask.',
        },
  );

  steps.push({
    actor: 'server-to-client',
    title: 'Server sends its certificates',
    state: 'ok',
    detail: server.sends.map((id) => `${CATALOGUE[id].subject} (issued by ${CATALOGUE[id].issuer})`).join(', then '),
  });

  if (verify === 'false') {
    steps.push({
      actor: 'client',
      title: 'Client checks the chain',
      state: 'skipped',
      detail: 'verify=False: any certificate is accepted, even one made by an attacker.',
    });
  } else {
    const store = TRUST_STORES[verify];
    // A TLS client verifies the server's chain for the sslserver purpose (libssl's default).
    const verdict = verifyChain(
      leaf,
      rest,
      store.anchors.map((id) => CATALOGUE[id]),
      { now: endpoint.now, purpose: 'sslserver' },
    );
    if (!verdict.ok) {
      steps.push({
        actor: 'client',
        title: 'Client checks the chain',
        state: 'fail',
        detail: `${verdict.message} (at ${verdict.cert.subject}); trusted: ${store.anchors.map((id) => CATALOGUE[id].subject).join(', ')}.`,
      });
      return done(sslError(`SSLCertVerificationError(1, '[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: ${verdict.message} (_ssl.c:992)')`));
    }
    steps.push({
      actor: 'client',
      title: 'Client checks the chain',
      state: 'ok',
      detail: `Chain ends at ${verdict.chain[verdict.chain.length - 1]!.subject}, which the client trusts.`,
    });
  }

  if (server.requiresClientCert) {
    steps.push(
      clientCert
        ? {
            actor: 'client-to-server',
            title: 'Client sends its certificate',
            state: 'ok',
            detail: `${clientCert.subject}, issued by ${clientCert.issuer}.`,
          }
        : {
            actor: 'client-to-server',
            title: 'Client sends its certificate',
            state: 'warn',
            detail: 'cert=None: the client answers with an empty certificate list.',
          },
    );
  }

  if (verify === 'false') {
    steps.push({ actor: 'client', title: 'Client checks the host name', state: 'skipped', detail: 'verify=False turns this off too.' });
    warnings.push(INSECURE_WARNING);
  } else {
    const mismatch = hostnameError(endpoint.host, leaf);
    if (mismatch) {
      steps.push({
        actor: 'client',
        title: 'Client checks the host name',
        state: 'fail',
        detail: `The certificate names ${leaf.sans.join(', ')}, not ${endpoint.host}.`,
      });
      return done(sslError(`CertificateError("${mismatch}")`));
    }
    steps.push({ actor: 'client', title: 'Client checks the host name', state: 'ok', detail: `${endpoint.host} is in the certificate's names.` });
  }

  if (server.requiresClientCert) {
    if (!clientCert) {
      steps.push({
        actor: 'server',
        title: 'Server judges the client',
        state: 'fail',
        detail: 'No client certificate: the server sends the certificate_required alert and hangs up.',
      });
      return done(sslError(`SSLError(1, '[SSL: TLSV13_ALERT_CERTIFICATE_REQUIRED] tlsv13 alert certificate required (_ssl.c:2546)')`));
    }
    const judged = verifyChain(clientCert, [], [CATALOGUE[SERVER_CLIENT_CA]], { now: endpoint.now, purpose: 'sslclient' });
    if (!judged.ok) {
      // The server's unknown_ca alert arrives after the client sent its request; Python only sees
      // the connection close before any response.
      steps.push({
        actor: 'server',
        title: 'Server judges the client',
        state: 'fail',
        detail: `${clientCert.subject} is issued by ${clientCert.issuer}, which the server does not trust (${judged.message}); it hangs up.`,
      });
      return done({
        kind: 'error',
        exception: CONNECTION_ERROR,
        message: "('Connection aborted.', RemoteDisconnected('Remote end closed connection without response'))",
        warnings,
      });
    }
    steps.push({
      actor: 'server',
      title: 'Server judges the client',
      state: 'ok',
      detail: `${clientCert.subject} chains to ${CATALOGUE[SERVER_CLIENT_CA].subject}, which the server trusts.`,
    });
  }
  steps.push({
    actor: 'client-to-server',
    title: 'Request and response',
    state: warnings.length ? 'warn' : 'ok',
    detail: warnings.length
      ? 'HTTP 200, with InsecureRequestWarning: the data came over an unauthenticated connection.'
      : 'HTTP 200 over a verified connection.',
  });
  return done({ kind: warnings.length ? 'warning' : 'success', status: 200, warnings });
}
