import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli-harness.js';
import { useTempDir } from '../helpers/temp-dir.js';

const tempDir = useTempDir();

function movieLens(ratings: string): string {
  const { dir, write } = tempDir();
  write('movies.csv', 'movieId,title,genres\n1,Heat (1995),Crime|Action\n2,Up (2009),Animation|Comedy\n');
  write('ratings.csv', `userId,movieId,rating,timestamp\n${ratings}`);
  return dir;
}

describe('(user, movie) pairs rated more than once', () => {
  it('are reported on stderr by icer profiles and icer generate --movielens, with the lines that count', async () => {
    // User 7 rates film 1 twice (the later timestamp, line 4, counts) and film 2 three times (ties: the last row).
    const dir = movieLens('7,1,5,200\n7,2,1,100\n7,1,2,300\n7,2,1,100\n7,2,1,100\n');
    for (const command of ['profiles', 'generate']) {
      const result = await cli(
        [command, '--movielens', '.', '--count', '1', ...(command === 'generate' ? ['--quiet'] : [])],
        dir,
      );
      expect(result.code, command).toBe(0);
      const lines = result.stderr.trim().split('\n');
      expect(lines[0]).toBe(
        `icer ${command}: 2 (user, movie) pairs rated more than once; each counts once (the later timestamp, then the later row), so 3 rows did not count`,
      );
      expect(lines[1]).toMatch(/ratings\.csv:4: user 7, movie 1, rated before on line 2; line 4 counts$/);
      expect(lines).toHaveLength(4);
    }
  });

  it('leave stderr empty for a clean file', async () => {
    const dir = movieLens('7,1,5,200\n7,2,1,100\n');
    expect((await cli(['profiles', '--movielens', '.'], dir)).stderr).toBe('');
  });
});
