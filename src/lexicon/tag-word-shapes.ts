import { withArticle } from './english.js';

/**
 * How a tag reads when describing an item that has it: a `quality` follows "It's" ("atmospheric", "set in Paris",
 * "a cult classic"); a `feature` follows "with" ("time travel", "a twist ending"); a `keyword` is a free-text tag
 * that fits neither and is quoted as a tag.
 */
export interface TagTrait {
  readonly kind: 'quality' | 'feature' | 'keyword';
  readonly text: string;
  /**
   * The noun the item is, when the tag names the form it takes ("novella", "short story collection"): its kind is
   * said with it ("a science-fiction short story collection"), never as "a novel" that is "also" one.
   */
  readonly head?: string;
}

/** How one tag reads in a sentence. */
export interface TagWords {
  /** Fits "I love ___" and "How do you feel about ___?": "time travel", "zombie movies", "movies set in Paris". */
  readonly noun: string;
  /** Asking for more of it, after "something like X, but ___": "more violent", "with more zombies". */
  readonly more: string;
  /** Asking for less of it: "less violent", "with fewer zombies", "not set in Paris". */
  readonly less: string;
  /** How it reads in a description of an item. */
  readonly trait: TagTrait;
  /** True for a tag no one would say aloud, quoted as the tag it is: `movies tagged "seen at the cinema 2015"`. */
  readonly quoted?: boolean;
  /**
   * False for a fact about an item that is no one's taste: said in a description ("It's the original of a later
   * remake"), never asked about nor liked ("I'm fairly keen on films later remade").
   */
  readonly taste?: false;
  /**
   * True for praise of an item, not a kind of item: liked by some, held against an item by no one ("less visually
   * stunning", "not a Best Picture winner").
   */
  readonly praise?: true;
  /** True for a tag that is a name (a star, a studio, a writer: "Brad Pitt", "Pixar"), not what an item is about. */
  readonly name?: boolean;
}

// The shapes tags come in, shared by every domain's tag table; each entry using them was read aloud in the templates'
// frames ("I love ___", "something like X, but ___", "It's ___", "It has ___", "There's ___ in it").

/** A quality said as an adjective: "dark", "more dark"/"less dark". */
export const adjective = (word: string, noun: string, more = `more ${word}`): TagWords => ({
  noun,
  more,
  less: `less ${word}`,
  trait: { kind: 'quality', text: word },
});

/** A kind of story: "more of a heist", "less of a heist". */
export const kind = (singular: string, plural: string): TagWords => ({
  noun: plural,
  more: `more of ${singular}`,
  less: `less of ${singular}`,
  trait: { kind: 'quality', text: singular },
});

/** Something an item has more or less of: "with more aliens". */
export const topic = (noun: string, feature: string, amount: string, countable = false): TagWords => ({
  noun,
  more: `with more ${amount}`,
  less: `with ${countable ? 'fewer' : 'less'} ${amount}`,
  trait: { kind: 'feature', text: feature },
});

/** Where an item is set: "set in Japan", "not set in Japan". */
export const setting = (where: string, noun: string): TagWords => ({
  noun,
  more: where,
  less: `not ${where}`,
  trait: { kind: 'quality', text: where },
});

/** A form an item takes, with its own way of saying the opposite. */
export const form = (quality: string, noun: string, less: string, more = quality): TagWords => ({
  noun,
  more,
  less,
  trait: { kind: 'quality', text: quality },
});

/** The form an item takes, which is what it is: "a novella", "a short story collection" (see {@link TagTrait.head}). */
export const itemForm = (head: string, noun: string, less: string, more = `a ${head}`): TagWords => ({
  noun,
  more,
  less,
  trait: { kind: 'quality', text: `a ${head}`, head },
});

/**
 * A name a tag gives the whole film, not one part in it: a studio's ("a Pixar film") or a writer's whose book it adapts
 * ("a Stephen King adaptation"). `noun` is the plural ("Pixar movies"); `one` what one of them is.
 */
export const made = (name: string, noun: string, one: string): TagWords => ({
  noun,
  more: `more ${name}`,
  less: `less ${name}`,
  trait: { kind: 'quality', text: withArticle(`${name} ${one}`) },
  name: true,
});

/**
 * A name a film is known by, a star's, a director's, a series': "one for fans of Brad Pitt", which a tag
 * says of a film whatever part the name had in it.
 */
export const fans = (name: string, noun: string): TagWords => ({
  noun,
  more: `more ${name}`,
  less: `less ${name}`,
  // A pair known by a family name is "the Coen Brothers" on its own, and "Coen Brothers movies" before a noun.
  trait: { kind: 'quality', text: `one for fans of ${/ (?:Brothers|Sisters)$/.test(name) ? 'the ' : ''}${name}` },
  name: true,
});
