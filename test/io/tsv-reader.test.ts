import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CsvRecord } from '../../src/io/csv-reader.js';
import { isTabSeparated, readTsv } from '../../src/io/tsv-reader.js';
import { useTempDir } from '../helpers/temp-dir.js';
import { rejected } from '../helpers/thrown.js';

const tempDir = useTempDir();

async function readAll(file: string): Promise<CsvRecord[]> {
  const out: CsvRecord[] = [];
  for await (const batch of readTsv(file)) out.push(...batch);
  return out;
}

describe('readTsv', () => {
  it('reads a file by its name: .tsv or .tab, any case', () => {
    expect(isTabSeparated('books.tsv')).toBe(true);
    expect(isTabSeparated('/data/BOOKS.TSV')).toBe(true);
    expect(isTabSeparated('books.tab')).toBe(true);
    expect(isTabSeparated('books.csv')).toBe(false);
    expect(isTabSeparated('tsv/books.csv')).toBe(false);
  });

  it('splits at tabs only, drops a BOM and CRs, skips blank lines and keeps line numbers', async () => {
    const { write } = tempDir();
    const file = write('books.tsv', '\uFEFFid\ttitle\r\n1\tHeat, The\r\n\r\n2\t"Quoted"\t\n3\tÉmile');
    expect(await readAll(file)).toEqual([
      { fields: ['id', 'title'], line: 1 },
      { fields: ['1', 'Heat, The'], line: 2 },
      { fields: ['2', '"Quoted"', ''], line: 4 },
      { fields: ['3', 'Émile'], line: 5 },
    ]);
  });

  it('keeps characters whole across reads', async () => {
    const { write } = tempDir();
    const lines = Array.from({ length: 5000 }, (_, i) => `${i}\tCafé ☕ número ${i} 😀`);
    const records = await readAll(write('big.tsv', `${lines.join('\n')}\n`));
    expect(records).toHaveLength(5000);
    expect(records[4999]).toEqual({ fields: ['4999', 'Café ☕ número 4999 😀'], line: 5000 });
  });

  it('names the line of a byte that is not UTF-8, with the advice a CSV file gets', async () => {
    const { dir } = tempDir();
    const file = join(dir, 'latin1.tsv');
    writeFileSync(
      file,
      Buffer.concat([Buffer.from('id\ttitle\n1\tA\n2\t'), Buffer.from([0xc9]), Buffer.from('mile\n')]),
    );
    const error = await rejected(() => readAll(file));
    expect(error.code).toBe('INVALID_ENCODING');
    expect(error.location).toEqual({ file, line: 3 });
    expect(error.hint).toMatch(/in\.tsv > out\.tsv/);
    expect(error.hint).toMatch(/cp1252/);
  });

  it('says which file is missing', async () => {
    const { dir } = tempDir();
    const missing = await rejected(() => readTsv(`${dir}/none.tsv`).next());
    expect(missing.code).toBe('FILE_NOT_FOUND');
  });
});
