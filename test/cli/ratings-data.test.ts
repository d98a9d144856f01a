import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli-harness.js';
import { useTempDir } from '../helpers/temp-dir.js';
import { BOOKS, FLAGS, RATINGS, USERS } from './goodreads-files.js';

const tempDir = useTempDir();

const jsonLines = (text: string) =>
  text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);

function dataDir(books = BOOKS, ratings = RATINGS): string {
  const { dir } = tempDir();
  writeFileSync(join(dir, 'books.csv'), books);
  writeFileSync(join(dir, 'ratings.csv'), ratings);
  return dir;
}

describe('icer generate and icer profiles with --items and --ratings', () => {
  it('generate writes dialogues whose users are the data users, cycled past the count, worded for the domain', async () => {
    const dir = dataDir();
    const run = await cli(['generate', ...FLAGS, '--count', '7', '--seed', '2', '--quiet'], dir);
    expect(run.code, run.stderr).toBe(0);
    const records = jsonLines(run.stdout);
    expect(records.map((record) => (record.user as { id: string }).id)).toEqual([...USERS, 'alice', 'bob']);
    expect(new Set(records.map((record) => record.domain))).toEqual(new Set(['books']));
    const books = new Set(BOOKS.split('\n').map((line) => line.split(',')[0]));
    for (const record of records) {
      const user = record.user as { heldOut: string[]; liked: string[] };
      expect(user.heldOut.length).toBeGreaterThan(0);
      for (const item of [...user.heldOut, ...user.liked]) expect(books.has(item)).toBe(true);
    }
    // The same flags, the same bytes.
    expect((await cli(['generate', ...FLAGS, '--count', '7', '--seed', '2', '--quiet'], dir)).stdout).toBe(run.stdout);
  });

  it('profiles writes every user (or the first --count) with held-out targets, fed back to generate', async () => {
    const dir = dataDir();
    const all = await cli(['profiles', ...FLAGS, '--seed', '4', '--held-out', '0.25'], dir);
    expect(all.code, all.stderr).toBe(0);
    const profiles = jsonLines(all.stdout);
    expect(profiles.map((profile) => profile.id)).toEqual(USERS);
    for (const profile of profiles) expect((profile.heldOut as string[]).length).toBeGreaterThan(0);
    const two = await cli(['profiles', ...FLAGS, '--count', '2', '--out', 'users.jsonl'], dir);
    expect(two.code, two.stderr).toBe(0);
    expect(jsonLines(readFileSync(join(dir, 'users.jsonl'), 'utf8')).map((profile) => profile.id)).toEqual([
      'alice',
      'bob',
    ]);
  });

  it('names the flag that maps a missing column, and the file, line and column of a bad row', async () => {
    const dir = dataDir();
    const missing = await cli(
      ['profiles', ...FLAGS.map((flag) => (flag.startsWith('id=book_id') ? 'id=goodreads_id,title=title' : flag))],
      dir,
    );
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('books.csv');
    expect(missing.stderr).toContain('"goodreads_id" (--item-columns id=)');
    expect(missing.stderr).toContain('"book_id", "title"');

    const unknown = await cli(['profiles', ...FLAGS], dataDir(BOOKS, `${RATINGS}\nalice,bk99,5`));
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/ratings\.csv:82/);
    expect(unknown.stderr).toContain('--unknown-items skip');
    const skipped = await cli(
      ['profiles', ...FLAGS, '--unknown-items', 'skip'],
      dataDir(BOOKS, `${RATINGS}\nalice,bk99,5`),
    );
    expect(skipped.code, skipped.stderr).toBe(0);

    const offScale = await cli(['profiles', ...FLAGS, '--max-rating', '5', '--like-threshold', '4'], dir);
    expect(offScale.code).toBe(1);
    expect(offScale.stderr).toMatch(/ratings\.csv:2/);
    expect(offScale.stderr).toContain('RATING_OUT_OF_RANGE');
  });

  it('words the dialogues with --items-phrasing, and names the file and the field of a bad one', async () => {
    const dir = dataDir();
    const phrasing = { noun: { singular: 'saga', plural: 'sagas' }, greetings: ['Hello! Let us find you a saga.'] };
    writeFileSync(join(dir, 'sagas.json'), JSON.stringify(phrasing));
    const args = ['generate', ...FLAGS, '--count', '20', '--seed', '2', '--quiet'];
    const plain = await cli(args, dir);
    const worded = await cli([...args, '--items-phrasing', 'sagas.json'], dir);
    expect(worded.code, worded.stderr).toBe(0);
    const texts = (run: { stdout: string }) =>
      jsonLines(run.stdout).flatMap((record) => (record.turns as Array<{ text: string }>).map((turn) => turn.text));
    expect(texts(worded).some((text) => /\bsagas?\b/.test(text))).toBe(true);
    expect(texts(plain).some((text) => /\bsagas?\b/.test(text))).toBe(false);
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ noun: { singular: 'saga' } }));
    const bad = await cli([...args, '--items-phrasing', 'bad.json'], dir);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/bad\.json: The file is not a domain phrasing .*noun\.plural/);
    expect(bad.stderr).not.toMatch(/\n\s+at /);
    const missing = await cli([...args, '--items-phrasing', 'none.json'], dir);
    expect(missing.stderr).toMatch(/none\.json: The file does not exist/);
    const alone = await cli(['generate', '--items-phrasing', 'sagas.json'], dir);
    expect(alone.code).toBe(2);
    expect(alone.stderr).toMatch(/--items-phrasing applies to --items and --ratings/);
  });

  it('refuses flags that cannot go together or would do nothing', async () => {
    const dir = dataDir();
    const usage = async (args: string[], message: RegExp) => {
      const result = await cli(args, dir);
      expect(result.code, result.stderr).toBe(2);
      expect(result.stderr).toMatch(message);
    };
    await usage(['generate', '--items', 'books.csv'], /--items needs --ratings FILE/);
    await usage(['profiles', '--ratings', 'ratings.csv'], /--ratings needs --items FILE/);
    await usage(['generate', '--facets', 'genre=genres'], /--facets applies to --items and --ratings/);
    await usage(['generate', ...FLAGS, '--movielens', 'ml'], /--movielens and --items\/--ratings cannot be combined/);
    await usage(['generate', ...FLAGS, '--catalog', 'c.json'], /cannot be combined/);
    await usage(['profiles', ...FLAGS, '--catalog', 'c.json'], /cannot be combined/);
    await usage(
      ['generate', ...FLAGS, '--item-columns', 'id=a,name=b'],
      /--item-columns knows the keys id, title, year/,
    );
    await usage(['generate', ...FLAGS, '--facets', 'genre'], /--facets takes KEY=COLUMN pairs/);
    await usage(['generate', ...FLAGS, '--facets', 'Genre=genres'], /--facets/);
    await usage(['generate', ...FLAGS, '--min-rating', '10', '--max-rating', '1'], /--min-rating/);
    await usage(['generate', '--min-rating', '1'], /--min-rating applies to --movielens or --ratings/);
  });
});
