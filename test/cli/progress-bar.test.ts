import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ProgressBar } from '../../src/cli/progress-bar.js';

function stream(isTTY: boolean): { out: PassThrough & { isTTY?: boolean; columns?: number }; text: () => string } {
  const out: PassThrough & { isTTY?: boolean; columns?: number } = new PassThrough();
  out.isTTY = isTTY;
  out.columns = 100;
  const chunks: string[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk.toString('utf8')));
  return { out, text: () => chunks.join('') };
}

describe('ProgressBar', () => {
  it('draws on a terminal, in place, and ends the line', async () => {
    const { out, text } = stream(true);
    const bar = new ProgressBar(out, 4);
    bar.update(4, '2 violations');
    bar.finish();
    await new Promise((resolve) => setImmediate(resolve));
    const esc = String.fromCharCode(27);
    expect(text().startsWith('\r')).toBe(true);
    expect(text().endsWith(`${esc}[K\n`)).toBe(true);
    expect(text()).toMatch(/^\r\[#{24}\] 4\/4 \d+\/s 2 violations/);
  });

  it('stays silent when stderr is not a terminal', async () => {
    const { out, text } = stream(false);
    const bar = new ProgressBar(out, 4);
    bar.update(1);
    bar.update(4);
    bar.finish();
    await new Promise((resolve) => setImmediate(resolve));
    expect(text()).toBe('');
  });
});
