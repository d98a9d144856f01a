// `node --import ./test/helpers/bullmq-v5.mjs …`: runs a process with BullMQ 5 in place of the installed BullMQ 6,
// and says on stderr which version an import of `bullmq` resolved to.
import { register } from 'node:module';
import { MessageChannel } from 'node:worker_threads';

const { port1, port2 } = new MessageChannel();
port1.on('message', (version) => process.stderr.write(`[bullmq-v5 hook] bullmq resolved to bullmq ${version}\n`));
// The channel must not keep the process alive.
port1.unref();
register('./bullmq-v5-hooks.mjs', { parentURL: import.meta.url, data: { port: port2 }, transferList: [port2] });
