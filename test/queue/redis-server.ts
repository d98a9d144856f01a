import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { join } from 'node:path';
import { Queue } from 'bullmq';

/** A redis-server of the test's own on 127.0.0.1, on a free port, with nothing saved to disk. */
export interface TestRedis {
  readonly port: number;
  /** The URL of one of its databases: each test takes its own, so their queues never meet. */
  url(db: number): string;
  /** The jobs left in icer's queue in database `db`, by state (none: `{}`). */
  leftJobs(db: number): Promise<Record<string, number>>;
  /** The BullMQ that last set up icer's queue in database `db` (a producer's), as it wrote it: `bullmq:6.7.0`. */
  queueVersion(db: number): Promise<string | null>;
  /** The names of the workers on icer's queue in database `db`, as BullMQ lists them (by their connections' names). */
  workers(db: number): Promise<string[]>;
  stop(): Promise<void>;
}

/** Whether Debian's (or any) redis-server is on the PATH. */
export function hasRedisServer(): boolean {
  return spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0;
}

/** A port nothing listens on, just now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

const answers = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.end();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });

/** Whether openssl is on the PATH, to make a TLS Redis its certificate. */
export function hasOpenssl(): boolean {
  return spawnSync('openssl', ['version'], { stdio: 'ignore' }).status === 0;
}

/**
 * A self-signed certificate for 127.0.0.1 and localhost, made in `dir`: a TLS Redis serves it, and a process trusts
 * it with NODE_EXTRA_CA_CERTS=`cert`.
 */
export function makeCertificate(dir: string): { cert: string; key: string } {
  const cert = join(dir, 'redis-cert.pem');
  const key = join(dir, 'redis-key.pem');
  const made = spawnSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      key,
      '-out',
      cert,
      '-days',
      '1',
      '-subj',
      '/CN=localhost',
    ].concat(['-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost']),
    { stdio: 'ignore' },
  );
  if (made.status !== 0) throw new Error('openssl could not make a certificate');
  return { cert, key };
}

/**
 * Starts redis-server and waits until it takes connections. With `tls`, the port takes TLS only (clients are asked
 * for certificates only with `clientCertificates`, as Redis does by default) and `url` gives `rediss://` URLs.
 */
export async function startRedis(tls?: {
  cert: string;
  key: string;
  clientCertificates?: boolean;
}): Promise<TestRedis> {
  const port = await freePort();
  const files = [
    '--tls-cert-file',
    tls?.cert ?? '',
    '--tls-key-file',
    tls?.key ?? '',
    '--tls-ca-cert-file',
    tls?.cert ?? '',
  ];
  const listen = tls
    ? ['--port', '0', '--tls-port', String(port), ...files, '--tls-auth-clients', tls.clientCertificates ? 'yes' : 'no']
    : ['--port', String(port)];
  const child: ChildProcess = spawn(
    'redis-server',
    [...listen, '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  for (let tries = 0; !(await answers(port)); tries++) {
    if (tries > 100 || child.exitCode !== null) throw new Error(`redis-server did not start on port ${port}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  // Looks without writing: a Queue otherwise stamps the queue with its own BullMQ version.
  const withQueue = async <T>(db: number, look: (queue: Queue) => Promise<T>): Promise<T> => {
    const connection = { host: '127.0.0.1', port, db, ...(tls ? { tls: { ca: readFileSync(tls.cert) } } : {}) };
    const queue = new Queue('icer', { connection, skipMetasUpdate: true });
    try {
      return await look(queue);
    } finally {
      await queue.close();
    }
  };
  return {
    port,
    url: (db) => `${tls ? 'rediss' : 'redis'}://127.0.0.1:${port}/${db}`,
    leftJobs: (db) =>
      withQueue(db, async (queue) => {
        const counts = await queue.getJobCounts('waiting', 'active', 'completed', 'failed', 'delayed', 'prioritized');
        return Object.fromEntries(Object.entries(counts).filter(([, count]) => count > 0));
      }),
    queueVersion: (db) => withQueue(db, (queue) => queue.getVersion()),
    workers: (db) =>
      withQueue(db, async (queue) =>
        (await queue.getWorkers()).map((worker) => String(worker.rawname).replace(/^bull:[^:]*:w:/, '')),
      ),
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
