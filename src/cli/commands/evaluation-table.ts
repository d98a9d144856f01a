import type { EvaluationReport } from '../../evaluation/evaluation-report.js';
import { rowName } from '../../evaluation/evaluation-report.js';
import { RANKING_METRICS } from '../../evaluation/ranking-metrics.js';

// The metric paired differences are printed for; --json has them all.
const HEADLINE_METRIC = 'ndcg';

// A true minus sign, as in the differences: "-0.051–-0.041" reads as a range of dashes.
const fixed = (value: number) => (value < 0 ? `−${(-value).toFixed(3)}` : value.toFixed(3));

/** The report as a terminal table: rows by condition, each metric's mean and interval, the floor and the differences. */
export function evaluationTable(report: EvaluationReport): string {
  const { task } = report;
  const percent = Math.round(task.level * 100);
  const lines: string[] = [];
  const recommender = report.results[0]?.recommender ?? 'none';
  lines.push(
    `Downstream study: ${task.targets} targets, ${task.candidates} candidates each (${task.negatives} negatives), recommender ${recommender}, seed ${String(task.seed)}.`,
  );
  const skipped = Object.entries(task.skipped);
  if (skipped.length > 0) lines.push(`Skipped: ${skipped.map(([reason, n]) => `${reason} ${n}`).join(', ')}.`);
  lines.push(`Each cell: mean (${percent}% bootstrap interval, ${task.resamples} resamples).`, '');
  const names = report.results.map((row) => rowName(row));
  const width = Math.max(14, ...names.map((name) => name.length)) + 2;
  const cell = 22;
  lines.push(
    `${'condition'.padEnd(width)}${'n'.padStart(6)}  ${RANKING_METRICS.map((m) => m.padEnd(cell)).join('')}`.trimEnd(),
  );
  lines.push(
    `${'random floor'.padEnd(width)}${''.padStart(6)}  ${RANKING_METRICS.map((m) => fixed(report.random[m]).padEnd(cell)).join('')}`.trimEnd(),
  );
  report.results.forEach((row, index) => {
    const cells = RANKING_METRICS.map((metric) => {
      const { mean, ci } = row.metrics[metric];
      return `${fixed(mean)} (${fixed(ci[0])}–${fixed(ci[1])})`.padEnd(cell);
    });
    const failures = row.failures > 0 ? `  ${row.failures} failed` : '';
    lines.push(
      `${(names[index] as string).padEnd(width)}${String(row.n).padStart(6)}  ${cells.join('')}`.trimEnd() + failures,
    );
  });
  const headline = report.comparisons.filter((c) => c.metric === HEADLINE_METRIC);
  if (headline.length > 0) {
    lines.push(
      '',
      `Paired differences in ${HEADLINE_METRIC} (a − b over the targets both scored, ${percent}% interval):`,
    );
    const left = Math.max(...headline.map((c) => `${c.a} − ${c.b}`.length)) + 2;
    for (const c of headline) {
      const sign = c.diff >= 0 ? '+' : '−';
      const verdict = c.ci[0] > 0 ? 'a better' : c.ci[1] < 0 ? 'b better' : 'no clear difference';
      lines.push(
        `  ${`${c.a} − ${c.b}`.padEnd(left)}${sign}${fixed(Math.abs(c.diff))} (${fixed(c.ci[0])}–${fixed(c.ci[1])})  n=${c.n}  ${verdict}`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}
