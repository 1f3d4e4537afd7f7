import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';

export default defineConfig({
  plugins: [svelte()],
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
