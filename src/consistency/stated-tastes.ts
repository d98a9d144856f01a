import type { ItemCatalog } from '../catalog/item-catalog.js';
import { attributePhrase } from '../lexicon/attribute-phrases.js';
import { COMMON_WORDS } from '../lexicon/common-words.js';
import { domainPhrasing } from '../lexicon/domain-phrasing.js';
import { foldedWords } from '../lexicon/english.js';
import { type MentionFinder, mentionFinderFor } from './mention-finder.js';
import { clauseStance, type TextStance } from './text-polarity.js';

/** An attribute named in a clause, and whether the words fix its direction ("more sci-fi": 1, "less violent": −1). */
export interface NamedAttribute {
  /** The attribute's dense id in the catalog. */
  readonly id: number;
  /** 1 or −1 when the phrase itself says it ("funnier", "without Keanu Reeves"); 0 when the clause's stance does. */
  readonly sign: -1 | 0 | 1;
}

/** One clause of free text, read without acts: its stance and the titles and attributes it names. */
export interface StatedClause {
  readonly stance: TextStance;
  /** Item ids of the titles it names (several when a title is ambiguous). */
  readonly items: readonly string[];
  readonly attributes: readonly NamedAttribute[];
}

interface Cue {
  readonly words: readonly string[];
  readonly attribute: NamedAttribute;
}

const CLAUSE_BREAK = /[.!?;]+|\b(?:but|though|although|whereas|however)\b/;
const PLACEHOLDER = '§';

/**
 * Reads free text — text that comes with no acts, such as a model's unconstrained dialogue or a context given to a
 * downstream reader — clause by clause: the titles the mention finder sees, the attributes named by the words the
 * lexicon speaks them with ("sci-fi", "films by Christopher Nolan", "less violent"), and each clause's stance from
 * the polarity lexicon. Titles are found first and stand in for themselves, so their words are neither attributes
 * nor clause breaks ("L.A. Confidential").
 *
 * @example
 * ```ts
 * statedTastes('I loved Alien (1979), but horror is not for me.', catalog);
 * // [{ stance: 'positive', items: ['alien-1979'], attributes: [] },
 * //  { stance: 'negative', items: [], attributes: [{ id: <genre:Horror>, sign: 0 }] }]
 * ```
 */
export function statedTastes(text: string, catalog: ItemCatalog): StatedClause[] {
  const { finder, cues } = readerFor(catalog);
  const mentions = finder.findMentions(text);
  let marked = '';
  let from = 0;
  mentions.forEach((mention, index) => {
    marked += `${text.slice(from, mention.start)} ${PLACEHOLDER}${index} `;
    from = mention.end;
  });
  marked += text.slice(from);
  const clauses: StatedClause[] = [];
  for (const clause of marked.toLowerCase().split(CLAUSE_BREAK)) {
    const items: string[] = [];
    for (const match of clause.matchAll(/§(\d+)/g)) items.push(...(mentions[Number(match[1])]?.items ?? []));
    const attributes: NamedAttribute[] = [];
    const words = foldedWords(clause);
    for (let at = 0; at < words.length; ) {
      const cue = longestCueAt(words, at, cues);
      if (!cue) {
        at++;
        continue;
      }
      attributes.push(cue.attribute);
      at += cue.words.length;
    }
    if (clause.trim() !== '') clauses.push({ stance: clauseStance(clause), items, attributes });
  }
  return clauses;
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

interface Reader {
  readonly finder: MentionFinder;
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
  const add = (text: string, id: number, sign: NamedAttribute['sign'], isGenre: boolean) => {
    const words = foldedWords(text);
    // A lone everyday word ("classic", "funny") is too often just talk to be read as a tag; genres always count.
    if (words.length === 0 || (words.length === 1 && !isGenre && COMMON_WORDS.has(words[0] as string))) return;
    const key = `${words.join(' ')}|${id}`;
    if (seen.has(key)) return;
    seen.add(key);
    const list = index.get(words[0] as string) ?? [];
    list.push({ words, attribute: { id, sign } });
    index.set(words[0] as string, list);
  };
  // In the catalog's own words: a book catalog's dramas are "plays".
  const phrasing = domainPhrasing(catalog);
  for (let id = 0; id < catalog.attributeKeyCount; id++) {
    const phrase = attributePhrase(catalog.attributeKeyAt(id), phrasing);
    const isGenre = phrase.facet === 'genre';
    add(phrase.more, id, 1, isGenre);
    add(phrase.less, id, -1, isGenre);
    add(phrase.noun, id, 0, isGenre);
    add(phrase.value, id, 0, isGenre);
  }
  for (const list of index.values()) list.sort((a, b) => b.words.length - a.words.length);
  return index;
}
