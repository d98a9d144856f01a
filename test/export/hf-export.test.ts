import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportDialogues } from '../../src/export/export-dialogues.js';
import { useTempDir } from '../helpers/temp-dir.js';
import { rejected } from '../helpers/thrown.js';
import { readFrontMatter } from './front-matter.js';
import { generatedRecords } from './records.js';

const tempDir = useTempDir();

type Feature = { name: string; dtype?: string; sequence?: string; list?: Feature[]; struct?: Feature[] };

/** Checks a value against the card's feature list as `datasets` would cast it: every field there, of its type. */
function conforms(features: Feature[], value: Record<string, unknown>, path: string): void {
  expect(Object.keys(value).sort(), path).toEqual(features.map((f) => f.name).sort());
  for (const feature of features) {
    const field = value[feature.name];
    const at = `${path}.${feature.name}`;
    if (field === null) continue;
    if (feature.dtype) {
      const types: Record<string, (v: unknown) => boolean> = {
        string: (v) => typeof v === 'string',
        int32: (v) => Number.isInteger(v) && Math.abs(v as number) < 2 ** 31,
        int64: (v) => Number.isInteger(v),
        float64: (v) => typeof v === 'number',
        bool: (v) => typeof v === 'boolean',
      };
      expect(types[feature.dtype]?.(field), `${at}: ${JSON.stringify(field)}`).toBe(true);
    } else if (feature.sequence) {
      expect(Array.isArray(field) && field.every((v) => typeof v === feature.sequence), at).toBe(true);
    } else if (feature.list) {
      expect(Array.isArray(field), at).toBe(true);
      for (const item of field as Record<string, unknown>[]) conforms(feature.list, item, `${at}[]`);
    } else if (feature.struct) {
      conforms(feature.struct, field as Record<string, unknown>, at);
    } else {
      throw new Error(`${at}: a feature of no known kind`);
    }
  }
}

function readSplits(dir: string) {
  const rows = new Map<string, Array<Record<string, unknown> & { user: { id: string }; id: string }>>();
  for (const file of readdirSync(join(dir, 'data'))) {
    const text = readFileSync(join(dir, 'data', file), 'utf8').trimEnd();
    rows.set(
      file.replace(/\.jsonl$/, ''),
      text.split('\n').map((line) => JSON.parse(line)),
    );
  }
  return rows;
}

describe('hf export', () => {
  it('writes splits disjoint by user in the ratios, described by a card the Hub can read', async () => {
    const records = await generatedRecords(40);
    const dir = join(tempDir().dir, 'dataset');
    const summary = await exportDialogues(records, {
      format: 'hf',
      out: dir,
      hf: { split: [0.5, 0.25, 0.25], seed: 3 },
    });
    const { data, body } = readFrontMatter(readFileSync(join(dir, 'README.md'), 'utf8'));
    expect(data).toMatchObject({
      license: 'other',
      language: ['en'],
      task_categories: ['text-generation'],
      pretty_name: 'icer dialogues',
    });
    const configs = data.configs as Array<{ config_name: string; data_files: Array<{ split: string; path: string }> }>;
    expect(configs.map((c) => c.config_name)).toEqual(['default']);
    const info = data.dataset_info as { features: Feature[]; splits: Array<{ name: string; num_examples: number }> };
    const rows = readSplits(dir);
    expect(configs[0]?.data_files.map((f) => f.split)).toEqual(['train', 'validation', 'test']);
    for (const file of configs[0]?.data_files ?? []) {
      expect(existsSync(join(dir, file.path)), file.path).toBe(true);
      const examples = info.splits.find((s) => s.name === file.split)?.num_examples;
      expect(rows.get(file.split)?.length).toBe(examples);
    }
    // Ratios hold to within one user; no user in two splits; every record once.
    const users = new Map<string, string>();
    for (const [split, list] of rows) {
      for (const row of list) {
        expect(users.get(row.user.id) ?? split, row.user.id).toBe(split);
        users.set(row.user.id, split);
        conforms(info.features, row, split);
      }
    }
    const count = (split: string) => [...users.values()].filter((s) => s === split).length;
    expect(Math.abs(count('train') - 20)).toBeLessThanOrEqual(1);
    expect(Math.abs(count('validation') - 10)).toBeLessThanOrEqual(1);
    expect(Math.abs(count('test') - 10)).toBeLessThanOrEqual(1);
    expect(
      [...rows.values()]
        .flat()
        .map((row) => row.id)
        .sort(),
    ).toEqual(records.map((r) => r.id).sort());
    expect(summary.splits?.train?.users).toBe(count('train'));
    expect(body).toMatch(/\| dialogues \| 40 \|/);
    expect(body).toContain('load_dataset');
  });

  it('splits the same users the same way whatever the input order, and differently with another seed', async () => {
    const records = await generatedRecords(40);
    const splitOf = async (input: typeof records, seed: number) => {
      const dir = join(tempDir().dir, 'dataset');
      await exportDialogues(input, { format: 'hf', out: dir, hf: { seed } });
      const assignment = new Map<string, string>();
      for (const [split, list] of readSplits(dir)) for (const row of list) assignment.set(row.user.id, split);
      return [...assignment].sort();
    };
    const first = await splitOf(records, 1);
    expect(await splitOf([...records].reverse(), 1)).toEqual(first);
    expect(await splitOf(records, 2)).not.toEqual(first);
  });

  it('leaves out a split with no user, and keeps what --out held until the new folder is whole', async () => {
    const records = await generatedRecords(10);
    const { dir } = tempDir();
    const out = join(dir, 'dataset');
    await exportDialogues(records, { format: 'hf', out, hf: { split: [1, 0, 0] } });
    expect(readdirSync(join(out, 'data'))).toEqual(['train.jsonl']);
    const { data } = readFrontMatter(readFileSync(join(out, 'README.md'), 'utf8'));
    expect((data.dataset_info as { splits: unknown[] }).splits).toEqual([{ name: 'train', num_examples: 10 }]);

    const refused = await rejected(() => exportDialogues(records, { format: 'hf', out }));
    expect(refused.code).toBe('INVALID_ARGUMENT');
    expect(refused.message).toMatch(/It already exists\. .*--force/);
    writeFileSync(join(out, 'mine.txt'), 'keep me');
    async function* failing() {
      yield records[0] as (typeof records)[number];
      throw new Error('the input broke');
    }
    await expect(exportDialogues(failing(), { format: 'hf', out, force: true })).rejects.toThrow('the input broke');
    expect(readFileSync(join(out, 'mine.txt'), 'utf8')).toBe('keep me');
    expect(readdirSync(dir)).toEqual(['dataset']);
    await exportDialogues(records, { format: 'hf', out, force: true });
    expect(existsSync(join(out, 'mine.txt'))).toBe(false);
    expect(readdirSync(dir)).toEqual(['dataset']);
  });
});
