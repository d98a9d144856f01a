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
 * Each rated item's `quality` (see `ItemSchema`): its mean rating, shrunk as if it had {@link PRIOR_RATINGS} more
 * ratings a little below the mean of all ratings, placed on the scale from 0 (its lowest rating) to 1 (its highest),
 * to three decimals (0 for one so shrunk as to fall below the scale).
 */
function ratedQuality(ratings: ReadonlyMap<string, readonly Rating[]>, scale: RatingScale): Map<string, number> {
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
  const mean = count === 0 ? 0 : sum / count;
  const span = scale.maxRating - scale.minRating;
  const quality = new Map<string, number>();
  for (const [item, total] of totals) {
    const shrunk = (total.sum + PRIOR_RATINGS * (mean - PRIOR_SHORTFALL * span)) / (total.count + PRIOR_RATINGS);
    // The prior below the mean can take an item rated at the bottom of the scale below it.
    quality.set(item, span === 0 ? 0.5 : round3(clamp((shrunk - scale.minRating) / span, 0, 1)));
  }
  return quality;
}

/**
 * Sets what the ratings say of each item: its `popularity`, the number of users who rated it (how likely a user is
 * to know it), and, when it was rated, its `quality` (how well they rated it).
 */
export function setRatedFacts(items: Iterable<ItemInput>, rated: ReadRatings, scale: RatingScale): void {
  const quality = ratedQuality(rated.ratings, scale);
  for (const item of items) {
    item.popularity = rated.raters.get(item.id) ?? 0;
    const rating = quality.get(item.id);
    if (rating !== undefined) item.quality = rating;
  }
}
