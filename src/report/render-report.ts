import { z } from 'zod';
import { CorpusStatsSchema } from '../evaluation/dataset-stats.js';
import { EvaluationReportSchema } from '../evaluation/evaluation-report.js';
import { JudgeReportSchema } from '../evaluation/judge-report.js';
import { STATS_ROWS } from '../evaluation/stats-rows.js';
import { parseOptions } from '../validation/parse-options.js';
import { VERSION } from '../version.js';
import { BrowsedDialogueSchema } from './browsed-dialogue.js';
import { BROWSER_SCRIPT } from './browser-script.js';
import { corpusCharts, evaluationCharts, judgeCharts, type ReportChart } from './report-charts.js';
import { REPORT_STYLE } from './report-style.js';

/** What a report shows; `collectReport` gathers the corpora and dialogues from files. */
export const ReportInputSchema = z.strictObject({
  /**
   * The page's title.
   * @default 'icer dataset report'
   */
  title: z.string().min(1).default('icer dataset report'),
  /** Every corpus's figures (`corpusStats`), icer files and references alike. */
  corpora: z.array(CorpusStatsSchema).min(1),
  /** The dialogues of the browser: a sample, so that the page stays small. */
  dialogues: z.array(BrowsedDialogueSchema),
  /** A downstream study (`icer evaluate --json`), charted when given. */
  evaluation: EvaluationReportSchema.optional(),
  /** A judge's ratings (`icer judge --json`), charted when given. */
  judge: JudgeReportSchema.optional(),
});
/** What a report shows, as accepted from callers. */
export type ReportInput = z.input<typeof ReportInputSchema>;

/**
 * The report as one self-contained HTML page: the figures side by side, charts rendered to SVG when the page is built,
 * and a dialogue browser (search and filters, each dialogue with its hidden profile). It opens offline: all styles,
 * scripts, charts and data are inline, and its content security policy forbids any request.
 *
 * @example
 * ```ts
 * import { builtinCatalog } from 'icer';
 * import { collectReport, renderReport } from 'icer/report';
 *
 * const { corpora, dialogues } = await collectReport([{ label: 'icer', file: 'dialogues.jsonl' }], {
 *   catalogs: [builtinCatalog()],
 * });
 * await writeFile('report.html', await renderReport({ corpora, dialogues }));
 * ```
 */
export async function renderReport(input: ReportInput): Promise<string> {
  const report = parseOptions(ReportInputSchema, input, 'renderReport');
  const sections: string[] = [section('Figures', 'figures', summaryTable(report.corpora))];
  sections.push(section('Corpora', 'corpora', charts(await corpusCharts(report.corpora))));
  if (report.evaluation) {
    const { task } = report.evaluation;
    const intro = `<p class="meta">${escapeHtml(
      `${task.targets.toLocaleString('en')} held-out targets, each ranked among ${task.candidates} candidates (${task.negatives} negatives), recommender ${report.evaluation.results[0]?.recommender ?? '—'}, seed ${String(task.seed)}.`,
    )}</p>`;
    sections.push(section('Downstream study', 'evaluation', intro + charts(await evaluationCharts(report.evaluation))));
  }
  if (report.judge) {
    const { sample, usage } = report.judge;
    const intro = `<p class="meta">${escapeHtml(
      `${sample.judged} of ${sample.records.toLocaleString('en')} dialogues judged (seeded sample), ${sample.failures} failures; ${usage.calls} model calls.`,
    )}</p>`;
    sections.push(section('Judge', 'judge', intro + charts(await judgeCharts(report.judge))));
  }
  sections.push(section('Dialogues', 'browser', browser(report.dialogues.length)));
  const data = JSON.stringify(report.dialogues).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<title>${escapeHtml(report.title)}</title>
<style>${REPORT_STYLE}</style>
</head>
<body>
<header><h1>${escapeHtml(report.title)}</h1><p class="meta">${escapeHtml(
    `${report.corpora.map((c) => `${c.name}: ${c.dialogues.toLocaleString('en')} dialogues`).join(' · ')} · made by icer ${VERSION}`,
  )}</p></header>
<main>
${sections.join('\n')}
</main>
<script type="application/json" id="icer-dialogues">${data}</script>
<script>${BROWSER_SCRIPT}</script>
</body>
</html>
`;
}

function section(title: string, id: string, body: string): string {
  return `<section id="${id}"><h2>${escapeHtml(title)}</h2>${body}</section>`;
}

function charts(list: readonly ReportChart[]): string {
  return list
    .map(
      (chart) =>
        `<figure class="chart" id="chart-${chart.id}"><figcaption><strong>${escapeHtml(chart.title)}</strong> ${escapeHtml(chart.caption)}</figcaption>${chart.svg}</figure>`,
    )
    .join('\n');
}

function summaryTable(corpora: z.output<typeof ReportInputSchema>['corpora']): string {
  const head = `<tr><th></th>${corpora.map((c) => `<th>${escapeHtml(c.name)}</th>`).join('')}</tr>`;
  const rows = STATS_ROWS.map(
    ([label, value]) =>
      `<tr><th>${escapeHtml(label)}</th>${corpora.map((c) => `<td>${escapeHtml(value(c))}</td>`).join('')}</tr>`,
  );
  return `<table class="figures">${head}${rows.join('')}</table><p class="meta">See docs/quality.md for what each figure means.</p>`;
}

function browser(count: number): string {
  return `<p class="meta">A seeded sample of ${count.toLocaleString('en')} dialogues; the figures and charts above use every one.</p>
<div class="filters">
<input id="f-search" type="search" placeholder="Search the words or ids">
<select id="f-outcome"><option value="">any outcome</option></select>
<label><input id="f-flagged" type="checkbox"> repaired or violating</label>
<input id="f-user" type="search" placeholder="user id">
<input id="f-min" type="number" min="0" placeholder="min turns">
<input id="f-max" type="number" min="0" placeholder="max turns">
<span id="b-count" class="meta"></span>
</div>
<div class="browser"><ol id="b-list"></ol><div id="b-detail"></div></div>`;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ESCAPES[ch] as string);
}
