#!/usr/bin/env node
import { runCli, writeFailure } from './run-cli.js';

// Reading stops early when the consumer closes the pipe (`icer profiles | head`): that is success, not a crash. Any
// other failure to write is said plainly, not as a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  process.stderr.write(`icer: ${writeFailure(error)}\n`);
  process.exit(1);
});

const INTERRUPTED = [130, 143];

/** Settles once what was written to `streams` has gone out, or after `ms` when given. */
function flushed(streams: NodeJS.WriteStream[], ms?: number): Promise<unknown> {
  const out = Promise.all(streams.map((stream) => new Promise((done) => stream.write('', done))));
  return ms === undefined ? out : Promise.race([out, new Promise((done) => setTimeout(done, ms).unref())]);
}

const code = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  cwd: process.cwd(),
  abandon: async (signal) => {
    await flushed([process.stderr], 1000);
    // With no listener left, the signal's own action ends the process (exit status 128 + its number).
    process.removeAllListeners(signal);
    process.kill(process.pid, signal);
  },
});
// The command is done. What it leaves running must not keep the process (a queue driver that cannot let go of a
// Redis gone away re-arms its timers for ever). Its output is flushed first; an interrupted command does not wait
// for a reader that takes nothing more.
// A signal now would end the process with its own status over the command's, as though the finished work had been
// interrupted: it is let pass.
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => {});
await flushed([process.stdout, process.stderr], INTERRUPTED.includes(code) ? 1000 : undefined);
process.exit(code);
