import { z } from 'zod';
import { SeedSchema } from '../random/seeded-random.js';

/** An item the user has an opinion of, with how strongly: 1 is the strongest, near 0 barely. */
export const ItemOpinionSchema = z.strictObject({
  /** The item id in the catalog the profile was built against. */
  item: z.string().min(1),
  /** Strength in (0, 1]. */
  strength: z.number().gt(0).lte(1),
});

/**
 * Persona traits: they change how the simulated user talks and behaves, never what it prefers. Every trait is
 * optional; simulators fill in defaults.
 */
export const PersonaSchema = z.strictObject({
  /** How much the user says per turn. */
  verbosity: z.enum(['terse', 'normal', 'chatty']).optional(),
  /** Share in [0, 1] of its preferences the user volunteers without being asked. */
  disclosure: z.number().min(0).max(1).optional(),
  /** Unsatisfying turns the user tolerates before giving up (at least 1). */
  patience: z.number().int().min(1).optional(),
  /** In [0, 1]: how readily the user settles for a good-enough item instead of critiquing it. */
  decisiveness: z.number().min(0).max(1).optional(),
  /** In [0, 1]: how much better than good enough an item must be before the user takes it. */
  pickiness: z.number().min(0).max(1).optional(),
});

/** Where a profile came from: useful provenance in datasets. */
export const ProfileSourceSchema = z.strictObject({
  /** `ratings` (e.g. MovieLens), `spec` (hand-written) or `synthetic` (drawn from a catalog). */
  kind: z.enum(['ratings', 'spec', 'synthetic']),
  /** The user id in the source data, if any. */
  userId: z.string().optional(),
  /** The seed the profile was built with, if randomness was involved. */
  seed: SeedSchema.optional(),
});

/**
 * The hidden user state: what the user likes and dislikes, how they feel about attributes, and which liked items
 * are held out as evaluation targets. Held-out items appear nowhere else in the profile.
 */
export const PreferenceProfileSchema = z.strictObject({
  /** Unique user id. */
  id: z.string().min(1),
  /**
   * Liked items, strongest first.
   * @default []
   */
  liked: z.array(ItemOpinionSchema).default([]),
  /**
   * Disliked items, strongest first.
   * @default []
   */
  disliked: z.array(ItemOpinionSchema).default([]),
  /**
   * Items the user has seen and felt neutral about.
   * @default []
   */
  neutral: z.array(z.string().min(1)).default([]),
  /**
   * Attribute key (`genre:Horror`) → affinity in [-1, 1]; absent means no known opinion.
   * @default {}
   */
  affinities: z
    .record(z.string().regex(/^[a-z][a-z0-9_-]*:.+$/, 'an attribute key is facet:value'), z.number().min(-1).max(1))
    .default({}),
  /**
   * Liked items held out as recommendation targets; the simulator never sees them.
   * @default []
   */
  heldOut: z.array(z.string().min(1)).default([]),
  /** Optional persona traits. */
  persona: PersonaSchema.optional(),
  /** Provenance. */
  source: ProfileSourceSchema.optional(),
});

/** A profile as accepted from callers or JSON (lists and affinities may be omitted). */
export type PreferenceProfileInput = z.input<typeof PreferenceProfileSchema>;
/** A validated profile document. */
export type PreferenceProfileData = z.output<typeof PreferenceProfileSchema>;
/** An item opinion. */
export type ItemOpinion = z.output<typeof ItemOpinionSchema>;
/** Persona traits. */
export type Persona = z.output<typeof PersonaSchema>;
/** Profile provenance. */
export type ProfileSource = z.output<typeof ProfileSourceSchema>;
