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
