import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { IcerError } from '../../src/errors.js';
import { type CsvRecord, readCsv } from '../../src/io/csv-reader.js';
import { useTempDir } from '../helpers/temp-dir.js';

const tempDir = useTempDir();

async function readAll(content: string | Buffer): Promise<CsvRecord[]> {
  const { dir } = tempDir();
  const file = join(dir, 'data.csv');
  writeFileSync(file, content);
  const out: CsvRecord[] = [];
  for await (const batch of readCsv(file)) out.push(...batch);
  return out;
}

async function readError(content: string | Buffer): Promise<IcerError> {
  const error = await readAll(content).catch((e: unknown) => e);
  if (!IcerError.isInstance(error)) throw new Error(`expected an IcerError, got ${String(error)}`);
  return error;
}

// One read is 64 KiB: rows of this many bytes put a chosen byte of line `n` at a chosen offset from a boundary.
const READ = 1 << 16;

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

  it('names the line where an unclosed quote opened, not the later line where another quote closes it', async () => {
    const error = await readError('a,b\n1,"open\n2,3\n4,"x",5\n');
    expect(error).toMatchObject({ code: 'MALFORMED_CSV', location: { line: 2 } });
    expect(error.message).toContain('line 4');
    // A quote that opens on the second line of a record is reported on that line, not where the record starts.
    expect(await readError('a,b\n"x\ny","open\n2,3\n')).toMatchObject({ code: 'MALFORMED_CSV', location: { line: 3 } });
    // The same across a read boundary: the quote opens in the first read and is never closed.
    const filler = `${'x,y\n'.repeat(READ / 4 - 1)}`;
    expect(await readError(`${filler}1,"open\n${'2,3\n'.repeat(20_000)}`)).toMatchObject({
      location: { line: READ / 4 },
    });
  });

  it('reports text after a closing quote', async () => {
    const error = await readAll('a,b\n"x"y,1\n').catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'MALFORMED_CSV', location: { line: 2 } });
  });

  it('rejects bytes that are not UTF-8 (a Latin-1 file) with INVALID_ENCODING, the file and the line', async () => {
    const latin1 = Buffer.from('movieId,title\n1,Toy Story\n2,Amélie\n3,Léon\n', 'latin1');
    const error = await readError(latin1);
    expect(error.code).toBe('INVALID_ENCODING');
    expect(error.location?.line).toBe(3);
    expect(error.location?.file).toMatch(/data\.csv$/);
    expect(error.message).toContain('data.csv:3');
    expect(error.hint).toContain('iconv -f latin1 -t utf-8');
  });

  it('finds the invalid byte in a later read, at a read boundary, and at the very end', async () => {
    const row = 'abcdefg\n'; // 8 bytes: a read holds 8192 lines
    const lines = READ / row.length;
    const body = Buffer.from(row.repeat(lines * 2));
    // In the second read, line 8192 + 11.
    const late = Buffer.from(body);
    late[(lines + 10) * row.length + 3] = 0xe9;
    expect(await readError(late)).toMatchObject({ code: 'INVALID_ENCODING', location: { line: lines + 11 } });
    // The first byte of the second read.
    const atBoundary = Buffer.from(body);
    atBoundary[READ] = 0xff;
    expect(await readError(atBoundary)).toMatchObject({ code: 'INVALID_ENCODING', location: { line: lines + 1 } });
    // A valid lead byte at the end of the first read whose continuation is missing in the second.
    const broken = Buffer.from(body);
    broken[READ - 1] = 0xc3;
    broken[READ] = 0x41;
    expect(await readError(broken)).toMatchObject({ code: 'INVALID_ENCODING', location: { line: lines } });
    // A character cut short by the end of the file.
    const cut = Buffer.concat([Buffer.from('a,b\n1,'), Buffer.from('é').subarray(0, 1)]);
    expect(await readError(cut)).toMatchObject({ code: 'INVALID_ENCODING', location: { line: 2 } });
    // An error earlier in the same read comes first.
    const both = Buffer.concat([Buffer.from('a,b\n"x"y,1\n'), Buffer.from([0xff])]);
    expect(await readError(both)).toMatchObject({ code: 'MALFORMED_CSV', location: { line: 2 } });
  });

  it('reads a multi-byte character split across two reads', async () => {
    for (const char of ['é', '日', '😀']) {
      for (let shift = 1; shift < Buffer.byteLength(char); shift++) {
        const head = 'x'.repeat(READ - shift - 2);
        const records = await readAll(`a\n${head}${char}\nz\n`);
        expect(records.map((r) => r.fields[0])).toEqual(['a', `${head}${char}`, 'z']);
      }
    }
    // U+FFFD written as UTF-8 is text like any other.
    expect(await readAll('a\n\ufffd\n')).toEqual([
      { fields: ['a'], line: 1 },
      { fields: ['\ufffd'], line: 2 },
    ]);
  });

  it('reports a missing file as FILE_NOT_FOUND naming it', async () => {
    const error = await (async () => {
      for await (const _ of readCsv('/nonexistent/icer/x.csv')) void _;
    })().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'FILE_NOT_FOUND', location: { file: '/nonexistent/icer/x.csv' } });
    expect((error as Error).message).toContain('/nonexistent/icer/x.csv');
  });
});
