// Bun: imports the built package by its own name (self-reference through package.json "exports"); Bun picks the
// "import" condition → dist/index.js.
// Run by run-all.mjs as: bun --no-install runtime-tests/bun.mjs
import * as icer from 'icer';
import { report, runScenario } from './scenario.mjs';

const fixtureDir = new URL('./fixtures/mini-movielens', import.meta.url).pathname;
const resolved = import.meta.resolve('icer');
let exitCode = 0;
if (!resolved.endsWith('/dist/index.js')) {
  console.error(`bun: "icer" resolved to ${resolved}, expected dist/index.js`);
  exitCode = 1;
}
const outcome = await runScenario('bun', icer, fixtureDir);
process.exitCode = report(outcome) || exitCode;
