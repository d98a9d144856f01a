import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { CountSchema } from '../../src/cli/count-schema.js';
import { DEFAULT_KEY_ENV } from '../../src/cli/model-from-flags.js';
import { MovieLensOptionsSchema } from '../../src/data/movielens/load-movielens.js';
import { VerbalizationModeSchema } from '../../src/dialogue/verbalization-mode.js';
import { DialogueGeneratorOptionsSchema, GenerateManyOptionsSchema } from '../../src/generation/generator-options.js';
import { CallPolicyOptionsSchema } from '../../src/language/call-policy.js';
import { RatingsProfileOptionsSchema } from '../../src/profile/from-ratings.js';
import { SyntheticProfileOptionsSchema } from '../../src/profile/synthetic.js';
import { BeliefPolicyOptionsSchema, POLICY_STYLES } from '../../src/simulation/belief-policy.js';
import { cli } from '../helpers/cli-harness.js';
import { helpEntries } from './help-entries.js';

const defaultOf = (schema: z.ZodType) => String(schema.parse(undefined));

const MOVIELENS_FLAGS: Record<string, z.ZodType> = {
  '--min-rating': MovieLensOptionsSchema.shape.minRating,
  '--max-rating': MovieLensOptionsSchema.shape.maxRating,
  '--unknown-items': MovieLensOptionsSchema.shape.unknownItems,
  '--like-threshold': RatingsProfileOptionsSchema.shape.likeThreshold,
  '--dislike-threshold': RatingsProfileOptionsSchema.shape.dislikeThreshold,
};

async function help(command: string) {
  const result = await cli([command, '--help']);
  expect(result.code).toBe(0);
  return helpEntries(result.stdout);
}

describe('help text defaults and choices', () => {
  it('icer generate states the defaults of the schemas that apply them', async () => {
    const entries = await help('generate');
    const expected: Record<string, z.ZodType> = {
      '--count': CountSchema,
      '--seed': DialogueGeneratorOptionsSchema.shape.seed,
      '--max-turns': DialogueGeneratorOptionsSchema.shape.maxTurns,
      '--concurrency': GenerateManyOptionsSchema.shape.concurrency,
      '--style': BeliefPolicyOptionsSchema.shape.style,
      '--mode': DialogueGeneratorOptionsSchema.shape.mode,
      '--timeout-ms': CallPolicyOptionsSchema.shape.timeoutMs,
      '--max-retries': CallPolicyOptionsSchema.shape.maxRetries,
      ...MOVIELENS_FLAGS,
    };
    for (const [flag, schema] of Object.entries(expected)) {
      expect(entries.get(flag)?.default, flag).toBe(defaultOf(schema));
    }
    expect(entries.get('--api-key-env')?.default).toBe(DEFAULT_KEY_ENV);
    expect(entries.get('--max-turns')?.text).toContain('at least 2');
  });

  it('icer generate lists the choices of the closed lists', async () => {
    const entries = await help('generate');
    for (const style of Object.keys(POLICY_STYLES)) expect(entries.get('--style')?.text).toContain(style);
    for (const mode of VerbalizationModeSchema.options) expect(entries.get('--mode')?.text).toContain(`${mode}:`);
    for (const choice of MovieLensOptionsSchema.shape.unknownItems.unwrap().options) {
      expect(entries.get('--unknown-items')?.text).toContain(choice);
    }
  });

  it('icer profiles states the defaults of the schemas that apply them', async () => {
    const entries = await help('profiles');
    expect(defaultOf(SyntheticProfileOptionsSchema.shape.seed)).toBe(defaultOf(RatingsProfileOptionsSchema.shape.seed));
    expect(entries.get('--seed')?.default).toBe(defaultOf(SyntheticProfileOptionsSchema.shape.seed));
    expect(defaultOf(SyntheticProfileOptionsSchema.shape.heldOutFraction)).toBe(
      defaultOf(RatingsProfileOptionsSchema.shape.heldOutFraction),
    );
    expect(entries.get('--held-out')?.default).toBe(defaultOf(SyntheticProfileOptionsSchema.shape.heldOutFraction));
    expect(entries.get('--count')?.default).toContain(`${defaultOf(CountSchema)} synthetic users`);
    for (const [flag, schema] of Object.entries(MOVIELENS_FLAGS)) {
      expect(entries.get(flag)?.default, flag).toBe(defaultOf(schema));
    }
  });
});
