import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { DialogueRecordSchema } from '../../src/generation/dialogue-record.js';
import { cli } from '../helpers/cli-harness.js';
import { helpEntries } from './help-entries.js';

// The library's defaults moved: a command line that copied them would still pass the old ones.
vi.mock('../../src/generation/generator-options.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/generation/generator-options.js')>();
  const { VerbalizationModeSchema } = await import('../../src/dialogue/verbalization-mode.js');
  const { SeedSchema } = await import('../../src/random/seeded-random.js');
  return {
    ...original,
    DialogueGeneratorOptionsSchema: original.DialogueGeneratorOptionsSchema.extend({
      maxTurns: z.number().int().min(2).default(6),
      seed: SeedSchema.default(5),
      mode: VerbalizationModeSchema.default('dialogue'),
    }),
    GenerateManyOptionsSchema: original.GenerateManyOptionsSchema.extend({
      concurrency: z.number().int().min(1).default(3),
    }),
  };
});

describe('flags the user did not set', () => {
  it('are left to the library, whose defaults the help text states', async () => {
    const entries = helpEntries((await cli(['generate', '--help'])).stdout);
    expect(entries.get('--max-turns')?.default).toBe('6');
    expect(entries.get('--seed')?.default).toBe('5');
    expect(entries.get('--mode')?.default).toBe('dialogue');
    expect(entries.get('--concurrency')?.default).toBe('3');

    const result = await cli(['generate', '--count', '2']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const records = result.stdout
      .trim()
      .split('\n')
      .map((line) => DialogueRecordSchema.parse(JSON.parse(line)));
    expect(records.map((record) => record.id)).toEqual(['5-0', '5-1']);
    for (const record of records) {
      expect(record.generator.maxTurns).toBe(6);
      expect(record.generator.mode).toBe('dialogue');
    }
  });
});
