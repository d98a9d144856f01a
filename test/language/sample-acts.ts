import type { ItemCatalog } from '../../src/catalog/item-catalog.js';
import type { DialogueAct, DialogueActType, Polarity } from '../../src/dialogue/dialogue-acts.js';
import type { SeededRandom } from '../../src/random/seeded-random.js';

/** Every act type, recommender's first. */
export const ACT_TYPES: readonly DialogueActType[] = [
  'greet',
  'ask-attribute',
  'ask-item',
  'ask-open',
  'recommend',
  'respond-critique',
  'describe-item',
  'close',
  'state-goal',
  'disclose',
  'answer-item',
  'critique',
  'reject',
  'accept',
  'ask-about-item',
  'give-up',
];

const POLARITIES: readonly Polarity[] = ['positive', 'negative', 'neutral'];
const FACETS = ['genre', 'director', 'cast', 'tag'];
const DIRECTIONS = ['less', 'more', 'newer', 'older'] as const;

/** Draws valid, varied acts over a real catalog, so tests see every shape the schema allows. */
export class ActSampler {
  readonly #catalog: ItemCatalog;
  readonly #ids: string[];
  readonly #keysByFacet = new Map<string, string[]>();

  constructor(catalog: ItemCatalog) {
    this.#catalog = catalog;
    this.#ids = catalog.ids();
    for (const facet of FACETS)
      this.#keysByFacet.set(
        facet,
        catalog.vocabulary({ facet }).map((entry) => entry.key),
      );
  }

  items(rng: SeededRandom, min: number, max: number): string[] {
    return rng.sample(this.#ids, rng.int(min, max));
  }

  itemKeys(id: string): string[] {
    return [...this.#catalog.attributeKeysOf(id)];
  }

  key(rng: SeededRandom, facet = rng.pick(FACETS)): string {
    return rng.pick(this.#keysByFacet.get(facet) as string[]);
  }

  /** A random act of the given type. */
  act(type: DialogueActType, rng: SeededRandom): DialogueAct {
    switch (type) {
      case 'greet':
      case 'ask-open':
      case 'give-up':
        return { type, items: [] };
      case 'state-goal':
        return { type, items: rng.chance(0.25) ? this.items(rng, 1, 2) : [] };
      case 'ask-attribute': {
        const facet = rng.pick(FACETS);
        return rng.chance(0.5)
          ? { type, items: [], facet }
          : { type, items: [], facet, attribute: this.key(rng, facet) };
      }
      case 'ask-item':
      case 'ask-reason':
      case 'accept':
      case 'ask-about-item':
        return { type, items: this.items(rng, 1, 1) };
      case 'recommend': {
        const items = this.items(rng, 1, 3);
        const reasons = rng.chance(0.3) ? [] : rng.sample(this.itemKeys(items[0] as string), rng.int(1, 2));
        // Sometimes drawn from a title the user liked, which the words name too.
        const like = rng.chance(0.25) ? this.items(rng, 1, 1)[0] : undefined;
        return like === undefined || items.includes(like) ? { type, items, reasons } : { type, items, reasons, like };
      }
      case 'respond-critique':
      case 'no-match':
      case 'critique': {
        const items = this.items(rng, 1, 1);
        const direction = rng.pick(DIRECTIONS);
        const keys = this.itemKeys(items[0] as string);
        const attribute = direction === 'less' || direction === 'more' ? rng.pick(keys) : undefined;
        if (type !== 'critique') return { type, items, direction, ...(attribute ? { attribute } : {}) };
        const polarity: Polarity = direction === 'less' ? 'negative' : 'positive';
        return { type, items, direction, polarity, ...(attribute ? { attribute } : {}) };
      }
      case 'describe-item': {
        const items = this.items(rng, 1, 1);
        const keys = this.itemKeys(items[0] as string);
        return { type, items, attributes: rng.chance(0.1) ? [] : rng.sample(keys, rng.int(1, keys.length)) };
      }
      case 'close':
        return { type, items: rng.chance(0.5) ? this.items(rng, 1, 1) : [] };
      case 'disclose': {
        const polarity = rng.pick(POLARITIES);
        const strength = rng.next();
        return rng.chance(0.6)
          ? { type, items: [], attribute: this.key(rng), polarity, strength }
          : { type, items: this.items(rng, 1, 2), polarity, strength };
      }
      case 'answer-item': {
        const items = this.items(rng, 1, 1);
        if (rng.chance(0.3)) return { type, items, seen: false };
        return rng.chance(0.2)
          ? { type, items, seen: true }
          : { type, items, seen: true, polarity: rng.pick(POLARITIES), strength: rng.next() };
      }
      case 'reject':
        return { type, items: this.items(rng, 1, 3), seen: rng.chance(0.4) };
    }
  }
}
