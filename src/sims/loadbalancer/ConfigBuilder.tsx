/**
 * "Nginx config builder": a role and a few options in, a complete nginx.conf out, ready to copy.
 * The text comes from buildNginxConfig; the tests run nginx -t over the builder's option space.
 */
import { useState } from 'preact/hooks';
import {
  Button,
  Controls,
  Select,
  SimFrame,
  Slider,
  Toggle,
  boolParam,
  enumParam,
  intParam,
  island,
  useGuarded,
  useSimState,
} from '../kit/index.ts';
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
  const [state, update] = useSimState('nginx', schema);
  const [copied, setCopied] = useState('');
  const config = buildNginxConfig(optionsFromControls(state));
  const lines = config.split('\n').length - 1;
  const copy = useGuarded(() => {
    navigator.clipboard.writeText(config).then(
      () => setCopied('Configuration copied.'),
      () => setCopied('Copying was refused by the browser; select the text and copy it by hand.'),
    );
  });
  const status = `${ROLE_LABELS[state.role]}, ${POLICY_LABELS[state.policy].toLowerCase()}: ${lines} lines of nginx.conf.`;
  return (
    <SimFrame
      id="nginx"
      title="Nginx config builder"
      caption={`Choose a role and options to get a complete nginx.conf, laid out for Debian's paths. Every configuration this builder can produce passes nginx -t in this site's tests. ${status}`}
      status={status}
      share={{ schema, state }}
    >
      <Controls>
        <Select
          label="Role"
          value={state.role}
          options={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
          onChange={(role) => update(controlsForRole(role))}
        />
        <Select label="Balancing" value={state.policy} options={NGINX_POLICIES.map((p) => ({ value: p, label: POLICY_LABELS[p] }))} onChange={(policy) => update({ policy })} />
        <Select
          label="Hash key"
          value={state.hashKey}
          options={HASH_KEYS.map((k) => ({ value: k, label: k }))}
          onChange={(hashKey) => update({ hashKey })}
          disabled={state.policy !== 'consistent-hash'}
        />
        <Slider label="Servers" value={state.servers} min={RANGES.servers.min} max={RANGES.servers.max} onChange={(servers) => update({ servers })} />
        <Slider
          label="First server's weight"
          value={state.weight}
          min={RANGES.weight.min}
          max={RANGES.weight.max}
          onChange={(weight) => update({ weight })}
          disabled={state.policy === 'round-robin'}
        />
        <Slider
          label="max_fails"
          value={state.maxFails}
          min={RANGES.maxFails.min}
          max={RANGES.maxFails.max}
          onChange={(maxFails) => update({ maxFails })}
          format={(v) => (v === 0 ? 'off' : String(v))}
        />
        <Slider label="fail_timeout" value={state.failTimeout} min={RANGES.failTimeout.min} max={RANGES.failTimeout.max} onChange={(failTimeout) => update({ failTimeout })} format={(v) => `${v} s`} disabled={state.maxFails === 0} />
        <Slider label="Read timeout" value={state.readTimeout} min={RANGES.readTimeout.min} max={RANGES.readTimeout.max} onChange={(readTimeout) => update({ readTimeout })} format={(v) => `${v} s`} />
        <Slider label="Rate limit" value={state.rate} min={RANGES.rateLimit.min} max={RANGES.rateLimit.max} onChange={(rate) => update({ rate })} format={(v) => (v === 0 ? 'off' : `${v}/s`)} />
        <Select label="Auth" value={state.auth} options={AUTH_MODES.map((a) => ({ value: a, label: AUTH_LABELS[a] }))} onChange={(auth) => update({ auth })} />
        <Toggle label="TLS termination" checked={state.tls} onChange={(tls) => update({ tls })} />
        <Toggle label="Cache" checked={state.cache} onChange={(cache) => update({ cache })} />
        <Toggle label="X-Forwarded-For, X-Real-IP" checked={state.headers} onChange={(headers) => update({ headers })} />
        <Toggle label="Trust X-Forwarded-For from 10.0.0.0/8" checked={state.realip} onChange={(realip) => update({ realip })} />
        <Toggle label="Keep-alive to backends" checked={state.keepalive} onChange={(keepalive) => update({ keepalive })} />
        <Toggle label="Share state between workers" checked={state.shared} onChange={(shared) => update({ shared })} />
        <Toggle label="Retry the next server" checked={state.retry} onChange={(retry) => update({ retry })} />
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

export default island('Nginx config builder', ConfigBuilderView);
