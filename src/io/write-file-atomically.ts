import { randomBytes } from 'node:crypto';
import { renameSync } from 'node:fs';
import { readdir, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { writeError } from './file-error.js';
import { checkNotStopping, markUnfinished } from './unfinished-files.js';

/**
 * Writes a whole file through a temporary sibling renamed into place: a failure leaves the previous file (if any)
 * as it was and no temporary file behind. Throws `FILE_NOT_WRITABLE` naming the file. `output` is what the file is
 * written for (a run's output, for its manifest), as a command stopped by a signal names it.
 */
export async function writeFileAtomically(
  file: string,
  content: string,
  { output = file }: { readonly output?: string } = {},
): Promise<void> {
  const temp = join(dirname(file), `.${basename(file)}.${randomBytes(4).toString('hex')}.tmp`);
  const finished = markUnfinished(temp, output);
  try {
    await writeFile(temp, content);
    // At once, with no turn between the check and the move in which a signal's message could be made untrue.
    checkNotStopping();
    renameSync(temp, file);
  } catch (error) {
    // A temporary file that could not be made (its name too long, its folder gone) leaves nothing to remove.
    await rm(temp, { force: true }).catch(() => undefined);
    throw writeError(error, file);
  } finally {
    finished();
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
