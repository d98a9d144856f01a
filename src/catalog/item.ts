import { z } from 'zod';

/** What a facet name looks like (see {@link FacetSchema}). */
export const FACET_NAME = /^[a-z][a-z0-9_-]*$/;

/** A facet name such as `genre`, `tag`, `director` or `cast`: lowercase letters, digits, `-` and `_`. */
export const FacetSchema = z
  .string()
  .regex(FACET_NAME, 'a facet name is lowercase letters, digits, "-" or "_", starting with a letter');

/**
 * One recommendable item. `attributes` maps a facet to its values: `{ genre: ['Sci-Fi'], director: ['Lana
 * Wachowski'] }`. The pair `facet:value` (e.g. `genre:Sci-Fi`) is an *attribute key*, the unit in which preferences
 * are expressed.
 */
export const ItemSchema = z.strictObject({
  /** Unique, stable identifier within its catalog. */
  id: z.string().trim().min(1, 'an item id must not be empty'),
  /** Display title without the year: "The Matrix". */
  title: z.string().trim().min(1, 'a title must not be empty'),
  /** Release year, when known. */
  year: z.number().int().min(1000).max(9999).optional(),
  /** Other names the item is known by (original-language titles, a.k.a. titles). */
  aliases: z.array(z.string().trim().min(1)).optional(),
  /**
   * How widely known the item is, as a count of people: its raters, readers or buyers (the recommender weighs
   * log(1 + popularity), so a share in 0–1 would barely count). Optional; simulated recommenders ask about and lean
   * towards well-known items when a catalog has it, and away from them once the user has seen what they suggested.
   */
  popularity: z.number().min(0).optional(),
  /**
   * How well liked the item is, from 0 (worst) to 1 (best): e.g. its mean rating placed on the rating scale. Loaders
   * of ratings shrink it toward a little below the mean of all ratings, so a film one user rated 5 stars is not the
   * best there is. Optional; simulated recommenders lean away from poorly rated items when a catalog has it.
   */
  quality: z.number().min(0).max(1).optional(),
  /** Identifiers in other databases, e.g. `{ imdb: 'tt0133093', tmdb: '603' }`. Not preferences. */
  externalIds: z.record(z.string().min(1), z.string().min(1)).optional(),
  /**
   * Facet → values. Values are free text; an empty list is allowed and means "none".
   * @default {}
   */
  attributes: z
    .record(FacetSchema, z.array(z.string().trim().min(1, 'an attribute value must not be empty')))
    .default({}),
});

/** An item as accepted from callers (attributes may be omitted). */
export type ItemInput = z.input<typeof ItemSchema>;
/** A validated item. */
export type Item = z.output<typeof ItemSchema>;

/** An attribute key: `facet:value`, e.g. `genre:Horror` or `tag:time travel`. */
export type AttributeKey = `${string}:${string}`;

/** Joins a facet and a value into an attribute key. */
export function attributeKey(facet: string, value: string): AttributeKey {
  return `${facet}:${value}`;
}

/** Splits an attribute key into facet and value (the value may itself contain colons). */
export function parseAttributeKey(key: string):
  | {
      /** The part before the first colon, e.g. `genre`. */
      facet: string;
      /** The rest, e.g. `Horror`. */
      value: string;
    }
  | undefined {
  const colon = key.indexOf(':');
  if (colon <= 0 || colon === key.length - 1) return undefined;
  return { facet: key.slice(0, colon), value: key.slice(colon + 1) };
}

/** Every attribute key of an item, in facet order then value order as given. */
export function itemAttributeKeys(item: Item): AttributeKey[] {
  const keys: AttributeKey[] = [];
  for (const [facet, values] of Object.entries(item.attributes)) {
    for (const value of values) keys.push(attributeKey(facet, value));
  }
  return keys;
}

/** "The Matrix (1999)", or just the title when the year is unknown. */
export function displayTitle(item: Pick<Item, 'title' | 'year'>): string {
  return item.year === undefined ? item.title : `${item.title} (${item.year})`;
}
