// The downstream study on synthetic users of the built-in catalog: no data files, no network.
// Run: npm run build && node examples/evaluate-dialogues.mjs
import { builtinCatalog, contentRecommender, DialogueGenerator, evaluateDialogues, syntheticProfiles } from 'icer';

const catalog = builtinCatalog();
const generator = new DialogueGenerator({ seed: 7, catalog });
const records = [];
for await (const record of generator.generateMany(syntheticProfiles(catalog, { count: 60, seed: 7 }))) {
  records.push(record);
}

// Your own recommender plugs in the same way: { name, rank({ context, candidates, catalog }) → ids best first }.
const popularity = {
  name: 'popularity',
  rank: ({ candidates }) =>
    [...candidates].sort((a, b) => catalog.relativePopularity(b) - catalog.relativePopularity(a)),
};

for (const recommender of [contentRecommender(), popularity]) {
  // onProgress: how far it has got (records read, questions asked and answered), e.g. for a progress bar.
  let answered = 0;
  const report = await evaluateDialogues([{ label: 'icer', records }], catalog, {
    recommender,
    resamples: 200,
    onProgress: (progress) => {
      answered = progress.answered;
    },
  });
  console.log(`${answered} ranking questions answered`);
  console.log(
    `\n${recommender.name}: ${report.task.targets} targets; random floor ndcg ${report.random.ndcg.toFixed(3)}`,
  );
  for (const row of report.results) {
    const name = row.turns === null ? row.condition : `${row.condition}@${row.turns}`;
    const { mean, ci } = row.metrics.ndcg;
    console.log(`  ${name.padEnd(12)} ndcg ${mean.toFixed(3)} (${ci[0].toFixed(3)}–${ci[1].toFixed(3)})`);
  }
}
