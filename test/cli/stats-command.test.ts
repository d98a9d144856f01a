import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { DatasetStatsSchema } from '../../src/evaluation/dataset-stats.js';
import { cli } from '../helpers/cli-harness.js';
import { useTempDir } from '../helpers/temp-dir.js';

const tempDir = useTempDir();
let dialogues = '';

// Two ReDial-format lines (written for this test): mentions are "@id" with titles in movieMentions.
const REDIAL = [
  {
    movieMentions: { '5': 'Heat (1995)' },
    messages: [
      { timeOffset: 0, text: 'Hi! I want a crime movie tonight.', senderWorkerId: 0, messageId: 1 },
      { timeOffset: 5, text: 'Have you seen @5 ? It is great.', senderWorkerId: 1, messageId: 2 },
      { timeOffset: 9, text: 'Yes, loved it. Something else?', senderWorkerId: 0, messageId: 3 },
    ],
  },
  { movieMentions: [], messages: [{ text: 'hello', senderWorkerId: 3, messageId: 4 }] },
]
  .map((line) => JSON.stringify(line))
  .join('\n');

beforeAll(async () => {
  const result = await cli(['generate', '--count', '30', '--seed', '2', '--quiet']);
  expect(result.code).toBe(0);
  dialogues = result.stdout;
});

describe('icer stats', () => {
  it('prints generated dialogues beside a ReDial reference, one column each', async () => {
    const { dir, write } = tempDir();
    write('icer.jsonl', dialogues);
    write('redial.jsonl', REDIAL);
    const result = await cli(['stats', 'icer.jsonl', '--reference', 'human=redial.jsonl'], dir);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^ +icer +human$/m);
    expect(result.stdout).toMatch(/^format +icer +redial \(reference\)$/m);
    expect(result.stdout).toMatch(/^dialogues +30 +2$/m);
    expect(result.stdout).toMatch(/^utterances per dialogue +\d+\.\d +2\.0$/m);
    expect(result.stdout).toMatch(/^accepted +\d+\.\d% +—$/m);
    expect(result.stdout).toMatch(/^distinct-2 +0\.\d{3} +\d\.\d{3}$/m);
  });

  it('prints JSON in the documented shape, reads .jsonl.gz, and skips a broken line naming it', async () => {
    const { dir, write } = tempDir();
    const lines = dialogues.trim().split('\n');
    write('cut.jsonl', [lines[0], '{"turns": 1', ...lines.slice(1)].join('\n'));
    const result = await cli(['stats', 'mine=cut.jsonl', '--json'], dir);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/^icer stats: cut\.jsonl:2: skipped, not JSON \(.+\)\n$/);
    const stats = DatasetStatsSchema.parse(JSON.parse(result.stdout));
    expect(stats.corpora).toHaveLength(1);
    expect(stats.corpora[0]).toMatchObject({ name: 'mine', format: 'icer', dialogues: 30, brokenLines: 1 });
    expect(stats.corpora[0]?.behaviour?.leakage.targets).toBe(0);
    expect(stats.method.distinctTokens).toBe(50_000);

    write('all.jsonl.gz', gzipSync(dialogues) as unknown as string);
    const gzipped = DatasetStatsSchema.parse(JSON.parse((await cli(['stats', 'all.jsonl.gz', '--json'], dir)).stdout));
    expect(gzipped.corpora[0]).toMatchObject({ name: 'all', dialogues: 30, brokenLines: 0 });
  });

  it('says what is wrong: no file, a missing file, a file of no known format', async () => {
    const none = await cli(['stats']);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/Name at least one file: icer stats FILE/);
    const { dir, write } = tempDir();
    const missing = await cli(['stats', 'nope.jsonl'], dir);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/nope\.jsonl: The file does not exist/);
    write('other.jsonl', '{"a": 1}\n');
    const other = await cli(['stats', 'other.jsonl'], dir);
    expect(other.code).toBe(1);
    expect(other.stderr).toMatch(/other\.jsonl:1: skipped, not a dialogue/);
    expect(other.stderr).toMatch(/other\.jsonl: No line is a dialogue/);
    const prices = await cli(['stats', 'other.jsonl', '--prices', 'cheap'], dir);
    expect(prices.code).toBe(2);
    expect(prices.stderr).toMatch(/--prices takes "INPUT,OUTPUT"/);
  });
});
