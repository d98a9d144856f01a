import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ItemCatalog } from '../../src/catalog/item-catalog.js';
import { catalogToJson } from '../../src/data/catalog-json.js';
import { PreferenceProfileSchema } from '../../src/profile/profile-schema.js';
import { VERSION } from '../../src/version.js';
import { cli } from '../helpers/cli-harness.js';
import { useTempDir } from '../helpers/temp-dir.js';

const tempDir = useTempDir();
const lines = (text: string) =>
  text
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as unknown);

function catalogFile(dir: string): string {
  const items = Array.from({ length: 30 }, (_, i) => ({
    id: `x${i}`,
    title: `Item ${i}`,
    attributes: { genre: [['A', 'B', 'C'][i % 3] as string], tag: [['p', 'q'][i % 2] as string] },
  }));
  const file = join(dir, 'catalog.json');
  writeFileSync(file, JSON.stringify(catalogToJson(new ItemCatalog(items))));
  return file;
}

describe('icer profiles', () => {
  it('writes synthetic profiles from the built-in catalog as JSONL, the same for the same seed', async () => {
    const first = await cli(['profiles', '--count', '3', '--seed', '9']);
    expect(first.code).toBe(0);
    expect(first.stderr).toBe('');
    const profiles = lines(first.stdout);
    expect(profiles).toHaveLength(3);
    for (const profile of profiles) expect(() => PreferenceProfileSchema.parse(profile)).not.toThrow();
    expect((await cli(['profiles', '--count', '3', '--seed', '9'])).stdout).toBe(first.stdout);
    expect((await cli(['profiles', '--count', '3', '--seed', '10'])).stdout).not.toBe(first.stdout);
  });

  it('draws from a JSON catalog and writes a file atomically', async () => {
    const { dir } = tempDir();
    const result = await cli(['profiles', '--catalog', catalogFile(dir), '--count', '4', '--out', 'out.jsonl'], dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    const written = lines(readFileSync(join(dir, 'out.jsonl'), 'utf8')) as Array<{ liked: Array<{ item: string }> }>;
    expect(written).toHaveLength(4);
    expect(written.every((p) => p.liked.every((o) => o.item.startsWith('x')))).toBe(true);
  });

  it('writes gzip to a .gz name, which generate reads back as the plain file', async () => {
    const { dir } = tempDir();
    for (const out of ['p.jsonl', 'p.jsonl.gz'])
      expect((await cli(['profiles', '--count', '4', '--seed', '9', '--out', out], dir)).code).toBe(0);
    const compressed = readFileSync(join(dir, 'p.jsonl.gz'));
    expect(gunzipSync(compressed).toString('utf8')).toBe(readFileSync(join(dir, 'p.jsonl'), 'utf8'));
    const fromPlain = await cli(['generate', '--profiles', 'p.jsonl', '--seed', '3', '--quiet'], dir);
    const fromGzip = await cli(['generate', '--profiles', 'p.jsonl.gz', '--seed', '3', '--quiet'], dir);
    expect(fromGzip.code, fromGzip.stderr).toBe(0);
    expect(fromGzip.stdout).toBe(fromPlain.stdout);
  });

  it('keeps an earlier output file intact when a run fails', async () => {
    const { dir, write } = tempDir();
    write('out.jsonl', 'earlier results\n');
    write('movies.csv', 'movieId,title,genres\n1,A (2000),Drama\n');
    write('ratings.csv', 'userId,movieId,rating\n1,1,4\n1,2,4\n');
    const result = await cli(['profiles', '--movielens', '.', '--out', 'out.jsonl'], dir);
    expect(result.code).toBe(1);
    expect(readFileSync(join(dir, 'out.jsonl'), 'utf8')).toBe('earlier results\n');
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('builds profiles from a MovieLens directory', async () => {
    const { dir, write } = tempDir();
    write('movies.csv', 'movieId,title,genres\n1,"Matrix, The (1999)",Sci-Fi\n2,Heat (1995),Crime\n');
    write('ratings.csv', 'userId,movieId,rating\n7,1,5\n7,2,1\n8,2,4\n');
    const result = await cli(['profiles', '--movielens', dir, '--held-out', '0']);
    expect(result.code).toBe(0);
    const [seven, eight] = lines(result.stdout) as Array<{ id: string; liked: unknown[]; disliked: unknown[] }>;
    expect(seven).toMatchObject({
      id: '7',
      liked: [{ item: '1', strength: 1 }],
      disliked: [{ item: '2', strength: 0.833 }],
    });
    expect(eight?.id).toBe('8');
  });

  it('explains bad input in one line with the file, and bad usage with a pointer to --help', async () => {
    const missing = await cli(['profiles', '--movielens', '/nonexistent/ml']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe(
      'icer profiles: /nonexistent/ml/movies.csv: A MovieLens file is missing. Point to a MovieLens directory holding movies.csv and ratings.csv (and optionally tags.csv, links.csv). [FILE_NOT_FOUND]\n',
    );
    const badCount = await cli(['profiles', '--count', 'many']);
    expect(badCount.code).toBe(2);
    expect(badCount.stderr).toContain('--count takes a whole number ≥ 1, got "many"');
    const unknownFlag = await cli(['profiles', '--frobnicate']);
    expect(unknownFlag.code).toBe(2);
    expect(unknownFlag.stderr).toContain('icer profiles --help');
    expect(unknownFlag.stderr).not.toMatch(/\n\s+at /);
    expect((await cli(['profiles', '--held-out', '1'])).code).toBe(2);
    expect((await cli(['profiles', '--movielens', 'a', '--catalog', 'b'])).code).toBe(2);
    expect(existsSync('out.jsonl')).toBe(false);
  });
});

describe('icer', () => {
  it('prints help, version, and rejects unknown commands', async () => {
    const bare = await cli([]);
    expect(bare.code).toBe(2);
    expect(bare.stderr).toContain('profiles');
    const help = await cli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('profiles');
    expect((await cli(['help', 'profiles'])).stdout).toContain('--movielens DIR');
    expect((await cli(['profiles', '--help'])).stdout).toContain('--movielens DIR');
    expect(await cli(['--version'])).toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: '' });
    const unknown = await cli(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown command "frobnicate"');
    // Names an object has by inheritance are no commands either.
    for (const args of [['toString'], ['constructor'], ['help', 'toString']]) {
      const inherited = await cli(args);
      expect(inherited.code).toBe(2);
      expect(inherited.stderr).toMatch(/unknown command "(toString|constructor)"/);
    }
  });

  it('reports the version that package.json declares', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(VERSION).toBe(pkg.version);
  });
});
