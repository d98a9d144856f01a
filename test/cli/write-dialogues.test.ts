import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { streamOutput } from '../../src/cli/jsonl-output.js';
import type { RunEntry } from '../../src/cli/run-entries.js';
import { writeDialogues } from '../../src/cli/write-dialogues.js';

// Entries for indices [0, count), with `stop` fired after the entry `stopAfter` is taken.
function entriesStopping(count: number, stopAfter: number, stop: AbortController) {
  return async function* (): AsyncGenerator<RunEntry> {
    for (let index = 0; index < count; index++) {
      yield { index, line: JSON.stringify({ index }), violations: 0 };
      if (index === stopAfter) stop.abort();
    }
  };
}

async function written(count: number, total: number, stopAfter: number) {
  const stop = new AbortController();
  const out = new PassThrough();
  let text = '';
  out.on('data', (chunk: Buffer) => {
    text += chunk.toString('utf8');
  });
  const result = await writeDialogues(entriesStopping(count, stopAfter, stop), {
    target: { output: streamOutput(out) },
    stderr: new PassThrough(),
    total,
    quiet: true,
    stop: stop.signal,
  });
  return { result, lines: text.split('\n').filter(Boolean).length };
}

describe('writeDialogues', () => {
  it('calls a run stopped after its last record complete, and one stopped before it interrupted', async () => {
    // The signal came while the last record was being written: nothing was left to stop.
    expect(await written(5, 5, 4)).toMatchObject({ result: { dialogues: 5, interrupted: false }, lines: 5 });
    // Stopped with two of five written (the entries end as a stopped run's do).
    expect(await written(2, 5, 1)).toMatchObject({ result: { dialogues: 2, interrupted: true }, lines: 2 });
  });
});
