import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DialogueRecordSchema } from '../../src/generation/dialogue-record.js';
import { cli, cliOnTerminal } from '../helpers/cli-harness.js';
import { useTempDir } from '../helpers/temp-dir.js';

const tempDir = useTempDir();
const records = (text: string) =>
  text
    .trim()
    .split('\n')
    .map((line) => DialogueRecordSchema.parse(JSON.parse(line)));

describe('icer generate', () => {
  it('writes well-formed dialogues with no data, model or network, the same bytes for the same seed', async () => {
    const first = await cli(['generate', '--count', '5', '--seed', '3']);
    expect(first.code).toBe(0);
    expect(first.stderr).toBe('');
    const dialogues = records(first.stdout);
    expect(dialogues).toHaveLength(5);
    expect(dialogues.every((d) => d.consistency.violations.length === 0 && d.generator.lm === 'template')).toBe(true);
    expect((await cli(['generate', '--count', '5', '--seed', '3', '--concurrency', '1'])).stdout).toBe(first.stdout);
    expect((await cli(['generate', '--count', '5', '--seed', '4'])).stdout).not.toBe(first.stdout);
  });

  describe('on a terminal', () => {
    afterEach(() => vi.unstubAllEnvs());

    it('draws a progress bar, coloured as the environment it is given says', async () => {
      const { dir } = tempDir();
      // The command's own environment decides, not the process it runs in.
      vi.stubEnv('FORCE_COLOR', '1');
      const args = ['generate', '--count', '6', '--seed', '3', '--out', 'd.jsonl', '--force'];
      const plain = await cliOnTerminal(args, dir, { NO_COLOR: '1' });
      expect(plain.code).toBe(0);
      expect(plain.stderr).toMatch(/\r\[#+\] 6\/6 {2}100% .* dialogues\/s/);
      // The bar's done part is green; its erase-line code (`ESC[K`) is drawn either way.
      const green = '\u001b[32m';
      expect(plain.stderr).not.toContain(green);
      vi.stubEnv('FORCE_COLOR', '0');
      const coloured = await cliOnTerminal(args, dir, {});
      expect(coloured.code).toBe(0);
      expect(coloured.stderr).toContain(green);
      expect(coloured.stderr).toMatch(/6\/6 {2}100%/);
    });
  });

  it('honours --max-turns, --style and --out', async () => {
    const { dir } = tempDir();
    const result = await cli(
      ['generate', '--count', '4', '--max-turns', '6', '--style', 'critiquing-heavy', '--out', 'd.jsonl', '--quiet'],
      dir,
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    const written = records(readFileSync(join(dir, 'd.jsonl'), 'utf8'));
    expect(written).toHaveLength(4);
    expect(
      written.every(
        (d) => d.turns.length <= 6 && d.generator.maxTurns === 6 && d.generator.policy === 'belief:critiquing-heavy',
      ),
    ).toBe(true);
  });

  it('words whole dialogues at once with --mode dialogue', async () => {
    const result = await cli(['generate', '--count', '2', '--mode', 'dialogue', '--quiet']);
    expect(result.code).toBe(0);
    const dialogues = records(result.stdout);
    expect(dialogues.map((d) => d.generator.mode)).toEqual(['dialogue', 'dialogue']);
    expect(dialogues.every((d) => d.consistency.violations.length === 0)).toBe(true);
  });

  it('generates for MovieLens users, cycling through them when asked for more', async () => {
    const { dir, write } = tempDir();
    write(
      'movies.csv',
      'movieId,title,genres\n1,"Matrix, The (1999)",Sci-Fi|Action\n2,Heat (1995),Crime|Action\n3,Alien (1979),Horror|Sci-Fi\n4,Up (2009),Animation|Comedy\n',
    );
    write('ratings.csv', 'userId,movieId,rating\n7,1,5\n7,3,4.5\n7,2,1\n8,2,4\n8,4,4.5\n8,1,2\n');
    const result = await cli(['generate', '--movielens', dir, '--count', '3', '--quiet']);
    expect(result.code).toBe(0);
    const dialogues = records(result.stdout);
    expect(dialogues.map((d) => d.user.id)).toEqual(['7', '8', '7']);
    expect(dialogues.every((d) => d.domain === 'movies')).toBe(true);
  });

  it('rejects bad options with exit 2 and a pointer to --help', async () => {
    for (const args of [
      ['--max-turns', '1'],
      ['--concurrency', '0'],
      ['--count', '0'],
      ['--style', 'chatty'],
      ['--mode', 'batch'],
      ['--bogus'],
    ]) {
      const result = await cli(['generate', ...args]);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toContain('icer generate --help');
    }
    expect((await cli(['generate', '--help'])).stdout).toContain('--max-turns N');
  });

  it('explains model flags that cannot work, without calling anything', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['--model', 'just-a-name'], /--model takes provider:model/],
      [['--cache', 'dir'], /--cache and --prices apply to a model/],
      [['--base-url', 'http://127.0.0.1:1/v1'], /--provider and --base-url need --model/],
      [['--provider', 'openai-compatible', '--model', 'x'], /needs --base-url/],
      [['--model', 'x', '--base-url', 'http://127.0.0.1:1/v1', '--prices', 'cheap'], /--prices takes "INPUT,OUTPUT"/],
      [
        ['--model', 'x', '--base-url', 'http://127.0.0.1:1/v1', '--api-key-env', 'ICER_TEST_UNSET_VARIABLE'],
        /ICER_TEST_UNSET_VARIABLE, but that variable is not set/,
      ],
    ];
    for (const [args, message] of cases) {
      const result = await cli(['generate', '--count', '1', ...args]);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toMatch(message);
      expect(result.stdout).toBe('');
    }
  });

  it('says a missing provider package is missing (exit 1), after telling a mistyped budget flag first (exit 2)', async () => {
    const missing = await cli(['generate', '--count', '1', '--model', 'nosuchprovider:x']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(
      /The provider "nosuchprovider" needs the package @ai-sdk\/nosuchprovider\. Install it: npm install @ai-sdk\/nosuchprovider \[MISSING_DEPENDENCY\]/,
    );
    const budget = await cli(['generate', '--count', '1', '--model', 'nosuchprovider:x', '--max-calls', 'abc']);
    expect(budget.code).toBe(2);
    expect(budget.stderr).toMatch(/--max-calls takes a whole number ≥ 1, got "abc"/);
    const cache = await cli([
      'generate',
      '--count',
      '1',
      '--model',
      'fake',
      '--base-url',
      'http://127.0.0.1:1/v1',
      '--cache',
      'package.json',
    ]);
    expect(cache.code).toBe(2);
    expect(cache.stderr).toMatch(/--cache takes a folder \(made if missing\); \S*package\.json is a file/);
    const url = await cli(['generate', '--count', '1', '--model', 'fake', '--base-url', 'localhost:8000/v1']);
    expect(url.code).toBe(2);
    expect(url.stderr).toMatch(
      /--base-url takes an http\(s\) URL, e\.g\. http:\/\/127\.0\.0\.1:11434\/v1; got "localhost:8000\/v1"/,
    );
  });
});
