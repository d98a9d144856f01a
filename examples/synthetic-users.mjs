// Synthetic users drawn from the built-in catalog: no data files, no network.
// Run: npm run build && node examples/synthetic-users.mjs
import { builtinCatalog, syntheticProfiles } from 'icer';

const catalog = builtinCatalog();
console.log(`Built-in catalog: ${catalog.size} films; most common genres:`);
console.log(
  catalog
    .vocabulary({ facet: 'genre' })
    .slice(0, 5)
    .map((a) => `${a.value} (${a.count})`)
    .join(', '),
);

for (const user of syntheticProfiles(catalog, { count: 3, seed: 7 })) {
  console.log(`\n${user.id} — ${user.persona?.verbosity}, patience ${user.persona?.patience}`);
  console.log(user.toText(catalog, { maxItems: 3, maxAttributes: 3 }));
  console.log(`held out for evaluation: ${user.heldOut.map((id) => catalog.require(id).title).join(', ')}`);
}
