import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli-harness.js';
import { helpEntries } from './help-entries.js';

const DOCS = readFileSync(new URL('../../docs/cli.md', import.meta.url), 'utf8');

/** The flags a section's tables list, with the default each states (`(default 4)`), if any. */
function documented(...headings: string[]): Map<string, string | undefined> {
  const flags = new Map<string, string | undefined>();
  for (const section of DOCS.split(/^## /m)) {
    if (!headings.some((heading) => section.startsWith(heading))) continue;
    for (const [, flag, meaning] of section.matchAll(/^\| `(--[\w-]+)[^`]*` +\|(.*)\|$/gm)) {
      flags.set(flag as string, /\(default:? ([^)]*)\)/.exec(meaning as string)?.[1]);
    }
  }
  return flags;
}

describe('docs/cli.md', () => {
  for (const [command, headings] of [
    ['generate', ['`icer generate`', 'Ratings data flags', 'MovieLens flags', 'Threshold flags', 'Model flags']],
    ['profiles', ['`icer profiles`', 'Ratings data flags', 'MovieLens flags', 'Threshold flags']],
    ['evaluate', ['`icer evaluate`', 'Ratings data flags', 'MovieLens flags', 'Model flags']],
    ['judge', ['`icer judge`', 'Ratings data flags', 'MovieLens flags', 'Model flags']],
    ['stats', ['`icer stats`', 'Ratings data flags', 'MovieLens flags']],
    ['report', ['`icer report`', 'Ratings data flags', 'MovieLens flags']],
    ['export', ['`icer export`', 'Ratings data flags', 'MovieLens flags']],
    ['merge', ['`icer merge`']],
    ['worker', ['`icer worker`']],
  ] as const) {
    it(`lists the flags of icer ${command} with the defaults its help states`, async () => {
      const help = helpEntries((await cli([command, '--help'])).stdout);
      help.delete('--help');
      const docs = documented(...headings);
      expect([...docs.keys()].sort()).toEqual([...help.keys()].sort());
      for (const [flag, entry] of help) expect(docs.get(flag), flag).toBe(entry.default);
    });
  }
});
