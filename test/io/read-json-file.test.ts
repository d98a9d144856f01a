import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { readJsonFile } from '../../src/io/read-json-file.js';
import { useTempDir } from '../helpers/temp-dir.js';
import { rejected } from '../helpers/thrown.js';

const tempDir = useTempDir();
const Report = z.object({ dialogues: z.number() });

describe('readJsonFile', () => {
  it('reads a report icer wrote compressed to a .gz name as the plain one, and names a .gz that is not gzip', async () => {
    const { dir } = tempDir();
    writeFileSync(join(dir, 'report.json'), '{"dialogues": 3}');
    writeFileSync(join(dir, 'report.json.gz'), gzipSync('{"dialogues": 3}'));
    writeFileSync(join(dir, 'plain.json.gz'), '{"dialogues": 3}');
    for (const name of ['report.json', 'report.json.gz'])
      expect(await readJsonFile(join(dir, name), Report, 'a report')).toEqual({ dialogues: 3 });
    const error = await rejected(() => readJsonFile(join(dir, 'plain.json.gz'), Report, 'a report'));
    expect(error).toMatchObject({ code: 'INVALID_ENCODING', location: { file: join(dir, 'plain.json.gz') } });
    expect(error.message).toMatch(/not valid gzip/);
  });
});
