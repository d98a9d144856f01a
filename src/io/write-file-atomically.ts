import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { IcerError } from '../errors.js';

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
    const code = (error as { code?: unknown } | null)?.code;
    const reason =
      code === 'ENOENT'
        ? 'its folder does not exist'
        : code === 'EACCES' || code === 'EPERM'
          ? 'permission denied'
          : code === 'EISDIR'
            ? 'it is a directory'
            : (error as Error).message;
    throw new IcerError('FILE_NOT_WRITABLE', `The file cannot be written: ${reason}.`, {
      location: { file },
      hint: 'Check the path and its permissions.',
      cause: error,
    });
  }
}
