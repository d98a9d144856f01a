import { connect, isIP } from 'node:net';
import { connect as connectTls } from 'node:tls';
import { IcerError } from '../errors.js';
import { redactRedisUrl, redisConnection } from './redis-url.js';

/**
 * Checks that a Redis URL is well formed and that Redis answers there, before any queue is made: BullMQ (through
 * ioredis) would otherwise retry for ever, silently, a server that cannot be reached, one that accepts connections
 * but says nothing (or is no Redis), and one that refuses the URL's password or database number. For `rediss://`
 * the same is asked over TLS, as the queue will connect, so that a plain Redis, or a certificate Node does not trust,
 * is told too. A URL that is malformed is an `INVALID_ARGUMENT`, any of the others a `QUEUE_UNREACHABLE`, each naming
 * it (its password hidden) and saying what to do.
 */
export function reachRedis(url: string, timeoutMs = 5000): Promise<void> {
  const connection = redisConnection(url);
  const commands: string[][] = [
    ...(connection.password === undefined
      ? []
      : [['AUTH', ...(connection.username === undefined ? [] : [connection.username]), connection.password]]),
    ...(connection.db === undefined ? [] : [['SELECT', String(connection.db)]]),
    ['PING'],
  ];
  const { host, port } = connection;
  return new Promise((resolve, reject) => {
    // As ioredis connects: the system's certificate authorities (and NODE_EXTRA_CA_CERTS), the host's name checked.
    const socket = connection.tls
      ? connectTls({ host, port, ...(isIP(host) === 0 ? { servername: host } : {}) })
      : connect({ host, port });
    const fail = (why: string, hint: string, cause?: unknown) => {
      socket.destroy();
      reject(
        new IcerError('QUEUE_UNREACHABLE', `Cannot reach Redis at ${redactRedisUrl(url)} (${why}).`, { hint, cause }),
      );
    };
    const START = 'Start redis-server there (for example: redis-server --port 6379), or give the URL of a running one.';
    const done = () => {
      socket.end();
      resolve();
    };
    // Connected, over TLS the handshake not done: a plain Redis reads the TLS greeting as a command, and waits.
    let greeting = false;
    socket.once('connect', () => {
      greeting = connection.tls !== undefined;
    });
    socket.setTimeout(timeoutMs, () =>
      greeting
        ? fail(
            `no answer to the TLS handshake in ${timeoutMs} ms`,
            'A Redis without TLS answers nothing to it: give its URL as redis://…, or start Redis with --tls-port for rediss://.',
          )
        : fail(`no answer in ${timeoutMs} ms`, START),
    );
    socket.once(connection.tls ? 'secureConnect' : 'connect', () => {
      greeting = false;
      socket.write(commands.map(inRedisProtocol).join(''));
    });
    // Each command is answered by one line: "+OK" or "+PONG", or "-ERR …" for a password or database refused.
    let answered = 0;
    let pending = '';
    socket.on('data', (chunk: Buffer) => {
      pending += chunk.toString('utf8');
      for (let end = pending.indexOf('\r\n'); end >= 0 && answered < commands.length; end = pending.indexOf('\r\n')) {
        const line = pending.slice(0, end);
        pending = pending.slice(end + 2);
        const command = (commands[answered] as string[])[0] as string;
        // A password given to a server that asks none is no failure: ioredis goes on, and so does the queue.
        if (command === 'AUTH' && NO_PASSWORD_SET.test(line)) {
          answered++;
          continue;
        }
        if (line.startsWith('-')) {
          fail(`it refused ${command}: ${line.slice(1)}`, refusalHint(command, line));
          return;
        }
        if (!line.startsWith('+')) {
          fail('what answers there is not Redis', `Give the host and port of a Redis server.${TLS_ONLY}`);
          return;
        }
        answered++;
      }
      if (answered === commands.length) done();
    });
    // Closed before every command was answered (a proxy or port-forward with no Redis behind it): no answer is coming.
    socket.once('close', () => {
      if (answered < commands.length)
        fail(
          'the connection was closed without an answer',
          `Give the host and port of a Redis server itself (a proxy or port-forward in between may have no Redis behind it).${connection.tls ? '' : TLS_ONLY}`,
        );
    });
    socket.once('error', (error: NodeJS.ErrnoException) => {
      const tls = connection.tls && error.code !== undefined ? tlsFailure(error.code, host) : undefined;
      if (tls) return fail(tls.why, tls.hint, error);
      if (error.code === 'ECONNRESET')
        return fail(
          'the connection was reset',
          `Give the host and port of a Redis server itself.${connection.tls ? '' : TLS_ONLY}`,
          error,
        );
      const why =
        error.code === 'ECONNREFUSED'
          ? 'connection refused'
          : error.code === 'ENOTFOUND' || error.code === 'EAI_AGAIN'
            ? `unknown host ${connection.host}`
            : (error.code ?? error.message);
      fail(why, START, error);
    });
  });
}

// A Redis that takes only TLS closes a plain connection, or answers it with the bytes of a TLS alert.
const TLS_ONLY = ' A Redis that takes only TLS answers a plain connection so: then give its URL as rediss://….';

/**
 * What a TLS error code of Node's (OpenSSL's) says went wrong with a `rediss://` server, and what to do; undefined
 * for a code that is no TLS matter (a refused connection, an unknown host).
 */
export function tlsFailure(code: string, host: string): { why: string; hint: string } | undefined {
  if (/CERTIFICATE_REQUIRED/.test(code))
    return {
      why: `it asks for a client certificate: ${code}`,
      hint: 'icer connects without one: start Redis with --tls-auth-clients no (or optional), and protect it with a password (--requirepass, given in the URL).',
    };
  if (/ALTNAME/.test(code))
    return {
      why: `its TLS certificate does not name ${host}: ${code}`,
      hint: 'Give the URL the host name the certificate names, or give Redis a certificate that names this host.',
    };
  if (/CERT|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)/.test(code))
    return {
      why: `its TLS certificate is not trusted: ${code}`,
      hint: 'Give Node the certificate authority that signed it, on this machine and every worker: NODE_EXTRA_CA_CERTS=/path/to/ca.pem.',
    };
  // A reply that is no TLS: a plain server answering the greeting.
  if (/WRONG_VERSION_NUMBER|PACKET_LENGTH_TOO_LONG|RECORD_LAYER_FAILURE|UNEXPECTED_MESSAGE/.test(code))
    return {
      why: `no TLS there: ${code}`,
      hint: 'A Redis without TLS answers there: give its URL as redis://…, or start Redis with --tls-port for rediss://.',
    };
  return undefined;
}

/** What to do about a command Redis refused, by the command and Redis's own words. */
function refusalHint(command: string, line: string): string {
  if (/protected mode/i.test(line))
    return 'Redis takes no connection from another machine without a password: start it with --requirepass PASS and give it in the URL (redis://:PASS@HOST:PORT), or, on a trusted network only, with --protected-mode no (and --bind to an address the workers reach).';
  if (/max number of clients/i.test(line))
    return 'Redis has no room for another client: raise its maxclients, or stop clients that are done.';
  if (command === 'SELECT') return 'Give a database number the server has (0 to 15 unless it is set up with more).';
  return 'Check the user and password in the URL.';
}

// What Redis answers AUTH with when it has no password: "Client sent AUTH, but no password is set" (Redis 5),
// "AUTH <password> called without any password configured for the default user" (Redis 6 and later).
const NO_PASSWORD_SET = /no password is set|without any password configured/i;

/** A command as Redis reads it: an array of bulk strings. */
function inRedisProtocol(words: readonly string[]): string {
  return `*${words.length}\r\n${words.map((word) => `$${Buffer.byteLength(word)}\r\n${word}\r\n`).join('')}`;
}
