// The security headers, as the browser gets them from the server the tests run against
// (scripts/serve.mjs by default; any server given by PW_PORT with reuseExistingServer): on the
// page and on the workers, where the <meta> policy does not reach; framing by another site refused
// for the app and allowed for the embed view; eval refused inside a worker.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, type Page, type Response } from '@playwright/test';
import { embedFrameAncestorsFromEnv, securityHeaders } from '../../scripts/security-headers.mjs';

// The tests look at what the server sends; a service worker would answer from its cache instead.
test.use({ serviceWorkers: 'block' });

/** Who may frame the embed view: the server reads the same variable from the same environment. */
const embedFrameAncestors = embedFrameAncestorsFromEnv(process.env);

const ENGINE_WORKER = /\/assets\/engine\.worker-[\w-]+\.js$/;

/** The module's headers for a path, with names in lower case as the browser reports them. */
function expectedHeaders(path: string): Record<string, string> {
  return Object.fromEntries(
    Object.entries(securityHeaders(path, { embedFrameAncestors })).map(([k, v]) => [
      k.toLowerCase(),
      v,
    ]),
  );
}

/** Opens the app and returns the responses of the page and of the engine's worker script. */
async function openApp(page: Page): Promise<{ document: Response; worker: Response }> {
  const worker = page.waitForResponse((r) => ENGINE_WORKER.test(new URL(r.url()).pathname));
  const document = await page.goto('./');
  expect(document).not.toBeNull();
  return { document: document!, worker: await worker };
}

test('the page and its workers carry the security headers, with frame-ancestors', async ({
  page,
}) => {
  const { document, worker } = await openApp(page);
  const workerPath = new URL(worker.url()).pathname;
  for (const [response, path] of [
    [document, '/'],
    [worker, workerPath],
  ] as const) {
    const headers = await response.allHeaders();
    expect(headers, path).toMatchObject(expectedHeaders(path));
    const csp = headers['content-security-policy'] ?? '';
    expect(csp).toContain("worker-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toMatch(/; frame-ancestors 'self'$/);
  }
  expect(await worker.headerValue('content-type')).toMatch(/javascript/);

  // The service worker: its policy, too, is its own response's. Its type must be JavaScript, or
  // the browser refuses to register it.
  const sw = await page.request.get('./sw.js');
  expect(sw.status()).toBe(200);
  expect(sw.headers()['content-type']).toMatch(/javascript/);
  expect(sw.headers()).toMatchObject(expectedHeaders('/sw.js'));
  const embed = await page.request.get('./embed.html');
  expect(embed.status()).toBe(200);
  expect(embed.headers()).toMatchObject(expectedHeaders('/embed.html'));
  expect(embed.headers()['content-security-policy']).toMatch(
    new RegExp(`; frame-ancestors ${embedFrameAncestors.replace(/[*.]/g, '\\$&')}$`),
  );
});

test.describe('framing by another site', () => {
  // The framing page comes from a second server on this machine: another port is another
  // origin. (A page made up by page.route would not do: Chromium's local network access checks
  // refuse to let a page it cannot place on this machine frame a 127.0.0.1 address at all, so
  // both frames would fail whatever the headers said.)
  let framer: Server;
  let framerOrigin = '';
  test.beforeAll(async ({ baseURL }) => {
    const app = new URL(baseURL ?? 'http://127.0.0.1/').origin;
    framer = createServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(
        `<!doctype html><title>course page</title>` +
          `<iframe id="page" src="${app}/" width="800" height="600"></iframe>` +
          `<iframe id="embed" src="${app}/embed.html" width="800" height="600"></iframe>`,
      );
    });
    await new Promise<void>((resolve) => framer.listen(0, '127.0.0.1', resolve));
    framerOrigin = `http://127.0.0.1:${(framer.address() as AddressInfo).port}`;
  });
  test.afterAll(async () => {
    await new Promise((resolve) => framer.close(resolve));
  });

  test('is refused for the app, and allowed for the embed view', async ({ page, baseURL }) => {
    expect(new URL(baseURL!).origin).not.toBe(framerOrigin);
    const messages: string[] = [];
    page.on('console', (m) => messages.push(m.text()));
    await page.goto(`${framerOrigin}/course.html`);

    if (embedFrameAncestors === '*') {
      // The embed view loads and the app starts in it.
      const embed = page.frameLocator('#embed');
      await expect(embed.locator('#app > *').first()).toBeAttached();
      await expect(embed.locator('ul.legend li').first()).toBeVisible();
    }

    // The app itself does not load: the browser reports the refusal, and the frame holds an
    // error page, not the app.
    await expect
      .poll(() => messages.some((m) => /frame-ancestors 'self'/.test(m) && m.includes(baseURL!)))
      .toBe(true);
    const frame = await (await page.locator('#page').elementHandle())?.contentFrame();
    expect(frame).toBeTruthy();
    await expect.poll(() => frame!.url()).not.toBe(`${new URL(baseURL!).origin}/`);
    expect(await frame!.locator('#app').count()).toBe(0);
  });
});

test('a worker served with these headers cannot eval; one served without them can', async ({
  page,
}) => {
  const { worker } = await openApp(page);
  // The probe replaces the body of the engine worker's response and keeps the headers the server
  // sent for it (route.fetch), so it runs under exactly the policy a worker of the app gets. The
  // control drops Content-Security-Policy, to show that the probe would see eval run if the
  // header did not stop it (the page's <meta> policy does not reach a worker).
  const probe =
    "let result; try { eval('1'); result = 'ran'; } catch { result = 'blocked'; } postMessage(result);";
  await page.context().route(/[?&]probe=(headers|control)$/, async (route) => {
    const served = await route.fetch();
    expect(served.status()).toBe(200);
    const headers = { ...served.headers() };
    delete headers['content-length'];
    delete headers['etag'];
    if (route.request().url().endsWith('control')) delete headers['content-security-policy'];
    await route.fulfill({ status: 200, headers, body: probe });
  });
  const run = (url: string) =>
    page.evaluate(
      (src) =>
        new Promise<string>((resolve) => {
          const w = new Worker(src, { type: 'module' });
          w.onmessage = (e) => resolve(String(e.data));
          w.onerror = (e) => resolve(`error: ${e.message}`);
        }),
      url,
    );
  expect(await run(`${worker.url()}?probe=control`)).toBe('ran');
  expect(await run(`${worker.url()}?probe=headers`)).toBe('blocked');
});
