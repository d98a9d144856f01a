import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli-harness.js';
import { useTempDir } from '../helpers/temp-dir.js';

const tempDir = useTempDir();

// A small catalog of another domain, written as a user would: two facets, enough items for tastes to form.
const AUTHORS = ['Ursula K. Le Guin', 'Jane Austen', 'Agatha Christie', 'Terry Pratchett'];
const GENRES = ['fantasy', 'romance', 'mystery', 'comedy'];
const catalogDocument = {
  format: 'icer.catalog',
  version: 1,
  domain: 'books',
  items: Array.from({ length: 40 }, (_, i) => ({
    id: `book-${i}`,
    title: `Volume ${['One', 'Two', 'Three', 'Four', 'Five', 'Six', 'Seven', 'Eight'][i % 8]} of Saga ${String.fromCharCode(65 + Math.floor(i / 8))}`,
    year: 1950 + i,
    attributes: { genre: [GENRES[i % 4] as string], author: [AUTHORS[(i >> 1) % 4] as string] },
  })),
};

const jsonLines = (text: string) =>
  text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);

describe('icer generate with your own catalog and users', () => {
  it('generates from the users icer profiles drew from a JSON catalog, one dialogue each', async () => {
    const { dir } = tempDir();
    writeFileSync(join(dir, 'books.json'), JSON.stringify(catalogDocument));
    const drawn = await cli(
      ['profiles', '--catalog', 'books.json', '--count', '12', '--seed', '5', '--out', 'users.jsonl'],
      dir,
    );
    expect(drawn.code, drawn.stderr).toBe(0);
    const users = jsonLines(readFileSync(join(dir, 'users.jsonl'), 'utf8')).map((user) => user.id);
    const run = await cli(
      ['generate', '--catalog', 'books.json', '--profiles', 'users.jsonl', '--seed', '1', '--quiet'],
      dir,
    );
    expect(run.code, run.stderr).toBe(0);
    const records = jsonLines(run.stdout);
    expect(records.map((record) => (record.user as { id: string }).id)).toEqual(users);
    expect(new Set(records.map((record) => record.domain))).toEqual(new Set(['books']));
    const items = new Set(catalogDocument.items.map((item) => item.id));
    for (const record of records) {
      for (const item of (record.outcome as { recommended: string[] }).recommended) expect(items.has(item)).toBe(true);
    }
    // The same users piped in (`--profiles -`), one process only.
    const piped = await cli(
      ['generate', '--catalog', 'books.json', '--profiles', '-', '--seed', '1', '--quiet'],
      dir,
      readFileSync(join(dir, 'users.jsonl'), 'utf8'),
    );
    expect(piped.stdout).toBe(run.stdout);
    const threads = await cli(['generate', '--catalog', 'books.json', '--profiles', '-', '--workers', '2'], dir);
    expect(threads.stderr).toMatch(/--profiles - is read once/);
    // More dialogues than users: the users are taken again, in order.
    const more = jsonLines(
      (await cli(['generate', '--catalog', 'books.json', '--profiles', 'users.jsonl', '--count', '15', '--quiet'], dir))
        .stdout,
    );
    expect(more.map((record) => (record.user as { id: string }).id)).toEqual([...users, ...users.slice(0, 3)]);
  });

  it('names the line of a profile that is broken or does not fit the catalog, skipping it or stopping', async () => {
    const { dir } = tempDir();
    writeFileSync(join(dir, 'books.json'), JSON.stringify(catalogDocument));
    await cli(['profiles', '--catalog', 'books.json', '--count', '3', '--out', 'users.jsonl'], dir);
    const [first, second, third] = readFileSync(join(dir, 'users.jsonl'), 'utf8').split('\n');
    const foreign = JSON.stringify({
      ...JSON.parse(second as string),
      liked: [{ item: 'the-matrix-1999', strength: 0.9 }],
    });
    writeFileSync(join(dir, 'mixed.jsonl'), [first, '{"id": "cut short', foreign, '', third].join('\n'));
    const skipped = await cli(['generate', '--catalog', 'books.json', '--profiles', 'mixed.jsonl', '--quiet'], dir);
    expect(skipped.code, skipped.stderr).toBe(0);
    expect(jsonLines(skipped.stdout)).toHaveLength(2);
    // What is wrong with the line, as JSON.parse says where: not only that it is not JSON.
    expect(skipped.stderr).toMatch(
      /skipped .*mixed\.jsonl:2: The line is not JSON \(.*position \d+.*\)\. \[MALFORMED_JSON\]/,
    );
    expect(skipped.stderr).toMatch(/skipped .*mixed\.jsonl:3: .*the-matrix-1999/);
    const stopped = await cli(
      ['generate', '--catalog', 'books.json', '--profiles', 'mixed.jsonl', '--invalid-profiles', 'stop'],
      dir,
    );
    expect(stopped.code).toBe(1);
    expect(stopped.stderr).toMatch(/mixed\.jsonl:2: The line is not JSON/);
    expect(stopped.stdout).toBe('');
    // The built-in catalog does not have these books: every line is left out, and that is an error.
    const wrongCatalog = await cli(['generate', '--profiles', 'users.jsonl'], dir);
    expect(wrongCatalog.code).toBe(1);
    // Each line's reason is said, not only that there were some: the first lines' reasons are what to fix.
    expect(wrongCatalog.stderr).toMatch(
      /users\.jsonl: It holds no profile to generate from \(all 3 lines were left out: line 1: Profile .* names item "[^"]+", which is not in the catalog; line 2: .*; line 3: .*\)\./,
    );
  });

  it('refuses flags that cannot go together', async () => {
    expect((await cli(['generate', '--movielens', 'x', '--catalog', 'y.json'])).stderr).toMatch(/cannot be combined/);
    expect((await cli(['generate', '--invalid-profiles', 'stop'])).stderr).toMatch(/applies to --profiles/);
    expect((await cli(['generate', '--profiles', 'p.jsonl', '--invalid-profiles', 'maybe'])).code).toBe(2);
    const missing = await cli(['generate', '--catalog', 'no-such.json']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/no-such\.json/);
  });
});
