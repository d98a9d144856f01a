#!/usr/bin/env node
import { runCli } from './run-cli.js';

// Reading stops early when the consumer closes the pipe (`icer profiles | head`): that is success, not a crash.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  cwd: process.cwd(),
});
