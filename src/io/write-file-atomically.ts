import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { writeError } from './file-error.js';

/**
 * Writes a whole file through a temporary sibling renamed into place: a failure leaves the previous file (if any)
 * as it was and no temporary file behind. Throws `FILE_NOT_WRITABLE` naming the file.
 */
export async function writeFileAtomically(file: string, content: string): Promise<void> {
  const temp = join(dirname(file), `.${basename(file)}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(temp, content);
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw writeError(error, file);
  }
}
