import type { ItemCatalog } from '../catalog/item-catalog.js';
import { mentionFinderFor } from '../consistency/mention-finder.js';
import { statedTastes } from '../consistency/stated-tastes.js';
import type { RankingRecommender } from './ranking-recommender.js';
import { type OfflineRecommenderOptions, offlineRecommender, type TasteScores } from './taste-scores.js';

const STANCE_WEIGHT = { positive: 1, negative: -1, neutral: 0, unsure: 0.5 } as const;
// A clause with a stance but no subject of its own ("Not for me.") speaks of what the assistant just offered.
const REACTION_WEIGHT = 0.5;

/**
 * The `content` recommender, the study's offline default: reads only the context's text — what the user says, the
 * "User:" lines of a dialogue or the whole text profile — with `statedTastes` (titles by the tracker's mention
 * finder, attributes by the lexicon's words, each clause's stance by the polarity lexicon), and ranks candidates by
 * the tastes gathered (attribute similarity, with a popularity prior). What a downstream model could learn from the
 * words alone.
 */
export function contentRecommender(options: OfflineRecommenderOptions = {}): RankingRecommender {
  return offlineRecommender('content', options, (context, tastes, catalog) => readText(context.text, tastes, catalog));
}

function readText(text: string, tastes: TasteScores, catalog: ItemCatalog): void {
  const finder = mentionFinderFor(catalog);
  let offered: readonly string[] = [];
  for (const line of text.split('\n')) {
    const labelled = /^(User|Assistant): /.exec(line);
    const body = labelled ? line.slice(labelled[0].length) : line;
    if (labelled?.[1] === 'Assistant') {
      offered = finder.findMentions(body).flatMap((mention) => mention.items);
      continue;
    }
    for (const { stance: read, items, attributes } of statedTastes(body, catalog)) {
      const stance = STANCE_WEIGHT[read];
      // An attribute named without a clear stance is usually wanted ("in the mood for sci-fi"); a title named so is
      // as often not seen ("never watched Heat") or asked about, and says nothing.
      if (read !== 'unsure') for (const id of items) tastes.addItem(id, stance);
      for (const { id, sign } of attributes) tastes.addAttributeId(id, sign === 0 ? stance : sign);
      if (items.length === 0 && attributes.length === 0 && read !== 'unsure') {
        for (const id of offered) tastes.addItem(id, REACTION_WEIGHT * stance);
      }
    }
  }
}
