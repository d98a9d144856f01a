// Deno: imports the built package by its own name. With a package.json beside it, Deno 2 resolves "icer" as a
// self-reference through the package's "exports" map ("import" condition → dist/index.js), and the bare imports
// inside dist (zod, eventemitter3) from the existing node_modules/.
// Run by run-all.mjs as:
//   deno run --allow-read --no-remote --no-prompt --node-modules-dir=manual runtime-tests/deno.mjs
import * as icer from 'icer';
import { report, runScenario } from './scenario.mjs';

const fixtureDir = new URL('./fixtures/mini-movielens', import.meta.url).pathname;
const resolved = import.meta.resolve('icer');
let exitCode = 0;
if (!resolved.endsWith('/dist/index.js')) {
  console.error(`deno: "icer" resolved to ${resolved}, expected dist/index.js`);
  exitCode = 1;
}
const outcome = await runScenario('deno', icer, fixtureDir);
Deno.exitCode = report(outcome) || exitCode;
