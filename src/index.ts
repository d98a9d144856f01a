// The public surface of icer: named re-exports only. Anything not exported here is internal.

export { IcerError, ICER_ERROR_CODES } from './errors.js';
export type { IcerErrorCode, IcerErrorLocation, IcerErrorOptions } from './errors.js';

export { SeededRandom } from './random/seeded-random.js';
export type { Seed } from './random/seeded-random.js';

export {
  ItemSchema,
  FacetSchema,
  attributeKey,
  parseAttributeKey,
  itemAttributeKeys,
  displayTitle,
} from './catalog/item.js';
export type { Item, ItemInput, AttributeKey } from './catalog/item.js';
export { ItemCatalog } from './catalog/item-catalog.js';
export type { AttributeCount, ItemCatalogOptions, VocabularyOptions } from './catalog/item-catalog.js';
export { normalizeTitle } from './catalog/title.js';

export {
  PreferenceProfileSchema,
  ItemOpinionSchema,
  PersonaSchema,
  ProfileSourceSchema,
} from './profile/profile-schema.js';
export type {
  PreferenceProfileData,
  PreferenceProfileInput,
  ItemOpinion,
  Persona,
  ProfileSource,
} from './profile/profile-schema.js';
export { PreferenceProfile } from './profile/preference-profile.js';
export type { ItemOpinionKind, ProfileTextOptions, ProfileParseOptions } from './profile/preference-profile.js';
export { profileFromRatings, RatingsProfileOptionsSchema } from './profile/from-ratings.js';
export type { Rating, RatingsProfileOptions } from './profile/from-ratings.js';
export { profileFromSpec, ProfileSpecSchema } from './profile/from-spec.js';
export type { ProfileSpec } from './profile/from-spec.js';
export { syntheticProfiles, syntheticProfile, SyntheticProfileOptionsSchema } from './profile/synthetic.js';
export type { SyntheticProfileOptions } from './profile/synthetic.js';

export { loadMovieLens, MovieLensOptionsSchema } from './data/movielens/load-movielens.js';
export type { MovieLensOptions } from './data/movielens/load-movielens.js';
export { MovieLensDataset } from './data/movielens/movielens-dataset.js';
export { parseMovieLensTitle } from './data/movielens/parse-movielens-title.js';
export type { ParsedMovieTitle } from './data/movielens/parse-movielens-title.js';
export {
  loadCatalogJson,
  parseCatalogJson,
  catalogToJson,
  CatalogDocumentSchema,
  CATALOG_FORMAT,
} from './data/catalog-json.js';
export type { CatalogDocument, CatalogDocumentInput } from './data/catalog-json.js';
export { builtinCatalog } from './data/builtin/builtin-catalog.js';

export { VERSION } from './version.js';
