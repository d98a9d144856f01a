import { describe, expect, it } from 'vitest';
import { IcerError } from '../../src/errors.js';
import { type CsvRecord, readCsv } from '../../src/io/csv-reader.js';
import { useTempDir } from '../helpers/temp-dir.js';

const tempDir = useTempDir();

async function readAll(content: string): Promise<CsvRecord[]> {
  const { write } = tempDir();
  const out: CsvRecord[] = [];
  for await (const batch of readCsv(write('data.csv', content))) out.push(...batch);
  return out;
}

describe('readCsv', () => {
  it('parses quoted fields with commas, doubled quotes and newlines, CRLF, a BOM, and counts lines', async () => {
    const records = await readAll('\ufeffa,b,c\r\n1,"x, ""y""\nz",3\r\n\n4,5,\n"é",,"q"');
    expect(records).toEqual([
      { fields: ['a', 'b', 'c'], line: 1 },
      { fields: ['1', 'x, "y"\nz', '3'], line: 2 },
      { fields: ['4', '5', ''], line: 5 },
      { fields: ['é', '', 'q'], line: 6 },
    ]);
  });

  it('gives the same records whatever the chunking (a file larger than one read)', async () => {
    const row = (i: number) => `${i},"Title, with comma ${i} ""quoted""",Drama|Comedy\n`;
    const content = Array.from({ length: 40_000 }, (_, i) => row(i)).join('');
    const records = await readAll(content);
    expect(records).toHaveLength(40_000);
    expect(records[39_999]).toEqual({
      fields: ['39999', 'Title, with comma 39999 "quoted"', 'Drama|Comedy'],
      line: 40_000,
    });
    expect(records.every((r, i) => r.line === i + 1 && r.fields.length === 3)).toBe(true);
  });

  it('keeps a line holding only "" as a record with one empty field, unlike a blank line', async () => {
    expect(await readAll('name\n""\n\nx\n')).toEqual([
      { fields: ['name'], line: 1 },
      { fields: [''], line: 2 },
      { fields: ['x'], line: 4 },
    ]);
  });

  it('reports an unclosed quote with its line', async () => {
    const error = await readAll('a,b\n1,"open\n2,3\n').catch((e: unknown) => e);
    expect(IcerError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: 'MALFORMED_CSV', location: { line: 2 } });
  });

  it('reports text after a closing quote', async () => {
    const error = await readAll('a,b\n"x"y,1\n').catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'MALFORMED_CSV', location: { line: 2 } });
  });

  it('reports a missing file as FILE_NOT_FOUND naming it', async () => {
    const error = await (async () => {
      for await (const _ of readCsv('/nonexistent/icer/x.csv')) void _;
    })().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'FILE_NOT_FOUND', location: { file: '/nonexistent/icer/x.csv' } });
    expect((error as Error).message).toContain('/nonexistent/icer/x.csv');
  });
});
