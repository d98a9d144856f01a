import type { CliIo } from './cli-io.js';
import { fileOutput } from './jsonl-output.js';
import { dataInputs, newOutPath } from './out-flag.js';

/** Where a report command writes its JSON, checked before any work; `inputs` are the files it reads. */
export async function reportOut(
  io: CliIo,
  values: { out?: string | undefined } & Parameters<typeof dataInputs>[0],
  inputs: readonly string[],
): Promise<string | undefined> {
  if (values.out === undefined) return undefined;
  return newOutPath(io.cwd, values.out, { inputs: [...inputs, ...dataInputs(values)] });
}

/**
 * Prints a command's report the way `icer evaluate`, `icer judge` and `icer stats` all do: a table on stdout, or
 * with `json` one JSON document; with `out` (from {@link reportOut}), the JSON is also written there (atomically),
 * for `icer report` and other programs to read.
 */
export async function printReport(
  io: CliIo,
  json: boolean | undefined,
  out: string | undefined,
  report: unknown,
  table: () => string,
): Promise<void> {
  if (out !== undefined) {
    const output = await fileOutput(out);
    try {
      await output.write(report);
    } catch (error) {
      await output.abort();
      throw error;
    }
    await output.close();
  }
  io.stdout.write(json ? `${JSON.stringify(report, null, 2)}\n` : table());
}
