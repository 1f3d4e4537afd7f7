import { defineConfig, type Plugin } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { VitePWA } from 'vite-plugin-pwa';

/**
 * The Content-Security-Policy of the built app: everything from the app's own origin only; no
 * inline script, no eval, no inline style attributes (styles set through the CSSOM, as Svelte and
 * d3 do, are allowed by CSP). Images may also be data: and blob: URLs, which the PNG export uses.
 * It is a <meta> tag so that it holds on any static host; a server may send the same policy as a
 * header (and add frame-ancestors, which a meta tag cannot carry). Development (vite dev) injects
 * inline scripts for hot reload, so the policy is added to production builds only.
 */
export const CONTENT_SECURITY_POLICY = [
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
].join('; ');

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

export default defineConfig({
  plugins: [
    svelte(),
    contentSecurityPolicy(),
    // Installable, and fully usable offline after the first visit: every built file (app, worker,
    // lazily loaded panels and modes, icons) is precached by a generated service worker.
    VitePWA({
      registerType: 'autoUpdate',
      // An external registerSW.js, not an inline script, so the CSP needs no exception.
      injectRegister: 'script-defer',
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
        background_color: '#f3f5f8',
        theme_color: '#12355b',
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
        // Every address of the app (its state lives in the query string) opens the cached page.
        navigateFallback: 'index.html',
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
  },
  test: {
    include: [
      'src/**/*.test.ts',
      'models/**/*.test.ts',
      'tests/unit/**/*.test.ts',
      'tests/cli/**/*.test.ts',
    ],
    environment: 'node',
    reporters: ['default'],
  },
});
