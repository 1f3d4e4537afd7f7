/**
 * `npm run bench`: the engine benchmark (bench/suite.ts) and the variability bands as the app asks
 * for them (bench/bands.ts), run directly by tsx. Under this package's "type": "module", tsx keeps
 * each module as ESM (no CommonJS getter wrappers on imports), and its timings matched an
 * esbuild-bundled run of the same code (node only) within the machine's noise, so no bundling step
 * is needed.
 */
import { benchBands } from './bands';
import { runBenchmark } from './suite';

runBenchmark(benchBands());
