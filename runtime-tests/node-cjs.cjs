// Node CommonJS: require('icer') resolves through the package's self-reference and the exports map's "require"
// condition → dist/index.cjs. The shared scenario is ESM, so it is loaded with import(); the icer module object
// it receives is the one from require().
'use strict';
const path = require('node:path');
const { pathToFileURL } = require('node:url');

const icer = require('icer');
const resolved = require.resolve('icer');
const fixtureDir = path.join(__dirname, 'fixtures', 'mini-movielens');

async function main() {
  let exitCode = 0;
  if (!resolved.endsWith(path.join('dist', 'index.cjs'))) {
    console.error(`node-cjs: require.resolve('icer') is ${resolved}, expected dist/index.cjs`);
    exitCode = 1;
  }
  const { runScenario, report } = await import(pathToFileURL(path.join(__dirname, 'scenario.mjs')).href);
  const outcome = await runScenario('node-cjs', icer, fixtureDir);

  // Dual-package hazard: the ESM build is a second copy of the package with its own IcerError class.
  // IcerError.isInstance promises to recognise errors from either copy.
  try {
    const esm = await import('icer');
    if (esm.IcerError === icer.IcerError) throw new Error('ESM and CJS builds unexpectedly share one IcerError class');
    let fromEsm;
    try {
      await esm.loadMovieLens('/nonexistent');
    } catch (error) {
      fromEsm = error;
    }
    if (!icer.IcerError.isInstance(fromEsm))
      throw new Error('CJS IcerError.isInstance does not recognise an ESM IcerError');
    if (!esm.IcerError.isInstance(new icer.IcerError('INVALID_ARGUMENT', 'x'))) {
      throw new Error('ESM IcerError.isInstance does not recognise a CJS IcerError');
    }
    if (
      JSON.stringify([...esm.syntheticProfiles(esm.builtinCatalog(), { count: 5, seed: 7 })]) !==
      JSON.stringify([...icer.syntheticProfiles(icer.builtinCatalog(), { count: 5, seed: 7 })])
    ) {
      throw new Error('the ESM and CJS builds draw different synthetic profiles for the same seed');
    }
    outcome.passed.push('dual package (CJS + ESM copies)');
  } catch (error) {
    outcome.failures.push({ name: 'dual package (CJS + ESM copies)', message: String(error?.message) });
  }

  exitCode = report(outcome) || exitCode;
  process.exitCode = exitCode;
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
