import { defineConfig, type Plugin } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { VitePWA } from 'vite-plugin-pwa';
import { readdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import {
  CONTENT_SECURITY_POLICY,
  embedFrameAncestorsFromEnv,
  headersFile,
} from './scripts/security-headers.mjs';
import { LIGHT, THEME_COLOUR, paletteCss } from './src/charts/palette.ts';
import { tsImport } from 'tsx/esm/api';

/**
 * `virtual:palette.css`: the colour schemes of src/charts/palette.ts as CSS custom properties, so
 * that style sheets take every colour from the one palette and the page is styled before any
 * script runs. The page also gets the browser bar's colour of each system scheme
 * (`<meta name="theme-color">`, which src/charts/palette.svelte.ts then keeps to the scheme in use).
 */
function palette(): Plugin {
  const id = 'virtual:palette.css';
  const resolved = '\0' + id;
  return {
    name: 'palette-css',
    resolveId: (source) => (source === id ? resolved : undefined),
    load: (source) => (source === resolved ? paletteCss() : undefined),
    transformIndexHtml: () =>
      (['light', 'dark'] as const).map((scheme) => ({
        tag: 'meta',
        attrs: {
          name: 'theme-color',
          media: `(prefers-color-scheme: ${scheme})`,
          content: THEME_COLOUR[scheme],
        },
        injectTo: 'head' as const,
      })),
  };
}

/**
 * `virtual:start-curve`: the engine's curve of the default scenario, computed now, as the app is
 * built, and shipped in the first script as a display copy (src/lib/startCurve.ts, about 2 KB
 * gzipped), so a fresh page draws its chart in its first frame rather than after the worker has
 * started. The engine is loaded with tsx, as the scripts load it, not through this config's own
 * imports (its loader would then bundle the whole engine into the config). A change to a model or
 * to the default scenario changes the curve with the next build.
 */
function startCurve(): Plugin {
  const id = 'virtual:start-curve';
  const resolved = '\0' + id;
  const load = <T>(path: string): Promise<T> => tsImport(path, import.meta.url) as Promise<T>;
  return {
    name: 'start-curve',
    resolveId: (source) => (source === id ? resolved : undefined),
    async load(source) {
      if (source !== resolved) return undefined;
      const [{ runScenario, REGISTRY }, { defaultScenario }, { displayCopy }] = await Promise.all([
        load<typeof import('./src/registry.ts')>('./src/registry.ts'),
        load<typeof import('./src/lib/defaultScenario.ts')>('./src/lib/defaultScenario.ts'),
        load<typeof import('./src/lib/startCurve.ts')>('./src/lib/startCurve.ts'),
      ]);
      const outcome = runScenario(defaultScenario(REGISTRY.defaults));
      if (!outcome.ok) this.error('start-curve: the engine refused the default scenario');
      return `export default ${JSON.stringify(displayCopy(outcome.result))};`;
    },
  };
}

/**
 * The app's Content-Security-Policy (defined, with the app's other security headers, in
 * scripts/security-headers.mjs) goes into a <meta> tag, so that it holds on any static host, even
 * one that sends no headers. A meta policy binds only the page, not its workers, and cannot carry
 * frame-ancestors: a server should also send the headers (docs/deploying.md). Development
 * (vite dev) injects inline scripts for hot reload, so the policy is added to production builds
 * only.
 */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'content-security-policy',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: () => [
        {
          tag: 'meta',
          attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
          injectTo: 'head-prepend',
        },
      ],
    },
  };
}

/** Every file under a folder, as URL paths relative to it ("/index.html", "/assets/x.js"). */
function listFiles(root: string, dir = root): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return listFiles(root, path);
    return entry.isFile() ? ['/' + relative(root, path).split(sep).join('/')] : [];
  });
}

/**
 * The files a deployment needs besides the app:
 * - embed.html, a copy of the built index.html: the embed view, which course pages may frame,
 *   lives at its own path so that a server can send it its own frame-ancestors. It is emitted in
 *   generateBundle, as an asset of the bundle, so that it is written before the PWA plugin's
 *   closeBundle builds the service worker's precache list from the output folder (so it works
 *   offline too).
 * - _headers, the header rules of Netlify and Cloudflare Pages, from scripts/security-headers.mjs.
 *   It names every built file, so it is written last (closeBundle, order 'post': after the
 *   service worker exists); it matches no precache pattern and is never served by those hosts.
 * EMBED_FRAME_ANCESTORS (validated) sets who may frame the embed view in _headers.
 */
function deploymentFiles(): Plugin {
  let outDir = '';
  let embedFrameAncestors = '';
  return {
    name: 'deployment-files',
    apply: 'build',
    enforce: 'post',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
      embedFrameAncestors = embedFrameAncestorsFromEnv(process.env);
    },
    generateBundle(_options, bundle) {
      const index = bundle['index.html'];
      if (index?.type !== 'asset') this.error('deployment-files: the build has no index.html');
      this.emitFile({ type: 'asset', fileName: 'embed.html', source: index.source });
    },
    closeBundle: {
      order: 'post',
      sequential: true,
      handler() {
        writeFileSync(
          join(outDir, '_headers'),
          headersFile(
            listFiles(outDir).filter((f) => f !== '/_headers'),
            { embedFrameAncestors },
          ),
        );
      },
    },
  };
}

/** Engine modules the page never runs itself (see build.rolldownOptions below). */
const WORKER_ONLY = /[\\/]src[\\/]engine[\\/](run|simulate|modal|lti|systemic)\.ts$/;

export default defineConfig({
  plugins: [
    palette(),
    startCurve(),
    svelte(),
    contentSecurityPolicy(),
    deploymentFiles(),
    // Installable, and fully usable offline after the first visit: every built file (app, worker,
    // lazily loaded panels and modes, icons) is precached by a generated service worker.
    VitePWA({
      // A new version waits until the page says "Reload to update" (src/lib/updates.svelte.ts):
      // open pages keep the files they started with, so a lazily loaded view never mixes versions.
      // 'autoUpdate' registered by a plain script never activated before every tab was closed.
      registerType: 'prompt',
      // Registered from the app's own module (virtual:pwa-register), not an inline script, so
      // the CSP needs no exception.
      injectRegister: false,
      includeAssets: ['favicon.svg'],
      manifest: {
        name: 'Ketamine pharmacology teaching simulator',
        short_name: 'Ketamine PK',
        description:
          'A teaching simulator of ketamine and esketamine pharmacokinetics. For education only, not for dosing decisions.',
        lang: 'en',
        start_url: './',
        scope: './',
        display: 'standalone',
        // The light scheme's (a manifest has one of each): the splash screen's page and the bar.
        background_color: LIGHT.page,
        theme_color: THEME_COLOUR.light,
        icons: [
          { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icon-512.png', sizes: '512x512', type: 'image/png' },
          {
            src: 'icon-maskable-512.png',
            sizes: '512x512',
            type: 'image/png',
            purpose: 'maskable',
          },
          { src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
        // Every address of the app (its state lives in the fragment; older links carry it in the
        // query string) opens the cached page.
        navigateFallback: 'index.html',
        // A cached page is found whatever its query string, so /embed.html?… opens the cached
        // embed.html (with its own frame-ancestors), not the fallback index.html, which may not
        // be framed by other sites.
        ignoreURLParametersMatching: [/.*/],
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  // Relative asset URLs let the built app run from any folder or sub-path, offline.
  base: './',
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    sourcemap: false,
    rolldownOptions: {
      // The solver's modules have no side effects: an import of them that nothing uses (the
      // page's registry.ts binds runScenario for the CLI) is dropped.
      treeshake: { moduleSideEffects: (id: string) => !WORKER_ONLY.test(id) },
      output: {
        // What the page's entry imports statically, in one chunk: the split that the lazily
        // loaded views would otherwise cause (a dozen small shared chunks, all fetched by the
        // first screen) costs requests and compresses worse. Lazy views keep their own chunks.
        // The engine's solver is left out: registry.ts imports it for the CLI and the tests, but
        // the page runs it only in the worker or the main-thread fallback (registryApi.ts).
        codeSplitting: {
          groups: [
            {
              name: 'engine',
              test: WORKER_ONLY,
              priority: 1,
              includeDependenciesRecursively: false,
            },
            { name: 'start', tags: ['$initial'] },
          ],
        },
      },
    },
  },
  test: {
    reporters: ['default'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: [
            'src/**/*.test.ts',
            'models/**/*.test.ts',
            'tests/unit/**/*.test.ts',
            'tests/cli/**/*.test.ts',
          ],
          environment: 'node',
        },
      },
      {
        // Components and rune state, compiled for the browser and mounted in happy-dom.
        extends: true,
        resolve: { conditions: ['browser'] },
        test: {
          name: 'components',
          include: ['tests/components/**/*.test.ts'],
          environment: 'happy-dom',
        },
      },
    ],
  },
});
