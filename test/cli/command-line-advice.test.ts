import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { AiSdkAdapterOptionsSchema } from '../../src/ai/ai-sdk-adapter-options.js';
import { MovieLensOptionsSchema } from '../../src/data/movielens/load-movielens.js';
import { DialogueGeneratorOptionsSchema, GenerateManyOptionsSchema } from '../../src/generation/generator-options.js';
import { CallPolicyOptionsSchema } from '../../src/language/call-policy.js';
import { RatingsProfileOptionsSchema } from '../../src/profile/from-ratings.js';
import { SyntheticProfileOptionsSchema } from '../../src/profile/synthetic.js';
import { BeliefPolicyOptionsSchema } from '../../src/simulation/belief-policy.js';
import { cli } from '../helpers/cli-harness.js';
import { useOpenAICompatibleServers } from '../helpers/openai-compatible-server.js';
import { useTempDir } from '../helpers/temp-dir.js';

const tempDir = useTempDir();
const startServer = useOpenAICompatibleServers();

// Option names only a program can pass (camelCase), from every schema whose errors can reach the command line.
const LIBRARY_OPTIONS = [
  MovieLensOptionsSchema,
  RatingsProfileOptionsSchema,
  SyntheticProfileOptionsSchema,
  DialogueGeneratorOptionsSchema,
  GenerateManyOptionsSchema,
  CallPolicyOptionsSchema,
  AiSdkAdapterOptionsSchema,
  BeliefPolicyOptionsSchema,
]
  .flatMap((schema: z.ZodObject) => Object.keys(schema.shape))
  .filter((key) => /[A-Z]/.test(key));

/** Stderr of a failed run, checked to speak in flags: no option names and no function calls of the library. */
async function advice(args: string[], cwd: string, code: number): Promise<string> {
  const result = await cli(args, cwd);
  expect(result.code, args.join(' ')).toBe(code);
  for (const option of LIBRARY_OPTIONS)
    expect(result.stderr, args.join(' ')).not.toMatch(new RegExp(`\\b${option}\\b`));
  expect(result.stderr).not.toMatch(/\w\(\)/);
  return result.stderr;
}

function movieLens(ratings: string, movies = 'movieId,title,genres\n1,Heat (1995),Crime\n2,Up (2009),Comedy\n') {
  const { dir, write } = tempDir();
  write('movies.csv', movies);
  write('ratings.csv', `userId,movieId,rating\n${ratings}`);
  return dir;
}

describe('advice in errors the command line shows', () => {
  it('answers a misspelt flag with the one meant, and an unknown one as unknown (exit 2)', async () => {
    const misspelt = await cli(['generate', '--cout', '5']);
    expect(misspelt.code).toBe(2);
    expect(misspelt.stderr).toContain("Unknown option '--cout'. Did you mean --count?");
    expect((await cli(['evaluate', 'x.jsonl', '--negative', '5'])).stderr).toContain('Did you mean --negatives?');
    const unknown = await cli(['generate', '--zzzzzz']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("Unknown option '--zzzzzz'");
    expect(unknown.stderr).not.toContain('Did you mean');
  });

  it('names --unknown-items for ratings of unknown movies, and the flag drops them', async () => {
    const dir = movieLens('7,1,5\n7,2,4\n7,99,4\n');
    for (const command of ['profiles', 'generate']) {
      expect(await advice([command, '--movielens', '.'], dir, 1)).toContain('--unknown-items skip');
      const skipped = await cli([command, '--movielens', '.', '--unknown-items', 'skip', '--count', '1'], dir);
      expect(skipped.stderr).toBe('');
      expect(skipped.code).toBe(0);
    }
    expect(await advice(['profiles', '--movielens', '.', '--unknown-items', 'keep'], dir, 2)).toMatch(
      /--unknown-items takes one of error, skip, got "keep"/,
    );
  });

  it('names --min-rating and --max-rating for ratings off the scale, and the flags set the scale', async () => {
    const dir = movieLens('7,1,9\n7,2,2\n');
    for (const command of ['profiles', 'generate']) {
      const stderr = await advice([command, '--movielens', '.'], dir, 1);
      expect(stderr).toContain('--min-rating');
      expect(stderr).toContain('--max-rating');
    }
    const tenPoint = await cli(['profiles', '--movielens', '.', '--max-rating', '10', '--held-out', '0'], dir);
    expect(tenPoint.code).toBe(0);
    expect(JSON.parse(tenPoint.stdout)).toMatchObject({ liked: [{ item: '1' }], disliked: [{ item: '2' }] });
    const thresholds = await cli(
      ['profiles', '--movielens', '.', '--max-rating', '10', '--like-threshold', '9.5', '--dislike-threshold', '1'],
      dir,
    );
    expect(thresholds.code).toBe(0);
    expect(JSON.parse(thresholds.stdout)).toMatchObject({ liked: [], disliked: [] });
  });

  it('words conflicting scale flags as flags, with the values in force', async () => {
    const dir = movieLens('7,1,5\n');
    expect(await advice(['profiles', '--movielens', '.', '--min-rating', '5', '--max-rating', '3'], dir, 2)).toMatch(
      /--min-rating must be below --max-rating/,
    );
    const thresholds = await advice(['generate', '--movielens', '.', '--max-rating', '3'], dir, 2);
    expect(thresholds).toContain('--like-threshold 4');
    expect(thresholds).toContain('--max-rating 3');
    expect(await advice(['profiles', '--min-rating', '1'], dir, 2)).toMatch(/--min-rating applies to --movielens/);
  });

  it('names --movielens and --catalog for an empty catalog', async () => {
    const dir = movieLens('', 'movieId,title,genres\n');
    expect(await advice(['generate', '--movielens', '.'], dir, 1)).toMatch(/--movielens/);
    writeFileSync(join(dir, 'empty.json'), JSON.stringify({ format: 'icer.catalog', version: 1, items: [] }));
    expect(await advice(['profiles', '--catalog', 'empty.json'], dir, 1)).toMatch(/--catalog/);
  });

  it('names --timeout-ms when a model call times out, and --max-retries when the server keeps failing', async () => {
    const { dir } = tempDir();
    const model = (url: string) => ['generate', '--count', '1', '--base-url', url, '--model', 'fake', '--quiet'];
    const hanging = await startServer(() => ({ kind: 'hang' }));
    const timedOut = await advice([...model(hanging.url), '--timeout-ms', '50', '--max-retries', '0'], dir, 1);
    expect(timedOut).toContain('[TIMEOUT]');
    expect(timedOut).toContain('--timeout-ms');
    const failing = await startServer(() => ({ kind: 'status', status: 503 }));
    const failed = await advice([...model(failing.url), '--max-retries', '0'], dir, 1);
    expect(failed).toContain('[LM_CALL_FAILED]');
    expect(failed).toContain('--max-retries');
    expect(failing.requests).toHaveLength(1);
  });
});
