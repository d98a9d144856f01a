/**
 * The longest wait a server's `Retry-After` may impose. Servers sometimes answer a quota error with "retry in an
 * hour"; a batch run should not sit silent that long on one call, so longer waits are cut to this and the retry
 * budget decides the rest.
 */
export const MAX_RETRY_AFTER_MS = 5 * 60_000;

/** Response headers as the AI SDK records them (a plain record) or as `fetch` gives them (a `Headers`). */
export type HeaderSource = Readonly<Record<string, string | undefined>> | { get(name: string): string | null };

function header(headers: HeaderSource, name: string): string | undefined {
  if (typeof (headers as { get?: unknown }).get === 'function') {
    return (headers as { get(name: string): string | null }).get(name) ?? undefined;
  }
  // Records keep whatever case the producer used; HTTP header names are case-insensitive.
  const record = headers as Readonly<Record<string, string | undefined>>;
  for (const key of Object.keys(record)) {
    if (key.toLowerCase() === name) return record[key];
  }
  return undefined;
}

/**
 * How long the server asked us to wait before retrying, in milliseconds, from `retry-after-ms` (a non-standard
 * header some providers send with sub-second precision) or `Retry-After` (delay-seconds or an HTTP-date).
 * `undefined` when neither header is present or parseable; a date in the past gives 0; longer than
 * {@link MAX_RETRY_AFTER_MS} is capped.
 *
 * @param now the current time in ms since the epoch, for HTTP-dates; injectable so that tests need no clock.
 */
export function parseRetryAfter(headers: HeaderSource | undefined, now: number = Date.now()): number | undefined {
  if (!headers) return undefined;
  const cap = (ms: number) => Math.min(Math.max(0, ms), MAX_RETRY_AFTER_MS);
  const milliseconds = header(headers, 'retry-after-ms')?.trim();
  if (milliseconds && /^\d+(\.\d+)?$/.test(milliseconds)) return cap(Number(milliseconds));
  const value = header(headers, 'retry-after')?.trim();
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return cap(Number(value) * 1000);
  // Date.parse is lenient ("-5" is the year -5): only a value naming a month or a day can be an HTTP-date.
  const date = /[a-z]/i.test(value) ? Date.parse(value) : Number.NaN;
  return Number.isNaN(date) ? undefined : cap(date - now);
}
