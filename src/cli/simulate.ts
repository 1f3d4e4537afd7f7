// src/** is type-checked (svelte-check, tsconfig.json) without Node's types; this entry point
// runs under Node (tsx), so it asks for them here.
/**
 * `npm run --silent simulate -- --preset iv-0.5` (see --help): connects runCli to the process.
 * Exit codes: 0 success, 2 bad arguments or an invalid scenario, 1 an unexpected internal error.
 */
import { runCli } from './main';
import { readScenarioFile } from './readFile';

function main(): void {
  // A closed pipe (`... | head`) is not an error worth a stack trace.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    process.stderr.write(`error: cannot write output: ${e.message}\n`);
    process.exit(1);
  });
  try {
    const outcome = runCli(process.argv.slice(2), {
      readTextFile: readScenarioFile,
    });
    for (const line of outcome.stderr) process.stderr.write(line + '\n');
    if (outcome.stdout) process.stdout.write(outcome.stdout);
    process.exitCode = outcome.exitCode;
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    process.stderr.write(`error: internal error: ${message.replace(/\s*[\r\n]+\s*/g, ' ')}\n`);
    process.exitCode = 1;
  }
}

main();
