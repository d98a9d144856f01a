import type { DatasetStats } from '../../evaluation/dataset-stats.js';
import { STATS_ROWS as ROWS } from '../../evaluation/stats-rows.js';

/** The corpora side by side: one column each, one row per figure. */
export function statsTable(stats: DatasetStats): string {
  const { corpora } = stats;
  const width = Math.max(...ROWS.map(([label]) => label.length)) + 2;
  const cells = ROWS.map(([, value]) => corpora.map(value));
  const columns = corpora.map((corpus, i) =>
    Math.max(corpus.name.length, ...cells.map((row) => (row[i] as string).length)),
  );
  const line = (label: string, values: readonly string[]) =>
    `${label.padEnd(width)}${values.map((value, i) => value.padStart(columns[i] as number)).join('  ')}`.trimEnd();
  const lines = [
    line(
      '',
      corpora.map((corpus) => corpus.name),
    ),
    ...ROWS.map(([label], r) => line(label, cells[r] as string[])),
  ];
  lines.push(
    '',
    `distinct-n: each corpus's first ${stats.method.distinctTokens.toLocaleString('en')} tokens at most (${stats.method.tokenizer}); repeated utterances: its first ${stats.method.repeatSampleDialogues.toLocaleString('en')} dialogues at most.`,
    'critiques honoured: answered by a slate that fits, or by saying nothing left fits, of those checked (unchecked: a',
    'film the catalog does not know; give --movielens DIR for MovieLens records); --json has them by direction.',
  );
  return `${lines.join('\n')}\n`;
}
