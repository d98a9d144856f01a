import { unlinkSync } from 'node:fs';
import { open, readFile, rm, stat, utimes } from 'node:fs/promises';
import { hostname } from 'node:os';
import { basename } from 'node:path';
import { IcerError } from '../errors.js';
import { markUnfinished } from './unfinished-files.js';

// A run touches its lock this often, and a lock untouched for STALE_MS is a run that was killed: on another machine
// (a shared folder, a retried pod) its process cannot be asked whether it still runs.
const HEARTBEAT_MS = 10_000;
const STALE_MS = 60_000;
// A run writes who it is into its lock as soon as it has made it: one still empty this long after was left by a run
// killed in between.
const UNWRITTEN_MS = 5000;
// Taking a stale lock over is done by one run at a time, under a second lock held for milliseconds; one left this long
// was left by a run killed in the middle of it.
const TAKEOVER_STALE_MS = 10_000;
// How long a run waits for another's takeover before it looks again.
const TAKEOVER_WAIT_MS = 50;
const TAKEOVER_TRIES = 200;

/** The lock's path: beside the output, as its manifest is. */
export function lockPath(file: string): string {
  return `${file}.icer-lock`;
}

/** Who holds a lock, as its file says. */
interface Holder {
  readonly pid?: number;
  readonly host?: string;
  readonly since?: string;
}

/**
 * A lock beside a run's output, so that two runs never append to it at once (two `--resume` of one run started
 * together would write every record twice). Taken by creating the file exclusively; a lock left by a run that was
 * killed is taken over when its process is gone (same machine) or it has not been touched for a minute. Released
 * when the run closes its output, and when the process exits.
 */
export class OutputLock {
  readonly #path: string;
  readonly #beat: ReturnType<typeof setInterval>;
  readonly #onExit = () => this.release();
  // A process ended by a signal has no exit event: its lock goes with what it left unfinished.
  readonly #unmark: () => void;
  #held = true;

  private constructor(path: string, output: string) {
    this.#path = path;
    this.#unmark = markUnfinished(path, output);
    this.#beat = setInterval(() => {
      const now = new Date();
      utimes(path, now, now).catch(() => undefined);
    }, HEARTBEAT_MS);
    this.#beat.unref();
    process.once('exit', this.#onExit);
  }

  /**
   * Takes the lock of `file`'s output, or throws `OUTPUT_IN_USE` naming the run that holds it. `output` is the output
   * as the user named it (`file` is what it writes: a symlink's target), for what a signal's message says.
   */
  static async acquire(file: string, { output = file }: { readonly output?: string } = {}): Promise<OutputLock> {
    const path = lockPath(file);
    for (let attempt = 0; ; attempt++) {
      const handle = await createExclusive(path);
      if (handle) {
        const holder: Holder = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
        await handle.writeFile(JSON.stringify(holder));
        await handle.close();
        return new OutputLock(path, output);
      }
      const holder = await readHolder(path);
      if (attempt < TAKEOVER_TRIES && (await isStale(path, holder))) {
        // Removed, or being removed by another run: either way, try to make it again.
        if (!(await takeOver(path))) await new Promise((resolve) => setTimeout(resolve, TAKEOVER_WAIT_MS));
        continue;
      }
      const who =
        holder.pid === undefined ? 'Another icer run' : `Another icer run (process ${holder.pid} on ${holder.host})`;
      throw new IcerError(
        'OUTPUT_IN_USE',
        `${who} is writing this output${holder.since ? ` since ${holder.since}` : ''}.`,
        {
          location: { file },
          hint: `Let it finish, or stop it and run again. A run that was killed leaves ${basename(path)} behind; it is taken over once its process is gone, or after a minute untouched.`,
        },
      );
    }
  }

  /** Gives the lock up (again does nothing). */
  release(): void {
    if (!this.#held) return;
    this.#held = false;
    clearInterval(this.#beat);
    process.removeListener('exit', this.#onExit);
    this.#unmark();
    try {
      unlinkSync(this.#path);
    } catch {
      // Already gone: nothing to give up.
    }
  }
}

/** The file made anew, or undefined when it is there already. */
async function createExclusive(path: string) {
  return open(path, 'wx').catch((error: { code?: string }) => {
    if (error.code === 'EEXIST') return undefined;
    throw new IcerError('FILE_NOT_WRITABLE', `Its lock cannot be created: ${(error as Error).message}.`, {
      location: { file: path },
      hint: 'Check the folder of --out: icer keeps a lock and a manifest beside the output.',
      cause: error,
    });
  });
}

/**
 * Removes the stale lock at `path`, if it still is one, as one run at a time (two runs that both found it stale would
 * otherwise each remove it, the second the lock the first had just made, and both write the output). False when
 * another run is taking it over.
 */
async function takeOver(path: string): Promise<boolean> {
  const guard = `${path}.takeover`;
  let handle = await createExclusive(guard);
  if (!handle) {
    const touched = await stat(guard).then(
      (info) => info.mtimeMs,
      () => Date.now(),
    );
    if (Date.now() - touched <= TAKEOVER_STALE_MS) return false;
    await rm(guard, { force: true });
    handle = await createExclusive(guard);
    if (!handle) return false;
  }
  try {
    await handle.close();
    // Judged again, now that no other run can remove it: the lock may be another run's since it was first read.
    if (await isStale(path, await readHolder(path))) await rm(path, { force: true });
    return true;
  } finally {
    await rm(guard, { force: true });
  }
}

async function readHolder(path: string): Promise<Holder> {
  try {
    const value: unknown = JSON.parse(await readFile(path, 'utf8'));
    return typeof value === 'object' && value !== null ? (value as Holder) : {};
  } catch {
    // Being written by the run that just took it, or not ours: held, as far as can be told.
    return {};
  }
}

async function isStale(path: string, holder: Holder): Promise<boolean> {
  const touched = await stat(path).then(
    (info) => info.mtimeMs,
    () => 0,
  );
  const age = Date.now() - touched;
  if (age > STALE_MS) return true;
  if (holder.pid === undefined) return age > UNWRITTEN_MS;
  return holder.host === hostname() && !isRunning(holder.pid);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as { code?: string }).code === 'EPERM';
  }
}
