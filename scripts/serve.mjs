// A small static server for the built app (`npm start`, `npm run preview`, the end-to-end tests),
// in place of `vite preview`, which sends none of the app's security headers. Node built-ins only.
//
//   node scripts/serve.mjs [--dir dist] [--host 127.0.0.1] [--port 4173] [--strictPort]
//
// Every response carries the headers of scripts/security-headers.mjs for its path (the embed
// view's frame-ancestors from EMBED_FRAME_ANCESTORS), so the app runs here exactly as it should
// run on a production server. It serves files only: `/` and `dir/` give the folder's index.html,
// anything else that is not a file inside the folder is a 404 (no directory listing, no dotfiles,
// no way out of the folder). Text files go gzipped to clients that accept it (see COMPRESSED).
// The port is always strict: if it is taken the server exits with a message instead of moving to
// another port, so that the printed address is the one asked for (`--strictPort` is accepted for
// the habit of vite preview, and changes nothing).
//
// Requests keep Node's default header size limit (16 KB): the app keeps its state in the URL
// fragment, which the browser never sends to a server, so no request needs more.
import { createReadStream, readFileSync, realpathSync, statSync } from 'node:fs';
import { STATUS_CODES, createServer } from 'node:http';
import { extname, join, posix, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { cacheControl, embedFrameAncestorsFromEnv, securityHeaders } from './security-headers.mjs';

/** Content types of the files a build contains (anything else is sent as bytes). */
export const CONTENT_TYPES = Object.freeze({
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.webmanifest': 'application/manifest+json',
  '.json': 'application/json',
  '.map': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
});

/**
 * Text files are sent gzipped to a client that accepts it, as production hosts (Netlify,
 * Cloudflare Pages, nginx and Apache with their usual set-up) send them: page loads and the
 * Lighthouse report (scripts/lighthouse.mjs) then see the bytes a deployment sends. Each file is
 * compressed once and kept while it is unchanged.
 */
export const COMPRESSED = Object.freeze(
  new Set(['.html', '.js', '.mjs', '.css', '.svg', '.webmanifest', '.json', '.map', '.txt']),
);
/** Gzipped bodies by path, with the size and time of the file they were made from. */
const gzipped = new Map();
/** @param {{ path: string, size: number, mtime: Date }} found */
function gzippedBody(found) {
  const key = `${found.size}-${found.mtime.getTime()}`;
  const hit = gzipped.get(found.path);
  if (hit?.key === key) return hit.body;
  const body = gzipSync(readFileSync(found.path), { level: 9 });
  gzipped.set(found.path, { key, body });
  return body;
}
/** Whether an Accept-Encoding header takes gzip (and does not refuse it with q=0). */
export function acceptsGzip(/** @type {string | undefined} */ header) {
  return (header ?? '').split(',').some((part) => {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (name !== 'gzip' && name !== '*') return false;
    const q = params.map((x) => x.trim()).find((x) => x.startsWith('q='));
    return q === undefined || Number(q.slice(2)) > 0;
  });
}

/**
 * @typedef {object} ServeOptions
 * @property {string} dir the folder to serve
 * @property {string} [embedFrameAncestors] who may frame the embed view (a CSP source list)
 */

/**
 * What a request path names, before any file is touched: a file path inside `root` and the URL
 * path its headers are chosen by, or the status to answer with. The path is percent-decoded and
 * then resolved against the folder, and it must stay inside it: `/../x`, `/%2e%2e/x`,
 * `/..%2fx` all resolve outside and are refused (403), whatever the client did or did not
 * normalise. NUL bytes and backslashes (a separator on Windows) are refused as malformed (400),
 * and a path with a segment that starts with a dot (`.htaccess`, `.git/`, `..` even if it stays
 * inside), or the host file `_headers`, is not served (404).
 * @param {string} root absolute path of the served folder
 * @param {string} rawUrl the request target, as sent
 * @returns {{ file: string, urlPath: string, rawPath: string } | { status: number }}
 */
export function resolveRequest(root, rawUrl) {
  const rawPath = rawUrl.split(/[?#]/, 1)[0] ?? '';
  if (!rawPath.startsWith('/')) return { status: 400 };
  let urlPath;
  try {
    urlPath = decodeURIComponent(rawPath);
  } catch {
    return { status: 400 };
  }
  if (urlPath.includes('\0') || urlPath.includes('\\')) return { status: 400 };
  const file = resolve(join(root, urlPath));
  if (file !== root && !file.startsWith(root + sep)) return { status: 403 };
  // Browsers never send `.` or `..` segments (they resolve them first), so none is honoured.
  const segments = urlPath.split('/');
  if (segments.some((s) => s.startsWith('.'))) return { status: 404 };
  urlPath = posix.normalize(urlPath); // `//embed.html` is /embed.html: headers by the clean path
  if (urlPath === '/_headers') return { status: 404 };
  return { file, urlPath, rawPath };
}

/** @param {string} file */
function statOf(file) {
  try {
    return statSync(file);
  } catch {
    return undefined;
  }
}

/**
 * The file to send: a regular file whose real path (after symbolic links) is inside the real
 * folder. A folder that holds an index.html gives that file, if it was asked for with a trailing
 * slash, and otherwise a redirect to the address with the slash (so that the page's relative URLs
 * resolve inside it). Anything else: undefined (404).
 * @param {string} realRoot
 * @param {string} file
 * @param {string} urlPath
 * @returns {{ path: string, urlPath: string, size: number, mtime: Date } | { redirect: true } | undefined}
 */
function findFile(realRoot, file, urlPath) {
  let stat = statOf(file);
  if (stat?.isDirectory()) {
    file = join(file, 'index.html');
    stat = statOf(file);
    if (!stat?.isFile()) return undefined;
    if (!urlPath.endsWith('/')) return { redirect: true };
    urlPath = `${urlPath}index.html`;
  }
  if (!stat?.isFile()) return undefined;
  let real;
  try {
    real = realpathSync(file);
  } catch {
    return undefined;
  }
  if (!real.startsWith(realRoot + sep)) return undefined;
  return { path: real, urlPath, size: stat.size, mtime: stat.mtime };
}

/**
 * The static server (not yet listening).
 * @param {ServeOptions} options
 * @returns {import('node:http').Server}
 */
export function createStaticServer(options) {
  const root = resolve(options.dir);
  const realRoot = realpathSync(root);
  const headerOptions = { embedFrameAncestors: options.embedFrameAncestors };

  return createServer((req, res) => {
    /** @param {number} status @param {string} urlPath @param {Record<string, string>} [extra] */
    const plain = (status, urlPath, extra = {}) => {
      const body = `${status} ${STATUS_CODES[status] ?? ''}\n`;
      res.writeHead(status, {
        ...securityHeaders(urlPath, headerOptions),
        'Cache-Control': 'no-cache',
        'Content-Type': 'text/plain; charset=utf-8',
        'Content-Length': Buffer.byteLength(body),
        ...extra,
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    };

    if (req.method !== 'GET' && req.method !== 'HEAD') {
      plain(405, '/', { Allow: 'GET, HEAD' });
      return;
    }
    const target = resolveRequest(root, req.url ?? '/');
    if ('status' in target) {
      plain(target.status, '/');
      return;
    }
    const found = findFile(realRoot, target.file, target.urlPath);
    if (found === undefined) {
      plain(404, target.urlPath);
      return;
    }
    if ('redirect' in found) {
      const query = (req.url ?? '').slice(target.rawPath.length);
      plain(301, target.urlPath, { Location: `${target.rawPath}/${query}` });
      return;
    }

    const ext = extname(found.path).toLowerCase();
    const compressible = COMPRESSED.has(ext);
    const gzip = compressible && acceptsGzip(req.headers['accept-encoding']);
    const etag = `W/"${found.size.toString(16)}-${found.mtime.getTime().toString(16)}${gzip ? '-gz' : ''}"`;
    const headers = {
      ...securityHeaders(found.urlPath, headerOptions),
      'Cache-Control': cacheControl(found.urlPath),
      ETag: etag,
      'Last-Modified': found.mtime.toUTCString(),
      ...(compressible ? { Vary: 'Accept-Encoding' } : {}),
    };
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, headers);
      res.end();
      return;
    }
    const body = gzip ? gzippedBody(found) : undefined;
    res.writeHead(200, {
      ...headers,
      'Content-Type':
        CONTENT_TYPES[/** @type {keyof CONTENT_TYPES} */ (ext)] ?? 'application/octet-stream',
      'Content-Length': body ? body.length : found.size,
      ...(body ? { 'Content-Encoding': 'gzip' } : {}),
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    if (body) {
      res.end(body);
      return;
    }
    const stream = createReadStream(found.path);
    stream.on('error', () => res.destroy());
    stream.pipe(res);
  });
}

/**
 * Parses the command line: --dir, --host, --port (0: any free port), --strictPort (no effect).
 * @param {string[]} argv
 * @returns {{ dir: string, host: string, port: number }}
 */
export function parseArgs(argv) {
  const options = { dir: 'dist', host: '127.0.0.1', port: 4173 };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const [name, inline] = arg.includes('=') ? arg.split(/=(.*)/s, 2) : [arg, undefined];
    if (name === '--strictPort') continue;
    if (name !== '--dir' && name !== '--host' && name !== '--port') {
      throw new Error(`unknown option ${arg} (use --dir, --host, --port, --strictPort)`);
    }
    const value = inline ?? argv[++i];
    if (value === undefined || value === '') throw new Error(`${name} needs a value`);
    if (name === '--port') {
      const port = Number(value);
      if (!Number.isInteger(port) || port < 0 || port > 65535) {
        throw new Error(`--port ${value} is not a port number (0-65535)`);
      }
      options.port = port;
    } else {
      options[name === '--dir' ? 'dir' : 'host'] = value;
    }
  }
  return options;
}

/**
 * Starts listening; rejects (with a message saying what to do) if the port is taken.
 * @param {import('node:http').Server} server
 * @param {string} host
 * @param {number} port
 * @returns {Promise<string>} the address, e.g. http://127.0.0.1:4173/
 */
export function listen(server, host, port) {
  return new Promise((resolvePromise, reject) => {
    /** @param {NodeJS.ErrnoException} error */
    const onError = (error) => {
      reject(
        error.code === 'EADDRINUSE'
          ? new Error(
              `port ${port} on ${host} is already in use: stop the server that holds it, or ` +
                `choose another port with --port.`,
            )
          : error,
      );
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      const address = server.address();
      const actual = typeof address === 'object' && address !== null ? address.port : port;
      const shown = host.includes(':') ? `[${host}]` : host;
      resolvePromise(`http://${shown}:${actual}/`);
    });
  });
}

async function main() {
  let options;
  let embedFrameAncestors;
  try {
    options = parseArgs(process.argv.slice(2));
    embedFrameAncestors = embedFrameAncestorsFromEnv(process.env);
  } catch (error) {
    console.error(`serve: ${error instanceof Error ? error.message : error}`);
    process.exit(2);
  }
  const dir = resolve(options.dir);
  try {
    if (!statSync(join(dir, 'index.html')).isFile()) throw new Error();
  } catch {
    console.error(`serve: ${dir} has no index.html; build the app first (npx vite build).`);
    process.exit(1);
  }
  const server = createStaticServer({ dir, embedFrameAncestors });
  try {
    const address = await listen(server, options.host, options.port);
    console.log(`\n  Serving ${dir}\n  Local:   ${address}\n`);
  } catch (error) {
    console.error(`serve: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  }
  for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
    process.on(signal, () => {
      server.close();
      server.closeAllConnections();
      process.exit(0);
    });
  }
}

// Run only when started as a script, not when imported (by the tests).
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  await main();
}
