// The local server (scripts/serve.mjs) sends text files gzipped to a client that accepts it, as a
// production host does, and plain to one that does not; the two versions have their own ETags.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptsGzip, createStaticServer, listen } from '../../scripts/serve.mjs';

const SCRIPT = `export const words = ${JSON.stringify('ketamine '.repeat(400))};\n`;
let base: string;
let server: Server;
let port: number;

function get(
  path: string,
  headers: Record<string, string> = {},
  method = 'GET',
): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  base = mkdtempSync(join(tmpdir(), 'serve-gzip-test-'));
  mkdirSync(join(base, 'assets'));
  writeFileSync(join(base, 'index.html'), '<!doctype html><title>app</title>');
  writeFileSync(join(base, 'assets', 'index-abc123.js'), SCRIPT);
  writeFileSync(join(base, 'icon.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]));
  server = createStaticServer({ dir: base });
  await listen(server, '127.0.0.1', 0);
  port = (server.address() as AddressInfo).port;
});
afterAll(() => {
  server.close();
  rmSync(base, { recursive: true, force: true });
});

describe('serve.mjs compression', () => {
  it('gzips a script for a client that accepts gzip', async () => {
    const r = await get('/assets/index-abc123.js', { 'Accept-Encoding': 'gzip, deflate, br' });
    expect(r.status).toBe(200);
    expect(r.headers['content-encoding']).toBe('gzip');
    expect(r.headers.vary).toBe('Accept-Encoding');
    expect(Number(r.headers['content-length'])).toBe(r.body.length);
    expect(r.body.length).toBeLessThan(SCRIPT.length / 4);
    expect(gunzipSync(r.body).toString('utf8')).toBe(SCRIPT);
    expect(r.headers['content-type']).toBe('text/javascript; charset=utf-8');
  });

  it('sends it plain to a client that does not, with another ETag', async () => {
    const plain = await get('/assets/index-abc123.js');
    const zipped = await get('/assets/index-abc123.js', { 'Accept-Encoding': 'gzip' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toBe('Accept-Encoding');
    expect(plain.body.toString('utf8')).toBe(SCRIPT);
    expect(plain.headers.etag).not.toBe(zipped.headers.etag);
    const again = await get('/assets/index-abc123.js', {
      'Accept-Encoding': 'gzip',
      'If-None-Match': String(zipped.headers.etag),
    });
    expect(again.status).toBe(304);
    const refused = await get('/assets/index-abc123.js', { 'Accept-Encoding': 'gzip;q=0' });
    expect(refused.headers['content-encoding']).toBeUndefined();
  });

  it('leaves images alone, and a HEAD gives the gzipped length without a body', async () => {
    const png = await get('/icon.png', { 'Accept-Encoding': 'gzip' });
    expect(png.headers['content-encoding']).toBeUndefined();
    expect(png.body.length).toBe(7);
    const head = await get('/', { 'Accept-Encoding': 'gzip' }, 'HEAD');
    expect(head.headers['content-encoding']).toBe('gzip');
    expect(head.body.length).toBe(0);
  });

  it('reads Accept-Encoding as HTTP does', () => {
    expect(acceptsGzip('gzip')).toBe(true);
    expect(acceptsGzip('br, GZIP;q=0.5')).toBe(true);
    expect(acceptsGzip('*')).toBe(true);
    expect(acceptsGzip('gzip;q=0')).toBe(false);
    expect(acceptsGzip('identity')).toBe(false);
    expect(acceptsGzip(undefined)).toBe(false);
  });
});
