import { JUDGE_CRITERIA, type JudgeReport } from '../../evaluation/judge-report.js';

const percent = (share: number) => `${(share * 100).toFixed(1)}%`;

/** The judge's report as a terminal table: per criterion the share rated ≥ 4 with its interval, and the mean score. */
export function judgeTable(report: JudgeReport): string {
  const { sample } = report;
  const lines = [
    `LM judge ${report.model} (${report.promptVersion}): ${sample.judged} of ${sample.judged + sample.failures + sample.skipped} sampled dialogues judged (${sample.records} in the file, seed ${String(sample.seed)}).`,
    `Each share: dialogues rated 4 or 5, with its 95% bootstrap interval (${sample.resamples} resamples).`,
    '',
    `${'criterion'.padEnd(14)}${'rated ≥ 4'.padStart(9)}  ${'95% interval'.padEnd(15)}${'mean score'.padStart(10)}  failures`,
  ];
  for (const criterion of JUDGE_CRITERIA) {
    const { share, meanScore } = report.criteria[criterion];
    const interval = share ? `${percent(share.ci[0])}–${percent(share.ci[1])}` : '–';
    lines.push(
      `${criterion.padEnd(14)}${(share ? percent(share.mean) : '–').padStart(9)}  ${interval.padEnd(15)}${(meanScore === null ? '–' : meanScore.toFixed(2)).padStart(10)}  ${sample.failures}`,
    );
  }
  if (sample.skipped > 0)
    lines.push('', `${sample.skipped} sampled dialogues were not judged: the call budget ran out.`);
  return `${lines.join('\n')}\n`;
}
