import type { Writable } from 'node:stream';

/** The environment variables that decide colour: the NO_COLOR convention (no-color.org) and FORCE_COLOR. */
export interface ColourEnv {
  NO_COLOR?: string | undefined;
  FORCE_COLOR?: string | undefined;
  TERM?: string | undefined;
}

/**
 * Whether to colour what goes to `stream`: never when `NO_COLOR` is set (to anything but the empty string);
 * always when `FORCE_COLOR` is set (but not to `0` or `false`), say for a pager that shows colour; otherwise only
 * on a terminal that is not `TERM=dumb`. Logs, pipes and files get plain text.
 */
export function colourEnabled(stream: Writable & { isTTY?: boolean }, env: ColourEnv = process.env): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  return stream.isTTY === true && env.TERM !== 'dumb';
}

const ESC = '\u001b';

/** The few colours the command line uses, each a no-op when colour is off. */
export interface Paint {
  red(text: string): string;
  yellow(text: string): string;
  green(text: string): string;
  dim(text: string): string;
}

/** {@link Paint} for `stream`, coloured only when {@link colourEnabled} says so. */
export function paintFor(stream: Writable & { isTTY?: boolean }, env?: ColourEnv): Paint {
  const on = colourEnabled(stream, env);
  const sgr = (open: number, close: number) => (text: string) =>
    on && text !== '' ? `${ESC}[${open}m${text}${ESC}[${close}m` : text;
  return { red: sgr(31, 39), yellow: sgr(33, 39), green: sgr(32, 39), dim: sgr(2, 22) };
}
