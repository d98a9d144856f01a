import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { colourEnabled, paintFor } from '../../src/cli/colour.js';
import { runCli } from '../../src/cli/run-cli.js';

const ESC = String.fromCharCode(27);

function terminal(isTTY: boolean) {
  const out: PassThrough & { isTTY?: boolean } = new PassThrough();
  out.isTTY = isTTY;
  const chunks: string[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk.toString('utf8')));
  return { out, text: () => chunks.join('') };
}

describe('colour', () => {
  it('is on for a terminal only, off with NO_COLOR, forced with FORCE_COLOR', () => {
    const tty = terminal(true).out;
    const pipe = terminal(false).out;
    expect(colourEnabled(tty, {})).toBe(true);
    expect(colourEnabled(pipe, {})).toBe(false);
    expect(colourEnabled(tty, { NO_COLOR: '1' })).toBe(false);
    // An empty NO_COLOR does not count (no-color.org).
    expect(colourEnabled(tty, { NO_COLOR: '' })).toBe(true);
    expect(colourEnabled(tty, { TERM: 'dumb' })).toBe(false);
    expect(colourEnabled(pipe, { FORCE_COLOR: '1' })).toBe(true);
    expect(colourEnabled(tty, { FORCE_COLOR: '0' })).toBe(false);
    expect(colourEnabled(pipe, { FORCE_COLOR: '1', NO_COLOR: '1' })).toBe(false);
  });

  it('paints nothing when off', () => {
    expect(paintFor(terminal(false).out, {}).red('x')).toBe('x');
    expect(paintFor(terminal(true).out, {}).red('x')).toBe(`${ESC}[31mx${ESC}[39m`);
  });

  async function usageError(isTTY: boolean, env: Record<string, string>) {
    const stderr = terminal(isTTY);
    const stdout = terminal(false);
    const code = await runCli(['generate', '--count', 'x'], { stdout: stdout.out, stderr: stderr.out, cwd: '.', env });
    await new Promise((resolve) => setImmediate(resolve));
    return { code, stderr: stderr.text() };
  }

  it('marks an error red on a terminal, and writes it plain to a pipe or under NO_COLOR', async () => {
    const tty = await usageError(true, {});
    expect(tty.code).toBe(2);
    expect(tty.stderr.startsWith(`${ESC}[31micer generate:${ESC}[39m --count`)).toBe(true);
    for (const plain of [await usageError(false, {}), await usageError(true, { NO_COLOR: '1' })]) {
      expect(plain.code).toBe(2);
      expect(plain.stderr).not.toContain(ESC);
      expect(plain.stderr.startsWith('icer generate: --count')).toBe(true);
    }
  });
});
