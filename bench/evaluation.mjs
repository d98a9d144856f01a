// Benchmark and figures for the downstream study (issue 10), with the BUILT package.
//
//   npm run build && node bench/evaluation.mjs [--count N] [--strict]
//
// Generates template dialogues for the shared MovieLens users (cycled up to --count, default 10,000; seed 0). Then:
//   - figures: the first dialogue of every user (610) evaluated with the offline `content` and `acts` readers, 19
//     uniform negatives, every condition, with the default popularity prior and without it (popularityWeight 0) —
//     each row's ndcg and hit@1, and whether dialogue beats none, the prefix curve rises and acts bounds content
//     (the tables in docs/evaluation.md);
//   - speed: all --count dialogues evaluated with `content`, every condition, 1,000 bootstrap resamples. Target:
//     10,000 dialogues in under 30 s. --strict exits 1 when it is missed.
// Skipped with a message when the MovieLens data is absent.

import { benchArgs, dataDir, hasMovieLens, importBuilt } from './bench-support.mjs';

const { strict, number: numberArg } = benchArgs();
const count = numberArg('--count', 10_000);
const TARGET_SECONDS_PER_10K = 30;
const { DialogueGenerator, actsRecommender, contentRecommender, evaluateDialogues, loadMovieLens } =
  await importBuilt('evaluation');

if (!hasMovieLens()) {
  console.log(
    `evaluation: SKIPPED — ml-latest-small not found at ${dataDir} (not shipped with icer: GroupLens license).`,
  );
  process.exit(0);
}
const dataset = await loadMovieLens(dataDir);
const users = dataset.userIds();
const profiles = users.map((userId) => dataset.profile(userId, { seed: 0 }));
const generator = new DialogueGenerator({ seed: 0, catalog: dataset.catalog });
const records = [];
let t = performance.now();
for await (const record of generator.generateMany(
  Array.from({ length: count }, (_, i) => profiles[i % profiles.length]),
))
  records.push(record);
console.log(
  `evaluation: ${records.length} MovieLens dialogues generated in ${((performance.now() - t) / 1000).toFixed(1)} s`,
);

const ratedBy = new Map(users.map((userId) => [userId, new Set(dataset.ratingsOf(userId).map((r) => r.item))]));
const rated = (userId) => ratedBy.get(userId);
const once = records.slice(0, users.length);
const ndcg = (report) => {
  const rows = new Map(
    report.results.map((row) => [row.turns === null ? row.condition : `${row.condition}@${row.turns}`, row]),
  );
  return (name) => rows.get(name)?.metrics.ndcg.mean;
};
const verdict = (ok) => (ok ? 'yes' : 'NO');
// Both weights: the default popularity prior, and 0, where the readers rank by what was said alone.
for (const popularityWeight of [undefined, 0]) {
  const weight = popularityWeight ?? 'default';
  const reports = {};
  for (const make of [contentRecommender, actsRecommender]) {
    const recommender = make(popularityWeight === undefined ? {} : { popularityWeight });
    const report = await evaluateDialogues([{ label: 'icer', records: once }], dataset.catalog, { recommender, rated });
    reports[recommender.name] = report;
    console.log(
      `\n${recommender.name}, popularityWeight ${weight}: ${once.length} dialogues, ${report.task.targets} targets`,
    );
    console.log(
      `  ${'random'.padEnd(12)} ndcg ${report.random.ndcg.toFixed(3)}  hit@1 ${report.random['hit@1'].toFixed(3)}`,
    );
    for (const row of report.results) {
      const name = row.turns === null ? row.condition : `${row.condition}@${row.turns}`;
      console.log(
        `  ${name.padEnd(12)} ndcg ${row.metrics.ndcg.mean.toFixed(3)}  hit@1 ${row.metrics['hit@1'].mean.toFixed(3)}`,
      );
    }
  }
  const content = ndcg(reports.content);
  const acts = ndcg(reports.acts);
  const prefixes = reports.content.results
    .filter((row) => row.condition === 'prefix')
    .map((row) => row.metrics.ndcg.mean);
  const rising = [...prefixes, content('dialogue')].every((value, i, all) => i === 0 || value >= all[i - 1]);
  console.log(
    `  popularityWeight ${weight}: dialogue beats none: ${verdict(content('dialogue') > content('none'))}; ` +
      `prefix curve rises to the full dialogue: ${verdict(rising)}; ` +
      `acts bounds content (dialogue, profile): ${verdict(acts('dialogue') >= content('dialogue'))}, ${verdict(acts('profile') >= content('profile'))}`,
  );
}

t = performance.now();
const report = await evaluateDialogues([{ label: 'icer', records }], dataset.catalog, {
  recommender: contentRecommender(),
  rated,
});
const seconds = (performance.now() - t) / 1000;
const per10k = (seconds * 10_000) / records.length;
const met = per10k < TARGET_SECONDS_PER_10K;
console.log(
  `\nspeed: ${records.length} dialogues (${report.task.targets} targets), ${report.results.length} rows, evaluated in ${seconds.toFixed(1)} s — ${per10k.toFixed(1)} s per 10,000 dialogues (target < ${TARGET_SECONDS_PER_10K} s) ${met ? 'OK' : 'MISS'}`,
);
if (strict && !met) process.exit(1);
