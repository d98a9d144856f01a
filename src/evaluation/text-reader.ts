import type { ItemCatalog } from '../catalog/item-catalog.js';
import { COMMON_WORDS } from '../consistency/common-words.js';
import { mentionFinderFor } from '../consistency/mention-finder.js';
import { clauseStance } from '../consistency/text-polarity.js';
import { attributePhrase } from '../lexicon/attribute-phrases.js';
import type { RankingRecommender } from './ranking-recommender.js';
import { type OfflineRecommenderOptions, offlineRecommender, type TasteScores } from './taste-scores.js';

/** How a cue's stance is read: from its clause (0), or fixed by the cue itself ("more sci-fi": 1, "less violent": −1). */
type CueSign = -1 | 0 | 1;

interface Cue {
  readonly words: readonly string[];
  readonly attribute: number;
  readonly sign: CueSign;
}

const STANCE_WEIGHT = { positive: 1, negative: -1, neutral: 0, unsure: 0.5 } as const;
// A clause with a stance but no subject of its own ("Not for me.") speaks of what the assistant just offered.
const REACTION_WEIGHT = 0.5;
const CLAUSE_BREAK = /[.!?;]+|\b(?:but|though|although|whereas|however)\b/;
const PLACEHOLDER = '§';

/**
 * The `content` recommender, the study's offline default: reads only the context's text — what the user says, the
 * "User:" lines of a dialogue or the whole text profile — finds titles with the tracker's mention finder and
 * attributes by the words the lexicon speaks them with, reads each clause's stance with the polarity lexicon, and
 * ranks candidates by the tastes gathered (attribute similarity, with a small popularity prior). What a downstream
 * model could learn from the words alone.
 */
export function contentRecommender(options: OfflineRecommenderOptions = {}): RankingRecommender {
  return offlineRecommender('content', options, (context, tastes, catalog) => readText(context.text, tastes, catalog));
}

function readText(text: string, tastes: TasteScores, catalog: ItemCatalog): void {
  const { finder, cues } = readerFor(catalog);
  let offered: readonly string[] = [];
  for (const line of text.split('\n')) {
    const labelled = /^(User|Assistant): /.exec(line);
    const body = labelled ? line.slice(labelled[0].length) : line;
    const mentions = finder.findMentions(body);
    if (labelled?.[1] === 'Assistant') {
      offered = mentions.flatMap((mention) => mention.items);
      continue;
    }
    // Titles become placeholders first: their words are neither cues nor clause breaks ("L.A. Confidential").
    let marked = '';
    let from = 0;
    mentions.forEach((mention, index) => {
      marked += `${body.slice(from, mention.start)} ${PLACEHOLDER}${index} `;
      from = mention.end;
    });
    marked += body.slice(from);
    for (const clause of marked.toLowerCase().split(CLAUSE_BREAK)) {
      readClause(clause, mentions, cues, tastes, offered);
    }
  }
}

function readClause(
  clause: string,
  mentions: ReadonlyArray<{ readonly items: readonly string[] }>,
  cues: ReadonlyMap<string, readonly Cue[]>,
  tastes: TasteScores,
  offered: readonly string[],
): void {
  const read = clauseStance(clause);
  const stance = STANCE_WEIGHT[read];
  let subjects = 0;
  for (const match of clause.matchAll(/§(\d+)/g)) {
    subjects++;
    // An attribute named without a clear stance is usually wanted ("in the mood for sci-fi"); a title named so is
    // as often not seen ("never watched Heat") or asked about, and says nothing.
    if (read === 'unsure') continue;
    for (const id of mentions[Number(match[1])]?.items ?? []) tastes.addItem(id, stance);
  }
  const words = wordsOf(clause);
  for (let at = 0; at < words.length; ) {
    const cue = longestCueAt(words, at, cues);
    if (!cue) {
      at++;
      continue;
    }
    subjects++;
    tastes.addAttributeId(cue.attribute, cue.sign === 0 ? stance : cue.sign);
    at += cue.words.length;
  }
  if (subjects === 0 && read !== 'unsure') {
    for (const id of offered) tastes.addItem(id, REACTION_WEIGHT * stance);
  }
}

function longestCueAt(
  words: readonly string[],
  at: number,
  cues: ReadonlyMap<string, readonly Cue[]>,
): Cue | undefined {
  for (const cue of cues.get(words[at] as string) ?? []) {
    if (cue.words.every((word, i) => words[at + i] === word)) return cue;
  }
  return undefined;
}

function wordsOf(text: string): string[] {
  return (
    text
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .match(/[a-z0-9]+/g) ?? []
  );
}

interface Reader {
  readonly finder: ReturnType<typeof mentionFinderFor>;
  /** First word → the cues starting with it, longest first. */
  readonly cues: ReadonlyMap<string, readonly Cue[]>;
}

const READERS = new WeakMap<ItemCatalog, Reader>();

function readerFor(catalog: ItemCatalog): Reader {
  let reader = READERS.get(catalog);
  if (!reader) {
    reader = { finder: mentionFinderFor(catalog), cues: cueIndex(catalog) };
    READERS.set(catalog, reader);
  }
  return reader;
}

function cueIndex(catalog: ItemCatalog): Map<string, Cue[]> {
  const index = new Map<string, Cue[]>();
  const seen = new Set<string>();
  const add = (text: string, attribute: number, sign: CueSign, isGenre: boolean) => {
    const words = wordsOf(text);
    // A lone everyday word ("classic", "funny") is too often just talk to be read as a tag; genres always count.
    if (words.length === 0 || (words.length === 1 && !isGenre && COMMON_WORDS.has(words[0] as string))) return;
    const key = `${words.join(' ')}|${attribute}`;
    if (seen.has(key)) return;
    seen.add(key);
    const list = index.get(words[0] as string) ?? [];
    list.push({ words, attribute, sign });
    index.set(words[0] as string, list);
  };
  for (let id = 0; id < catalog.attributeKeyCount; id++) {
    const phrase = attributePhrase(catalog.attributeKeyAt(id));
    const isGenre = phrase.facet === 'genre';
    add(phrase.more, id, 1, isGenre);
    add(phrase.less, id, -1, isGenre);
    add(phrase.noun, id, 0, isGenre);
    add(phrase.value, id, 0, isGenre);
  }
  for (const list of index.values()) list.sort((a, b) => b.words.length - a.words.length);
  return index;
}
