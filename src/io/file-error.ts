import { IcerError } from '../errors.js';

/** Turns a Node file-system error into an {@link IcerError} that names the file and says what to do. */
export function fileError(error: unknown, file: string): IcerError {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOENT') {
    return new IcerError('FILE_NOT_FOUND', 'The file does not exist.', {
      location: { file },
      hint: 'Check the path.',
      cause: error,
    });
  }
  if (code === 'EISDIR') {
    return new IcerError('FILE_NOT_FOUND', 'Expected a file but found a directory.', {
      location: { file },
      cause: error,
    });
  }
  if (code === 'EACCES' || code === 'EPERM') {
    return new IcerError('FILE_NOT_FOUND', 'The file cannot be read (permission denied).', {
      location: { file },
      hint: 'Check its permissions.',
      cause: error,
    });
  }
  const reason = error instanceof Error ? error.message : String(error);
  return new IcerError('FILE_NOT_FOUND', `The file cannot be read: ${reason}`, { location: { file }, cause: error });
}

/**
 * Turns a Node file-system error met while writing into a `FILE_NOT_WRITABLE` {@link IcerError} that names the file
 * and says why in words ("its folder does not exist", "permission denied").
 */
export function writeError(error: unknown, file: string): IcerError {
  const code = (error as { code?: unknown } | null)?.code;
  const reason =
    code === 'ENOENT'
      ? 'its folder does not exist'
      : code === 'EACCES' || code === 'EPERM'
        ? 'permission denied'
        : code === 'EISDIR'
          ? 'it is a directory'
          : error instanceof Error
            ? error.message
            : String(error);
  return new IcerError('FILE_NOT_WRITABLE', `It cannot be written: ${reason}.`, {
    location: { file },
    hint: 'Check the path and its permissions.',
    cause: error,
  });
}
