// A custom recommender policy: a factory that DialogueGenerator calls once per dialogue, returning an object whose
// next({ userActs, index, last }) decides the recommender's acts (plain objects; every act carries `items`, empty when
// it names none). This one asks for genres and topics, then suggests the two films that carry most of what the user
// said it likes, honouring critiques. The consistency tracker audits its acts like the built-in belief policy's, and
// the records name it (`generator.policy`). It is compared with the built-in policy on the same 100 users.
// No data files, no model, no network.
// Run: npm run build && node examples/custom-policy.mjs
//      or deno run --allow-read examples/custom-policy.mjs, or bun examples/custom-policy.mjs
import { builtinCatalog, DialogueGenerator, syntheticProfiles } from 'icer';

function matchPolicy(context) {
  const { catalog, maxTurns, random } = context;
  const liked = new Set(); // attribute keys the user said it likes (its latest word on each)
  const disliked = new Set();
  const excluded = new Set(); // items shown, rejected, critiqued or disliked: never offered again
  // Ties are broken in an order of its own per dialogue, drawn from the policy's seeded stream: the same seed gives
  // the same dialogues, and randomness from anywhere else (Math.random) would break that.
  const order = new Map(catalog.ids().map((id) => [id, random.next()]));
  const ids = [...order.keys()].sort((a, b) => order.get(a) - order.get(b));

  const fits = (id) => !excluded.has(id) && [...disliked].every((key) => !catalog.carries(id, key));
  const score = (id) => [...liked].filter((key) => catalog.carries(id, key)).length;
  function recommend(filter = () => true) {
    const candidates = ids.filter((id) => fits(id) && filter(id));
    candidates.sort((a, b) => score(b) - score(a)); // stable: the shuffled order among equal scores
    const items = candidates.slice(0, 2);
    if (items.length === 0) return [];
    for (const id of items) excluded.add(id);
    // A reason must be something the user said it likes that every suggested item carries.
    const reasons = [...liked].filter((key) => items.every((id) => catalog.carries(id, key)));
    return [{ type: 'recommend', items, reasons }];
  }

  return {
    next({ userActs, index, last }) {
      if (index === 0)
        return [
          { type: 'greet', items: [] },
          { type: 'ask-attribute', items: [], facet: 'genre' },
        ];
      const acts = [];
      for (const act of userActs) {
        if (act.type === 'accept') return [{ type: 'close', items: act.items }];
        if (act.type === 'give-up') return [{ type: 'close', items: [] }];
        if (act.attribute && (act.type === 'disclose' || act.type === 'critique')) {
          liked.delete(act.attribute);
          disliked.delete(act.attribute);
          if (act.polarity === 'positive') liked.add(act.attribute);
          if (act.polarity === 'negative') disliked.add(act.attribute);
        }
        if (act.type === 'disclose' && act.items.length > 0) excluded.add(act.items[0]);
        if (act.type === 'reject') for (const id of act.items) excluded.add(id);
        if (act.type === 'ask-about-item') {
          const [id] = act.items;
          const attributes = catalog.attributeKeysOf(id).filter((key) => key.startsWith('genre:'));
          acts.push({ type: 'describe-item', items: [id], attributes: attributes.slice(0, 3) });
        }
        if (act.type === 'critique') {
          const [id] = act.items;
          excluded.add(id);
          const year = catalog.require(id).year ?? 0;
          const { direction, attribute } = act;
          const filter = (candidate) => {
            if (direction === 'more') return catalog.carries(candidate, attribute);
            if (direction === 'less') return !catalog.carries(candidate, attribute);
            const other = catalog.require(candidate).year ?? year;
            return direction === 'newer' ? other > year : other < year;
          };
          const critique = { items: [id], direction, ...(attribute ? { attribute } : {}) };
          const slate = recommend(filter);
          // Nothing left fits: say so rather than recommend against the critique, then ask something open.
          if (slate.length === 0) acts.push({ type: 'no-match', ...critique }, { type: 'ask-open', items: [] });
          else acts.push({ type: 'respond-critique', ...critique }, ...slate);
        }
      }
      if (last) return [...acts, { type: 'close', items: [] }];
      if (acts.length > 0) return acts;
      // One more question, about topics (the catalog's `tag` facet), then recommend until the budget runs out.
      if (index === 2 && maxTurns > 6) return [{ type: 'ask-attribute', items: [], facet: 'tag' }];
      const slate = recommend();
      return slate.length > 0 ? slate : [{ type: 'close', items: [] }];
    },
  };
}
matchPolicy.policyName = 'example:match';

const catalog = builtinCatalog();
const count = 100;
const users = () => syntheticProfiles(catalog, { count, seed: 4 });
for (const policy of [matchPolicy, { style: 'balanced' }]) {
  const generator = new DialogueGenerator({ catalog, policy, seed: 4, maxTurns: 14 });
  let accepted = 0;
  let turns = 0;
  let violations = 0;
  let first;
  for await (const record of generator.generateMany(users())) {
    first ??= record;
    if (record.outcome.reason === 'accepted') accepted++;
    turns += record.turns.length;
    violations += record.consistency.violations.length;
  }
  console.log(
    `${first.generator.policy.padEnd(18)} accepted ${((accepted / count) * 100).toFixed(1)}%, ${(turns / count).toFixed(1)} turns per dialogue, ${violations} violations`,
  );
  if (policy === matchPolicy) for (const turn of first.turns) console.log(`  ${turn.speaker.padEnd(9)} ${turn.text}`);
}
