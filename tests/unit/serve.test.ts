// The local static server (scripts/serve.mjs): the headers of each kind of file, 404s, the folder
// as the limit of what it serves, HEAD, and a taken port. It runs on a free port over a temporary
// folder that stands in for a build, next to a file that must never be served.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { securityHeaders } from '../../scripts/security-headers.mjs';
import { createStaticServer, listen, parseArgs, resolveRequest } from '../../scripts/serve.mjs';

const SECRET = 'secret-outside-the-served-folder';
let base: string;
let dist: string;
let server: Server;
let port: number;

interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/**
 * One request with the target sent exactly as given: fetch() would normalise `/../x` before
 * sending it, and a hostile client would not.
 */
function get(path: string, method = 'GET', headers: Record<string, string> = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** The security headers the module gives a path, in Node's lower-case form. */
const expected = (path: string, embedFrameAncestors?: string) =>
  Object.fromEntries(
    Object.entries(securityHeaders(path, { embedFrameAncestors })).map(([k, v]) => [
      k.toLowerCase(),
      v,
    ]),
  );

beforeAll(async () => {
  base = mkdtempSync(join(tmpdir(), 'serve-test-'));
  dist = join(base, 'dist');
  mkdirSync(join(dist, 'assets'), { recursive: true });
  mkdirSync(join(dist, 'docs'));
  writeFileSync(join(base, 'package.json'), SECRET);
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>app</title>');
  writeFileSync(join(dist, 'embed.html'), '<!doctype html><title>embed</title>');
  writeFileSync(join(dist, 'sw.js'), 'self.addEventListener("fetch", () => {});');
  writeFileSync(join(dist, 'registerSW.js'), '// register');
  writeFileSync(join(dist, 'manifest.webmanifest'), '{"name":"app"}');
  writeFileSync(join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  writeFileSync(join(dist, 'icon.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  writeFileSync(join(dist, 'data.json'), '{}');
  writeFileSync(join(dist, 'notes.txt'), 'notes');
  writeFileSync(join(dist, '.env'), SECRET);
  writeFileSync(join(dist, '_headers'), SECRET);
  writeFileSync(join(dist, 'assets', 'index-abc123.js'), 'export const x = 1;');
  writeFileSync(join(dist, 'assets', 'index-abc123.css'), 'body{}');
  writeFileSync(join(dist, 'docs', 'index.html'), '<!doctype html><title>docs</title>');
  symlinkSync(join(base, 'package.json'), join(dist, 'link.json'));
  server = createStaticServer({ dir: dist, embedFrameAncestors: 'https://lms.example.edu' });
  const address = await listen(server, '127.0.0.1', 0);
  port = (server.address() as AddressInfo).port;
  expect(address).toBe(`http://127.0.0.1:${port}/`);
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(base, { recursive: true, force: true });
});

describe('scripts/serve.mjs', () => {
  it('serves / as index.html, with the page headers and no-cache', async () => {
    for (const path of ['/', '/index.html', '/?mode=lecture#s=1']) {
      const r = await get(path);
      expect(r.status, path).toBe(200);
      expect(r.body).toContain('<title>app</title>');
      expect(r.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(r.headers).toMatchObject(expected('/'));
      expect(r.headers['content-security-policy']).toMatch(/frame-ancestors 'self'$/);
      expect(r.headers['cache-control']).toBe('no-cache');
    }
  });

  it('gives embed.html the configured frame-ancestors, and only embed.html', async () => {
    const r = await get('/embed.html');
    expect(r.status).toBe(200);
    expect(r.body).toContain('<title>embed</title>');
    expect(r.headers).toMatchObject(expected('/embed.html', 'https://lms.example.edu'));
    expect(r.headers['content-security-policy']).toMatch(
      /worker-src 'self'.*; frame-ancestors https:\/\/lms\.example\.edu$/,
    );
    expect(r.headers['cache-control']).toBe('no-cache');
  });

  it('sends hashed assets with their type, the headers and a long cache', async () => {
    const js = await get('/assets/index-abc123.js');
    expect(js.status).toBe(200);
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    // A worker's policy comes from its own response: scripts carry the policy too.
    expect(js.headers).toMatchObject(expected('/assets/index-abc123.js'));
    expect(js.headers['content-security-policy']).not.toContain('unsafe-eval');
    expect(js.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const css = await get('/assets/index-abc123.css');
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
  });

  it('sends each kind of file with its type, and revalidates the service worker files', async () => {
    const types: Record<string, string> = {
      '/sw.js': 'text/javascript; charset=utf-8',
      '/registerSW.js': 'text/javascript; charset=utf-8',
      '/manifest.webmanifest': 'application/manifest+json',
      '/favicon.svg': 'image/svg+xml',
      '/icon.png': 'image/png',
      '/data.json': 'application/json',
      '/notes.txt': 'text/plain; charset=utf-8',
    };
    for (const [path, type] of Object.entries(types)) {
      const r = await get(path);
      expect(r.status, path).toBe(200);
      expect(r.headers['content-type'], path).toBe(type);
      expect(r.headers['x-content-type-options'], path).toBe('nosniff');
      expect(r.headers['cache-control'], path).toBe('no-cache');
    }
  });

  it('answers 404 for unknown paths, folders without a page, dotfiles and _headers', async () => {
    for (const path of ['/nope.html', '/assets/', '/assets', '/.env', '/_headers', '/embed']) {
      const r = await get(path);
      expect(r.status, path).toBe(404);
      expect(r.body).not.toContain(SECRET);
      // Error responses carry the headers too.
      expect(r.headers['content-security-policy'], path).toContain("default-src 'self'");
      expect(r.headers['x-content-type-options'], path).toBe('nosniff');
    }
  });

  it('serves a folder page only at its address with a trailing slash', async () => {
    const bare = await get('/docs?x=1');
    expect(bare.status).toBe(301);
    expect(bare.headers.location).toBe('/docs/?x=1');
    const page = await get('/docs/');
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>docs</title>');
  });

  it('never serves a file outside the folder', async () => {
    for (const path of [
      '/../package.json',
      '/%2e%2e/package.json',
      '/%2E%2E/package.json',
      '/..%2fpackage.json',
      '/assets/../../package.json',
      '/assets/%2e%2e%2f%2e%2e%2fpackage.json',
      '/..\\package.json',
      '/%5c..%5cpackage.json',
      '/index.html%00.js',
      '/link.json',
      '/%ff',
    ]) {
      const r = await get(path);
      expect([400, 403, 404], path).toContain(r.status);
      expect(r.body, path).not.toContain(SECRET);
    }
    // The path is checked after decoding: these are refused as leaving the folder.
    expect((await get('/../package.json')).status).toBe(403);
    expect((await get('/%2e%2e/package.json')).status).toBe(403);
    // Browsers resolve `..` before they send a path, so the server honours none, even inside.
    expect((await get('/assets/../index.html')).status).toBe(404);
    // Doubled slashes are harmless, and the headers follow the clean path.
    const embed = await get('//embed.html');
    expect(embed.status).toBe(200);
    expect(embed.headers['content-security-policy']).toMatch(/frame-ancestors https:/);
  });

  it('resolves request paths inside the folder only', () => {
    const root = '/srv/app';
    expect(resolveRequest(root, '/')).toEqual({ file: root, urlPath: '/', rawPath: '/' });
    expect(resolveRequest(root, '/a%20b.js?q')).toMatchObject({ file: '/srv/app/a b.js' });
    expect(resolveRequest(root, '/../app-other/x')).toEqual({ status: 403 });
    expect(resolveRequest(root, 'http://evil.example/x')).toEqual({ status: 400 });
  });

  it('answers HEAD with the headers and no body', async () => {
    const head = await get('/assets/index-abc123.js', 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
    expect(head.headers['content-length']).toBe(String('export const x = 1;'.length));
    expect(head.headers).toMatchObject(expected('/assets/index-abc123.js'));
    expect((await get('/nope', 'HEAD')).status).toBe(404);
  });

  it('refuses other methods, and answers a repeated request with 304', async () => {
    const post = await get('/', 'POST');
    expect(post.status).toBe(405);
    expect(post.headers.allow).toBe('GET, HEAD');
    const first = await get('/index.html');
    const again = await get('/index.html', 'GET', { 'If-None-Match': String(first.headers.etag) });
    expect(again.status).toBe(304);
    expect(again.body).toBe('');
    expect(again.headers['content-security-policy']).toBe(first.headers['content-security-policy']);
  });

  it('fails clearly when its port is taken', async () => {
    const second = createStaticServer({ dir: dist });
    await expect(listen(second, '127.0.0.1', port)).rejects.toThrow(
      `port ${port} on 127.0.0.1 is already in use`,
    );
  });

  it('reads its command line like vite preview', () => {
    expect(parseArgs([])).toEqual({ dir: 'dist', host: '127.0.0.1', port: 4173 });
    expect(
      parseArgs(['--host', '0.0.0.0', '--port=4192', '--strictPort', '--dir', '/tmp/out']),
    ).toEqual({ dir: '/tmp/out', host: '0.0.0.0', port: 4192 });
    expect(() => parseArgs(['--port', 'x'])).toThrow(/not a port/);
    expect(() => parseArgs(['--open'])).toThrow(/unknown option/);
    expect(() => parseArgs(['--dir'])).toThrow(/needs a value/);
  });
});
