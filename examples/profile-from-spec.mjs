// A hand-written user: titles and attribute names are resolved through the catalog.
// Run: npm run build && node examples/profile-from-spec.mjs
import { builtinCatalog, IcerError, PreferenceProfile, profileFromSpec } from 'icer';

const catalog = builtinCatalog();
const ana = profileFromSpec(
  {
    id: 'ana',
    liked: ['The Matrix', { item: 'Alien (1979)', strength: 0.7 }],
    disliked: ['Titanic'],
    affinities: { Horror: -0.8 },
    persona: { verbosity: 'chatty', patience: 5 },
  },
  catalog,
);
console.log(ana.toText(catalog));
console.log('Sci-Fi affinity derived from the liked films:', ana.affinity('genre:Sci-Fi'));

// Profiles are JSON documents.
const copy = PreferenceProfile.fromJSON(JSON.parse(JSON.stringify(ana)));
console.log('round-trips through JSON:', JSON.stringify(copy) === JSON.stringify(ana));

// Mistakes name the field.
try {
  profileFromSpec({ id: 'bob', liked: ['The Matrix', 'The Matrixx'] }, catalog);
} catch (error) {
  if (!IcerError.isInstance(error)) throw error;
  console.log(`${error.code}: ${error.message}`);
}
