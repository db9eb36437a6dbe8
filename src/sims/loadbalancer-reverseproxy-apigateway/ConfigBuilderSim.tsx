/**
 * "Nginx config builder": a role and a few options in, a complete nginx.conf out, ready to copy.
 * The text comes from buildNginxConfig; the tests run nginx -t over the builder's option space.
 */
import { useState } from 'preact/hooks';
import { Button, Controls, Select, SimFrame, Slider, Toggle, boolParam, enumParam, intParam, island, useGuarded, useSimulation } from '../kit/index.ts';
import { AUTH_MODES, HASH_KEYS, NGINX_POLICIES, RANGES, ROLES, type AuthMode, type Role } from './nginxOptions.ts';
import { buildNginxConfig } from './nginxConfig.ts';
import { controlsForRole, optionsFromControls } from './builderControls.ts';
import { POLICY_LABELS } from './policies.ts';
import './loadbalancer.css';

const start = controlsForRole('load-balancer');
const range = (key: keyof typeof RANGES, fallback: number) => intParam(RANGES[key].min, RANGES[key].max, fallback);
const schema = {
  role: enumParam(ROLES, start.role),
  policy: enumParam(NGINX_POLICIES, start.policy),
  hashKey: enumParam(HASH_KEYS, start.hashKey),
  servers: range('servers', start.servers),
  weight: range('weight', start.weight),
  maxFails: range('maxFails', start.maxFails),
  failTimeout: range('failTimeout', start.failTimeout),
  tls: boolParam(start.tls),
  cache: boolParam(start.cache),
  headers: boolParam(start.headers),
  keepalive: boolParam(start.keepalive),
  shared: boolParam(start.shared),
  retry: boolParam(start.retry),
  realip: boolParam(start.realip),
  readTimeout: range('readTimeout', start.readTimeout),
  rate: range('rateLimit', start.rate),
  auth: enumParam(AUTH_MODES, start.auth),
};

const ROLE_LABELS: Record<Role, string> = {
  'load-balancer': 'Load balancer (front desk)',
  'reverse-proxy': 'Reverse proxy (doorman)',
  'api-gateway': 'API gateway (concierge)',
};

const AUTH_LABELS: Record<AuthMode, string> = {
  none: 'None',
  'api-key': 'API key (X-Api-Key)',
  'auth-request': 'Ask an auth service (auth_request)',
};

function ConfigBuilderView() {
  const sim = useSimulation('nginx', schema, {
    title: 'Nginx config builder',
    init: (controls) => buildNginxConfig(optionsFromControls(controls)),
  });
  const state = sim.params;
  const config = sim.model;
  // Not a simulation parameter: what the last press of Copy did.
  const [copied, setCopied] = useState('');
  const lines = config.split('\n').length - 1;
  const copy = useGuarded(() => {
    navigator.clipboard.writeText(config).then(
      () => setCopied('Configuration copied.'),
      () => setCopied('Copying was refused by the browser; select the text and copy it by hand.'),
    );
  });
  const status = `${ROLE_LABELS[state.role]}, ${POLICY_LABELS[state.policy].toLowerCase()}: ${lines} lines of nginx.conf.`;
  const seconds = (v: number) => `${v} s`;
  return (
    <SimFrame
      {...sim.frame}
      caption={`Choose a role and options to get a complete nginx.conf, laid out for Debian's paths. Every configuration this builder can produce passes nginx -t in this site's tests. ${status}`}
      status={status}
    >
      <Controls>
        {/* A role starts from that role's preset: every control moves with it, in this one change. */}
        <Select
          sim={sim}
          param="role"
          label="Role"
          options={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
          onChange={(role: Role) => sim.set(controlsForRole(role))}
        />
        <Select sim={sim} param="policy" label="Balancing" options={NGINX_POLICIES.map((p) => ({ value: p, label: POLICY_LABELS[p] }))} />
        <Select
          sim={sim}
          param="hashKey"
          label="Hash key"
          options={HASH_KEYS.map((k) => ({ value: k, label: k }))}
          disabled={state.policy !== 'consistent-hash'}
        />
        <Slider sim={sim} param="servers" label="Servers" />
        <Slider sim={sim} param="weight" label="First server's weight" disabled={state.policy === 'round-robin'} />
        <Slider sim={sim} param="maxFails" label="max_fails" format={(v) => (v === 0 ? 'off' : String(v))} />
        <Slider sim={sim} param="failTimeout" label="fail_timeout" format={seconds} disabled={state.maxFails === 0} />
        <Slider sim={sim} param="readTimeout" label="Read timeout" format={seconds} />
        <Slider sim={sim} param="rate" label="Rate limit" format={(v) => (v === 0 ? 'off' : `${v}/s`)} />
        <Select sim={sim} param="auth" label="Auth" options={AUTH_MODES.map((a) => ({ value: a, label: AUTH_LABELS[a] }))} />
        <Toggle sim={sim} param="tls" label="TLS termination" />
        <Toggle sim={sim} param="cache" label="Cache" />
        <Toggle sim={sim} param="headers" label="X-Forwarded-For, X-Real-IP" />
        <Toggle sim={sim} param="realip" label="Trust X-Forwarded-For from 10.0.0.0/8" />
        <Toggle sim={sim} param="keepalive" label="Keep-alive to backends" />
        <Toggle sim={sim} param="shared" label="Share state between workers" />
        <Toggle sim={sim} param="retry" label="Retry the next server" />
      </Controls>
      {/* A labelled, focusable region so keyboard users can scroll a long configuration. */}
      <section class="lb-config" tabindex={0} aria-label="Generated nginx.conf">
        <code>{config}</code>
      </section>
      <div class="sim-controls">
        <Button onClick={copy}>Copy configuration</Button>
        {copied && <output>{copied}</output>}
      </div>
    </SimFrame>
  );
}

export default island(ConfigBuilderView);
