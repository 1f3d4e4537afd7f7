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

export default ts.config(
  {
    ignores: [
      'dist/',
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
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['svelte', 'svelte/*', '*.svelte', 'comlink', 'comlink/*', 'd3', 'd3-*'],
              message: 'The engine may not import Svelte, comlink, d3 or other DOM-bound code.',
            },
            {
              group: ['**/lib/**', '**/components/**', '**/worker/**', '**/ui/**'],
              message: 'The engine may not import UI or worker modules.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', ...domGlobals],
    },
  },
);
