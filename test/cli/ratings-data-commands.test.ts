import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli-harness.js';
import { useTempDir } from '../helpers/temp-dir.js';
import { BOOKS, DATA_FLAGS, FLAGS, RATINGS } from './goodreads-files.js';

const tempDir = useTempDir();

/** A folder with the Goodreads-like files and five dialogues generated from them. */
async function booksRun() {
  const folder = tempDir();
  folder.write('books.csv', BOOKS);
  folder.write('ratings.csv', RATINGS);
  const run = await cli(['generate', ...FLAGS, '--count', '5', '--seed', '3', '--out', 'd.jsonl'], folder.dir);
  expect(run.code, run.stderr).toBe(0);
  return folder;
}

describe('the ratings data flags on the commands that read dialogues', () => {
  it('icer evaluate takes its catalog and each reader’s ratings from --items and --ratings', async () => {
    const { dir } = await booksRun();
    const args = ['evaluate', '--dialogues', 'd.jsonl', '--negatives', '5', '--json'];
    const own = await cli([...args, ...DATA_FLAGS], dir);
    expect(own.code, own.stderr).toBe(0);
    const report = JSON.parse(own.stdout) as { task: { targets: number; skipped: Record<string, number> } };
    expect(report.task.targets).toBeGreaterThan(0);
    // Without them the items are not in the built-in catalog: nothing to score is an error, not a table of zeros.
    const builtin = await cli(args, dir);
    expect(builtin.code).toBe(1);
    expect(builtin.stdout).toBe('');
    expect(builtin.stderr).toMatch(
      /None of the 5 records .*skipped: unknown-item \d+.*--catalog FILE.*NOTHING_TO_EVALUATE/,
    );
  });

  it('icer export finds the titles in the items file', async () => {
    const { dir } = await booksRun();
    const result = await cli(['export', 'd.jsonl', '--format', 'redial', '--out', 'r.jsonl', ...DATA_FLAGS], dir);
    expect(result.code, result.stderr).toBe(0);
    const first = JSON.parse(readFileSync(join(dir, 'r.jsonl'), 'utf8').split('\n')[0] as string) as {
      movieMentions: Record<string, string>;
    };
    expect(Object.values(first.movieMentions).every((title) => /^Saga [A-D] Volume \d \(\d{4}\)$/.test(title))).toBe(
      true,
    );
  });

  it('icer stats reads them as it reads --movielens', async () => {
    const { dir } = await booksRun();
    const result = await cli(['stats', 'd.jsonl', '--json', ...DATA_FLAGS], dir);
    expect(result.code, result.stderr).toBe(0);
    expect((JSON.parse(result.stdout) as { corpora: { dialogues: number }[] }).corpora[0]?.dialogues).toBe(5);
  });

  it('is a usage error half given, beside --movielens or beside --catalog', async () => {
    const { dir } = await booksRun();
    writeFileSync(join(dir, 'c.json'), '{}');
    for (const [command, ...rest] of [
      ['stats', 'd.jsonl'],
      ['evaluate', '--dialogues', 'd.jsonl'],
      ['judge', 'd.jsonl', '--model', 'openai:gpt-4o-mini'],
      ['export', 'd.jsonl', '--format', 'chat', '--out', 'c.jsonl'],
      ['report', 'd.jsonl', '--out', 'r.html'],
    ] as const) {
      const half = await cli([command, ...rest, '--items', 'books.csv'], dir);
      expect(half.code, command).toBe(2);
      expect(half.stderr).toMatch(/--items needs --ratings FILE/);
      const both = await cli([command, ...rest, ...DATA_FLAGS, '--catalog', 'c.json'], dir);
      // No users are built from the data here: the thresholds would do nothing, so they are refused.
      const thresholds = await cli([command, ...rest, ...FLAGS], dir);
      expect(thresholds.code, command).toBe(2);
      expect(thresholds.stderr).toMatch(/like-threshold/);
      expect(both.code, command).toBe(2);
      expect(both.stderr).toMatch(/--items and --catalog cannot be combined/);
      const columns = await cli([command, ...rest, '--facets', 'genre=genres'], dir);
      expect(columns.code, command).toBe(2);
      expect(columns.stderr).toMatch(/--facets applies to --items and --ratings/);
    }
  });

  it('reads tab-separated files (.tsv) as it reads CSV', async () => {
    const { dir, write } = await booksRun();
    write('books.tsv', BOOKS.replaceAll(',', '\t'));
    write('ratings.tsv', RATINGS.replaceAll(',', '\t'));
    const tsv = FLAGS.map((flag) => flag.replace(/^(books|ratings)\.csv$/, '$1.tsv'));
    expect(tsv).toContain('books.tsv');
    const fromCsv = await cli(['profiles', ...FLAGS], dir);
    const fromTsv = await cli(['profiles', ...tsv], dir);
    expect(fromTsv.code, fromTsv.stderr).toBe(0);
    expect(fromTsv.stdout).toBe(fromCsv.stdout);
    expect(fromTsv.stdout.split('\n').filter(Boolean)).toHaveLength(5);
  });
});
