/**
 * "Whose fault is it?": from the text of `openssl s_client -connect host:443 -servername host` and
 * the error a client printed, a short decision flow to the side that has to act. The flow asks the
 * questions an on-call engineer asks, in the order that separates the cases:
 *
 * 1. Did we reach a TLS server at all?            no  -> network
 * 2. Did the server demand a client certificate?  yes, and we had none or a bad one -> client
 * 3. Did openssl reject the server's chain?       why -> mostly the server (expired, self-signed,
 *                                                        missing intermediate, wrong name), or an
 *                                                        interceptor (unknown root in the chain); but
 *                                                        an expired root comes from the client's own
 *                                                        store, so that one is the client's
 * 4. openssl is happy but the client is not?      -> the client's trust store or its host name
 *
 * Both inputs are untrusted text; they are only searched, never rendered as markup.
 */

export type Side = 'server' | 'client' | 'network' | 'nobody' | 'unknown';
export type VerdictId =
  | 'healthy'
  | 'unreachable'
  | 'client-certificate'
  | 'missing-intermediate'
  | 'expired'
  | 'expired-root-in-store'
  | 'not-yet-valid'
  | 'self-signed'
  | 'untrusted-root'
  | 'wrong-host'
  | 'client-trust-store'
  | 'unknown';

export const MAX_TRANSCRIPT_CHARS = 200_000;

export interface SClientFacts {
  connected: boolean;
  refused: boolean;
  /** Subject and issuer of each certificate the server sent, depth 0 first. */
  chain: { subject: string; issuer: string }[];
  /**
   * Every "verify error:num=N" in order, with the depth and subject of the "depth=N" line before it:
   * the certificate in the chain OpenSSL built, which may come from the client's store.
   */
  verifyErrors: { code: number; text: string; depth: number | null; subject: string | null }[];
  returnCode: { code: number; text: string } | null;
  clientCaNames: string[];
  alert: string | null;
  hostnameChecked: boolean;
}

export interface FlowStep {
  question: string;
  answer: string;
}

export interface FaultAnswer {
  side: Side;
  verdictId: VerdictId;
  title: string;
  fix: string;
  steps: FlowStep[];
  facts: SClientFacts;
}

function cn(dn: string): string {
  const match = dn.match(/CN\s*=\s*([^,/]+)/);
  return (match ? match[1]! : dn).trim();
}

export function parseSClient(raw: string): SClientFacts {
  const text = raw.length > MAX_TRANSCRIPT_CHARS ? raw.slice(0, MAX_TRANSCRIPT_CHARS) : raw;
  const lines = text.split(/\r?\n/);
  const chain: SClientFacts['chain'] = [];
  const verifyErrors: SClientFacts['verifyErrors'] = [];
  const clientCaNames: string[] = [];
  let returnCode: SClientFacts['returnCode'] = null;
  let inCaNames = false;
  let at: { depth: number; subject: string } | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const depthLine = line.match(/^depth=(\d{1,2}) (.*)$/);
    if (depthLine) {
      at = { depth: Number(depthLine[1]), subject: cn(depthLine[2]!) };
      continue;
    }
    const subject = line.match(/^\s*(\d{1,2}) s:(.*)$/);
    if (subject) {
      const issuer = lines[i + 1]?.match(/^\s*i:(.*)$/);
      chain.push({ subject: cn(subject[2]!), issuer: issuer ? cn(issuer[1]!) : '' });
      continue;
    }
    const err = line.match(/verify error:num=(\d+):(.*)$/);
    if (err) verifyErrors.push({ code: Number(err[1]), text: err[2]!.trim(), depth: at?.depth ?? null, subject: at?.subject ?? null });
    const rc = line.match(/Verify return code: (\d+) \(([^)]*)\)/);
    if (rc && !returnCode) returnCode = { code: Number(rc[1]), text: rc[2]! };
    if (/^Acceptable client certificate CA names/.test(line)) {
      inCaNames = true;
      continue;
    }
    if (inCaNames) {
      if (/^(Requested Signature|Client Certificate Types|---|Peer signing|Server Temp Key)/.test(line) || !line.trim()) inCaNames = false;
      else clientCaNames.push(cn(line));
    }
  }
  const alert = text.match(/alert (certificate required|handshake failure|bad certificate|unknown ca|certificate unknown|certificate expired)/i);
  return {
    connected: /CONNECTED\(/.test(text),
    refused: /connect:errno=|Connection refused|gethostbyname|Name or service not known|No route to host|timed out/i.test(text),
    chain,
    verifyErrors,
    returnCode,
    clientCaNames,
    alert: alert ? alert[1]!.toLowerCase() : null,
    hostnameChecked: /hostname mismatch|num=62/.test(text),
  };
}

type ErrorKind = 'none' | 'verify-failed' | 'hostname' | 'client-cert-required' | 'connection-aborted' | 'connection-refused' | 'other';

/** What the client's own error message says, reduced to the cases the flow distinguishes. */
export function classifyClientError(message: string): { kind: ErrorKind; reason: string } {
  const text = message.slice(0, 20_000);
  if (!text.trim()) return { kind: 'none', reason: '' };
  const verify = text.match(/certificate verify failed: ([^(')\]]+)/i);
  if (verify) return { kind: 'verify-failed', reason: verify[1]!.trim() };
  if (/doesn't match|hostname mismatch|not valid for/i.test(text)) return { kind: 'hostname', reason: 'host name' };
  if (/CERTIFICATE_REQUIRED|certificate required/i.test(text)) return { kind: 'client-cert-required', reason: 'certificate required' };
  if (/Connection aborted|ConnectionResetError|reset by peer|BAD_CERTIFICATE|UNKNOWN_CA/i.test(text))
    return { kind: 'connection-aborted', reason: 'connection aborted' };
  if (/Connection refused|NewConnectionError|Name or service not known/i.test(text)) return { kind: 'connection-refused', reason: 'connection refused' };
  return { kind: 'other', reason: '' };
}

export function whoseFault(sClientOutput: string, clientError: string): FaultAnswer {
  const facts = parseSClient(sClientOutput);
  const error = classifyClientError(clientError);
  const steps: FlowStep[] = [];
  const answer = (side: Side, verdictId: VerdictId, title: string, fix: string): FaultAnswer => ({ side, verdictId, title, fix, steps, facts });

  const reached = facts.connected && !facts.refused;
  steps.push({
    question: 'Did s_client reach a TLS server?',
    answer: reached
      ? facts.chain.length
        ? `Yes; it sent ${facts.chain.length} certificate${facts.chain.length > 1 ? 's' : ''}.`
        : 'It connected, but no certificate chain is in the output.'
      : 'No.',
  });
  if (!reached || error.kind === 'connection-refused') {
    return answer(
      'network',
      'unreachable',
      'Nothing answered: not a certificate problem yet',
      'Check the host name, port, DNS, firewall and whether the service is running before looking at certificates.',
    );
  }

  const demandsClientCert = facts.clientCaNames.length > 0 || facts.alert === 'certificate required';
  steps.push({
    question: 'Did the server ask for a client certificate?',
    answer: demandsClientCert ? `Yes${facts.clientCaNames.length ? `, from: ${facts.clientCaNames.join(', ')}` : ''}.` : 'No.',
  });
  if (demandsClientCert && (error.kind === 'client-cert-required' || error.kind === 'connection-aborted' || facts.alert === 'certificate required')) {
    const rejected = error.kind === 'connection-aborted';
    return answer(
      'client',
      'client-certificate',
      rejected ? 'The server rejected the client certificate' : 'The server wants a client certificate and got none',
      `Pass cert=('client.pem', 'client.key') with a certificate issued by ${facts.clientCaNames.join(' or ') || 'the CA the server names'}${rejected ? ', not by another CA' : ''}.`,
    );
  }

  const codes = new Set([...facts.verifyErrors.map((e) => e.code), ...(facts.returnCode ? [facts.returnCode.code] : [])]);
  const rc = facts.returnCode;
  steps.push({
    question: "Did openssl accept the server's chain?",
    answer: rc ? (rc.code === 0 ? 'Yes (Verify return code: 0).' : `No: ${rc.code} (${rc.text}).`) : 'The output has no "Verify return code" line.',
  });
  const leaf = facts.chain[0];
  if (codes.has(10)) {
    // With trusted-first chain building (OpenSSL 1.1.0 and later) the root always comes from the
    // client's own store, so an expired root, or any expired certificate the server did not send,
    // is for the client to replace.
    const expired = facts.verifyErrors.find((e) => e.code === 10);
    const sent = expired?.depth == null ? undefined : facts.chain[expired.depth];
    const fromStore = expired?.depth != null && (!sent || sent.subject !== expired.subject || sent.subject === sent.issuer);
    if (fromStore) {
      return answer(
        'client',
        'expired-root-in-store',
        "The root in the client's own trust store has expired",
        `"${expired.subject ?? 'The root'}" is not something the server sent: it comes from the client's CA bundle. Update the bundle (ca-certificates, certifi) so that it holds the CA's current root; if the server's chain leads only to that old root, its operator should move to a chain that ends at a current one.`,
      );
    }
    return answer(
      'server',
      'expired',
      'A certificate the server sends has expired',
      "Renew the certificate on the server (and automate renewal). Clients should not work around it. If the dates look current, check the client's clock first.",
    );
  }
  if (codes.has(9))
    return answer(
      'client',
      'not-yet-valid',
      'The certificate is not valid yet: check the clock',
      "Either the certificate was just issued with a future start date or the client's clock is wrong; fix the clock first.",
    );
  if (codes.has(18))
    return answer(
      'server',
      'self-signed',
      'The server presents a self-signed certificate',
      "In production, install a certificate from a CA. For a dev box you control, pin it on the client with verify='dev-server.pem'; never verify=False.",
    );
  if (codes.has(20) || codes.has(21) || codes.has(2)) {
    if (facts.chain.length === 1 && leaf && leaf.issuer !== leaf.subject) {
      return answer(
        'server',
        'missing-intermediate',
        'The server does not send its intermediate certificate',
        `Configure the server with the full chain (its certificate followed by "${leaf.issuer}"), e.g. fullchain.pem. Browsers may hide this by caching intermediates; Python will not.`,
      );
    }
    return answer(
      'client',
      'client-trust-store',
      'The chain leads to a CA the client does not trust',
      `Give the client the root that issued "${facts.chain[facts.chain.length - 1]?.issuer ?? 'the chain'}" (a CA bundle path or REQUESTS_CA_BUNDLE), if that CA is one you expect.`,
    );
  }
  if (codes.has(19)) {
    const top = facts.chain[facts.chain.length - 1];
    return answer(
      'network',
      'untrusted-root',
      'The chain ends at a root nobody trusts: something is in the middle',
      `"${top?.subject ?? 'The root'}" is not a root the client knows. If it is your company's inspecting proxy, the client must trust that proxy's CA; if you do not recognise it, stop: the connection is being intercepted.`,
    );
  }
  if (codes.has(62))
    return answer(
      'server',
      'wrong-host',
      'The certificate is for another host name',
      `The certificate names ${leaf?.subject ?? 'another host'}. Issue one that lists the name clients use in its subjectAltName, or call the right host name.`,
    );

  steps.push({
    question: 'What does the client say?',
    answer: error.kind === 'none' ? 'No error.' : `${error.kind.replace(/-/g, ' ')}${error.reason ? `: ${error.reason}` : ''}.`,
  });
  if (error.kind === 'hostname')
    return answer(
      'server',
      'wrong-host',
      'The certificate is for another host name',
      `openssl did not check the name (add -verify_hostname). The certificate names ${leaf?.subject ?? 'another host'}: reissue it with the name clients use, or call the right host.`,
    );
  if (error.kind === 'verify-failed') {
    const expired = /expired/i.test(error.reason)
      ? ' Its "certificate has expired" then points at an expired root or cross-signed certificate in that bundle, or at a wrong clock.'
      : '';
    return answer(
      'client',
      'client-trust-store',
      'openssl trusts the server, the client does not',
      `openssl used the system store; Python may use another (certifi, verify=<path>, REQUESTS_CA_BUNDLE). Point the client at a bundle holding the root "${facts.chain[facts.chain.length - 1]?.issuer ?? ''}".${expired}`,
    );
  }
  if (error.kind === 'none' && rc?.code === 0)
    return answer(
      'nobody',
      'healthy',
      'The TLS side is healthy',
      'Certificates check out. If requests still fails, look at the HTTP layer (status code, proxy settings) instead.',
    );
  return answer(
    'unknown',
    'unknown',
    'Not enough to decide',
    'Paste the full s_client output (run it with -servername and -showcerts) and the complete error message.',
  );
}

/**
 * The lines of an s_client transcript that matter to the flow, for showing: the PEM body, session
 * tickets and hex dumps go. The flow must give the same answer on the short form (tested).
 */
export function shortTranscript(text: string): string {
  const out: string[] = [];
  let skipping: 'pem' | 'session' | null = null;
  for (const line of text.slice(0, MAX_TRANSCRIPT_CHARS).split(/\r?\n/)) {
    if (skipping === 'pem') {
      if (line.startsWith('-----END CERTIFICATE-----')) skipping = null;
      continue;
    }
    if (skipping === 'session') {
      if (line.startsWith('---')) skipping = null;
      continue;
    }
    if (line.startsWith('-----BEGIN CERTIFICATE-----')) {
      out.push('(certificate PEM omitted)');
      skipping = 'pem';
      continue;
    }
    if (/Post-Handshake New Session Ticket arrived:|^SSL-Session:/.test(line)) {
      skipping = 'session';
      continue;
    }
    if (/^read R BLOCK|^\s+[0-9a-f]{4} - |^(Requested|Shared Requested) Signature Algorithms/.test(line)) continue;
    out.push(line);
  }
  return out.join('\n').replace(/\n{3,}/g, '\n\n');
}
