#!/usr/bin/env node
/** The command's entry: built into dist-cli/ (`npm run build`), so that nothing is transpiled when it runs. */
import { main } from './main.ts';

// A closed pipe (`spinscope … | head`) ends the output, not the process with a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});
process.exitCode = await main(process.argv.slice(2));
