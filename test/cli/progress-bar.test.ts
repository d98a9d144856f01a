import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { formatDuration, ProgressBar } from '../../src/cli/progress-bar.js';

const ESC = String.fromCharCode(27);

function stream(isTTY: boolean, columns = 200) {
  const out: PassThrough & { isTTY?: boolean; columns?: number } = new PassThrough();
  out.isTTY = isTTY;
  out.columns = columns;
  const chunks: string[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk.toString('utf8')));
  return { out, text: () => chunks.join('') };
}

/** A clock the test moves by hand. */
function clock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));
// No colour: the lines compare as plain text.
const PLAIN = { env: { NO_COLOR: '1' } };

describe('ProgressBar', () => {
  it('shows done/total, the share, the rate in dialogues/s and the time left at that rate', async () => {
    const { out, text } = stream(true);
    const time = clock();
    const bar = new ProgressBar(out, 1000, { ...PLAIN, now: time.now });
    time.advance(10_000);
    bar.update(250, '3 violations');
    await flush();
    // 250 in 10 s is 25/s; 750 left at 25/s is 30 s.
    expect(text()).toBe(`\r[######..................] 250/1000  25%  25 dialogues/s  ETA 0:30  3 violations${ESC}[K`);
  });

  it('says ETA --:-- before any dialogue is done, and 0:00 when all are', () => {
    const { out } = stream(true);
    const time = clock();
    const bar = new ProgressBar(out, 10, { ...PLAIN, now: time.now });
    expect(bar.line(0, time.now())).toContain('0 dialogues/s  ETA --:--');
    time.advance(2000);
    expect(bar.line(10, time.now())).toContain('10/10  100%  5.0 dialogues/s  ETA 0:00');
  });

  it('formats long waits in hours', () => {
    expect(formatDuration(59.6)).toBe('1:00');
    expect(formatDuration(3 * 3600 + 5 * 60 + 7)).toBe('3:05:07');
    const { out } = stream(true);
    const time = clock();
    const bar = new ProgressBar(out, 100_000, { ...PLAIN, now: time.now });
    time.advance(60_000);
    expect(bar.line(1000, time.now())).toContain('1000/100000  1%  17 dialogues/s  ETA 1:39:00');
  });

  it('redraws at most ten times a second, but always draws the last one', async () => {
    const { out, text } = stream(true);
    const time = clock();
    const bar = new ProgressBar(out, 3, { ...PLAIN, now: time.now });
    bar.update(1);
    time.advance(50);
    bar.update(2);
    time.advance(10);
    bar.update(3);
    bar.finish();
    await flush();
    expect(text().match(/\r/g)?.length).toBe(2);
    expect(text()).toContain('3/3');
    expect(text().endsWith(`${ESC}[K\n`)).toBe(true);
  });

  it('fits the terminal width', () => {
    const { out } = stream(true, 40);
    const bar = new ProgressBar(out, 10, PLAIN);
    expect(bar.line(5, Date.now(), 'a long note about violations').length).toBe(39);
  });

  it('takes 80 columns where the terminal does not say its width', () => {
    const time = clock();
    const { out } = stream(true, 0);
    const bar = new ProgressBar(out, 3000, { ...PLAIN, now: time.now });
    time.advance(5000);
    expect(bar.line(3000, time.now())).toBe('[########################] 3000/3000  100%  600 dialogues/s  ETA 0:00');
    expect(bar.line(1, time.now(), 'x'.repeat(100))).toHaveLength(79);
  });

  it('colours the filled part on a terminal, and not with NO_COLOR', () => {
    const time = clock();
    const coloured = new ProgressBar(stream(true).out, 4, { env: {}, now: time.now });
    expect(coloured.line(4, time.now())).toContain(`[${ESC}[32m########################${ESC}[39m]`);
    const plain = new ProgressBar(stream(true).out, 4, { env: { NO_COLOR: '1' }, now: time.now });
    expect(plain.line(4, time.now())).toContain('[########################]');
    expect(plain.line(4, time.now())).not.toContain(ESC);
  });

  it('stays silent when stderr is not a terminal', async () => {
    const { out, text } = stream(false);
    const bar = new ProgressBar(out, 4);
    bar.update(1);
    bar.update(4);
    bar.finish();
    await flush();
    expect(text()).toBe('');
  });
});
