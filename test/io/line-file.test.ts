import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LineFile } from '../../src/io/staged-output.js';
import { rejected } from '../helpers/thrown.js';

// A device every write to which fails with "no space left": a full disk, without filling one.
const FULL = '/dev/full';

describe('LineFile', () => {
  it.skipIf(!existsSync(FULL))('fails with an error naming the file when the disk is full, gzip or not', async () => {
    for (const gzip of [false, true]) {
      const error = await rejected(async () => {
        const file = await LineFile.open(FULL, { gzip });
        for (let i = 0; i < 200; i++) await file.write(`${'x'.repeat(10_000)}${i}\n`);
        await file.close();
      });
      expect(error).toMatchObject({ code: 'FILE_NOT_WRITABLE', location: { file: FULL } });
    }
  });
});
