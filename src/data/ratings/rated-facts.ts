import type { ItemInput } from '../../catalog/item.js';
import type { Rating, RatingScale } from '../../profile/from-ratings.js';
import { clamp, round3 } from '../../profile/numbers.js';
import type { ReadRatings } from './read-ratings-file.js';

// Ratings a little below the mean of all ratings (by PRIOR_SHORTFALL of the scale) that each item's own are pooled
// with: an item one user rated 5 stars is not the best there is, and one few have rated is a bit of a risk, while
// one two hundred rated 4.5 keeps nearly all of its own mean.
const PRIOR_RATINGS = 10;
const PRIOR_SHORTFALL = 0.1;

/**
 * Each item's `quality` (see `ItemSchema`): its mean rating, shrunk as if it had {@link PRIOR_RATINGS} more ratings
 * a little below the mean of all ratings (an item nobody rated has that prior alone), placed on the scale from 0 (its
 * lowest rating) to 1 (its highest), to three decimals (0 for one so shrunk as to fall below the scale). Undefined
 * when there are no ratings at all.
 */
function ratedQuality(
  ratings: ReadonlyMap<string, readonly Rating[]>,
  scale: RatingScale,
): ((item: string) => number) | undefined {
  const totals = new Map<string, { sum: number; count: number }>();
  let sum = 0;
  let count = 0;
  for (const list of ratings.values()) {
    for (const { item, rating } of list) {
      const total = totals.get(item);
      if (total) {
        total.sum += rating;
        total.count++;
      } else totals.set(item, { sum: rating, count: 1 });
      sum += rating;
      count++;
    }
  }
  if (count === 0) return undefined;
  const span = scale.maxRating - scale.minRating;
  const prior = PRIOR_RATINGS * (sum / count - PRIOR_SHORTFALL * span);
  return (item) => {
    const total = totals.get(item) ?? { sum: 0, count: 0 };
    const shrunk = (total.sum + prior) / (total.count + PRIOR_RATINGS);
    // The prior below the mean can take an item rated at the bottom of the scale below it.
    return span === 0 ? 0.5 : round3(clamp((shrunk - scale.minRating) / span, 0, 1));
  };
}

/**
 * Sets what the ratings say of each item: its `popularity`, the number of users who rated it (how likely a user is
 * to know it), and its `quality` (how well they rated it; a little below the mean for an item nobody rated).
 */
export function setRatedFacts(items: Iterable<ItemInput>, rated: ReadRatings, scale: RatingScale): void {
  const quality = ratedQuality(rated.ratings, scale);
  for (const item of items) {
    item.popularity = rated.raters.get(item.id) ?? 0;
    if (quality) item.quality = quality(item.id);
  }
}
