import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { connect, createServer } from 'node:net';
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

/** Starts redis-server and waits until it takes connections. */
export async function startRedis(): Promise<TestRedis> {
  const port = await freePort();
  const child: ChildProcess = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  for (let tries = 0; !(await answers(port)); tries++) {
    if (tries > 100 || child.exitCode !== null) throw new Error(`redis-server did not start on port ${port}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  // Looks without writing: a Queue otherwise stamps the queue with its own BullMQ version.
  const withQueue = async <T>(db: number, look: (queue: Queue) => Promise<T>): Promise<T> => {
    const queue = new Queue('icer', { connection: { host: '127.0.0.1', port, db }, skipMetasUpdate: true });
    try {
      return await look(queue);
    } finally {
      await queue.close();
    }
  };
  return {
    port,
    url: (db) => `redis://127.0.0.1:${port}/${db}`,
    leftJobs: (db) =>
      withQueue(db, async (queue) => {
        const counts = await queue.getJobCounts('waiting', 'active', 'completed', 'failed', 'delayed', 'prioritized');
        return Object.fromEntries(Object.entries(counts).filter(([, count]) => count > 0));
      }),
    queueVersion: (db) => withQueue(db, (queue) => queue.getVersion()),
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
