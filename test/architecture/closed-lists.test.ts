// Every closed list is defined once in code; the docs that list one again must list exactly its members, so that
// adding an error code or a rule without documenting it fails here rather than in a user's hands.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { VIOLATION_RULES } from '../../src/dialogue/violation.js';
import { ICER_ERROR_CODES } from '../../src/errors.js';

/** The backticked names in the first column of every table row of a markdown file. */
function firstColumn(file: string): string[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((line) => /^\|\s*`([^`]+)`\s*\|/.exec(line)?.[1])
    .filter((name): name is string => name !== undefined);
}

describe('closed lists and their docs', () => {
  it('docs/errors.md lists every error code once, and nothing else', () => {
    expect(firstColumn('docs/errors.md').sort()).toEqual([...ICER_ERROR_CODES].sort());
  });

  it('docs/consistency.md lists every violation rule once, and nothing else', () => {
    expect(firstColumn('docs/consistency.md').sort()).toEqual([...VIOLATION_RULES].sort());
  });
});
