/**
 * A real OAuth 2.0 / OpenID Connect authorization server (oidc-provider) on loopback, configured
 * like the article's photo printer example: one public client that must use PKCE, a photo API as the
 * resource server that receives JWT access tokens, and a login + consent step that a test drives
 * programmatically (no HTML forms: the interaction route signs in `alice` and grants what was asked).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { exportJWK, generateKeyPair, type JWK } from 'jose';
import Provider from 'oidc-provider';
import { PHOTO_API, PRINTER_CLIENT } from '../../../src/sims/authentication-vs-authorization-vs-oauth/valetFlow.ts';
import { closeServer, listenOnFreePort } from './loopback.ts';

export interface RunningAuthServer {
  issuer: string;
  provider: Provider;
  close(): Promise<void>;
}

/** A private ES256 signing key as a JWK, the form oidc-provider takes. */
export async function newSigningKey(): Promise<JWK> {
  const { privateKey } = await generateKeyPair('ES256', { extractable: true });
  return { ...(await exportJWK(privateKey)), alg: 'ES256', use: 'sig', kid: 'test-es256' };
}

/**
 * Two servers given the same key stand for a provider that signs for several issuers (tenants) with
 * one key set: only the `iss` claim tells their tokens apart.
 */
export async function startAuthServer(signingKey?: JWK): Promise<RunningAuthServer> {
  let handle: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => res.writeHead(503).end();
  const server = createServer((req, res) => handle(req, res));
  // The port is bound first, because the issuer URL (which includes it) is fixed when the Provider is built.
  const port = await listenOnFreePort(server);
  const issuer = `http://127.0.0.1:${port}`;

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: PRINTER_CLIENT.clientId,
        token_endpoint_auth_method: 'none', // a public client: PKCE replaces the secret it cannot keep
        redirect_uris: [PRINTER_CLIENT.redirectUri],
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        scope: PRINTER_CLIENT.allowedScopes.join(' '),
        id_token_signed_response_alg: 'ES256',
      },
    ],
    jwks: { keys: [signingKey ?? (await newSigningKey())] },
    // Explicit lifetimes (seconds), so the provider does not warn that defaults are in use.
    ttl: { AccessToken: 3600, AuthorizationCode: 60, IdToken: 3600, Interaction: 600, Grant: 600, Session: 600 },
    cookies: { keys: ['integration-test-cookie-key'] },
    scopes: ['openid', 'offline_access', ...PHOTO_API.scopes],
    features: {
      devInteractions: { enabled: false },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => PHOTO_API.audience,
        useGrantedResource: () => true,
        getResourceServerInfo: () => ({
          scope: PHOTO_API.scopes.join(' '),
          audience: PHOTO_API.audience,
          accessTokenFormat: 'jwt',
          jwt: { sign: { alg: 'ES256' } },
        }),
      },
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    findAccount: (_ctx, sub) => ({ accountId: sub, claims: () => ({ sub }) }),
  });

  const callback = provider.callback();
  handle = (req, res) => {
    if (req.url?.startsWith('/interaction/')) {
      signInAndConsent(provider, req, res).catch((error: unknown) => {
        res.writeHead(500).end(String(error));
      });
    } else {
      callback(req, res);
    }
  };

  return {
    issuer,
    provider,
    close: () => closeServer(server),
  };
}

/** Stands in for the login page and the consent screen: alice signs in and approves what the client asked for. */
async function signInAndConsent(provider: Provider, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const details = await provider.interactionDetails(req, res);
  const accountId = 'alice';
  const grant = new provider.Grant({ accountId, clientId: String(details.params.client_id) });
  const missing = details.prompt.details as {
    missingOIDCScope?: string[];
    missingResourceScopes?: Record<string, string[]>;
  };
  if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
  for (const [resource, scopes] of Object.entries(missing.missingResourceScopes ?? {})) {
    grant.addResourceScope(resource, scopes.join(' '));
  }
  const grantId = await grant.save();
  await provider.interactionFinished(req, res, { login: { accountId }, consent: { grantId } }, { mergeWithLastSubmission: false });
}
