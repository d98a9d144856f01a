import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseOptions } from '../../src/validation/parse-options.js';
import { thrown } from '../helpers/thrown.js';

const Options = z.strictObject({ maxTurns: z.number().int().min(2).default(20), name: z.string().optional() });

describe('parseOptions', () => {
  it('fills defaults, and names a misspelt option with the one it probably meant', () => {
    expect(parseOptions(Options, undefined, 'f')).toEqual({ maxTurns: 20 });
    const error = thrown(() => parseOptions(Options, { maxturns: 3 }, 'f'));
    expect(error).toMatchObject({ code: 'INVALID_ARGUMENT', location: { field: 'maxturns' } });
    expect(error.message).toContain('"maxturns" (did you mean "maxTurns"?)');
  });

  it('takes back its own output as parsed, and parses anything else', () => {
    const parsed = parseOptions(Options, { name: 'a' }, 'f');
    expect(parseOptions(Options, parsed, 'f')).toBe(parsed);
    // An equal object it did not return, or its output offered to another schema, is parsed.
    expect(parseOptions(Options, { ...parsed }, 'f')).not.toBe(parsed);
    const Other = z.strictObject({ maxTurns: z.number().max(10) });
    expect(thrown(() => parseOptions(Other, parsed, 'g')).message).toMatch(/option for g\(\)/);
  });
});
