import type { TopLevelSpec } from 'vega-lite';
import type { CorpusStats } from '../evaluation/dataset-stats.js';
import { type EvaluationReport, rowName } from '../evaluation/evaluation-report.js';
import { GOOD_SCORE, JUDGE_CRITERIA, type JudgeReport } from '../evaluation/judge-report.js';
import { RANKING_METRICS } from '../evaluation/ranking-metrics.js';
import { renderChart } from './render-chart.js';

/** One chart of the report: what it shows, and the SVG. */
export interface ReportChart {
  readonly id: string;
  readonly title: string;
  /** One sentence on how to read it. */
  readonly caption: string;
  readonly svg: string;
}

const WIDTH = 560;
const HEIGHT = 220;
type Row = Record<string, string | number | null>;

function bars(
  values: Row[],
  x: string,
  y: string,
  options: { xTitle: string; yTitle: string; ordinal?: boolean },
): TopLevelSpec {
  return {
    width: WIDTH,
    height: HEIGHT,
    data: { values },
    mark: { type: 'bar', tooltip: true },
    encoding: {
      x: { field: x, type: options.ordinal ? 'ordinal' : 'nominal', title: options.xTitle, axis: { labelAngle: 0 } },
      xOffset: { field: 'corpus', type: 'nominal' },
      y: { field: y, type: 'quantitative', title: options.yTitle, axis: { format: '%' } },
      color: { field: 'corpus', type: 'nominal', title: 'corpus' },
    },
  } as TopLevelSpec;
}

/** The charts of the corpora: lengths, diversity, and for icer records acts and outcomes. */
export async function corpusCharts(corpora: readonly CorpusStats[]): Promise<ReportChart[]> {
  const charts: ReportChart[] = [];
  const turns = corpora.flatMap((c) =>
    c.turnsHistogram.map((bucket) => ({ corpus: c.name, turns: bucket.turns, share: bucket.dialogues / c.dialogues })),
  );
  charts.push({
    id: 'turns',
    title: 'Utterances per dialogue',
    caption: 'The share of each corpus’s dialogues with each number of utterances.',
    svg: await renderChart(bars(turns, 'turns', 'share', { xTitle: 'utterances', yTitle: 'dialogues', ordinal: true })),
  });
  const lengths = corpora.flatMap((c) =>
    c.lengthHistogram.map((bucket) => ({
      corpus: c.name,
      tokens: bucket.tokens,
      share: bucket.utterances / c.utterances,
    })),
  );
  charts.push({
    id: 'lengths',
    title: 'Tokens per utterance',
    caption: 'The share of utterances of each length in tokens; the last point holds every longer one.',
    svg: await renderChart({
      width: WIDTH,
      height: HEIGHT,
      data: { values: lengths },
      mark: { type: 'line', point: true, tooltip: true },
      encoding: {
        x: { field: 'tokens', type: 'quantitative', title: 'tokens' },
        y: { field: 'share', type: 'quantitative', title: 'utterances', axis: { format: '%' } },
        color: { field: 'corpus', type: 'nominal', title: 'corpus' },
      },
    }),
  });
  const diversity = corpora.flatMap((c) => [
    { corpus: c.name, measure: 'distinct-1', value: c.distinct['1'] },
    { corpus: c.name, measure: 'distinct-2', value: c.distinct['2'] },
    { corpus: c.name, measure: 'distinct-3', value: c.distinct['3'] },
    { corpus: c.name, measure: 'repeated utterances', value: c.repeatedUtteranceShare },
  ]);
  charts.push({
    id: 'diversity',
    title: 'Diversity',
    caption:
      'distinct-n over the first 50,000 tokens (higher: more varied) and the share of repeated utterances (lower: fewer stock lines).',
    svg: await renderChart(bars(diversity, 'measure', 'value', { xTitle: '', yTitle: 'value' })),
  });
  const icer = corpora.filter((c) => c.behaviour !== null);
  if (icer.length > 0) {
    const acts = icer.flatMap((c) =>
      (['assistant', 'user'] as const).flatMap((speaker) =>
        Object.entries(c.behaviour?.actMix[speaker] ?? {}).map(([act, share]) => ({
          corpus: c.name,
          speaker,
          who: `${c.name} · ${speaker}`,
          act,
          share,
        })),
      ),
    );
    charts.push({
      id: 'acts',
      title: 'Act mix',
      caption: 'Each act type’s share of each speaker’s acts.',
      svg: await renderChart({
        width: WIDTH,
        data: { values: acts },
        mark: { type: 'bar', tooltip: true },
        encoding: {
          y: { field: 'who', type: 'nominal', title: null },
          x: {
            field: 'share',
            type: 'quantitative',
            title: 'share of acts',
            axis: { format: '%' },
            stack: 'normalize',
          },
          color: { field: 'act', type: 'nominal', title: 'act', scale: { scheme: 'tableau20' } },
        },
      } as TopLevelSpec),
    });
    const outcomes = icer.flatMap((c) =>
      Object.entries(c.behaviour?.outcomes ?? {})
        .filter(([, share]) => share > 0)
        .map(([outcome, share]) => ({ corpus: c.name, outcome, share })),
    );
    charts.push({
      id: 'outcomes',
      title: 'Outcomes',
      caption:
        'How dialogues ended: the user accepted, gave up, the turn budget ran out, or nothing was left to offer.',
      svg: await renderChart(bars(outcomes, 'outcome', 'share', { xTitle: '', yTitle: 'dialogues' })),
    });
  }
  return charts;
}

/** The charts of a downstream study: every metric by condition with its interval, and the prefix curve. */
export async function evaluationCharts(report: EvaluationReport): Promise<ReportChart[]> {
  const points = report.results.flatMap((row) =>
    RANKING_METRICS.map((metric) => ({
      condition: rowName(row),
      metric,
      mean: row.metrics[metric].mean,
      low: row.metrics[metric].ci[0],
      high: row.metrics[metric].ci[1],
      floor: report.random[metric],
    })),
  );
  const percent = Math.round(report.task.level * 100);
  const charts: ReportChart[] = [
    {
      id: 'metrics',
      title: 'Ranking metrics by condition',
      caption: `Each condition’s mean with its ${percent}% bootstrap interval; the dashed line is the random-ranking floor.`,
      svg: await renderChart({
        data: { values: points },
        facet: { field: 'metric', type: 'nominal', title: null, sort: [...RANKING_METRICS] },
        columns: 3,
        resolve: { scale: { x: 'independent' } },
        spec: {
          width: 200,
          height: 20 * Math.max(3, report.results.length),
          layer: [
            {
              mark: 'rule',
              encoding: {
                y: { field: 'condition', type: 'nominal', title: null, sort: null },
                x: { field: 'low', type: 'quantitative', title: null, scale: { zero: false } },
                x2: { field: 'high' },
              },
            },
            {
              mark: { type: 'point', filled: true, tooltip: true },
              encoding: {
                y: { field: 'condition', type: 'nominal', sort: null },
                x: { field: 'mean', type: 'quantitative' },
                color: { field: 'condition', type: 'nominal', legend: null },
              },
            },
            {
              mark: { type: 'rule', strokeDash: [4, 3], color: '#999' },
              encoding: { x: { field: 'floor', type: 'quantitative' } },
            },
          ],
        },
      } as unknown as TopLevelSpec),
    },
  ];
  const curve = report.results
    .filter((row) => row.condition === 'prefix' || row.condition === 'dialogue')
    .map((row) => ({
      source: row.source ?? '',
      turns: row.turns ?? Math.max(0, ...report.results.map((r) => r.turns ?? 0)) + 2,
      label: row.condition === 'dialogue' ? 'whole dialogue' : `${row.turns} turns`,
      mean: row.metrics.ndcg.mean,
      low: row.metrics.ndcg.ci[0],
      high: row.metrics.ndcg.ci[1],
    }));
  if (curve.some((point) => point.label !== 'whole dialogue')) {
    charts.push({
      id: 'prefix',
      title: 'The prefix curve',
      caption: `ndcg from the dialogue’s first turns, then from the whole dialogue (the last point), with ${percent}% intervals: how much each stretch of the dialogue tells a recommender.`,
      svg: await renderChart({
        width: WIDTH,
        height: HEIGHT,
        data: { values: curve },
        encoding: {
          x: { field: 'turns', type: 'quantitative', title: 'turns read (last point: the whole dialogue)' },
          color: { field: 'source', type: 'nominal', title: 'file' },
        },
        layer: [
          {
            mark: { type: 'area', opacity: 0.2 },
            encoding: {
              y: { field: 'low', type: 'quantitative', scale: { zero: false }, title: 'ndcg' },
              y2: { field: 'high' },
            },
          },
          {
            mark: { type: 'line', point: true, tooltip: true },
            encoding: { y: { field: 'mean', type: 'quantitative' } },
          },
        ],
      } as TopLevelSpec),
    });
  }
  return charts;
}

/** The judge's chart: each criterion's share rated good, with its interval. */
export async function judgeCharts(report: JudgeReport): Promise<ReportChart[]> {
  const values = JUDGE_CRITERIA.flatMap((criterion) => {
    const share = report.criteria[criterion].share;
    return share ? [{ criterion, share: share.mean, low: share.ci[0], high: share.ci[1] }] : [];
  });
  if (values.length === 0) return [];
  return [
    {
      id: 'judge',
      title: `Rated ${GOOD_SCORE} or 5 by ${report.model}`,
      caption: `The share of the ${report.sample.judged} judged dialogues rated at least ${GOOD_SCORE} of 5 on each criterion, with its 95% bootstrap interval.`,
      svg: await renderChart({
        width: 360,
        height: 160,
        data: { values },
        encoding: { y: { field: 'criterion', type: 'nominal', title: null, sort: [...JUDGE_CRITERIA] } },
        layer: [
          {
            mark: { type: 'bar', tooltip: true },
            encoding: {
              x: {
                field: 'share',
                type: 'quantitative',
                title: 'dialogues',
                axis: { format: '%' },
                scale: { domain: [0, 1] },
              },
            },
          },
          {
            mark: { type: 'rule', color: '#222' },
            encoding: { x: { field: 'low', type: 'quantitative' }, x2: { field: 'high' } },
          },
        ],
      } as TopLevelSpec),
    },
  ];
}
