import js from '@eslint/js';
import ts from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';

/** Browser globals that the engine must never touch: it runs in a worker, in Node and in tests. */
const domGlobals = [
  'window',
  'document',
  'navigator',
  'localStorage',
  'sessionStorage',
  'location',
  'history',
  'HTMLElement',
  'Element',
  'Node',
  'Event',
  'CustomEvent',
  'requestAnimationFrame',
  'self',
  'postMessage',
  'Worker',
  'fetch',
].map((name) => ({ name, message: 'The engine is pure TypeScript: no DOM or worker globals.' }));

/** What pure computation (the engine, the models) may not import. */
const pureImports = [
  {
    group: ['svelte', 'svelte/*', '*.svelte', 'comlink', 'comlink/*', 'd3', 'd3-*'],
    message: 'The engine may not import Svelte, comlink, d3 or other DOM-bound code.',
  },
  {
    group: ['**/lib/**', '**/components/**', '**/worker/**', '**/ui/**'],
    message: 'The engine may not import UI or worker modules.',
  },
];
const noModels = {
  group: ['**/models/**', '**/models'],
  message:
    'The engine is handed its models (a Registry, src/engine/registry.ts); it may not import models/.',
};
/** d3 is a development dependency: scale.test.ts compares the chart core's scales with it. */
const noD3 = {
  group: ['d3', 'd3-*'],
  message:
    'd3 is only a development dependency: the chart core has its own scales (src/charts/scale.ts).',
};
const noRoot = {
  group: ['../registry', '../registryApi', '**/src/registry', '**/src/registryApi'],
  message: 'The composition root (src/registry.ts) imports the engine, not the other way round.',
};

export default ts.config(
  {
    ignores: [
      'dist/',
      '.lighthouse-dist/',
      'node_modules/',
      'test-results/',
      'playwright-report/',
      '.reports/',
      '.scratch/',
    ],
  },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.browser, ...globals.node },
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: {
      parserOptions: { parser: ts.parser, extraFileExtensions: ['.svelte'] },
    },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    // The engine and the published models are pure computation: no DOM, no Svelte, no comlink.
    files: ['src/engine/**/*.ts', 'models/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: pureImports }],
      'no-restricted-globals': ['error', ...domGlobals],
    },
  },
  {
    // The engine is handed its models (src/engine/registry.ts) by the composition root
    // (src/registry.ts); it never imports models/ itself. Its tests may use the composition root.
    files: ['src/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [...pureImports, noModels] }],
    },
  },
  {
    // Content is pure data (texts, claims, citation keys): it imports only other content, never
    // the page's logic (lib/), the engine or the models. Its tests may import what they check.
    files: ['src/content/**/*.ts'],
    ignores: ['src/content/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['../*', '../**'],
              message: 'src/content is pure data: it may import only other files of src/content.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/engine/**/*.ts'],
    ignores: ['src/engine/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [...pureImports, noModels, noRoot] }],
    },
  },
  {
    // The chart core draws what it is given: it knows the engine's curve helpers, not the page's
    // state, the shared components or the modes.
    files: ['src/charts/**/*.ts', 'src/charts/**/*.svelte'],
    ignores: ['src/charts/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/lib/**', '**/components/**', '**/modes/**', '**/models/**'],
              message: 'src/charts is the chart core: it may import the engine only.',
            },
            noD3,
          ],
        },
      ],
    },
  },
  {
    // What several modes share (components, page state) never reaches into one mode.
    files: ['src/components/**', 'src/lib/**'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/modes/**'],
              message: 'Shared code may not import a mode: move what both need out of src/modes.',
            },
            noD3,
          ],
        },
      ],
    },
  },
  ...['simulator', 'lecture', 'patient', 'exercises', 'embed'].map(
    (mode) =>
      /** @type {import('eslint').Linter.Config} */ ({
        // A mode may use shared code, never another mode's files.
        files: [`src/modes/${mode}/**`],
        rules: {
          'no-restricted-imports': [
            'error',
            {
              patterns: [
                {
                  group: ['simulator', 'lecture', 'patient', 'exercises', 'embed']
                    .filter((m) => m !== mode)
                    .map((m) => `**/modes/${m}/**`)
                    .concat(
                      ['simulator', 'lecture', 'patient', 'exercises', 'embed']
                        .filter((m) => m !== mode)
                        .map((m) => `../${m}/*`),
                    ),
                  message:
                    'A mode may not import another mode: share it through src/components or src/lib.',
                },
                noD3,
              ],
            },
          ],
        },
      }),
  ),
);
