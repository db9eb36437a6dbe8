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
import {
  ALGORITHMS,
  AUTH_MODES,
  HASH_KEYS,
  MAX_SERVERS,
  ROLES,
  buildNginxConfig,
  controlsForRole,
  optionsFromControls,
  type Algorithm,
  type AuthMode,
  type Role,
} from './nginxConfig.ts';
import './loadbalancer.css';

const start = controlsForRole('load-balancer');
const schema = {
  role: enumParam(ROLES, start.role),
  algorithm: enumParam(ALGORITHMS, start.algorithm),
  hashKey: enumParam(HASH_KEYS, start.hashKey),
  servers: intParam(1, MAX_SERVERS, start.servers),
  weight: intParam(1, 10, start.weight),
  maxFails: intParam(0, 10, start.maxFails),
  failTimeout: intParam(1, 120, start.failTimeout),
  tls: boolParam(start.tls),
  cache: boolParam(start.cache),
  headers: boolParam(start.headers),
  keepalive: boolParam(start.keepalive),
  shared: boolParam(start.shared),
  retry: boolParam(start.retry),
  realip: boolParam(start.realip),
  readTimeout: intParam(1, 300, start.readTimeout),
  rate: intParam(0, 100, start.rate),
  auth: enumParam(AUTH_MODES, start.auth),
};

const ROLE_LABELS: Record<Role, string> = {
  'load-balancer': 'Load balancer (front desk)',
  'reverse-proxy': 'Reverse proxy (doorman)',
  'api-gateway': 'API gateway (concierge)',
};

const ALGORITHM_LABELS: Record<Algorithm, string> = {
  'round-robin': 'Round robin',
  weighted: 'Weighted round robin',
  'least-conn': 'Least connections',
  random: 'Random',
  'random-two': 'Power of two choices',
  'ip-hash': 'IP hash',
  'consistent-hash': 'Consistent hash',
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
  const status = `${ROLE_LABELS[state.role]}, ${ALGORITHM_LABELS[state.algorithm].toLowerCase()}: ${lines} lines of nginx.conf.`;
  return (
    <SimFrame
      id="nginx"
      title="Nginx config builder"
      caption={`Choose a role and options to get a complete nginx.conf, laid out for Debian's paths. Every configuration this builder can produce passes nginx -t (nginx 1.22) in this site's tests. ${status}`}
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
        <Select label="Balancing" value={state.algorithm} options={ALGORITHMS.map((a) => ({ value: a, label: ALGORITHM_LABELS[a] }))} onChange={(algorithm) => update({ algorithm })} />
        <Select
          label="Hash key"
          value={state.hashKey}
          options={HASH_KEYS.map((k) => ({ value: k, label: k }))}
          onChange={(hashKey) => update({ hashKey })}
          disabled={state.algorithm !== 'consistent-hash'}
        />
        <Slider label="Servers" value={state.servers} min={1} max={MAX_SERVERS} onChange={(servers) => update({ servers })} />
        <Slider
          label="First server's weight"
          value={state.weight}
          min={1}
          max={10}
          onChange={(weight) => update({ weight })}
          disabled={state.algorithm === 'round-robin'}
        />
        <Slider
          label="max_fails"
          value={state.maxFails}
          min={0}
          max={10}
          onChange={(maxFails) => update({ maxFails })}
          format={(v) => (v === 0 ? 'off' : String(v))}
        />
        <Slider label="fail_timeout" value={state.failTimeout} min={1} max={120} onChange={(failTimeout) => update({ failTimeout })} format={(v) => `${v} s`} disabled={state.maxFails === 0} />
        <Slider label="Read timeout" value={state.readTimeout} min={1} max={300} onChange={(readTimeout) => update({ readTimeout })} format={(v) => `${v} s`} />
        <Slider label="Rate limit" value={state.rate} min={0} max={100} onChange={(rate) => update({ rate })} format={(v) => (v === 0 ? 'off' : `${v}/s`)} />
        <Select label="Auth" value={state.auth} options={AUTH_MODES.map((a) => ({ value: a, label: AUTH_LABELS[a] }))} onChange={(auth) => update({ auth })} />
        <Toggle label="TLS termination" checked={state.tls} onChange={(tls) => update({ tls })} />
        <Toggle label="Cache" checked={state.cache} onChange={(cache) => update({ cache })} />
        <Toggle label="X-Forwarded-For, X-Real-IP" checked={state.headers} onChange={(headers) => update({ headers })} />
        <Toggle label="Trust X-Forwarded-For from 10.0.0.0/8" checked={state.realip} onChange={(realip) => update({ realip })} />
        <Toggle label="Keep-alive to backends" checked={state.keepalive} onChange={(keepalive) => update({ keepalive })} />
        <Toggle label="Share state between workers" checked={state.shared} onChange={(shared) => update({ shared })} />
        <Toggle label="Retry the next server" checked={state.retry} onChange={(retry) => update({ retry })} />
      </Controls>
      {/* Not a <pre>: the site's copy-code script rewraps every <pre> in an article, which would
          change this island's markup under Preact before it hydrates. */}
      <div class="lb-config" role="region" tabindex={0} aria-label="Generated nginx.conf">
        <code>{config}</code>
      </div>
      <div class="sim-controls">
        <Button onClick={copy}>Copy configuration</Button>
        {copied && <output>{copied}</output>}
      </div>
    </SimFrame>
  );
}

export default island('Nginx config builder', ConfigBuilderView);
