/**
 * The nginx configurations printed in the article pass `nginx -t`. Each ```nginx block is placed in
 * the http context of a minimal main file; only file locations are swapped for the private prefix
 * (the certificate and the cache directory), the directives are tested as printed.
 */
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { makePrefix } from '../../support/nginx.ts';

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
