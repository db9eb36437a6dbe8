/**
 * The nginx configurations printed in the article pass `nginx -t`. Each ```nginx block is placed in
 * the http context of a minimal main file; only file locations are swapped for the private prefix
 * (the certificate and the cache directory), the directives are tested as printed. And the nginx
 * these tests run is the version the article names.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { NGINX, makePrefix } from '../../support/nginx.ts';

/** The article's statement of the version every nginx behaviour on the page was checked against. */
const STATED_VERSION = 'checked against nginx 1.22, the version Debian 12 ships';

const ARTICLE = 'src/content/posts/loadbalancer-reverseproxy-apigateway/index.mdx';
const prefix = makePrefix('article');
afterAll(() => prefix.remove());

function nginxBlocks(mdx: string): string[] {
  return [...mdx.matchAll(/^```nginx\n([\s\S]*?)^```$/gm)].map((m) => m[1]!);
}

function wrap(snippet: string): string {
  const deployment = prefix.deployment();
  const located = snippet
    .replace(/\/etc\/ssl\/certs\/\S+\.pem/g, deployment.certificate)
    .replace(/\/etc\/ssl\/private\/\S+\.key/g, deployment.certificateKey)
    .replace(/\/var\/cache\/nginx\/\S+/g, 'cache/article');
  return `user root;
worker_processes 1;
pid logs/nginx.pid;
error_log logs/error.log;
events { worker_connections 64; }
http {
    access_log off;
    client_body_temp_path tmp/client_body;
    proxy_temp_path tmp/proxy;
    fastcgi_temp_path tmp/fastcgi;
    uwsgi_temp_path tmp/uwsgi;
    scgi_temp_path tmp/scgi;
${located}
}
`;
}

describe('the nginx the article was checked against', () => {
  it(`is the one these tests run: "${STATED_VERSION}"`, () => {
    const prose = readFileSync(ARTICLE, 'utf8').replace(/\s+/g, ' ');
    expect(prose).toContain(STATED_VERSION);
    // nginx -v prints "nginx version: nginx/1.22.1" on stderr.
    const version = /nginx\/(\d+\.\d+)\.\d+/.exec(spawnSync(NGINX, ['-v'], { encoding: 'utf8' }).stderr)?.[1];
    const dpkg = spawnSync('dpkg-query', ['-W', '-f=${Version}', 'nginx'], { encoding: 'utf8' }).stdout;
    console.info(`nginx under test: ${version} (Debian package ${dpkg || 'not found'})`);
    expect(`nginx ${version}`).toBe(/nginx \d+\.\d+/.exec(STATED_VERSION)![0]);
  });
});

describe('nginx configurations shown in the article', () => {
  const blocks = nginxBlocks(readFileSync(ARTICLE, 'utf8'));

  it('the article shows a configuration for each role, plus the realip fix', () => {
    expect(blocks.length).toBe(4);
    expect(blocks.some((b) => b.includes('upstream'))).toBe(true);
    expect(blocks.some((b) => b.includes('ssl_certificate'))).toBe(true);
    expect(blocks.some((b) => b.includes('limit_req_zone'))).toBe(true);
    expect(blocks.some((b) => b.includes('set_real_ip_from'))).toBe(true);
  });

  it('each passes nginx -t without errors or warnings', () => {
    for (const block of blocks) expect(prefix.check(wrap(block)), block).toBe('');
  });
});
