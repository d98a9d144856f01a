// Module hooks, off the main thread: every import of `bullmq` resolves to BullMQ 5, installed as `bullmq-v5`.
import { readFileSync } from 'node:fs';

let announce;

export function initialize({ port }) {
  announce = port;
}

export async function resolve(specifier, context, nextResolve) {
  if (specifier !== 'bullmq') return nextResolve(specifier, context);
  const resolved = await nextResolve('bullmq-v5', context);
  // The version of the package actually resolved, so that a test can tell BullMQ 5 was loaded, not merely asked for.
  const manifest = await nextResolve('bullmq-v5/package.json', context);
  announce.postMessage(JSON.parse(readFileSync(new URL(manifest.url), 'utf8')).version);
  return resolved;
}
