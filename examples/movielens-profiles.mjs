// Profiles of real users from a MovieLens directory.
// Run: npm run build && node examples/movielens-profiles.mjs [path/to/ml-latest-small]

import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DialogueGenerator, loadMovieLens } from 'icer';

const dir = process.argv[2] ?? fileURLToPath(new URL('../../shared/data/movielens-latest-small/', import.meta.url));
if (!existsSync(dir)) {
  console.log(`No MovieLens data at ${dir}; pass the path of ml-latest-small as the first argument.`);
  process.exit(0);
}

const dataset = await loadMovieLens(dir);
console.log(`${dataset.catalog.size} movies, ${dataset.userCount} users, ${dataset.ratingCount} ratings`);

const user = dataset.profile('1', { seed: 1 });
console.log(`user 1: ${user.liked.length} liked (+${user.heldOut.length} held out), ${user.disliked.length} disliked`);
console.log(user.toText(dataset.catalog));
console.log(
  'top genres:',
  user
    .topAffinities('positive')
    .filter((a) => a.key.startsWith('genre:'))
    .slice(0, 3),
);

// Dialogues with the first 100 users. Told "Seen it", the recommender leans away from the well known (`seenWeight`,
// default 0.5; 0 turns it off): how many suggested films had the user already rated (held-out ratings aside)?
const users = [...dataset.profiles({ seed: 1 }, dataset.userIds().slice(0, 100))];
for (const seenWeight of [0, 0.5]) {
  const generator = new DialogueGenerator({ catalog: dataset.catalog, seed: 1, policy: { seenWeight } });
  let suggested = 0;
  let seen = 0;
  for await (const record of generator.generateMany(users)) {
    const rated = new Set(dataset.ratingsOf(record.user.id).map((rating) => rating.item));
    const heldOut = new Set(record.user.heldOut);
    for (const turn of record.turns)
      for (const act of turn.acts)
        if (act.type === 'recommend')
          for (const item of act.items) {
            suggested++;
            if (rated.has(item) && !heldOut.has(item)) seen++;
          }
  }
  console.log(`seenWeight ${seenWeight}: ${seen} of ${suggested} suggested films already seen`);
}
