#!/usr/bin/env node
// Runs the TypeScript command directly: the engine is the same source the extension is built from.
import { register } from 'tsx/esm/api';

// A closed pipe (`spinscope … | head`) ends the output, not the process with a stack trace.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});
register();
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2));
