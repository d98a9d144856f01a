import { type Seed, SeededRandom } from '../random/seeded-random.js';

/** How many liked items to hold out. */
export interface HeldOutOptions {
  /** Share of liked items held out, in [0, 1). */
  fraction: number;
  /** Exact count; overrides `fraction` when set. */
  count: number | undefined;
}

/**
 * Chooses held-out items from a user's liked list, seeded by (seed, user id) so a user's split does not depend on
 * which other users are built or in what order. At least one liked item always stays visible, and a non-zero
 * fraction holds out at least one item whenever two or more are liked.
 */
export function chooseHeldOut(
  liked: readonly string[],
  userId: string,
  seed: Seed,
  options: HeldOutOptions,
): Set<string> {
  const available = liked.length - 1;
  if (available <= 0) return new Set();
  const wanted =
    options.count !== undefined
      ? options.count
      : options.fraction > 0
        ? Math.max(1, Math.floor(options.fraction * liked.length))
        : 0;
  const count = Math.min(wanted, available);
  const rng = new SeededRandom(seed).fork(`held-out/${userId}`);
  return new Set(rng.sample(liked, count));
}
