import type { Writable } from 'node:stream';
import { type ColourEnv, paintFor } from './colour.js';

/** What a {@link ProgressBar} reads besides its stream; tests give a fake clock. */
export interface ProgressBarOptions {
  /** Milliseconds since some fixed point (default `Date.now`). */
  now?: () => number;
  /** Where NO_COLOR and FORCE_COLOR are read (default `process.env`). */
  env?: ColourEnv;
  /** What is being counted, for the rate (default `dialogues`). */
  unit?: string;
}

/** `m:ss`, or `h:mm:ss` from an hour on. */
export function formatDuration(seconds: number): string {
  const whole = Math.max(0, Math.round(seconds));
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = String(whole % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/**
 * A one-line progress bar on stderr, redrawn in place: done/total, the share, the rate (dialogues/s) since the
 * start and the time left at that rate (ETA). Silent when the stream is not a terminal (logs, pipes, CI); coloured
 * only where colour is allowed (see `colourEnabled`).
 */
export class ProgressBar {
  readonly #stream: Writable & { isTTY?: boolean; columns?: number };
  readonly #total: number;
  readonly #now: () => number;
  readonly #unit: string;
  readonly #paint;
  readonly #started: number;
  #lastDraw = Number.NEGATIVE_INFINITY;
  #drawn = false;

  constructor(stream: Writable, total: number, options: ProgressBarOptions = {}) {
    this.#stream = stream;
    this.#total = total;
    this.#now = options.now ?? Date.now;
    this.#unit = options.unit ?? 'dialogues';
    this.#paint = paintFor(stream, options.env);
    this.#started = this.#now();
  }

  get enabled(): boolean {
    return this.#stream.isTTY === true;
  }

  update(done: number, note = ''): void {
    if (!this.enabled) return;
    const now = this.#now();
    // Redrawing every dialogue would cost more than the dialogues; ten frames a second is smooth enough.
    if (done < this.#total && now - this.#lastDraw < 100) return;
    this.#lastDraw = now;
    this.#drawn = true;
    this.#stream.write(`\r${this.line(done, now, note)}\u001b[K`);
  }

  /** The bar as drawn after `done` of the total at time `now`, cut to the terminal's width. */
  line(done: number, now: number, note = ''): string {
    const width = 24;
    const total = Math.max(1, this.#total);
    const filled = Math.min(width, Math.round((done / total) * width));
    const seconds = (now - this.#started) / 1000;
    const rate = seconds > 0 ? done / seconds : 0;
    const left = this.#total - done;
    const eta = left <= 0 ? formatDuration(0) : rate > 0 ? formatDuration(left / rate) : '--:--';
    const percent = `${Math.floor((Math.min(done, total) / total) * 100)}%`;
    const rateText = rate >= 10 || rate === 0 ? rate.toFixed(0) : rate.toFixed(1);
    const parts = [
      `${done}/${this.#total}`,
      percent,
      `${rateText} ${this.#unit}/s`,
      `ETA ${eta}`,
      ...(note === '' ? [] : [note]),
    ];
    const plain = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${parts.join('  ')}`;
    // A terminal of unknown size (a pty nobody sized) says 0 columns: take the usual 80.
    const columns = this.#stream.columns;
    const room = (columns !== undefined && columns > 0 ? columns : 80) - 1;
    const cut = plain.slice(0, room);
    // Colour the filled part only, after cutting, so that escapes never count against the width.
    return cut.startsWith(`[${'#'.repeat(filled)}`) && filled > 0
      ? `[${this.#paint.green('#'.repeat(filled))}${cut.slice(1 + filled)}`
      : cut;
  }

  finish(): void {
    if (this.enabled && this.#drawn) this.#stream.write('\n');
  }
}
