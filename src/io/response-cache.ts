import { createHash } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { IcerError } from '../errors.js';
import { parseOptions } from '../validation/parse-options.js';
import { fileError } from './file-error.js';
import { writeFileAtomically } from './write-file-atomically.js';

/** Told to the `onCorrupt` option of {@link ResponseCacheOptions} when an entry cannot be used. */
export interface CorruptEntryEvent {
  /** The key that was looked up. */
  key: string;
  /** The entry's file. */
  file: string;
  /** Why it was rejected: a JSON parse error, or an IcerError when the entry belongs to another key. */
  error: unknown;
}

/** Options of {@link ResponseCache}. Unknown keys are refused, so that a misspelt option is never ignored. */
export const ResponseCacheOptionsSchema = z.strictObject({
  /**
   * Called when an entry is unreadable (truncated, hand-edited, misplaced); the lookup then counts as a miss.
   * @default none: unreadable entries are refetched silently
   */
  onCorrupt: z
    .custom<(event: CorruptEntryEvent) => void>(
      (value) => typeof value === 'function',
      'onCorrupt must be a function of the corrupt entry',
    )
    .optional(),
});
/** Options of {@link ResponseCache}. */
export type ResponseCacheOptions = z.input<typeof ResponseCacheOptionsSchema>;

// What each file holds: the key travels with the value so that a file copied or renamed to the wrong place is not
// mistaken for the answer to another request.
interface Entry {
  key: string;
  value: unknown;
}

type ReadResult = { found: true; value: unknown; corrupt?: undefined } | { found: false; corrupt?: unknown };

const KEY = /^[0-9a-f]{64}$/;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

// JSON.stringify calls the replacer on each value after `toJSON`, so rebuilding plain objects with sorted keys
// here sorts them at every depth. Integer-like keys are still listed first by the engine, but that order is fixed by
// the language, so the encoding stays canonical.
function sortKeys(_key: string, value: unknown): unknown {
  // A Map or Set would encode as {} and collide with an empty object: keys must be plain data.
  if (value instanceof Map || value instanceof Set) {
    throw new IcerError('INVALID_ARGUMENT', 'Response-cache key parts must be plain data, not a Map or Set.', {
      hint: 'Convert it first, e.g. Object.fromEntries(map) or [...set].',
    });
  }
  if (!isPlainObject(value)) return value;
  // No prototype: an own "__proto__" key is then kept as data, not sent to the prototype setter and lost.
  const sorted: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const key of Object.keys(value).sort()) sorted[key] = value[key];
  return sorted;
}

function checkKey(key: string): void {
  // A key becomes a path: anything but a hex digest could point outside the cache directory.
  if (!KEY.test(key)) {
    throw new IcerError('INVALID_ARGUMENT', `"${key}" is not a response-cache key.`, {
      hint: 'Make keys with ResponseCache.key().',
    });
  }
}

/**
 * A content-addressed cache of model responses on disk: one JSON file per key under `directory/ab/abcdef….json`
 * (the first two hex digits as a sub-directory, so that no directory grows to millions of entries).
 *
 * Keys are digests of everything that determines a response (model, prompt, seed, options), so a re-run with the
 * same inputs finds every response on disk, makes no calls and writes the same bytes. Entries are written atomically,
 * so a run that is killed, or two runs sharing a cache, never leave a half-written entry behind.
 *
 * @example
 * ```ts
 * const cache = new ResponseCache('.icer-cache');
 * const key = ResponseCache.key({ model: 'openai:gpt-4o-mini', messages, seed });
 * let text = await cache.get<string>(key);
 * if (text === undefined) await cache.set(key, (text = await callModel(messages)));
 * ```
 */
export class ResponseCache {
  /** Where the entries are stored; created on the first write. */
  readonly directory: string;
  readonly #onCorrupt: ((event: CorruptEntryEvent) => void) | undefined;

  constructor(directory: string, options: ResponseCacheOptions = {}) {
    if (typeof directory !== 'string' || directory === '') {
      throw new IcerError('INVALID_ARGUMENT', 'The response cache needs a directory.', {
        hint: 'Pass a directory path to new ResponseCache().',
      });
    }
    this.directory = directory;
    this.#onCorrupt = parseOptions(ResponseCacheOptionsSchema, options, 'ResponseCache').onCorrupt;
  }

  /**
   * The key for a request: the sha256 hex digest of a canonical JSON encoding of `parts` (object keys sorted at
   * every depth), so that key order does not matter and any change of any value does.
   *
   * @throws IcerError `INVALID_ARGUMENT` when `parts` cannot be encoded as JSON (a bigint, a cycle) or is undefined.
   */
  static key(parts: unknown): string {
    let json: string | undefined;
    try {
      json = JSON.stringify(parts, sortKeys);
    } catch (error) {
      if (IcerError.isInstance(error)) throw error;
      throw new IcerError('INVALID_ARGUMENT', 'The parts of a response-cache key cannot be encoded as JSON.', {
        hint: 'Use plain objects, arrays, strings, numbers and booleans.',
        cause: error,
      });
    }
    if (json === undefined) {
      throw new IcerError('INVALID_ARGUMENT', 'The parts of a response-cache key are undefined.', {
        hint: 'Pass the model, prompt and options that determine the response.',
      });
    }
    return createHash('sha256').update(json).digest('hex');
  }

  /** The file that holds (or would hold) the entry for `key`. */
  file(key: string): string {
    checkKey(key);
    return join(this.directory, key.slice(0, 2), `${key}.json`);
  }

  /**
   * The value stored under `key`, or `undefined` when there is none. An entry that cannot be read back (truncated,
   * edited, stored under another key) counts as a miss, so the response is simply fetched again, and is reported to
   * `onCorrupt`.
   *
   * @throws IcerError `FILE_NOT_FOUND` when the entry exists but cannot be read (permissions).
   */
  async get<T>(key: string): Promise<T | undefined> {
    const file = this.file(key);
    const entry = await this.#read(key, file);
    if (entry.corrupt !== undefined) this.#onCorrupt?.({ key, file, error: entry.corrupt });
    return entry.found ? (entry.value as T) : undefined;
  }

  // Reads without reporting, so that a writer checking for a rival's entry does not raise false alarms.
  async #read(key: string, file: string): Promise<ReadResult> {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      if ((error as { code?: unknown } | null)?.code === 'ENOENT') return { found: false };
      throw fileError(error, file);
    }
    try {
      const entry = JSON.parse(text) as Partial<Entry> | null;
      if (typeof entry !== 'object' || entry === null || entry.key !== key || !('value' in entry)) {
        throw new IcerError('MALFORMED_JSON', 'The cache entry does not hold a response for this key.', {
          location: { file },
        });
      }
      return { found: true, value: entry.value };
    } catch (error) {
      return { found: false, corrupt: error };
    }
  }

  /**
   * Stores `value` (anything JSON can encode) under `key`. The entry is written to a temporary file beside its final
   * place and renamed over it, so readers see either no entry or a whole one, and concurrent writers of one key
   * leave one whole entry. Creates the directories it needs.
   *
   * @throws IcerError `INVALID_ARGUMENT` for a value JSON cannot encode; `FILE_NOT_WRITABLE` when the entry cannot be
   *   written.
   */
  async set(key: string, value: unknown): Promise<void> {
    const file = this.file(key);
    let json: string | undefined;
    try {
      json = JSON.stringify(value);
    } catch (error) {
      throw new IcerError('INVALID_ARGUMENT', 'The value cannot be stored in the response cache: it is not JSON.', {
        cause: error,
      });
    }
    if (json === undefined) {
      throw new IcerError('INVALID_ARGUMENT', 'The response cache cannot store undefined, a function or a symbol.');
    }
    try {
      await mkdir(dirname(file), { recursive: true });
      // Its temporary file is made and renamed in one turn: a command that exits while model calls are still under
      // way (a second Ctrl-C) cannot leave it in the cache.
      await writeFileAtomically(file, `{"key":"${key}","value":${json}}\n`);
    } catch (error) {
      // Windows refuses to rename over a file another writer holds open. The entry is content-addressed: if one
      // writer's whole entry is already there, this write has nothing to add.
      const existing = await this.#read(key, file).catch(() => ({ found: false }));
      if (existing.found) return;
      // Said as the file system said it, as a failure to make the folder is.
      const cause = IcerError.isInstance(error) ? error.cause : error;
      const reason = cause instanceof Error ? cause.message : String(cause);
      throw new IcerError('FILE_NOT_WRITABLE', `The response cache entry cannot be written: ${reason}`, {
        location: { file },
        hint: 'Check that the cache directory is writable, or choose another one.',
        cause: error,
      });
    }
  }
}
