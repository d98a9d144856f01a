import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExportJsonSchema } from '../../src/cli/export-json.js';
import { MergeSummarySchema } from '../../src/cli/merge-summary.js';
import { RunEstimateSchema } from '../../src/cli/run-estimate.js';
import { cli } from '../helpers/cli-harness.js';
import { useOpenAICompatibleServers } from '../helpers/openai-compatible-server.js';
import { useTempDir } from '../helpers/temp-dir.js';

const tempDir = useTempDir();
const servers = useOpenAICompatibleServers();
// A JSON catalog of another domain, as the examples ship it.
const ALBUMS = join(process.cwd(), 'examples', 'data', 'albums.json');

type Critiques = Record<string, { unchecked: number }>;
const unchecked = (stats: string) =>
  Object.values(
    (JSON.parse(stats) as { corpora: { behaviour: { critiques: Critiques } }[] }).corpora[0]?.behaviour.critiques ?? {},
  ).reduce((sum, critique) => sum + critique.unchecked, 0);

describe('--catalog on the commands that read dialogues', () => {
  it('icer evaluate and icer stats read the dialogues of a JSON catalog against it', async () => {
    const { dir } = tempDir();
    const made = await cli(['generate', '--catalog', ALBUMS, '--count', '5', '--seed', '2', '--out', 'a.jsonl'], dir);
    expect(made.code, made.stderr).toBe(0);
    const study = (await cli(['evaluate', 'a.jsonl', '--catalog', ALBUMS, '--negatives', '5', '--json'], dir)).stdout;
    // Every user's held-out items are targets, read from the records themselves.
    const heldOut = readFileSync(join(dir, 'a.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .reduce((sum, line) => sum + (JSON.parse(line) as { user: { heldOut: string[] } }).user.heldOut.length, 0);
    expect(heldOut).toBeGreaterThan(0);
    expect((JSON.parse(study) as { task: { targets: number } }).task.targets).toBe(heldOut);
    const without = await cli(['evaluate', 'a.jsonl', '--negatives', '5', '--json'], dir);
    expect(without.code).toBe(1);
    expect(without.stderr).toContain(`skipped: unknown-item ${heldOut}`);
    // Critiques are checked against the catalog the dialogues came from, not left unchecked.
    expect(unchecked((await cli(['stats', 'a.jsonl', '--json'], dir)).stdout)).toBeGreaterThan(0);
    expect(unchecked((await cli(['stats', 'a.jsonl', '--catalog', ALBUMS, '--json'], dir)).stdout)).toBe(0);
  });
});

describe('output for programs', () => {
  it('--out FILE writes the JSON of icer evaluate and icer stats beside their table, the same as --json prints', async () => {
    const { dir } = tempDir();
    await cli(['generate', '--count', '20', '--seed', '4', '--out', 'd.jsonl'], dir);
    for (const command of ['evaluate', 'stats']) {
      const table = await cli([command, 'd.jsonl', '--out', `${command}.json`], dir);
      expect(table.code, table.stderr).toBe(0);
      expect(table.stdout).not.toMatch(/^\{/);
      const json = (await cli([command, 'd.jsonl', '--json'], dir)).stdout;
      expect(JSON.parse(readFileSync(join(dir, `${command}.json`), 'utf8'))).toEqual(JSON.parse(json));
    }
  });

  it('icer merge --json prints what it merged as one JSON document on stdout, and nothing on stderr', async () => {
    const { dir } = tempDir();
    for (const shard of ['0/2', '1/2'])
      await cli(['generate', '--count', '6', '--shard', shard, '--out', `part-${shard[0]}.jsonl`], dir);
    const merged = await cli(['merge', 'part-0.jsonl', 'part-1.jsonl', '--out', 'all.jsonl', '--json'], dir);
    expect(merged.code, merged.stderr).toBe(0);
    expect(merged.stderr).toBe('');
    expect(MergeSummarySchema.parse(JSON.parse(merged.stdout))).toEqual({
      out: join(dir, 'all.jsonl'),
      dialogues: 6,
      shards: 2,
    });
  });

  it('icer export --json prints what it wrote instead of the summary line', async () => {
    const { dir } = tempDir();
    await cli(['generate', '--count', '10', '--out', 'd.jsonl'], dir);
    const result = await cli(['export', 'd.jsonl', '--format', 'hf', '--out', 'hf', '--json'], dir);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toBe('');
    const summary = ExportJsonSchema.parse(JSON.parse(result.stdout));
    expect(summary).toMatchObject({ out: join(dir, 'hf'), format: 'hf', dialogues: 10, written: 10, brokenLines: 0 });
    expect(Object.values(summary.splits ?? {}).reduce((sum, split) => sum + split.dialogues, 0)).toBe(10);
    // A format without splits prints none.
    const chat = await cli(['export', 'd.jsonl', '--format', 'chat', '--out', 'chat.jsonl', '--json'], dir);
    expect(ExportJsonSchema.parse(JSON.parse(chat.stdout))).not.toHaveProperty('splits');
  });

  it('icer generate --estimate --json prints an estimate its schema reads', async () => {
    const server = await servers(() => ({
      kind: 'text',
      content: 'Sure.',
      usage: { prompt_tokens: 50, completion_tokens: 5 },
    }));
    const args = ['generate', '--count', '3', '--base-url', server.url, '--model', 'fake', '--estimate', '--json'];
    for (const prices of [[], ['--prices', '1,2']]) {
      const result = await cli([...args, ...prices]);
      expect(result.code, result.stderr).toBe(0);
      const estimate = RunEstimateSchema.parse(JSON.parse(result.stdout));
      expect(estimate).toMatchObject({ dialogues: 3, sampled: 3 });
      expect(estimate.expected.cost === null).toBe(prices.length === 0);
    }
  });

  it('--quiet leaves out the summary lines, never the warnings', async () => {
    const { dir, write } = tempDir();
    await cli(['generate', '--count', '4', '--out', 'd.jsonl'], dir);
    write('broken.jsonl', `${readFileSync(join(dir, 'd.jsonl'), 'utf8')}not json\n`);
    const loud = await cli(['export', 'broken.jsonl', '--format', 'chat', '--out', 'loud.jsonl'], dir);
    expect(loud.stderr).toMatch(/wrote loud\.jsonl/);
    const quiet = await cli(['export', 'broken.jsonl', '--format', 'chat', '--out', 'quiet.jsonl', '--quiet'], dir);
    expect(quiet.code).toBe(0);
    expect(quiet.stderr).toMatch(/broken\.jsonl:5: skipped/);
    expect(quiet.stderr).not.toMatch(/wrote/);
    for (const shard of ['0/2', '1/2'])
      await cli(['generate', '--count', '4', '--shard', shard, '--out', `p${shard[0]}.jsonl`], dir);
    expect((await cli(['merge', 'p0.jsonl', 'p1.jsonl', '--out', 'm.jsonl', '--quiet'], dir)).stderr).toBe('');
  });

  it('--json applies to generate --estimate only: the records are JSON already', async () => {
    const result = await cli(['generate', '--count', '1', '--json']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--json .* applies to --estimate/);
  });
});

describe('exit codes', () => {
  it('2 for usage: no command, an unknown command or help topic, an unknown flag, a missing or bad value', async () => {
    const none = await cli([]);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^icer .*\n\nUsage: icer <command>/);
    expect(none.stdout).toBe('');
    expect((await cli(['nonsense'])).code).toBe(2);
    expect((await cli(['help', 'nonsense'])).code).toBe(2);
    expect((await cli(['help', 'stats'])).stdout).toMatch(/^Usage: icer stats/);
    for (const args of [
      ['generate', '--no-such-flag'],
      ['generate', '--count', 'many'],
      ['profiles', '--held-out', '2'],
      ['merge', 'a.jsonl'],
      ['evaluate'],
      ['judge', 'd.jsonl'],
      ['stats'],
      ['report', 'd.jsonl'],
      ['export', 'd.jsonl', '--format', 'chat'],
      ['worker'],
    ]) {
      const result = await cli(args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr, args.join(' ')).toMatch(/Run "icer \w+ --help" for usage\.\n$/);
    }
  });

  it('1 for a failure, naming the file and the error code; 0 for --help and --version', async () => {
    const { dir } = tempDir();
    for (const args of [
      ['stats', 'missing.jsonl'],
      ['evaluate', 'missing.jsonl'],
      ['profiles', '--catalog', 'no.json'],
    ]) {
      const result = await cli(args, dir);
      expect(result.code, args.join(' ')).toBe(1);
      expect(result.stderr, args.join(' ')).toMatch(/missing\.jsonl|no\.json/);
      expect(result.stderr, args.join(' ')).toMatch(/\[[A-Z_]+\]\n$/);
    }
    expect((await cli(['--version'])).code).toBe(0);
    for (const command of ['generate', 'profiles', 'merge', 'worker', 'evaluate', 'judge', 'stats', 'report', 'export'])
      expect((await cli([command, '--help'])).code, command).toBe(0);
  });
});
