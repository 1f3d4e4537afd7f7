// The security (and cache) headers of the built app: the one definition that the build (the
// <meta> Content-Security-Policy and the generated `_headers` file), the local server
// (scripts/serve.mjs), the hand-written server snippets in deploy/ (checked against this module by
// tests/unit/security-headers.test.ts) and the tests all use. Plain Node ESM with no imports, so
// that vite.config.ts, Node scripts and vitest can all load it. docs/deploying.md explains each
// header to the people who deploy the app.
//
// Paths here are URL paths relative to the folder the app is served from ("/", "/index.html",
// "/embed.html", "/assets/index-abc123.js").

/**
 * The app's Content-Security-Policy, without frame-ancestors: everything from the app's own origin
 * only; no inline script, no eval, no inline style attributes (styles set through the CSSOM, as
 * Svelte and d3 do, are allowed by CSP). Images may also be data: and blob: URLs, which the PNG
 * export uses. The build puts this policy in a <meta> tag, so that it holds on any static host;
 * but a meta policy binds only the page: it does not reach workers (their policy comes from their
 * own response), and it cannot carry frame-ancestors. So a server should also send it as a header
 * (`securityHeaders`), with frame-ancestors added.
 */
export const CONTENT_SECURITY_POLICY_DIRECTIVES = Object.freeze([
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
]);

/** The policy of the <meta> tag (a meta policy may not contain frame-ancestors). */
export const CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY_DIRECTIVES.join('; ');

/**
 * The embed view: a copy of index.html that course pages may frame. Cloudflare Pages (and GitHub
 * Pages) also serve `embed.html` at `/embed`, so both paths get the embed view's headers.
 */
export const EMBED_PATHS = Object.freeze(['/embed.html', '/embed']);

/**
 * Who may frame the embed view when EMBED_FRAME_ANCESTORS is not set: anyone (`*`, every http(s)
 * page). The embed view exists to be placed in course pages whose origins (a university's Moodle,
 * Canvas, a lecturer's own site) the app cannot know in advance, and it holds nothing a framing
 * page could trick a user into giving away: no account, no stored data, no action with an effect
 * outside the page. Every other page of the app may be framed only by the app itself.
 */
export const DEFAULT_EMBED_FRAME_ANCESTORS = '*';

/**
 * Browser features the app never uses, denied to it and to anything it frames, so that a flaw in
 * the app (or in a dependency) cannot turn on a camera, a microphone, a location, a payment or a
 * device port. Fullscreen stays allowed for the app's own origin: the lecture mode calls
 * requestFullscreen. The clipboard is not listed, so writing to it keeps its default (own origin),
 * which the share buttons use. Only features that Chromium recognises are named: it reports an
 * unknown name as a console error on every page.
 */
export const PERMISSIONS_POLICY = [
  'accelerometer=()',
  'autoplay=()',
  'camera=()',
  'display-capture=()',
  'encrypted-media=()',
  'fullscreen=(self)',
  'geolocation=()',
  'gyroscope=()',
  'hid=()',
  'idle-detection=()',
  'magnetometer=()',
  'microphone=()',
  'midi=()',
  'payment=()',
  'picture-in-picture=()',
  'publickey-credentials-get=()',
  'screen-wake-lock=()',
  'serial=()',
  'usb=()',
  'xr-spatial-tracking=()',
].join(', ');

/** Cache-Control of the hashed build output (assets/): its names change when its content does. */
export const CACHE_IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * Cache-Control of everything else (index.html, embed.html, sw.js, the manifest, icons): the
 * browser may keep a copy but must ask the server before each use, so that a new release (a new
 * service worker, new asset names in index.html) is seen at once.
 */
export const CACHE_REVALIDATE = 'no-cache';

/**
 * A CSP source expression of frame-ancestors is a keyword, a scheme (`https:`) or a host source
 * (`https://*.example.edu`, `example.org:8443`, `https://lms.example.edu/course`). A source is
 * accepted if it is one of the two keywords, or printable ASCII without quotes, `;`, `,` or a
 * backslash: those would end or add a directive or a policy, and anything else (spaces, control
 * characters) would split the source list or the header.
 */
const KEYWORDS = ["'self'", "'none'"];
const PRINTABLE = /^[\x21-\x7e]+$/;
const FORBIDDEN = /['";,\\]/;

/** @param {string} source */
function isSource(source) {
  return KEYWORDS.includes(source) || (PRINTABLE.test(source) && !FORBIDDEN.test(source));
}

/**
 * Validates and normalises a frame-ancestors source list (space-separated), such as the value of
 * the EMBED_FRAME_ANCESTORS environment variable. Empty or unset gives the default.
 * @param {string | undefined} value
 * @returns {string}
 */
export function parseFrameAncestors(value) {
  const sources = (value ?? '').trim().split(/\s+/).filter(Boolean);
  if (sources.length === 0) return DEFAULT_EMBED_FRAME_ANCESTORS;
  for (const source of sources) {
    if (!isSource(source)) {
      throw new Error(
        `EMBED_FRAME_ANCESTORS: "${source}" is not a CSP source (use e.g. 'self', https:, ` +
          `https://lms.example.edu, https://*.example.edu; separate sources with spaces).`,
      );
    }
  }
  if (sources.includes("'none'") && sources.length > 1) {
    throw new Error("EMBED_FRAME_ANCESTORS: 'none' cannot be combined with other sources.");
  }
  return sources.join(' ');
}

/**
 * The embed view's frame-ancestors from the environment (EMBED_FRAME_ANCESTORS), validated.
 * @param {Record<string, string | undefined>} [env]
 * @returns {string}
 */
export function embedFrameAncestorsFromEnv(env = process.env) {
  return parseFrameAncestors(env.EMBED_FRAME_ANCESTORS);
}

/** @param {string} pathname */
export function isEmbedPath(pathname) {
  return EMBED_PATHS.includes(pathname);
}

/**
 * @typedef {object} HeaderOptions
 * @property {string} [embedFrameAncestors] who may frame the embed view (a CSP source list); by
 *   default DEFAULT_EMBED_FRAME_ANCESTORS. Validated by parseFrameAncestors.
 */

/**
 * The security headers of the response for a path. Every response gets the same set; only the
 * frame-ancestors of the embed view differ. frame-ancestors matters only for documents, but it
 * is sent on every response (scripts, images) too, so that no file of the app, opened on its own,
 * can be framed by another site.
 *
 * - Content-Security-Policy: the app's policy plus frame-ancestors, as a header so that it also
 *   binds the engine's worker and the service worker (a meta policy reaches neither).
 * - X-Content-Type-Options: nosniff: a file is never run as script or style unless its declared
 *   type says so.
 * - Referrer-Policy: no-referrer: the app makes no request that needs a referrer (it calls no
 *   server of its own), and the literature links (PubMed, DOI) then learn nothing of the address
 *   the reader came from, which may name a view or a patient scenario.
 * - Permissions-Policy: see PERMISSIONS_POLICY.
 * - Cross-Origin-Opener-Policy: same-origin: a page of another site that opens the app (or that
 *   the app opens) gets no handle on its window. Browsers ignore it in frames, so the embed view
 *   is unaffected.
 * @param {string} pathname
 * @param {HeaderOptions} [options]
 * @returns {Record<string, string>}
 */
export function securityHeaders(pathname, options = {}) {
  const ancestors = isEmbedPath(pathname)
    ? parseFrameAncestors(options.embedFrameAncestors)
    : "'self'";
  return {
    'Content-Security-Policy': `${CONTENT_SECURITY_POLICY}; frame-ancestors ${ancestors}`,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Permissions-Policy': PERMISSIONS_POLICY,
    'Cross-Origin-Opener-Policy': 'same-origin',
  };
}

/**
 * Cache-Control for a path: long and immutable for the hashed files in assets/, revalidate on
 * every use for everything else.
 * @param {string} pathname
 * @returns {string}
 */
export function cacheControl(pathname) {
  return pathname.startsWith('/assets/') ? CACHE_IMMUTABLE : CACHE_REVALIDATE;
}

/**
 * Every header this module decides for a path: the security headers and Cache-Control.
 * @param {string} pathname
 * @param {HeaderOptions} [options]
 * @returns {Record<string, string>}
 */
export function responseHeaders(pathname, options = {}) {
  return { ...securityHeaders(pathname, options), 'Cache-Control': cacheControl(pathname) };
}

/**
 * The `_headers` file of Netlify and Cloudflare Pages for a built app. Both hosts apply every rule
 * whose path matches a request, but they merge a header set by two matching rules differently
 * (Cloudflare joins the values with a comma, which for Content-Security-Policy means two
 * policies, both enforced; Netlify keeps one). So no header is set by two rules that can match
 * the same path: the headers that are the same everywhere go in one `/*` rule, and the two that
 * differ (Content-Security-Policy, Cache-Control) in one rule per file, listed from the build
 * output, plus `/assets/*` for the hashed files. Assumes the app is served from the site root.
 * @param {string[]} files paths of the built files outside assets/, e.g. ['/index.html', '/sw.js']
 * @param {HeaderOptions} [options]
 * @returns {string}
 */
export function headersFile(files, options = {}) {
  const ancestors = parseFrameAncestors(options.embedFrameAncestors);
  const opts = { embedFrameAncestors: ancestors };
  const common = securityHeaders('/', opts);
  const perPath = ['Content-Security-Policy', 'Cache-Control'];
  /** @param {string} path @param {Record<string, string>} headers @param {string[]} names */
  const rule = (path, headers, names) =>
    [path, ...names.map((name) => `  ${name}: ${headers[name]}`)].join('\n');

  const paths = new Set(['/', ...EMBED_PATHS, ...files.filter((f) => !f.startsWith('/assets/'))]);
  const rules = [
    rule(
      '/*',
      common,
      Object.keys(common).filter((name) => !perPath.includes(name)),
    ),
    ...[...paths].sort().map((path) => rule(path, responseHeaders(path, opts), perPath)),
    rule('/assets/*', responseHeaders('/assets/', opts), perPath),
  ];
  return [
    '# Generated by the build from scripts/security-headers.mjs; do not edit (edit that module).',
    '# Netlify and Cloudflare Pages read this file from the published folder.',
    `# The embed view may be framed by: ${ancestors} (EMBED_FRAME_ANCESTORS at build time).`,
    '',
    rules.join('\n\n'),
    '',
  ].join('\n');
}
