import { symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { countJsonLines, readJsonLines } from '../../src/io/json-lines-file.js';
import { useTempDir } from '../helpers/temp-dir.js';
import { rejected } from '../helpers/thrown.js';

const tempDir = useTempDir();

async function lines(file: string): Promise<number> {
  let count = 0;
  for await (const _ of readJsonLines(file)) count++;
  return count;
}

describe('countJsonLines', () => {
  it('counts the lines readJsonLines reads: blank ones, CRLF and a last line without a newline included', async () => {
    const { dir } = tempDir();
    const cases: Record<string, string> = {
      plain: '{"a":1}\n{"a":2}\n{"a":3}\n',
      blanks: '\n{"a":1}\n   \n\t\n{"a":2}\n\n',
      crlf: '{"a":1}\r\n\r\n{"a":2}\r\n',
      unterminated: '{"a":1}\n{"a":2}',
      empty: '',
      broken: '{"a":1}\n{"a": cut\n',
    };
    for (const [name, text] of Object.entries(cases)) {
      const file = join(dir, `${name}.jsonl`);
      writeFileSync(file, text);
      expect(await countJsonLines(file), name).toBe(await lines(file));
      const gz = join(dir, `${name}.jsonl.gz`);
      writeFileSync(gz, gzipSync(text));
      expect(await countJsonLines(gz), `${name}.gz`).toBe(await lines(file));
    }
  });

  it('fails like readJsonLines: a missing file, and a .gz that is not gzip', async () => {
    const { dir } = tempDir();
    expect((await rejected(() => countJsonLines(join(dir, 'none.jsonl')))).code).toBe('FILE_NOT_FOUND');
    const fake = join(dir, 'fake.jsonl.gz');
    writeFileSync(fake, '{"a":1}\n');
    expect((await rejected(() => countJsonLines(fake))).code).toBe('INVALID_ENCODING');
  });
});

describe('an unfinished .gz run read as a file', () => {
  it('says where its records are when the .gz holds no whole member yet: in the block file beside it', async () => {
    const { dir } = tempDir();
    const file = join(dir, 'run.jsonl.gz');
    writeFileSync(file, '');
    const alone = await rejected(() => lines(file));
    expect(alone.code).toBe('INVALID_ENCODING');
    expect(alone.message).not.toMatch(/icer-block/);
    writeFileSync(join(dir, 'run.jsonl.gz.icer-block'), '{"a":1}\n');
    const unfinished = await rejected(() => lines(file));
    expect(unfinished.code).toBe('INVALID_ENCODING');
    expect(unfinished.message).toMatch(
      /unfinished icer run: the records after its last whole gzip member are in run\.jsonl\.gz\.icer-block .*--resume/,
    );
    // Read through a symlink: the run keeps its block file beside the file written.
    symlinkSync('run.jsonl.gz', join(dir, 'link.jsonl.gz'));
    const linked = await rejected(() => lines(join(dir, 'link.jsonl.gz')));
    expect(linked.message).toMatch(/are in run\.jsonl\.gz\.icer-block/);
  });
});
