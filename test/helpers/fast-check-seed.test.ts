import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CI_SEED, propertySeed } from './fast-check-seed.js';

describe('propertySeed', () => {
  it('takes FC_SEED first, then a fixed seed under CI, else a random one', () => {
    expect(propertySeed({ FC_SEED: '-497582220', CI: 'true' })).toEqual({ seed: -497582220, source: 'FC_SEED' });
    expect(propertySeed({ FC_SEED: ' 42 ' })).toEqual({ seed: 42, source: 'FC_SEED' });
    expect(propertySeed({ CI: 'true' })).toEqual({ seed: CI_SEED, source: 'CI' });
    expect(propertySeed({ CI: '1', FC_SEED: '' })).toEqual({ seed: CI_SEED, source: 'CI' });
    for (const ci of [undefined, '', 'false', '0']) expect(propertySeed({ CI: ci }).source).toBe('random');
    expect(Number.isSafeInteger(propertySeed({}).seed)).toBe(true);
    expect(() => propertySeed({ FC_SEED: 'abc' })).toThrow(/FC_SEED must be an integer/);
    expect(() => propertySeed({ FC_SEED: '1.5' })).toThrow(/FC_SEED/);
  });

  it('is in force for every property (vitest.config.ts setupFiles)', () => {
    const { seed } = fc.readConfigureGlobal();
    expect(Number.isSafeInteger(seed)).toBe(true);
    if (process.env.FC_SEED) expect(seed).toBe(Number(process.env.FC_SEED));
  });

  it('names the seed in the failure report, so that a red run can be replayed', () => {
    const error = (() => {
      try {
        fc.assert(fc.property(fc.nat(), (n) => n < 0));
      } catch (e) {
        return e as Error;
      }
    })();
    expect(error?.message).toContain(`seed: ${fc.readConfigureGlobal().seed}`);
  });
});
