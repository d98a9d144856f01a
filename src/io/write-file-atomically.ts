import { randomBytes } from 'node:crypto';
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { readdir, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { writeError } from './file-error.js';
import { checkNotStopping } from './unfinished-files.js';

/**
 * Writes a whole file through a temporary sibling renamed into place: a failure leaves the previous file (if any)
 * as it was and no temporary file behind. Throws `FILE_NOT_WRITABLE` naming the file, or, once a signal has stopped
 * the command, nothing is moved into place.
 */
export async function writeFileAtomically(file: string, content: string): Promise<void> {
  const temp = join(dirname(file), `.${basename(file)}.${randomBytes(4).toString('hex')}.tmp`);
  // All in one turn: a signal's clean-up runs between turns, so it never finds the temporary file. Written
  // asynchronously, the file could be made by a write still under way after the clean-up, and be left behind as the
  // process ended on the signal.
  try {
    checkNotStopping();
    writeFileSync(temp, content);
    renameSync(temp, file);
  } catch (error) {
    // A temporary file that could not be made (its name too long, its folder gone) leaves nothing to remove.
    try {
      rmSync(temp, { force: true });
    } catch {
      // Left, as a kill would leave it: removeLeftTemporaries takes it later.
    }
    throw writeError(error, file);
  }
}

// The name of a temporary sibling of a file: its own name, then 8 hex digits (see writeFileAtomically).
const TEMPORARY = /^[0-9a-f]{8}\.tmp$/;

/**
 * Removes the temporary siblings of `file` that a process killed mid-write (SIGKILL gives it no chance to) left
 * behind. Only for a caller that holds the file's lock, so that no live writer's temporary file is taken.
 */
export async function removeLeftTemporaries(file: string): Promise<void> {
  const prefix = `.${basename(file)}.`;
  const names = await readdir(dirname(file)).catch(() => [] as string[]);
  await Promise.all(
    names
      .filter((name) => name.startsWith(prefix) && TEMPORARY.test(name.slice(prefix.length)))
      .map((name) => rm(join(dirname(file), name), { force: true })),
  );
}
