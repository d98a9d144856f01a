import type { Writable } from 'node:stream';

/** A one-line progress bar, redrawn in place; silent when the stream is not a terminal (logs, pipes, CI). */
export class ProgressBar {
  readonly #stream: Writable & { isTTY?: boolean; columns?: number };
  readonly #total: number;
  readonly #started = Date.now();
  #lastDraw = 0;

  constructor(stream: Writable, total: number) {
    this.#stream = stream;
    this.#total = total;
  }

  get enabled(): boolean {
    return this.#stream.isTTY === true;
  }

  update(done: number, note = ''): void {
    if (!this.enabled) return;
    const now = Date.now();
    // Redrawing every dialogue would cost more than the dialogues; ten frames a second is smooth enough.
    if (done < this.#total && now - this.#lastDraw < 100) return;
    this.#lastDraw = now;
    const width = 24;
    const filled = Math.round((done / Math.max(1, this.#total)) * width);
    const rate = done / Math.max(0.001, (now - this.#started) / 1000);
    const line = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${this.#total} ${rate.toFixed(0)}/s ${note}`;
    this.#stream.write(`\r${line.slice(0, (this.#stream.columns ?? 80) - 1)}\x1b[K`);
  }

  finish(): void {
    if (this.enabled) this.#stream.write('\n');
  }
}
