import { z } from 'zod';
import type { ItemCatalog } from '../catalog/item-catalog.js';
import { IcerError } from '../errors.js';
import { describeZodIssue } from '../validation/describe-zod-issue.js';
import { closest } from '../validation/parse-options.js';
import { affinitiesFromScores } from './affinities.js';
import { clamp, round3 } from './numbers.js';
import { type PreferenceProfile, trustedProfile } from './preference-profile.js';
import { PersonaSchema } from './profile-schema.js';

/** An item named by id or title ("The Matrix", "Heat (1995)"), with an optional strength. */
const ItemRefSchema = z.union([
  z.string().min(1),
  z.strictObject({
    /** The item, by id or title. */
    item: z.string().min(1),
    /**
     * How strongly the opinion is held, in (0, 1].
     * @default 1
     */
    strength: z.number().gt(0).lte(1).optional(),
  }),
]);

/**
 * A hand-written profile: items by id or title, attributes by `facet:value` or a bare value when unambiguous
 * ("Horror"). Affinities not given are derived from the liked and disliked items unless `deriveAffinities` is
 * false; those given always win.
 */
export const ProfileSpecSchema = z.strictObject({
  /** User id. */
  id: z.string().min(1),
  /**
   * Liked items: ids or titles, or `{ item, strength }` (a bare id or title has strength 1).
   * @default []
   */
  liked: z.array(ItemRefSchema).default([]),
  /**
   * Disliked items, as for `liked`.
   * @default []
   */
  disliked: z.array(ItemRefSchema).default([]),
  /**
   * Items seen without a strong opinion.
   * @default []
   */
  neutral: z.array(z.string().min(1)).default([]),
  /**
   * Attribute → affinity in [-1, 1], e.g. `{ "Horror": -0.8, "director:Christopher Nolan": 0.6 }`.
   * @default {}
   */
  affinities: z.record(z.string(), z.number().min(-1).max(1)).default({}),
  /**
   * Evaluation targets: ids or titles.
   * @default []
   */
  heldOut: z.array(z.string().min(1)).default([]),
  /** Persona traits. */
  persona: PersonaSchema.optional(),
  /**
   * Derive missing affinities from the liked and disliked items.
   * @default true
   */
  deriveAffinities: z.boolean().default(true),
});

/** A hand-written profile spec as accepted from callers. */
export type ProfileSpec = z.input<typeof ProfileSpecSchema>;

// Derived affinities use the same shrinkage as ratings: a spec naming two films should not yield certainty.
const SPEC_SHRINKAGE = 2;

function withField<T>(field: string, fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    throw IcerError.isInstance(error) ? error.withLocation({ field }) : error;
  }
}

/**
 * Builds a profile from a hand-written spec, resolving titles and attribute names through the catalog. Throws an
 * {@link IcerError} naming the field (`liked[2]`, `affinities.Horor`) when something cannot be resolved.
 *
 * @example
 * ```ts
 * const profile = profileFromSpec(
 *   { id: 'ana', liked: ['The Matrix', 'Alien (1979)'], disliked: ['Cats'], affinities: { Horror: -0.8 } },
 *   builtinCatalog(),
 * );
 * ```
 */
export function profileFromSpec(spec: ProfileSpec, catalog: ItemCatalog): PreferenceProfile {
  const parsed = ProfileSpecSchema.safeParse(spec);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const issue = describeZodIssue(first);
    const fields = Object.keys(ProfileSpecSchema.shape);
    const unknown = first?.code === 'unrecognized_keys' ? (first.keys[0] as string) : undefined;
    const meant = unknown === undefined ? undefined : closest(unknown, fields);
    throw new IcerError('INVALID_PROFILE', `The profile spec is invalid: ${issue.message}.`, {
      location: { field: issue.path },
      hint:
        unknown === undefined
          ? 'See ProfileSpecSchema in the icer docs.'
          : `${meant === undefined ? '' : `Did you mean "${meant}"? `}A spec's fields: ${fields.join(', ')}.`,
    });
  }
  const data = parsed.data;
  const resolveItem = (ref: string) => (catalog.has(ref) ? ref : catalog.resolveTitle(ref).id);
  const opinions = (list: typeof data.liked, name: string) =>
    list.map((ref, index) =>
      withField(`${name}[${index}]`, () =>
        typeof ref === 'string'
          ? { item: resolveItem(ref), strength: 1 }
          : { item: resolveItem(ref.item), strength: ref.strength ?? 1 },
      ),
    );
  const liked = opinions(data.liked, 'liked');
  const disliked = opinions(data.disliked, 'disliked');
  const neutral = data.neutral.map((ref, index) => withField(`neutral[${index}]`, () => resolveItem(ref)));
  const heldOut = data.heldOut.map((ref, index) => withField(`heldOut[${index}]`, () => resolveItem(ref)));

  const affinities: Record<string, number> = data.deriveAffinities
    ? affinitiesFromScores(
        [
          ...liked.map((o) => ({ item: o.item, score: o.strength })),
          ...disliked.map((o) => ({ item: o.item, score: -o.strength })),
        ],
        catalog,
        // A spec names few items on purpose: every one of them is evidence.
        { shrinkage: SPEC_SHRINKAGE, facets: undefined, minMagnitude: 0.05, minEvidence: 1 },
      )
    : {};
  for (const [name, value] of Object.entries(data.affinities)) {
    const key = withField(`affinities.${name}`, () => catalog.resolveAttribute(name));
    affinities[key] = round3(clamp(value, -1, 1));
  }

  return trustedProfile({
    id: data.id,
    liked,
    disliked,
    neutral,
    affinities: Object.fromEntries(Object.entries(affinities).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
    heldOut,
    persona: data.persona,
    source: { kind: 'spec' },
  });
}
