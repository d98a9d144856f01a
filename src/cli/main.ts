#!/usr/bin/env node
import { runCli } from './run-cli.js';

// Reading stops early when the consumer closes the pipe (`icer profiles | head`): that is success, not a crash.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

const code = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  cwd: process.cwd(),
});
// The command is done. What it leaves running must not keep the process: a queue driver that cannot let go of a
// Redis gone away re-arms its timers for ever. Its output is flushed first.
await Promise.all([process.stdout, process.stderr].map((stream) => new Promise((done) => stream.write('', done))));
process.exit(code);
