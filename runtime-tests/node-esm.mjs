// Node ESM: imports the built package by its own name. "icer" resolves through the package's self-reference
// (package.json "name" + "exports"), so this exercises the exports map's "import" condition → dist/index.js.
import { fileURLToPath } from 'node:url';
import * as icer from 'icer';
import { report, runScenario } from './scenario.mjs';

const fixtureDir = fileURLToPath(new URL('./fixtures/mini-movielens', import.meta.url));
const resolved = import.meta.resolve('icer');
if (!resolved.endsWith('/dist/index.js')) {
  console.error(`node-esm: "icer" resolved to ${resolved}, expected dist/index.js`);
  process.exitCode = 1;
}
const outcome = await runScenario('node-esm', icer, fixtureDir);
process.exitCode = report(outcome) || process.exitCode;
