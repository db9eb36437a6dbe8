/**
 * The YAML and the Dockerfile printed in "Docker vs. Kubernetes", read straight out of the article's code
 * fences so that what readers copy is what is checked. The manifests are validated against the
 * Kubernetes OpenAPI schemas (kubernetes-models) plus the cross-field rules the API server and the
 * Service controller apply; the Dockerfile goes through dockerfile-utils, the linter of the VS Code
 * Docker tooling (hadolint is neither in Debian nor on npm), and a few best-practice checks.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { Service } from 'kubernetes-models/v1/Service';
import { validate as lintDockerfile } from 'dockerfile-utils';
import { DockerfileParser } from 'dockerfile-ast';

const ARTICLE = new URL('../../../src/content/posts/docker-vs-kubernetes/index.mdx', import.meta.url);

/** The bodies of the article's code fences in a language. */
function fences(language: string): string[] {
  const mdx = readFileSync(ARTICLE, 'utf8');
  const found: string[] = [];
  const re = new RegExp('^```' + language + '\\n([\\s\\S]*?)^```$', 'gm');
  for (let m; (m = re.exec(mdx));) found.push(m[1]!);
  return found;
}

// Parsed YAML has no static type, and the tests below break manifests at arbitrary depths.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Manifest = any;

function manifests(): Manifest[] {
  const [yaml] = fences('yaml');
  const docs = parseAllDocuments(yaml!);
  for (const d of docs) expect(d.errors, 'YAML parse errors').toEqual([]);
  return docs.map((d) => d.toJS());
}

/** What `kubectl apply` would refuse, as error messages; empty when the schema accepts it. */
function schemaErrors(model: { validate(): void }): string[] {
  try {
    model.validate();
    return [];
  } catch (error) {
    return [String(error)];
  }
}

describe('the Deployment and Service in the article', () => {
  it('has exactly one yaml block with a Deployment and a Service', () => {
    expect(fences('yaml')).toHaveLength(1);
    expect(manifests().map((m) => `${m.apiVersion} ${m.kind}`)).toEqual(['apps/v1 Deployment', 'v1 Service']);
  });

  it('validates against the OpenAPI schemas of apps/v1 Deployment and v1 Service', () => {
    const [deployment, service] = manifests();
    expect(schemaErrors(new Deployment(deployment))).toEqual([]);
    expect(schemaErrors(new Service(service))).toEqual([]);
  });

  it('the schema check catches the mistakes it should (so a pass means something)', () => {
    const [deployment, service] = manifests();
    const noSelector = structuredClone(deployment!);
    delete noSelector.spec.selector;
    expect(schemaErrors(new Deployment(noSelector)).join()).toMatch(/selector/);
    const namelessContainer = structuredClone(deployment!);
    delete namelessContainer.spec.template.spec.containers[0].name;
    expect(schemaErrors(new Deployment(namelessContainer)).join()).toMatch(/name/);
    const textPort = structuredClone(service!);
    textPort.spec.ports[0].port = 'eighty';
    expect(schemaErrors(new Service(textPort)).join()).toMatch(/port/);
  });

  it('selects its own pods: the selector matches the template labels, as the API server requires', () => {
    const [deployment, service] = manifests();
    const labels = deployment!.spec.template.metadata.labels;
    for (const [k, v] of Object.entries(deployment!.spec.selector.matchLabels)) expect(labels[k]).toBe(v);
    // The Service's selector must match the same pods, or it has no endpoints.
    for (const [k, v] of Object.entries(service!.spec.selector)) expect(labels[k]).toBe(v);
  });

  it('sends traffic and probes to the port the container listens on', () => {
    const [deployment, service] = manifests();
    const container = deployment!.spec.template.spec.containers[0];
    const ports = container.ports.map((p: { containerPort: number }) => p.containerPort);
    expect(ports).toContain(service!.spec.ports[0].targetPort);
    expect(ports).toContain(container.readinessProbe.httpGet.port);
  });

  it('uses rolling-update settings the API accepts, and pins the image to a version', () => {
    const [deployment] = manifests();
    const { maxSurge, maxUnavailable } = deployment!.spec.strategy.rollingUpdate;
    expect(maxSurge === 0 && maxUnavailable === 0).toBe(false);
    const image: string = deployment!.spec.template.spec.containers[0].image;
    expect(image).toMatch(/:[\w.-]+$/);
    expect(image.endsWith(':latest')).toBe(false);
  });

  it('the container port matches the EXPOSE of the Dockerfile', () => {
    const [deployment] = manifests();
    const expose = DockerfileParser.parse(fences('dockerfile')[0]!)
      .getInstructions()
      .find((i) => i.getKeyword() === 'EXPOSE');
    expect(Number(expose?.getArgumentsContent())).toBe(deployment!.spec.template.spec.containers[0].ports[0].containerPort);
  });
});

describe('the Dockerfile in the article', () => {
  const [dockerfile] = fences('dockerfile');

  it('is there, once', () => {
    expect(fences('dockerfile')).toHaveLength(1);
  });

  it('passes the dockerfile-utils linter with every rule at error level', () => {
    const strict = {
      deprecatedMaintainer: 2,
      directiveCasing: 2,
      emptyContinuationLine: 2,
      instructionCasing: 2,
      instructionCmdMultiple: 2,
      instructionEntrypointMultiple: 2,
      instructionHealthcheckMultiple: 2,
      instructionJSONInSingleQuotes: 2,
      instructionWorkdirRelative: 2,
    };
    expect(lintDockerfile(dockerfile!, strict).map((d) => `line ${d.range.start.line + 1}: ${d.message}`)).toEqual([]);
    // The linter does report real mistakes: a relative WORKDIR and a JSON CMD in single quotes.
    const broken = dockerfile!.replace('WORKDIR /app', 'WORKDIR app').replace('CMD ["node", "server.js"]', "CMD ['node', 'server.js']");
    expect(lintDockerfile(broken, strict).length).toBeGreaterThanOrEqual(2);
  });

  it('pins the base image, runs as a non-root user and uses the exec form of CMD', () => {
    const parsed = DockerfileParser.parse(dockerfile!);
    for (const from of parsed.getFROMs()) {
      expect(from.getImageTag() ?? from.getImageDigest()).toBeTruthy();
      expect(from.getImageTag()).not.toBe('latest');
    }
    const users = parsed.getInstructions().filter((i) => i.getKeyword() === 'USER');
    expect(users.at(-1)?.getArgumentsContent()).not.toMatch(/^(root|0)(:|$)/);
    const cmds = parsed.getCMDs();
    expect(cmds).toHaveLength(1);
    expect(cmds[0]!.getJSONStrings().map((s) => s.getJSONValue())).toEqual(['node', 'server.js']);
  });

  it('copies the lockfile and installs dependencies before copying the source (cache order)', () => {
    const keywords = DockerfileParser.parse(dockerfile!)
      .getInstructions()
      .map((i) => `${i.getKeyword()} ${i.getArgumentsContent()}`);
    const lock = keywords.findIndex((k) => k.startsWith('COPY') && k.includes('package-lock.json'));
    const install = keywords.findIndex((k) => k.startsWith('RUN npm ci'));
    const source = keywords.findIndex((k) => k === 'COPY . .');
    expect(lock).toBeGreaterThanOrEqual(0);
    expect(lock).toBeLessThan(install);
    expect(install).toBeLessThan(source);
  });
});
