// Benchmark and figures for the downstream study (issue 10), with the BUILT package.
//
//   npm run build && node bench/evaluation.mjs [--count N]
//
// Generates one template dialogue per shared MovieLens user (cycled up to --count, default 610), then evaluates them
// with the offline `content` and `acts` readers, uniform negatives, every condition. Prints each row's ndcg and hit@1
// and how long the evaluation took per reader. Skipped with a message when the MovieLens data is absent.

import { benchArgs, dataDir, hasMovieLens, importBuilt } from './bench-support.mjs';

const { number: numberArg } = benchArgs();
const count = numberArg('--count', 610);
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

const rated = new Map(users.map((userId) => [userId, new Set(dataset.ratingsOf(userId).map((r) => r.item))]));
for (const recommender of [contentRecommender(), actsRecommender()]) {
  t = performance.now();
  const report = await evaluateDialogues([{ label: 'icer', records }], dataset.catalog, {
    recommender,
    rated: (userId) => rated.get(userId),
  });
  const seconds = (performance.now() - t) / 1000;
  console.log(
    `\n${recommender.name}: ${report.task.targets} targets, ${report.results.length} rows, evaluated in ${seconds.toFixed(1)} s (${Math.round(records.length / seconds)} dialogues/s)`,
  );
  console.log(
    `  ${'random'.padEnd(16)} ndcg ${report.random.ndcg.toFixed(3)}  hit@1 ${report.random['hit@1'].toFixed(3)}`,
  );
  for (const row of report.results) {
    const name = row.turns === null ? row.condition : `${row.condition}@${row.turns}`;
    console.log(
      `  ${name.padEnd(16)} ndcg ${row.metrics.ndcg.mean.toFixed(3)}  hit@1 ${row.metrics['hit@1'].mean.toFixed(3)}`,
    );
  }
}
