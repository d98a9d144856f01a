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
      // A field of a schema: `name: z…`, or `name: shared…` of a schema named once and used by several fields.
      const head = /^(\s+)(\w+): (?:z\b|\w+\.)/.exec(line);
      if (!head) continue;
      const indent = head[1] as string;
      // The field runs on until the next line at its own indentation or less (a long chain is split over lines), or
      // until a field of its own, which answers for its own default.
      let last = index + 1;
      while (
        last < lines.length &&
        (/^(\s*)/.exec(lines[last] as string)?.[1]?.length ?? 0) > indent.length &&
        !/^\s+\w+: /.test(lines[last] as string)
      )
        last++;
      if (!lines.slice(index, last).join('\n').includes('.default(')) continue;
      // The JSDoc block that ends on the line above the field.
      let first = index - 1;
      const closed = (lines[first] ?? '').trim().endsWith('*/');
      while (closed && first >= 0 && !(lines[first] as string).includes('/**')) first--;
      const doc = closed ? lines.slice(first, index).join('\n') : '';
      if (!doc.includes('@default')) missing.push(`${file}:${index + 1} ${head[2]}`);
    }
  }
  expect(missing).toEqual([]);
});
