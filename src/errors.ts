/**
 * Stable error codes. Tools and tests may switch on these; they never change meaning once released.
 */
export const ICER_ERROR_CODES = [
  /** A file or directory the caller named does not exist or cannot be read. */
  'FILE_NOT_FOUND',
  /** A CSV row does not have the columns its header promises, or a field is not of the expected form. */
  'MALFORMED_CSV',
  /** A JSON document could not be parsed. */
  'MALFORMED_JSON',
  /** A rating is outside the scale the loader was told to expect. */
  'RATING_OUT_OF_RANGE',
  /** A record refers to an item id that is not in the catalog. */
  'UNKNOWN_ITEM',
  /** A title could not be matched to exactly one catalog item. */
  'UNKNOWN_TITLE',
  /** An attribute is not in the catalog's vocabulary, or is ambiguous. */
  'UNKNOWN_ATTRIBUTE',
  /** Two items share one id. */
  'DUPLICATE_ITEM_ID',
  /** A catalog document or item does not match the catalog schema. */
  'INVALID_CATALOG',
  /** A catalog has no items where at least one is needed. */
  'EMPTY_CATALOG',
  /** A profile document does not match the profile schema, or contradicts itself. */
  'INVALID_PROFILE',
  /** A user was asked for who has no ratings. */
  'NO_RATINGS',
  /** An option or argument passed to a function is not valid. */
  'INVALID_ARGUMENT',
  /** A model answered, but not usably (not JSON, wrong number of utterances, empty), even when re-asked. */
  'LM_INVALID_REPLY',
  /** An optional package a feature needs is not installed. */
  'MISSING_DEPENDENCY',
  /** The caller cancelled the work through its AbortSignal. */
  'ABORTED',
  /** A language-model call failed because its last attempt ran past the per-attempt timeout. */
  'TIMEOUT',
  /** A language-model call failed: the server refused it, or it kept failing after every retry. */
  'LM_CALL_FAILED',
  /** A file or directory could not be created or written. */
  'FILE_NOT_WRITABLE',
  /**
   * A text file is not valid UTF-8 (often Latin-1 or Windows-1252): reading on would turn its accented letters
   * into U+FFFD, so the file is refused at the line of its first invalid byte.
   */
  'INVALID_ENCODING',
  /** The work queue's Redis server cannot be reached. */
  'QUEUE_UNREACHABLE',
  /** A batch of a queued run failed on a worker (or was given up after stalling too often). */
  'QUEUE_JOB_FAILED',
  /** A worker thread ran out of the memory it was given. */
  'OUT_OF_MEMORY',
  /** Another run is writing the same output file. */
  'OUTPUT_IN_USE',
  /** A downstream study found no held-out target it could score (no records, unknown items, no held-out items). */
  'NOTHING_TO_EVALUATE',
] as const;

/** One of {@link ICER_ERROR_CODES}. */
export type IcerErrorCode = (typeof ICER_ERROR_CODES)[number];

/** Where in the user's input an error was found. Every field is optional; present ones are printed in the message. */
export interface IcerErrorLocation {
  /** The file the error is in. */
  file?: string;
  /** 1-based line number in that file. */
  line?: number;
  /** The field: a CSV column name or a JSON path such as `items[3].title`. */
  field?: string;
}

/** Options for {@link IcerError}. */
export interface IcerErrorOptions {
  /** Where the error was found. */
  location?: IcerErrorLocation;
  /** What the user should do about it; appended to the message. */
  hint?: string;
  /** The underlying error, if any. */
  cause?: unknown;
}

// A registered symbol rather than `instanceof`, so that errors from a second copy of the package still match.
const MARKER = Symbol.for('icer.error');

function formatLocation(location: IcerErrorLocation | undefined): string {
  if (!location) return '';
  const parts: string[] = [];
  if (location.file !== undefined) {
    parts.push(location.line !== undefined ? `${location.file}:${location.line}` : location.file);
  } else if (location.line !== undefined) {
    parts.push(`line ${location.line}`);
  }
  if (location.field !== undefined) parts.push(`field "${location.field}"`);
  return parts.length > 0 ? `${parts.join(', ')}: ` : '';
}

/**
 * The one error class icer throws for anything the caller can fix. The message says where (file, line, field),
 * what went wrong, and what to do; `code` is stable and safe to branch on.
 *
 * @example
 * ```ts
 * try {
 *   await loadMovieLens('./ml-latest-small');
 * } catch (error) {
 *   if (IcerError.isInstance(error) && error.code === 'FILE_NOT_FOUND') console.error(error.message);
 *   else throw error;
 * }
 * ```
 */
export class IcerError extends Error {
  /** Stable machine-readable code. */
  readonly code: IcerErrorCode;
  /** Where in the input the problem is, when known. */
  readonly location: IcerErrorLocation | undefined;
  /** What to do about it, when known. */
  readonly hint: string | undefined;
  /** What went wrong, without location or hint. */
  readonly problem: string;
  /**
   * Marks icer errors for {@link IcerError.isInstance}, across copies of the package.
   * @internal
   */
  readonly [MARKER] = true;

  constructor(code: IcerErrorCode, problem: string, options: IcerErrorOptions = {}) {
    const hint = options.hint ? ` ${options.hint}` : '';
    super(`${formatLocation(options.location)}${problem}${hint}`, { cause: options.cause });
    this.name = 'IcerError';
    this.code = code;
    this.location = options.location;
    this.hint = options.hint;
    this.problem = problem;
  }

  /**
   * The same error with more location filled in: lower layers know what failed, callers know which file or field
   * they were reading.
   */
  withLocation(location: IcerErrorLocation): IcerError {
    return new IcerError(this.code, this.problem, {
      location: { ...this.location, ...location },
      hint: this.hint,
      cause: this,
    });
  }

  /** True for any icer error, including one thrown by another copy of the package. */
  static isInstance(error: unknown): error is IcerError {
    return typeof error === 'object' && error !== null && (error as Record<symbol, unknown>)[MARKER] === true;
  }
}
