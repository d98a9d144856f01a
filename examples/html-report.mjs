// An HTML report of freshly generated dialogues: figures, charts and a dialogue browser in one offline page.
// Run: npm run build && node examples/html-report.mjs   (needs vega and vega-lite installed beside icer)
import { writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtinCatalog, DialogueGenerator, syntheticProfiles } from 'icer';
import { collectReport, renderReport } from 'icer/report';

const catalog = builtinCatalog();
const dir = await mkdtemp(join(tmpdir(), 'icer-report-'));
const file = join(dir, 'dialogues.jsonl');
const lines = [];
for await (const record of new DialogueGenerator({ seed: 7, catalog }).generateMany(
  syntheticProfiles(catalog, { count: 300, seed: 7 }),
)) {
  lines.push(JSON.stringify(record));
}
writeFileSync(file, `${lines.join('\n')}\n`);

// One pass over each file: every dialogue counts in the figures, a seeded sample goes to the browser.
const { corpora, dialogues } = await collectReport([{ label: 'icer', file }], { catalogs: [catalog], browse: 100 });
const html = await renderReport({ title: 'icer example report', corpora, dialogues });
const page = join(dir, 'report.html');
writeFileSync(page, html);
console.log(
  `wrote ${page}: ${(html.length / 1e3).toFixed(0)} kB, ${(html.match(/<figure class="chart"/g) ?? []).length} charts, ${dialogues.length} dialogues to browse`,
);
