// The app's security headers have one definition (scripts/security-headers.mjs). These tests pin
// what it says, and check that every other place that carries the headers (the `_headers` file the
// build writes, the nginx and Apache snippets in deploy/) says exactly the same, by reading those
// files the way their server would.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  DEFAULT_EMBED_FRAME_ANCESTORS,
  embedFrameAncestorsFromEnv,
  headersFile,
  parseFrameAncestors,
  responseHeaders,
  securityHeaders,
} from '../../scripts/security-headers.mjs';

type Headers = Record<string, string>;

/** Paths of every kind the app serves: pages, the embed view, workers, hashed assets, icons. */
const SAMPLE_PATHS = [
  '/',
  '/index.html',
  '/embed.html',
  '/embed',
  '/sw.js',
  '/registerSW.js',
  '/workbox-2fbc6a65.js',
  '/manifest.webmanifest',
  '/favicon.svg',
  '/icon-192.png',
  '/assets/index-r8uEqihl.js',
  '/assets/engine.worker-CobzmLu7.js',
  '/assets/index-DWOW4SrZ.css',
];

/** The root files of a build (what the build plugin lists for `_headers`). */
const BUILD_ROOT_FILES = SAMPLE_PATHS.filter(
  (p) => p !== '/' && p !== '/embed' && !p.startsWith('/assets/'),
);

const read = (file: string) => readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8');

/** Lower-cases header names, as HTTP compares them. */
const byName = (h: Headers): Headers =>
  Object.fromEntries(Object.entries(h).map(([k, v]) => [k.toLowerCase(), v]));

describe('the header set', () => {
  it('sends the app policy with frame-ancestors: the app only, except for the embed view', () => {
    const page = securityHeaders('/');
    expect(page['Content-Security-Policy']).toBe(
      `${CONTENT_SECURITY_POLICY}; frame-ancestors 'self'`,
    );
    for (const path of ['/embed.html', '/embed']) {
      expect(securityHeaders(path)['Content-Security-Policy']).toBe(
        `${CONTENT_SECURITY_POLICY}; frame-ancestors ${DEFAULT_EMBED_FRAME_ANCESTORS}`,
      );
    }
    expect(
      securityHeaders('/embed.html', { embedFrameAncestors: 'https://lms.example.edu' })[
        'Content-Security-Policy'
      ],
    ).toMatch(/; frame-ancestors https:\/\/lms\.example\.edu$/);
    // The option concerns the embed view only.
    expect(
      securityHeaders('/', { embedFrameAncestors: 'https://lms.example.edu' })[
        'Content-Security-Policy'
      ],
    ).toMatch(/; frame-ancestors 'self'$/);
  });

  it('keeps the policy strict: own origin, workers from the app only, no eval or inline code', () => {
    const directives = CONTENT_SECURITY_POLICY.split('; ');
    expect(directives).toEqual(
      expect.arrayContaining([
        "default-src 'self'",
        "script-src 'self'",
        "worker-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
      ]),
    );
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-|frame-ancestors|\*/);
  });

  it('sends the same other headers on every path', () => {
    for (const path of SAMPLE_PATHS) {
      const h = securityHeaders(path);
      expect(Object.keys(h).sort()).toEqual([
        'Content-Security-Policy',
        'Cross-Origin-Opener-Policy',
        'Permissions-Policy',
        'Referrer-Policy',
        'X-Content-Type-Options',
      ]);
      expect(h['X-Content-Type-Options']).toBe('nosniff');
      expect(h['Referrer-Policy']).toBe('no-referrer');
      expect(h['Cross-Origin-Opener-Policy']).toBe('same-origin');
    }
  });

  it('denies devices and payment, and keeps fullscreen (lecture mode) for the app itself', () => {
    const policy = securityHeaders('/')['Permissions-Policy'] ?? '';
    const features = new Map(policy.split(', ').map((e) => e.split('=') as [string, string]));
    for (const denied of ['camera', 'microphone', 'geolocation', 'payment', 'usb', 'serial']) {
      expect(features.get(denied)).toBe('()');
    }
    expect(features.get('fullscreen')).toBe('(self)');
    // The share buttons write to the clipboard: it must not be denied.
    expect(features.has('clipboard-write')).toBe(false);
  });

  it('caches hashed assets for a year and makes everything else revalidate', () => {
    expect(responseHeaders('/assets/index-r8uEqihl.js')['Cache-Control']).toBe(
      'public, max-age=31536000, immutable',
    );
    for (const path of ['/', '/index.html', '/embed.html', '/sw.js', '/registerSW.js']) {
      expect(responseHeaders(path)['Cache-Control']).toBe('no-cache');
    }
    expect(responseHeaders('/manifest.webmanifest')['Cache-Control']).toBe('no-cache');
  });
});

describe('EMBED_FRAME_ANCESTORS', () => {
  it('defaults to any site, and normalises a list of sources', () => {
    expect(DEFAULT_EMBED_FRAME_ANCESTORS).toBe('*');
    expect(embedFrameAncestorsFromEnv({})).toBe('*');
    expect(embedFrameAncestorsFromEnv({ EMBED_FRAME_ANCESTORS: '  ' })).toBe('*');
    expect(
      embedFrameAncestorsFromEnv({
        EMBED_FRAME_ANCESTORS: " 'self'\thttps://moodle.example.edu   https://*.example.edu ",
      }),
    ).toBe("'self' https://moodle.example.edu https://*.example.edu");
    expect(parseFrameAncestors("'none'")).toBe("'none'");
    expect(parseFrameAncestors('https: http://localhost:8080')).toBe(
      'https: http://localhost:8080',
    );
  });

  it('refuses what would end the directive, add a policy or split the header', () => {
    for (const bad of [
      "'self'; script-src *",
      'https://a.example, https://b.example',
      "'unsafe-inline'",
      '"https://a.example"',
      'https://a.example\\b',
      'https://é.example',
      "'none' https://a.example",
    ]) {
      expect(() => parseFrameAncestors(bad), bad).toThrow(/EMBED_FRAME_ANCESTORS/);
    }
    // Line breaks separate sources like any white space: none reaches the header.
    const value = parseFrameAncestors("'self'\r\nSet-Cookie: x=1");
    expect(value).not.toMatch(/[\r\n]/);
  });
});

/**
 * Reads a `_headers` file (Netlify, Cloudflare Pages): a path line, then indented `Name: value`
 * lines; `#` starts a comment. A path matches exactly, or by a trailing `/*` as a prefix.
 */
function parseHeadersFile(text: string): { path: string; headers: Headers }[] {
  const rules: { path: string; headers: Headers }[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      rules.push({ path: line.trim(), headers: {} });
      continue;
    }
    const m = /^\s+([A-Za-z-]+):\s*(.*)$/.exec(line);
    const rule = rules.at(-1);
    if (!m || !rule) throw new Error(`not a header line: ${line}`);
    const [, name, value] = m as unknown as [string, string, string];
    expect(rule.headers[name], `${name} twice in ${rule.path}`).toBeUndefined();
    rule.headers[name] = value;
  }
  return rules;
}

const ruleMatches = (rulePath: string, path: string) =>
  rulePath.endsWith('/*') ? path.startsWith(rulePath.slice(0, -1)) : rulePath === path;

describe('the generated _headers file', () => {
  for (const embedFrameAncestors of [undefined, "'self' https://*.example.edu"]) {
    it(`gives every path exactly the module's headers (embed: ${embedFrameAncestors ?? 'default'})`, () => {
      const rules = parseHeadersFile(headersFile(BUILD_ROOT_FILES, { embedFrameAncestors }));
      for (const path of SAMPLE_PATHS) {
        const effective: Headers = {};
        for (const rule of rules.filter((r) => ruleMatches(r.path, path))) {
          for (const [name, value] of Object.entries(rule.headers)) {
            // The hosts merge a header set by two matching rules differently (Cloudflare joins
            // them into two policies, Netlify keeps one), so the file must never do it.
            expect(effective[name], `${name} set twice for ${path}`).toBeUndefined();
            effective[name] = value;
          }
        }
        expect(effective, path).toEqual(responseHeaders(path, { embedFrameAncestors }));
      }
    });
  }
});

/**
 * The headers nginx sends for a path, from deploy/nginx.conf: the add_header lines of the
 * location that serves the path (`location = exact`, else the longest prefix), or the server's
 * if that location has none (nginx's inheritance rule).
 */
function nginxHeaders(conf: string, path: string): Headers {
  const server: Headers = {};
  const locations: { exact: boolean; prefix: string; headers: Headers }[] = [];
  let current: Headers = server;
  let depth = 0;
  for (const raw of conf.split('\n')) {
    const line = raw.replace(/#.*$/, '').trim();
    if (line === '') continue;
    const loc = /^location\s+(=\s*)?(\S+)\s*\{$/.exec(line);
    if (loc) {
      const location = { exact: !!loc[1], prefix: loc[2]!, headers: {} };
      locations.push(location);
      current = location.headers;
      depth++;
      continue;
    }
    if (line.endsWith('{')) {
      depth++;
      continue;
    }
    if (line === '}') {
      depth--;
      current = server;
      continue;
    }
    const header = /^add_header\s+(\S+)\s+"([^"]*)"(\s+always)?;$/.exec(line);
    if (line.startsWith('add_header')) {
      expect(header, `unreadable: ${line}`).not.toBeNull();
      // Security headers on every response (`always`: errors too); Cache-Control on successful
      // ones only, so that a 404 of an asset is never kept for a year.
      expect(!!header![3], `always or not: ${line}`).toBe(header![1] !== 'Cache-Control');
      expect(current[header![1]!], `${header![1]} twice`).toBeUndefined();
      current[header![1]!] = header![2]!;
    }
  }
  expect(depth).toBe(0);
  const exact = locations.find((l) => l.exact && l.prefix === path);
  const prefix = locations
    .filter((l) => !l.exact && path.startsWith(l.prefix))
    .sort((a, b) => b.prefix.length - a.prefix.length)[0];
  const location = exact ?? prefix;
  return location && Object.keys(location.headers).length > 0 ? location.headers : server;
}

/**
 * The headers Apache sends on a successful response for a path, from deploy/apache.htaccess: the
 * top-level `Header [always] set` lines, then those of a matching <Files "name">, then those of a
 * matching <If "%{REQUEST_URI} =~ m#regex#">, later ones replacing earlier ones of the same table
 * (Apache's merge order). mod_headers keeps two tables, `always` and the default (successful
 * responses); it sends both, so a header in both would be sent twice.
 */
function apacheHeaders(conf: string, path: string): Headers {
  type Section = {
    kind: 'top' | 'files' | 'if';
    matches: boolean;
    always: Headers;
    onSuccess: Headers;
  };
  const top: Section = { kind: 'top', matches: true, always: {}, onSuccess: {} };
  const sections: Section[] = [top];
  let current = top;
  for (const raw of conf.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const files = /^<Files\s+"([^"]+)">$/.exec(line);
    const cond = /^<If\s+"%\{REQUEST_URI\}\s+=~\s+m#([^#]+)#">$/.exec(line);
    if (files || cond) {
      const matches = files
        ? path.split('/').at(-1) === files[1]
        : new RegExp(cond![1]!).test(path);
      current = { kind: files ? 'files' : 'if', matches, always: {}, onSuccess: {} };
      sections.push(current);
      continue;
    }
    if (/^<\/(Files|If)>$/.test(line)) {
      current = top;
      continue;
    }
    if (line.startsWith('Header')) {
      const header = /^Header (always )?set (\S+) "([^"]*)"$/.exec(line);
      expect(header, `unreadable: ${line}`).not.toBeNull();
      const [, always, name, value] = header as unknown as [string, string, string, string];
      // As for nginx: security headers always, Cache-Control on successful responses only.
      expect(!!always, `always or not: ${line}`).toBe(name !== 'Cache-Control');
      current[always ? 'always' : 'onSuccess'][name] = value;
    } else {
      expect(line, 'a section this reader does not know').not.toMatch(/^</);
    }
  }
  const always: Headers = {};
  const onSuccess: Headers = {};
  for (const kind of ['top', 'files', 'if'] as const) {
    for (const s of sections.filter((x) => x.kind === kind && x.matches)) {
      Object.assign(always, s.always);
      Object.assign(onSuccess, s.onSuccess);
    }
  }
  for (const name of Object.keys(onSuccess)) {
    expect(always[name], `${name} in both tables`).toBeUndefined();
  }
  return { ...always, ...onSuccess };
}

describe('the server snippets in deploy/', () => {
  // The snippets are written for the default: any site may frame the embed view.
  const nginxPaths = SAMPLE_PATHS.filter((p) => p !== '/embed'); // nginx has no clean URLs
  it('nginx.conf sends exactly the module headers on every path (successful responses)', () => {
    const conf = read('deploy/nginx.conf');
    for (const path of nginxPaths) {
      expect(byName(nginxHeaders(conf, path)), path).toEqual(byName(responseHeaders(path)));
    }
  });

  it('apache.htaccess sends exactly the module headers on every path (successful responses)', () => {
    const conf = read('deploy/apache.htaccess');
    for (const path of nginxPaths) {
      expect(byName(apacheHeaders(conf, path)), path).toEqual(byName(responseHeaders(path)));
    }
  });
});

describe('the build', () => {
  it('takes its <meta> policy from the module, with no second copy of it', () => {
    const config = read('vite.config.ts');
    expect(config).toMatch(/from '\.\/scripts\/security-headers\.mjs'/);
    expect(config).not.toContain("default-src 'self'");
  });
});
