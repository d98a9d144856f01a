// The layer rules are configuration; these tests show that the configuration bites (a planted import against the
// rules is reported, type-only imports included) and that src/ keeps to it.
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { cruise, type IConfiguration, type ICruiseResult } from 'dependency-cruiser';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../helpers/temp-dir.js';

const config = createRequire(import.meta.url)('../../.dependency-cruiser.cjs') as IConfiguration;
const tempDir = useTempDir();

async function violations(cwd: string): Promise<string[]> {
  const previous = process.cwd();
  process.chdir(cwd);
  try {
    const result = await cruise(['src'], {
      ...config.options,
      ruleSet: { forbidden: config.forbidden },
      validate: true,
      tsConfig: undefined,
    });
    const output = result.output as ICruiseResult;
    return output.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`);
  } finally {
    process.chdir(previous);
  }
}

function tree(files: Record<string, string>): string {
  const root = tempDir().dir;
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe('layer rules', () => {
  it('src/ imports nothing against them', async () => {
    expect(await violations(process.cwd())).toEqual([]);
  });

  it('report a type-only import of a higher layer, and consistency importing language', async () => {
    const root = tree({
      'src/dialogue/turn.ts': 'export type Turn = { text: string };\n',
      'src/generation/run.ts': "import type { Turn } from '../dialogue/turn.js';\nexport type Run = Turn[];\n",
      'src/profile/profile.ts': "import type { Run } from '../generation/run.js';\nexport type P = Run;\n",
      'src/language/adapter.ts': 'export const name = 1;\n',
      'src/consistency/tracker.ts': "import { name } from '../language/adapter.js';\nexport const n = name;\n",
    });
    expect(await violations(root)).toEqual([
      'layer-consistency: src/consistency/tracker.ts → src/language/adapter.ts',
      'layer-profile: src/profile/profile.ts → src/generation/run.ts',
    ]);
  });

  it('report a folder that has no rank yet', async () => {
    const root = tree({
      'src/catalog/item.ts': 'export const item = 1;\n',
      'src/plugins/worker.ts': "import { item } from '../catalog/item.js';\nexport const s = item;\n",
    });
    expect(await violations(root)).toEqual(['unlisted-folder: src/plugins/worker.ts → src/catalog/item.ts']);
  });
});
