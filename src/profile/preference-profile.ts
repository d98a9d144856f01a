import { z } from 'zod';
import { displayTitle } from '../catalog/item.js';
import type { ItemCatalog } from '../catalog/item-catalog.js';
import { IcerError } from '../errors.js';
import { describeZodIssue } from '../validation/describe-zod-issue.js';
import { parseOptions } from '../validation/parse-options.js';
import {
  type ItemOpinion,
  type Persona,
  type PreferenceProfileData,
  type PreferenceProfileInput,
  PreferenceProfileSchema,
  type ProfileSource,
} from './profile-schema.js';

/** What a profile says about one item. Held-out items read as `unseen`: the simulator must not know them. */
export type ItemOpinionKind = 'liked' | 'disliked' | 'neutral' | 'unseen';

// Infinity is how callers say "no limit" (as topAffinities does), and z.number() refuses it.
const ListLimitSchema = z.custom<number>(
  (value) => value === Infinity || (Number.isInteger(value) && (value as number) >= 0),
  'expected a whole number ≥ 0, or Infinity for all',
);

/** Options of {@link PreferenceProfile.toText}. Unknown keys are refused, so that a misspelt option is never ignored. */
export const ProfileTextOptionsSchema = z.strictObject({
  /**
   * Most items listed per side (`Infinity`: all of them).
   * @default 5
   */
  maxItems: ListLimitSchema.default(5),
  /**
   * Most attributes listed per side (`Infinity`: all of them).
   * @default 5
   */
  maxAttributes: ListLimitSchema.default(5),
  /**
   * Attributes with |affinity| below this, in [0, 1], are left out.
   * @default 0.2
   */
  minAffinity: z.number().min(0).max(1).default(0.2),
});
/** Options of {@link PreferenceProfile.toText}. */
export type ProfileTextOptions = z.input<typeof ProfileTextOptionsSchema>;

/** Options of {@link PreferenceProfile} and {@link PreferenceProfile.fromJSON}. Unknown keys are refused. */
export const ProfileParseOptionsSchema = z.strictObject({
  /** Where the document came from (a file path), for error messages. */
  source: z.string().optional(),
});
/** Options of {@link PreferenceProfile} and {@link PreferenceProfile.fromJSON}. */
export type ProfileParseOptions = z.input<typeof ProfileParseOptionsSchema>;

// Builders construct valid documents by design and build hundreds of thousands of them; re-parsing each through
// zod was most of their cost. Not part of the public surface: callers' input is always parsed.
const TRUSTED = Symbol('icer.trusted-profile');

/**
 * A profile from a document the library built itself (already valid); skips schema parsing, keeps every other check.
 * A builder that drew every item and attribute from a catalog names it as `builtFrom`, so that checking the profile
 * against that catalog costs nothing.
 */
export function trustedProfile(data: PreferenceProfileData, builtFrom?: ItemCatalog): PreferenceProfile {
  return new PreferenceProfile(data, { [TRUSTED]: builtFrom ?? true } as ProfileParseOptions);
}

interface Opinion {
  readonly kind: ItemOpinionKind;
  readonly strength: number;
}

// The lists an item can be in, in the order they are read, and what each says of it. Held-out items read as unseen.
const OPINION_LISTS = ['liked', 'disliked', 'neutral', 'heldOut'] as const;
const LIST_KIND: Readonly<Record<(typeof OPINION_LISTS)[number], ItemOpinionKind>> = {
  liked: 'liked',
  disliked: 'disliked',
  neutral: 'neutral',
  heldOut: 'unseen',
};
const LIST_OF_KIND: ReadonlyMap<ItemOpinionKind, string> = new Map(
  OPINION_LISTS.map((name) => [LIST_KIND[name], name]),
);
const NEUTRAL: Opinion = { kind: 'neutral', strength: 0 };
const HELD_OUT: Opinion = { kind: 'unseen', strength: 0 };

/**
 * What a profile says of its items: its liked, disliked and held-out ones by id, and its neutral ones, which are most
 * of them, by id too or, when they are given in ascending order (a synthetic user's are), searched in that order:
 * hashing every one of them was a good part of building a profile.
 */
interface Opinions {
  readonly listed: Map<string, Opinion>;
  readonly neutral: readonly string[] | undefined;
}

/** Whether ids are in strictly ascending order (no id twice, then). */
function ascending(ids: readonly string[]): boolean {
  for (let index = 1; index < ids.length; index++)
    if (!((ids[index - 1] as string) < (ids[index] as string))) return false;
  return true;
}

/** Whether an ascending list holds the id (binary search). */
function holds(ids: readonly string[], id: string): boolean {
  let low = 0;
  let high = ids.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const at = ids[middle] as string;
    if (at === id) return true;
    if (at < id) low = middle + 1;
    else high = middle - 1;
  }
  return false;
}

/**
 * Every listed item's opinion, or the problem a schema cannot see: an item listed twice, or in two lists (held-out
 * items appear nowhere else). One pass, as this runs for every profile a run builds.
 */
function readOpinions(data: PreferenceProfileData): { opinions: Opinions } | { field: string; problem: string } {
  const listed = new Map<string, Opinion>();
  // Frozen, as the profile's `neutral` hands it out: searched, an array a caller sorted or pushed to would answer
  // wrongly.
  Object.freeze(data.neutral);
  const neutral = ascending(data.neutral) ? data.neutral : undefined;
  for (const name of OPINION_LISTS) {
    const list = data[name];
    // Ascending, the neutral items are none of them listed twice, and the held-out ones after them search them.
    const searched = neutral !== undefined && name === 'heldOut';
    const kept = neutral === undefined || name !== 'neutral';
    for (let index = 0; index < list.length; index++) {
      const entry = list[index] as ItemOpinion | string;
      const id = typeof entry === 'string' ? entry : entry.item;
      const earlier = listed.get(id)?.kind ?? (searched && holds(neutral, id) ? 'neutral' : undefined);
      if (earlier !== undefined) {
        const earlierName = LIST_OF_KIND.get(earlier) as string;
        return {
          field: `${name}[${index}]`,
          problem:
            earlierName === name
              ? `item "${id}" is listed twice in ${name}`
              : `item "${id}" is in both ${earlierName} and ${name}; an item has one opinion, and held-out items appear nowhere else`,
        };
      }
      if (!kept) continue;
      listed.set(
        id,
        typeof entry === 'string'
          ? name === 'neutral'
            ? NEUTRAL
            : HELD_OUT
          : { kind: LIST_KIND[name], strength: entry.strength },
      );
    }
  }
  return { opinions: { listed, neutral } };
}

/**
 * The hidden state of one simulated user: liked and disliked items with strengths, attribute affinities in
 * [-1, 1], held-out target items for evaluation, and optional persona traits. Immutable; serialises to and from
 * JSON through {@link PreferenceProfileSchema}.
 *
 * @example
 * ```ts
 * const profile = new PreferenceProfile({
 *   id: 'u1',
 *   liked: [{ item: 'the-matrix-1999', strength: 1 }],
 *   affinities: { 'genre:Sci-Fi': 0.8, 'genre:Horror': -0.6 },
 * });
 * profile.opinionOf('the-matrix-1999'); // 'liked'
 * profile.affinity('genre:Horror');      // -0.6
 * ```
 */
export class PreferenceProfile {
  readonly #data: PreferenceProfileData;
  readonly #opinions: Opinions;
  // A catalog the profile is known to fit (it passed assertMatches, or was built from it): a run checks its profiles
  // before every dialogue, and neither a profile nor a catalog changes.
  #matched: ItemCatalog | undefined;

  /** Validates the input; throws `INVALID_PROFILE` naming the field on bad input or a self-contradiction. */
  constructor(input: PreferenceProfileInput, options: ProfileParseOptions = {}) {
    const trust = (options as { [TRUSTED]?: true | ItemCatalog })[TRUSTED];
    const trusted = trust !== undefined;
    const source = trusted ? undefined : parseOptions(ProfileParseOptionsSchema, options, 'PreferenceProfile').source;
    const parsed = trusted
      ? { success: true as const, data: input as PreferenceProfileData }
      : PreferenceProfileSchema.safeParse(input);
    if (!parsed.success) {
      const issue = describeZodIssue(parsed.error.issues[0]);
      throw new IcerError('INVALID_PROFILE', `The profile is invalid: ${issue.message}.`, {
        location: { file: source, field: issue.path },
        hint: 'Fix that field (see PreferenceProfileSchema in the icer docs).',
      });
    }
    const read = readOpinions(parsed.data);
    if ('problem' in read) {
      throw new IcerError('INVALID_PROFILE', `Profile "${parsed.data.id}" contradicts itself: ${read.problem}.`, {
        location: { file: source, field: read.field },
        hint: 'Keep each item in one list only.',
      });
    }
    this.#data = parsed.data;
    this.#opinions = read.opinions;
    if (trust !== undefined && trust !== true) this.#matched = trust;
  }

  /** Parses a JSON value (already `JSON.parse`d) into a profile. */
  static fromJSON(value: unknown, options: ProfileParseOptions = {}): PreferenceProfile {
    return new PreferenceProfile(
      value as PreferenceProfileInput,
      parseOptions(ProfileParseOptionsSchema, options, 'PreferenceProfile.fromJSON'),
    );
  }

  /** The user id. */
  get id(): string {
    return this.#data.id;
  }

  /** Liked items, strongest first as given. */
  get liked(): readonly ItemOpinion[] {
    return this.#data.liked;
  }

  /** Disliked items. */
  get disliked(): readonly ItemOpinion[] {
    return this.#data.disliked;
  }

  /** Items seen without a strong opinion. */
  get neutral(): readonly string[] {
    return this.#data.neutral;
  }

  /** Attribute key → affinity in [-1, 1]. */
  get affinities(): Readonly<Record<string, number>> {
    return this.#data.affinities;
  }

  /** Held-out target items (evaluation only). */
  get heldOut(): readonly string[] {
    return this.#data.heldOut;
  }

  /** Persona traits, if any. */
  get persona(): Persona | undefined {
    return this.#data.persona;
  }

  /** Provenance, if known. */
  get source(): ProfileSource | undefined {
    return this.#data.source;
  }

  /** True when the profile holds at least one liked or disliked item or non-zero affinity. */
  get hasPreferences(): boolean {
    return (
      this.#data.liked.length > 0 ||
      this.#data.disliked.length > 0 ||
      Object.values(this.#data.affinities).some((value) => value !== 0)
    );
  }

  /** What the user thinks of an item. Held-out and unknown items are `unseen`. */
  opinionOf(itemId: string): ItemOpinionKind {
    const { listed, neutral } = this.#opinions;
    return listed.get(itemId)?.kind ?? (neutral !== undefined && holds(neutral, itemId) ? 'neutral' : 'unseen');
  }

  /** Signed strength: positive for liked, negative for disliked, 0 otherwise. */
  itemScore(itemId: string): number {
    // A neutral item scores 0, whether it is kept by id or not.
    const opinion = this.#opinions.listed.get(itemId);
    if (!opinion) return 0;
    return opinion.kind === 'disliked' ? -opinion.strength : opinion.strength;
  }

  /** Affinity for an attribute key; 0 when the profile has no opinion of it. */
  affinity(key: string): number {
    return this.#data.affinities[key] ?? 0;
  }

  /** True when the item is a held-out evaluation target. */
  isHeldOut(itemId: string): boolean {
    return this.#data.heldOut.includes(itemId);
  }

  /**
   * Affinities sorted by strength: `positive` the most liked first, `negative` the most disliked first.
   */
  topAffinities(
    direction: 'positive' | 'negative',
    limit = Infinity,
  ): Array<{
    /** The attribute key, `facet:value`. */
    key: string;
    /** The affinity, in [-1, 1]. */
    value: number;
  }> {
    const sign = direction === 'positive' ? 1 : -1;
    const affinities = this.#data.affinities;
    // One loop rather than entries, filter and map: every simulated user reads these as it is built.
    const top: Array<{ key: string; value: number }> = [];
    for (const key of Object.keys(affinities)) {
      const value = affinities[key] as number;
      if (value * sign > 0) top.push({ key, value });
    }
    top.sort((a, b) => (b.value - a.value) * sign || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    return top.length > limit ? top.slice(0, limit) : top;
  }

  /**
   * Checks that every item and attribute the profile names exists in a catalog; throws `INVALID_PROFILE` naming
   * the first one that does not.
   */
  assertMatches(catalog: ItemCatalog): void {
    if (catalog === this.#matched) return;
    const lists: Array<[string, readonly string[]]> = [
      ['liked', this.#data.liked.map((o) => o.item)],
      ['disliked', this.#data.disliked.map((o) => o.item)],
      ['neutral', this.#data.neutral],
      ['heldOut', this.#data.heldOut],
    ];
    for (const [name, ids] of lists) {
      const index = ids.findIndex((id) => !catalog.has(id));
      if (index >= 0) {
        throw new IcerError(
          'INVALID_PROFILE',
          `Profile "${this.id}" names item "${ids[index]}", which is not in the catalog.`,
          {
            location: { field: `${name}[${index}]` },
            hint: 'Build the profile against the same catalog it is used with.',
          },
        );
      }
    }
    const unknown = Object.keys(this.#data.affinities).find((key) => !catalog.hasAttribute(key));
    if (unknown !== undefined) {
      throw new IcerError(
        'INVALID_PROFILE',
        `Profile "${this.id}" has an affinity for "${unknown}", which no catalog item carries.`,
        {
          location: { field: `affinities.${unknown}` },
          hint: 'Remove it, or use an attribute from catalog.vocabulary().',
        },
      );
    }
    this.#matched = catalog;
  }

  /**
   * A short text rendering of the visible profile — the "text profile" baseline of the ICER paper. Held-out items
   * are never mentioned.
   *
   * @example
   * ```ts
   * profile.toText(catalog);
   * // "Liked: The Matrix (1999), Alien (1979). Disliked: Cats (2019). Enjoys: Sci-Fi (genre), …. Avoids: Horror (genre)."
   * ```
   */
  toText(catalog: ItemCatalog, options: ProfileTextOptions = {}): string {
    const { maxItems, maxAttributes, minAffinity } = parseOptions(
      ProfileTextOptionsSchema,
      options,
      'PreferenceProfile.toText',
    );
    const titles = (opinions: readonly ItemOpinion[]) =>
      opinions.slice(0, maxItems).map(({ item }) => {
        const found = catalog.get(item);
        return found ? displayTitle(found) : item;
      });
    const attributes = (direction: 'positive' | 'negative') =>
      this.topAffinities(direction)
        .filter(({ value }) => Math.abs(value) >= minAffinity)
        .slice(0, maxAttributes)
        .map(({ key }) => {
          const colon = key.indexOf(':');
          return `${key.slice(colon + 1)} (${key.slice(0, colon)})`;
        });
    const parts: string[] = [];
    const liked = titles(this.#data.liked);
    const disliked = titles(this.#data.disliked);
    const enjoys = attributes('positive');
    const avoids = attributes('negative');
    if (liked.length > 0) parts.push(`Liked: ${liked.join(', ')}.`);
    if (disliked.length > 0) parts.push(`Disliked: ${disliked.join(', ')}.`);
    if (enjoys.length > 0) parts.push(`Enjoys: ${enjoys.join(', ')}.`);
    if (avoids.length > 0) parts.push(`Avoids: ${avoids.join(', ')}.`);
    return parts.length > 0 ? parts.join(' ') : 'No known preferences.';
  }

  /** The profile document; `PreferenceProfile.fromJSON(p.toJSON())` gives an equal profile. */
  toJSON(): PreferenceProfileData {
    return structuredClone(this.#data);
  }
}
