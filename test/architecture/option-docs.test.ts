// The options convention: every option with a default says what it is in an `@default` JSDoc tag, which editors
// show on hover. Checked on the source, since the schemas are the one place defaults are written.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sources(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}

it('every schema field with a default documents it with @default', () => {
  const missing: string[] = [];
  for (const file of sources('src')) {
    const lines = readFileSync(file, 'utf8').split('\n');
    for (const [index, line] of lines.entries()) {
      const field = /^\s+(\w+): .*\.default\(/.exec(line)?.[1];
      if (!field) continue;
      // The JSDoc block ending right above the field (a field may span several lines before `.default(`).
      let end = index - 1;
      while (end >= 0 && !(lines[end] as string).trim().endsWith('*/')) {
        if (/^\s+\w+: /.test(lines[end] as string)) break;
        end--;
      }
      let start = end;
      while (start >= 0 && !(lines[start] as string).includes('/**')) start--;
      const doc =
        start >= 0 && (lines[end] as string).trim().endsWith('*/') ? lines.slice(start, end + 1).join('\n') : '';
      if (!doc.includes('@default')) missing.push(`${file}:${index + 1} ${field}`);
    }
  }
  expect(missing).toEqual([]);
});
