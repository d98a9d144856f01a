import type { Item } from '../catalog/item.js';
import type { ItemCatalog } from '../catalog/item-catalog.js';
import { frontArticle, splitYear } from '../catalog/title.js';
import { COMMON_WORDS } from '../lexicon/common-words.js';
import { spokenTitle } from '../lexicon/spoken-title.js';
import { bracketedYearAfter, bracketedYearAt, MAX_YEAR_GAP, TextTokens } from './text-tokens.js';

/** How a mention was recognised. */
export type MentionKind =
  /** A title followed by "(YYYY)" with that item's year: "Heat (1995)". */
  | 'year'
  /** A title distinctive enough to count without a year, written with the catalog's capitalisation. */
  | 'title'
  /** A title of one of the items the caller said the text is about, in any case, year optional. */
  | 'named'
  /** A title written as the catalog writes it, in straight double quotes: "Heat", "Up". */
  | 'quoted';

/** One place where a text names a catalog item. */
export interface TitleMention {
  /**
   * The items meant: usually one; several when remakes share the title (and year) and none of them is among the
   * named items; otherwise only the named ones.
   */
  readonly items: readonly string[];
  /** Offset of the first character of the mention in the text. */
  readonly start: number;
  /** Offset just past the mention (past the closing bracket of its year, when it has one). */
  readonly end: number;
  /** How the mention was recognised. */
  readonly kind: MentionKind;
}

const LEADING_ARTICLES: ReadonlySet<string> = new Set(['the', 'a', 'an']);
const KIND_NOUNS: ReadonlySet<string> = new Set(['movie', 'movies', 'film', 'films']);

/** One way of writing a title, split into words. */
interface TitleForm {
  /** Folded words without a leading English article. */
  readonly folded: readonly string[];
  /** The same words with the catalog's capitalisation. */
  readonly cased: readonly string[];
  /** The folded leading article the title has ("the"), when it has one. */
  readonly article: string | undefined;
}

/** Titles (and aliases) ending in one word, for one year: longest first. */
interface YearEntry {
  readonly folded: readonly string[];
  readonly article: string | undefined;
  readonly items: string[];
}

/** A title distinctive enough to spot without a year. */
interface BareEntry {
  readonly cased: readonly string[];
  readonly article: string | undefined;
  /** Distinctive when written without its leading article. */
  readonly coreDistinctive: boolean;
  /** Distinctive when written with its leading article. */
  readonly fullDistinctive: boolean;
  readonly items: string[];
}

interface ItemForms {
  readonly year: number | undefined;
  readonly forms: readonly TitleForm[];
}

const NO_FORMS: ItemForms = { year: undefined, forms: [] };
const NO_NAMED_FORMS: readonly ItemForms[] = [];

// Which words of the text a mention already covers, one byte per word. Shared, as allocating a typed array costs more
// than clearing one: findMentions runs to its end before the next one starts.
let covering = new Uint8Array(64);

function titleForm(name: string): TitleForm | undefined {
  const tokens = new TextTokens(frontArticle(splitYear(name).title));
  if (tokens.length === 0) return undefined;
  const first = tokens.folded[0] as string;
  const hasArticle = tokens.length > 1 && LEADING_ARTICLES.has(first);
  const from = hasArticle ? 1 : 0;
  return {
    folded: tokens.folded.slice(from),
    cased: tokens.cased.slice(from),
    article: hasArticle ? first : undefined,
  };
}

const UPPERCASE_OR_DIGIT = /[\p{Lu}\p{N}]/u;
const LETTER = /\p{L}/u;

/**
 * Whether words of a title, matched case-sensitively, are unmistakably that title and not ordinary speech: two or
 * more words of which two (besides a leading article and the pronoun "I") are capitalised or numbers, and at least
 * one is a word (not a number) outside everyday English — for a two-word title, neither may be everyday English.
 * Title-cased phrases of everyday words are too often names of other things ("New Year's Eve", "Day of the Dead",
 * "West Side Story" the stage show), and numbers alone are version numbers ("8 1/2" in "8.1.2").
 */
function isDistinctive(words: readonly string[], hasArticle: boolean): boolean {
  if (words.length < 2) return false;
  const marked = words.filter(
    (word, index) => !(hasArticle && index === 0) && word !== 'I' && UPPERCASE_OR_DIGIT.test(word),
  );
  if (marked.length < 2) return false;
  const everyday = words.map((word) => COMMON_WORDS.has(new TextTokens(word).folded.join('')));
  if (words.length === 2 && everyday.includes(true)) return false;
  return words.some((word, index) => !everyday[index] && LETTER.test(word));
}

// Words as a reader counts them: split on spaces, ignoring stray punctuation ("Star Wars: Episode IV - A New Hope").
function titleWords(name: string): string[] {
  return frontArticle(splitYear(name).title)
    .split(/\s+/)
    .filter((word) => new TextTokens(word).length > 0);
}

/**
 * Every run of two or more words inside the catalog's attribute values ("san francisco", "heavy metal", "peter
 * pan"): a verbaliser says these when it describes items, so a title made of them is not unmistakable.
 */
function attributePhrases(catalog: ItemCatalog): Set<string> {
  const phrases = new Set<string>();
  for (let id = 0; id < catalog.attributeKeyCount; id++) {
    const key = catalog.attributeKeyAt(id);
    const words = new TextTokens(key.slice(key.indexOf(':') + 1)).folded;
    for (let from = 0; from < words.length - 1; from++) {
      for (let to = from + 2; to <= words.length; to++) phrases.add(words.slice(from, to).join(' '));
    }
  }
  return phrases;
}

function sameWords(tokens: readonly string[], at: number, words: readonly string[]): boolean {
  if (at < 0 || at + words.length > tokens.length) return false;
  for (let j = 0; j < words.length; j++) if (tokens[at + j] !== words[j]) return false;
  return true;
}

function isFree(covered: Uint8Array, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (covered[i] === 1) return false;
  return true;
}

// Year mentions are found first, yet the mentions of a text usually come out in text order anyway and need no sort.
function inTextOrder(mentions: readonly TitleMention[]): boolean {
  for (let i = 1; i < mentions.length; i++)
    if ((mentions[i] as TitleMention).start < (mentions[i - 1] as TitleMention).start) return false;
  return true;
}

function pick(candidates: readonly string[], named: readonly string[]): readonly string[] {
  if (candidates.length === 1 || named.length === 0) return candidates;
  const chosen = candidates.filter((id) => named.includes(id));
  return chosen.length > 0 ? chosen : candidates;
}

// A word's shape: a 19-bit hash of its first and last UTF-16 units and its length. Different words share a shape, which
// only costs a look-up; one bit per shape keeps such words few, where the first unit and length alone let through
// every capitalised word of a common length.
const BARE_SHAPE_BITS = 19;

function bareShape(word: string): number {
  const { length } = word;
  const mixed =
    Math.imul(word.charCodeAt(0), 0x9e3779b1) ^
    Math.imul(word.charCodeAt(length - 1), 0x85ebca6b) ^
    Math.imul(length, 0xc2b2ae35);
  return mixed >>> (32 - BARE_SHAPE_BITS);
}

function hasShape(shapes: Uint8Array, shape: number): boolean {
  return ((shapes[shape >>> 3] as number) & (1 << (shape & 7))) !== 0;
}

/**
 * Finds where a text names catalog items, built once per catalog (see {@link mentionFinderFor}).
 *
 * Two questions with different needs. "Is item X mentioned?" ({@link MentionFinder.mentions}) is forgiving: the
 * title or an alias in any case and without accents, the year optional (but not a different year). "Which items
 * does the text mention?" ({@link MentionFinder.findMentions}) must not mistake ordinary English for a title — the
 * catalog holds films called "It", "Up", "Heat" and "Home Alone" — so it reports a title only when a "(YYYY)" of
 * its year follows it, when the title is distinctive and written with the catalog's capitalisation, or when it is
 * written so in double quotes ("Heat").
 *
 * @example
 * ```ts
 * const finder = mentionFinderFor(builtinCatalog());
 * finder.findMentions('Try Heat (1995), or Blade Runner.'); // heat-1995 and blade-runner-1982
 * finder.findMentions('I love it, go for it, the game was fun at home alone'); // []
 * ```
 */
export class MentionFinder {
  readonly #catalog: ItemCatalog;
  // Item id → every way of writing its title, for the forgiving question.
  readonly #forms = new Map<string, ItemForms>();
  // Year → last folded word → titles of that year ending in it, longest first: a "(1995)" is looked up backwards.
  readonly #byYear = new Map<number, Map<string, YearEntry[]>>();
  // First cased word (after any leading article) → distinctive titles starting with it, longest first.
  readonly #bare = new Map<string, BareEntry[]>();
  // The shapes of the keys of #bare, one bit each (see bareShape): most words of a text have none of them (they are
  // lowercase, or a capitalised word no title starts with), and are passed over without hashing them for a look-up.
  readonly #bareShapes = new Uint8Array(1 << (BARE_SHAPE_BITS - 3));
  // A title or alias as the catalog writes it, without its year → its items: one in quotes is unmistakable.
  readonly #quoted = new Map<string, string[]>();

  /** Indexes every title and alias of the catalog. */
  constructor(catalog: ItemCatalog) {
    this.#catalog = catalog;
    const yearKeys = new Map<string, YearEntry>();
    const bareKeys = new Map<string, BareEntry>();
    const spoken = attributePhrases(catalog);
    for (const item of catalog) {
      const forms: TitleForm[] = [];
      for (const name of [item.title, ...(item.aliases ?? [])]) {
        const form = titleForm(name);
        if (!form) continue;
        forms.push(form);
        if (item.year !== undefined) this.#indexYear(form, item, yearKeys);
        this.#indexBare(form, name, item, bareKeys, spoken);
        const written = splitYear(name).title;
        const quoted = this.#quoted.get(written);
        if (quoted === undefined) this.#quoted.set(written, [item.id]);
        else if (!quoted.includes(item.id)) quoted.push(item.id);
      }
      // What people call a long title once it has come up ("A New Hope") names the item the text is about, and only
      // that one: it is never looked for bare.
      const short = spokenTitle(item, catalog);
      const said = short === undefined ? undefined : titleForm(short);
      if (said) forms.push(said);
      this.#forms.set(item.id, { year: item.year, forms });
    }
    for (const byLast of this.#byYear.values()) {
      for (const list of byLast.values()) list.sort((a, b) => b.folded.length - a.folded.length);
    }
    for (const list of this.#bare.values()) list.sort((a, b) => b.cased.length - a.cased.length);
  }

  #indexYear(form: TitleForm, item: Item, keys: Map<string, YearEntry>): void {
    const key = `${item.year}\u0000${form.folded.join(' ')}`;
    const existing = keys.get(key);
    if (existing) {
      if (!existing.items.includes(item.id)) existing.items.push(item.id);
      return;
    }
    const entry: YearEntry = { folded: form.folded, article: form.article, items: [item.id] };
    keys.set(key, entry);
    let byLast = this.#byYear.get(item.year as number);
    if (!byLast) {
      byLast = new Map();
      this.#byYear.set(item.year as number, byLast);
    }
    const last = form.folded[form.folded.length - 1] as string;
    const list = byLast.get(last);
    if (list) list.push(entry);
    else byLast.set(last, [entry]);
  }

  #indexBare(
    form: TitleForm,
    name: string,
    item: Item,
    keys: Map<string, BareEntry>,
    spoken: ReadonlySet<string>,
  ): void {
    const words = titleWords(name);
    const hasArticle = form.article !== undefined;
    const core = form.folded.join(' ');
    const fullDistinctive =
      isDistinctive(words, hasArticle) && !spoken.has(hasArticle ? `${form.article} ${core}` : core);
    const coreDistinctive = hasArticle ? isDistinctive(words.slice(1), false) && !spoken.has(core) : fullDistinctive;
    if (!fullDistinctive && !coreDistinctive) return;
    const key = `${form.article ?? ''}\u0000${form.cased.join(' ')}`;
    const existing = keys.get(key);
    if (existing) {
      if (!existing.items.includes(item.id)) existing.items.push(item.id);
      return;
    }
    const entry: BareEntry = {
      cased: form.cased,
      article: form.article,
      coreDistinctive,
      fullDistinctive,
      items: [item.id],
    };
    keys.set(key, entry);
    const first = form.cased[0] as string;
    const shape = bareShape(first);
    this.#bareShapes[shape >>> 3] = (this.#bareShapes[shape >>> 3] as number) | (1 << (shape & 7));
    const list = this.#bare.get(first);
    if (list) list.push(entry);
    else this.#bare.set(first, [entry]);
  }

  /** The catalog this finder indexes. */
  get catalog(): ItemCatalog {
    return this.#catalog;
  }

  /**
   * True when the text names the item: its title or an alias on word boundaries, ignoring case, accents,
   * punctuation and a leading article, with or without its year — but not followed by a different year, and not
   * as part of a longer title ("Toy Story" inside "Toy Story 3 (2010)" names Toy Story 3).
   */
  mentions(itemId: string, text: string | TextTokens): boolean {
    if (!this.#forms.has(itemId)) return false;
    return this.findMentions(text, [itemId]).some((mention) => mention.items.includes(itemId));
  }

  /**
   * Every mention of a catalog item in the text, in order, with no false positives on ordinary speech: titles
   * followed by their "(YYYY)", distinctive titles written as the catalog writes them ("Blade Runner", "The Dark
   * Knight"), any title so written in double quotes ("Heat"), and — when `named` lists the items the text is meant
   * to name — those items' titles in any form (year optional, but not followed by a different year). A title shared
   * by several items counts as a mention of the named ones among them, if any. Overlapping candidates resolve to the
   * longest ("Toy Story 3", not "Toy Story"), so a named item is mentioned exactly when some returned mention lists it.
   */
  findMentions(text: string | TextTokens, named: readonly string[] = []): TitleMention[] {
    const tokens = typeof text === 'string' ? new TextTokens(text) : text;
    const count = tokens.length;
    const mentions: TitleMention[] = [];
    if (count === 0) return mentions;
    if (covering.length < count) covering = new Uint8Array(2 * count);
    else covering.fill(0, 0, count);
    const covered = covering;
    this.#findYearMentions(tokens, named, covered, mentions);
    this.#findTitleMentions(tokens, named, covered, mentions);
    if (tokens.text.includes('"')) this.#findQuotedMentions(tokens.text, named, mentions);
    if (!inTextOrder(mentions)) mentions.sort((a, b) => a.start - b.start);
    return mentions;
  }

  #findYearMentions(tokens: TextTokens, named: readonly string[], covered: Uint8Array, out: TitleMention[]): void {
    const { text, folded, starts, ends } = tokens;
    let last = -1;
    for (let open = text.indexOf('('); open >= 0; open = text.indexOf('(', open + 1)) {
      const year = bracketedYearAt(text, open);
      if (year === undefined) continue;
      // The word just before the bracket: advance a cursor, since brackets come in text order.
      while (last + 1 < folded.length && (ends[last + 1] as number) <= open) last++;
      if (last < 0 || open - (ends[last] as number) > MAX_YEAR_GAP) continue;
      const candidates = this.#byYear.get(year)?.get(folded[last] as string);
      if (!candidates) continue;
      for (const entry of candidates) {
        let from = last - entry.folded.length + 1;
        if (!sameWords(folded, from, entry.folded) || !isFree(covered, from, last + 1)) continue;
        if (entry.article !== undefined && folded[from - 1] === entry.article && covered[from - 1] !== 1) from--;
        covered.fill(1, from, last + 1);
        out.push({ items: pick(entry.items, named), start: starts[from] as number, end: open + 6, kind: 'year' });
        break;
      }
    }
  }

  // Last: a quoted title another rule found (a named item's, or one with its year) is that mention already.
  #findQuotedMentions(text: string, named: readonly string[], out: TitleMention[]): void {
    for (let open = text.indexOf('"'); open >= 0; ) {
      const close = text.indexOf('"', open + 1);
      if (close < 0) return;
      const items = this.#quoted.get(text.slice(open + 1, close));
      if (items !== undefined && !out.some((mention) => mention.start < close && mention.end > open + 1))
        out.push({ items: pick(items, named), start: open + 1, end: close, kind: 'quoted' });
      open = text.indexOf('"', close + 1);
    }
  }

  #findTitleMentions(tokens: TextTokens, named: readonly string[], covered: Uint8Array, out: TitleMention[]): void {
    const { folded, cased, starts, ends } = tokens;
    const namedForms = named.length === 0 ? NO_NAMED_FORMS : named.map((id) => this.#forms.get(id) ?? NO_FORMS);
    const count = folded.length;
    for (let i = 0; i < count; ) {
      if (covered[i] === 1) {
        i++;
        continue;
      }
      let bestLength = 0;
      let bestFrom = i;
      let bestItems: readonly string[] = [];
      let bestKind: MentionKind = 'title';
      const word = cased[i] as string;
      const bare = hasShape(this.#bareShapes, bareShape(word)) ? this.#bare.get(word) : undefined;
      if (bare !== undefined) {
        for (const entry of bare) {
          const length = entry.cased.length;
          if (!sameWords(cased, i, entry.cased) || !isFree(covered, i, i + length)) continue;
          const withArticle = entry.article !== undefined && folded[i - 1] === entry.article && covered[i - 1] !== 1;
          if (!(withArticle ? entry.fullDistinctive : entry.coreDistinctive)) continue;
          bestLength = length;
          bestFrom = withArticle ? i - 1 : i;
          bestItems = pick(entry.items, named);
          break;
        }
      }
      for (let n = 0; n < namedForms.length; n++) {
        const { year, forms } = namedForms[n] as ItemForms;
        for (const form of forms) {
          const length = form.folded.length;
          // As long as a title found bare, a named item's form takes its place unless the bare title is that item's:
          // "War of the Worlds" is the 2005 film the acts name, not The War of the Worlds (1953), a namesake but for
          // the article.
          const better =
            length > bestLength ||
            (length === bestLength && bestKind !== 'named' && !bestItems.includes(named[n] as string));
          if (!better || folded[i] !== form.folded[0] || !sameWords(folded, i, form.folded)) continue;
          if (!isFree(covered, i, i + length)) continue;
          const written = bracketedYearAfter(tokens.text, ends[i + length - 1] as number);
          if (written !== undefined && year !== undefined && written !== year) continue;
          // "alien movies", "heat films": a lowercase title word before "movies" describes a kind of film.
          if (written === undefined && KIND_NOUNS.has(folded[i + length] as string) && cased[i] !== form.cased[0])
            continue;
          bestLength = length;
          bestFrom = form.article !== undefined && folded[i - 1] === form.article && covered[i - 1] !== 1 ? i - 1 : i;
          bestItems = [named[n] as string];
          bestKind = 'named';
        }
      }
      if (bestLength === 0) {
        i++;
        continue;
      }
      const end = i + bestLength;
      covered.fill(1, bestFrom, end);
      out.push({ items: bestItems, start: starts[bestFrom] as number, end: ends[end - 1] as number, kind: bestKind });
      i = end;
    }
  }
}

const finders = new WeakMap<ItemCatalog, MentionFinder>();

/** The mention finder of a catalog, built on first use and kept as long as the catalog is. */
export function mentionFinderFor(catalog: ItemCatalog): MentionFinder {
  let finder = finders.get(catalog);
  if (!finder) {
    finder = new MentionFinder(catalog);
    finders.set(catalog, finder);
  }
  return finder;
}
