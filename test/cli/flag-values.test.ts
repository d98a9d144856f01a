import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli-harness.js';

const ids = (stdout: string) =>
  stdout
    .trim()
    .split('\n')
    .map((line) => (JSON.parse(line) as { id: string }).id);

async function usageError(args: string[]): Promise<string> {
  const result = await cli(args);
  expect(result.code, args.join(' ')).toBe(2);
  expect(result.stdout, args.join(' ')).toBe('');
  expect(result.stderr, args.join(' ')).not.toContain('ambiguous');
  return result.stderr;
}

describe('numeric flag values', () => {
  it('takes a negative seed as the value it is, with or without "="', async () => {
    const spaced = await cli(['generate', '--count', '2', '--seed', '-5']);
    expect(spaced.stderr).toBe('');
    expect(spaced.code).toBe(0);
    expect(ids(spaced.stdout)).toEqual(['-5-0', '-5-1']);
    expect((await cli(['generate', '--count', '2', '--seed=-5'])).stdout).toBe(spaced.stdout);
    const profiles = await cli(['profiles', '--count', '1', '--seed', '-5']);
    expect(profiles.code).toBe(0);
    expect(profiles.stdout).toBe((await cli(['profiles', '--count', '1', '--seed=-5'])).stdout);
  });

  it('refuses an empty or space-padded seed instead of making ids like "-0"', async () => {
    expect(await usageError(['generate', '--seed', ''])).toContain('--seed takes a value, got an empty one');
    for (const seed of ['   ', ' 7']) {
      expect(await usageError(['generate', '--count', '1', '--seed', seed])).toMatch(/--seed takes/);
      expect(await usageError(['profiles', '--count', '1', '--seed', seed])).toMatch(/--seed takes/);
    }
  });

  it('says what the real limit is for a count past the safe-integer range', async () => {
    const stderr = await usageError(['generate', '--count', '9007199254740992']);
    expect(stderr).toContain('9007199254740991');
    expect(stderr).toContain('got "9007199254740992"');
    expect(await usageError(['profiles', '--count', '1e400'])).toContain('--count takes a whole number');
  });

  it('explains negative and empty values of every numeric flag instead of calling them ambiguous', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['generate', '--count', '-3'], /--count takes a whole number ≥ 1, got "-3"/],
      [['generate', '--max-turns', '-3'], /--max-turns takes a whole number ≥ 2, got "-3"/],
      [['generate', '--concurrency', '-1'], /--concurrency takes a whole number ≥ 1, got "-1"/],
      [['generate', '--concurrency', ' '], /--concurrency takes a whole number ≥ 1, got " "/],
      [['profiles', '--count', '-1'], /--count takes a whole number ≥ 1, got "-1"/],
      [['profiles', '--held-out', '-0.1'], /--held-out takes a number ≥ 0 and < 1, got "-0.1"/],
      [['profiles', '--held-out', ''], /--held-out takes a value, got an empty one/],
      [
        ['profiles', '--held-out', '0x0'],
        /--held-out takes a number ≥ 0 and < 1, written in plain digits \(like 1000 or 2\.5\), got "0x0"/,
      ],
      [
        ['generate', '--count', '1e3'],
        /--count takes a whole number ≥ 1, written in plain digits \(like 1000\), got "1e3"/,
      ],
      [['generate', '--count', '2.5'], /--count takes a whole number ≥ 1, got "2\.5"/],
      // Refused however it is written: no advice on how to write it.
      [['generate', '--count', '-1e3'], /--count takes a whole number ≥ 1, got "-1e3"/],
      [['generate', '--model', 'x', '--base-url', 'http://127.0.0.1:1/v1', '--prices', '-1,2'], /--prices takes/],
      [['generate', '--model', 'x', '--base-url', 'http://127.0.0.1:1/v1', '--prices', ','], /--prices takes/],
      [['generate', '--model', 'x', '--base-url', 'http://127.0.0.1:1/v1', '--prices', '1,2,3'], /--prices takes/],
    ];
    for (const [args, message] of cases) expect(await usageError(args)).toMatch(message);
  });

  it('refuses an empty value for any flag, so that an empty path is not the working directory', async () => {
    for (const flag of ['--out', '--movielens', '--cache', '--model', '--api-key-env']) {
      expect(await usageError(['generate', flag, ''])).toContain(`${flag} takes a value, got an empty one`);
    }
    expect(await usageError(['profiles', '--catalog', ''])).toContain('--catalog takes a value, got an empty one');
  });
});
