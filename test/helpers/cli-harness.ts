import { PassThrough, Readable } from 'node:stream';
import { runCli } from '../../src/cli/run-cli.js';

/** Runs the CLI in-process and collects what it printed. */
export async function cli(
  args: string[],
  cwd = process.cwd(),
  /** What the command reads as standard input (`-`). */
  input = '',
): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: string[] = [];
  const err: string[] = [];
  stdout.on('data', (chunk: Buffer) => out.push(chunk.toString('utf8')));
  stderr.on('data', (chunk: Buffer) => err.push(chunk.toString('utf8')));
  const code = await runCli(args, { stdout, stderr, cwd, stdin: Readable.from([Buffer.from(input)]) });
  return { code, stdout: out.join(''), stderr: err.join('') };
}

/**
 * Runs the CLI in-process with stderr as a terminal (120 columns): where progress bars are drawn. Its environment is
 * `env` (by default NO_COLOR, so no colour), never the test process's.
 */
export async function cliOnTerminal(
  args: string[],
  cwd = process.cwd(),
  env: Record<string, string> = { NO_COLOR: '1' },
): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new PassThrough();
  const stderr: PassThrough & { isTTY?: boolean; columns?: number } = new PassThrough();
  stderr.isTTY = true;
  stderr.columns = 120;
  const out: string[] = [];
  const err: string[] = [];
  stdout.on('data', (chunk: Buffer) => out.push(chunk.toString('utf8')));
  stderr.on('data', (chunk: Buffer) => err.push(chunk.toString('utf8')));
  const code = await runCli(args, { stdout, stderr, cwd, stdin: Readable.from([]), env });
  return { code, stdout: out.join(''), stderr: err.join('') };
}
