import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { eachRow } from '../../src/data/csv-table.js';
import { IcerError } from '../../src/errors.js';
import { useTempDir } from '../helpers/temp-dir.js';

const tempDir = useTempDir();

async function rows(file: string, required: string[]): Promise<{ line: number; values: Record<string, string> }[]> {
  const found: { line: number; values: Record<string, string> }[] = [];
  await eachRow(file, required, (table, record) => {
    found.push({
      line: record.line,
      values: Object.fromEntries(required.map((column) => [column, table.get(record, column)])),
    });
  });
  return found;
}

async function failure(run: Promise<unknown>): Promise<IcerError> {
  const error = await run.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!IcerError.isInstance(error)) throw new Error(`expected an IcerError, got ${String(error)}`);
  return error;
}

describe('tab-separated files', () => {
  it('split at tabs only, take commas and quotes as they are, and keep line numbers', async () => {
    const { write } = tempDir();
    const file = write(
      'books.tsv',
      '\uFEFFid\ttitle\tgenres\r\n1\tHeat, The\tCrime|Drama\r\n\r\n2\t"Quoted" title\t\n3\tÉmile\tPhilosophy',
    );
    expect(await rows(file, ['id', 'title', 'genres'])).toEqual([
      { line: 2, values: { id: '1', title: 'Heat, The', genres: 'Crime|Drama' } },
      { line: 4, values: { id: '2', title: '"Quoted" title', genres: '' } },
      { line: 5, values: { id: '3', title: 'Émile', genres: 'Philosophy' } },
    ]);
  });

  it('name the line of a row with too many or too few fields, and of a byte that is not UTF-8', async () => {
    const { write } = tempDir();
    const short = await failure(rows(write('short.tsv', 'id\ttitle\n1\tA\n2\n'), ['id', 'title']));
    expect(short.code).toBe('MALFORMED_CSV');
    expect(short.location?.line).toBe(3);
    expect(short.hint).toMatch(/cannot hold a tab/);
    const latin1 = write('latin1.tsv', '');
    writeFileSync(
      latin1,
      Buffer.concat([Buffer.from('id\ttitle\n1\tA\n2\t'), Buffer.from([0xc9]), Buffer.from('mile\n')]),
    );
    const encoding = await failure(rows(latin1, ['id', 'title']));
    expect(encoding.code).toBe('INVALID_ENCODING');
    expect(encoding.location?.line).toBe(3);
  });
});
