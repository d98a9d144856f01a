import { IcerError } from '../errors.js';

/** Where and how to reach Redis, as BullMQ (through ioredis) takes it. */
export interface RedisConnectionOptions {
  /** The server's host name or address. */
  readonly host: string;
  /** The server's port (6379 when the URL gives none). */
  readonly port: number;
  /** The ACL user name, when the URL gives one. */
  readonly username?: string;
  /** The password, when the URL gives one. */
  readonly password?: string;
  /** The database number, from the URL's path (`/2`), when it gives one. */
  readonly db?: number;
  /** Present for `rediss://`: TLS with the system's certificate authorities. */
  readonly tls?: Record<string, never>;
}

const DEFAULT_PORT = 6379;

/** The URL as it may be printed: a password in it is replaced by `***`. */
export function redactRedisUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== '') parsed.password = '***';
    // A slash after the host alone is dropped: "redis://" itself stays whole.
    return parsed.href.replace(/([^/])\/$/, '$1');
  } catch {
    return url.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@');
  }
}

/**
 * Reads a Redis URL, `redis://[user:password@]host[:port][/db]` (or `rediss://` for TLS), into connection options.
 * A URL of another form is refused with `INVALID_ARGUMENT`, naming it (its password hidden).
 */
export function redisConnection(url: string): RedisConnectionOptions {
  const refuse = (problem: string) =>
    new IcerError('INVALID_ARGUMENT', `${problem}: ${redactRedisUrl(url)}.`, {
      hint: 'Give the queue as redis://HOST:PORT (for example redis://127.0.0.1:6379), or rediss://… for TLS.',
    });
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    // WHATWG URLs refuse a port past 65535 outright: say so rather than "not a URL".
    const port = /^rediss?:\/\/(?:[^@/]*@)?(?:\[[^\]]*\]|[^:/]*):(\d+)(?:\/|$)/.exec(url)?.[1];
    throw refuse(port !== undefined && Number(port) > 65535 ? `The port ${port} is past 65535` : 'Not a Redis URL');
  }
  if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') throw refuse('Not a redis:// or rediss:// URL');
  if (parsed.hostname === '') throw refuse('The Redis URL names no host');
  const path = parsed.pathname.replace(/^\//, '');
  if (path !== '' && !/^\d+$/.test(path)) throw refuse('The path of a Redis URL is a database number');
  const host = parsed.hostname.replace(/^\[(.*)\]$/, '$1');
  return {
    host,
    port: parsed.port === '' ? DEFAULT_PORT : Number(parsed.port),
    ...(parsed.username !== '' ? { username: decodeURIComponent(parsed.username) } : {}),
    ...(parsed.password !== '' ? { password: decodeURIComponent(parsed.password) } : {}),
    ...(path !== '' ? { db: Number(path) } : {}),
    ...(parsed.protocol === 'rediss:' ? { tls: {} } : {}),
  };
}
