import { resolve } from 'node:path';
import type { CliIo } from './cli-io.js';
import { fileOutput } from './jsonl-output.js';

/**
 * Prints a command's report the way `icer evaluate`, `icer judge` and `icer stats` all do: a table on stdout, or
 * with `--json` one JSON document; with `--out FILE`, the JSON is also written to FILE (atomically), for
 * `icer report` and other programs to read.
 */
export async function printReport(
  io: CliIo,
  flags: { json?: boolean | undefined; out?: string | undefined },
  report: unknown,
  table: () => string,
): Promise<void> {
  if (flags.out !== undefined) {
    const output = await fileOutput(resolve(io.cwd, flags.out));
    await output.write(report);
    await output.close();
  }
  io.stdout.write(flags.json ? `${JSON.stringify(report, null, 2)}\n` : table());
}
