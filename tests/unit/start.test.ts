/**
 * The README's `npm ci && npm start` serves the app with its security headers: `npm start`'s
 * server step is run exactly as package.json spells it (on a free port, over a small folder), and
 * its answer must carry the headers of scripts/security-headers.mjs.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { responseHeaders } from '../../scripts/security-headers.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'ketamine-start-'));
writeFileSync(join(dir, 'index.html'), '<!doctype html><title>t</title>');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm start', () => {
  const start = (
    JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    }
  ).scripts.start!;

  it('builds, then serves with scripts/serve.mjs (not a server without headers)', () => {
    const steps = start.split('&&').map((s) => s.trim());
    expect(steps[0]).toBe('vite build');
    expect(steps.at(-1)).toMatch(/^node scripts\/serve\.mjs\b/);
  });

  it('its server answers with the security headers', async () => {
    const serve = start.split('&&').at(-1)!.trim().split(/\s+/);
    const args = [
      ...serve.slice(1).filter((a, k, all) => a !== '--port' && all[k - 1] !== '--port'),
      '--port',
      '0',
      '--dir',
      dir,
    ];
    const child = spawn(process.execPath, args, { cwd: ROOT });
    try {
      const address = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (d: Buffer) => {
          out += d.toString();
          const m = /Local:\s+(http:\/\/\S+)/.exec(out);
          if (m) resolve(m[1]!);
        });
        child.on('exit', (code) => reject(new Error(`the server stopped (${code}): ${out}`)));
      });
      const res = await fetch(address);
      expect(res.status).toBe(200);
      const want = responseHeaders('/index.html') as Record<string, string>;
      for (const name of [
        'Content-Security-Policy',
        'X-Content-Type-Options',
        'Referrer-Policy',
        'Permissions-Policy',
      ]) {
        expect(res.headers.get(name), name).toBe(want[name]);
      }
      expect(res.headers.get('Content-Security-Policy')).toContain("frame-ancestors 'self'");
    } finally {
      child.kill();
    }
  });
});
