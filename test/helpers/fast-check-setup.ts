// Vitest setup file (vitest.config.ts `setupFiles`): every fast-check property runs with one seed per test file.
//
//   FC_SEED=<integer>  replay: run the properties with this seed (copy it from fast-check's failure report,
//                      `{ seed: N, path: "…" }`, which vitest prints with the failing test)
//   CI=true            a fixed seed (CI_SEED in fast-check-seed.ts), so CI is reproducible
//   neither            a random seed per run, so local runs keep exploring new cases
import fc from 'fast-check';
import { propertySeed } from './fast-check-seed.js';

fc.configureGlobal({ ...fc.readConfigureGlobal(), seed: propertySeed(process.env).seed });
