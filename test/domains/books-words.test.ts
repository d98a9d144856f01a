import { describe, expect, it } from 'vitest';
import { BUILTIN_BOOK_GENRES, BUILTIN_BOOK_TAGS } from '../../src/data/builtin/builtin-book.js';
import { builtinBooksCatalog } from '../../src/data/builtin/builtin-books-catalog.js';
import { DialogueGenerator } from '../../src/generation/dialogue-generator.js';
import { attributePhrase } from '../../src/lexicon/attribute-phrases.js';
import { domainPhrasing } from '../../src/lexicon/domain-phrasing.js';
import { syntheticProfiles } from '../../src/profile/synthetic.js';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// Written here, from the closed tag list, independently of the lexicon: a raw tag before "books" ("at sea books",
// "set in germany books", "coming of age books"). Adjectives read fine before "books" ("dark books") and are left out.
const ADJECTIVES = new Set([
  'dark',
  'violent',
  'lighthearted',
  'heartbreaking',
  'surreal',
  'philosophical',
  'feel-good',
]);
const RAW_TAG = new RegExp(
  `(?<![\\w-])(${BUILTIN_BOOK_TAGS.filter((tag) => !ADJECTIVES.has(tag))
    .map(escapeRegExp)
    .join('|')}) books?\\b`,
);
// A place or an era left in lowercase: "set in germany", "during world war ii".
const LOWERCASE_PLACE =
  /\b(in|during) (africa|california|china|england|france|germany|india|ireland|italy|japan|latin america|new england|new york|russia|scandinavia|the american (south|west)|the middle ages|world war|the cold war)\b/;

// The journey tag said as a theme of travel.
const JOURNEY_AS_TRAVEL = /\b(?:explores|deals with|about)(?: [\w' -]+,)*(?: [\w' -]+ and)? travel\b/;

// A book taken in whole in one evening, as a film is: read, enjoyed or settled "tonight", or with snacks.
const FILM_NIGHT =
  /\bread (?:it|them) tonight\b|\bThank you! [^.!?]+ tonight, then\.|\bGreat, [^.!?]+ tonight\. Thanks!|\bit is tonight\b|\benjoy [^.!?]+ tonight\.|\bfor tonight\. Enjoy!|\bsnacks\b/i;

describe('books words', () => {
  const books = domainPhrasing('books');

  it('words every built-in genre and tag by its own entry, not generically', () => {
    for (const genre of BUILTIN_BOOK_GENRES) {
      expect(Object.hasOwn(books.genres, genre), genre).toBe(true);
      // An element is a noun: "There's literary fiction in it, too", not "There's literary in it" or "some thriller".
      expect(books.genres[genre]?.element, genre).not.toMatch(/(?:al|ic|ous|ary|ller|-fiction|'s)$/);
    }
    for (const tag of BUILTIN_BOOK_TAGS) {
      const phrase = attributePhrase(`tag:${tag}`, books);
      if (!ADJECTIVES.has(tag)) expect(phrase.noun, tag).not.toBe(`${tag} books`);
      expect(phrase.trait.kind, tag).not.toBe('keyword');
    }
    expect(attributePhrase('tag:set in germany', books).noun).toBe('books set in Germany');
    expect(attributePhrase('tag:world war ii', books).trait).toEqual({
      kind: 'quality',
      text: 'set during World War II',
    });
    expect(attributePhrase('genre:Graphic Novel', books).noun).toBe('graphic novels');
    // A series is said the way readers say it, its own article dropped before "books": "No Lord of the Rings books".
    expect(attributePhrase('series:The Lord of the Rings', books).noun).toBe('Lord of the Rings books');
    expect(attributePhrase('series:Discworld', books).noun).toBe('Discworld books');
    expect(attributePhrase('series:Wolf Hall Trilogy', books).noun).toBe('Wolf Hall books');
    // A name that is a plural noun itself needs no other: "no Neapolitan Novels", not "no Neapolitan Novels books".
    expect(attributePhrase('series:Neapolitan Novels', books).noun).toBe('Neapolitan Novels');
    expect(attributePhrase('series:The Lord of the Rings', books).more).toBe('from The Lord of the Rings series');
  });

  it('leaves no raw tag before "books", no film night and no theme of travel in 300 books dialogues, without a violation', async () => {
    const catalog = builtinBooksCatalog();
    const profiles = [...syntheticProfiles(catalog, { count: 300, seed: 3 })];
    const generator = new DialogueGenerator({ catalog, seed: 3 });
    let dialogues = 0;
    let violations = 0;
    const raw: string[] = [];
    const filmNight: string[] = [];
    const travel: string[] = [];
    let accepted = 0;
    for await (const dialogue of generator.generateMany(profiles)) {
      dialogues++;
      violations += dialogue.consistency.violations.length;
      for (const turn of dialogue.turns) {
        if (RAW_TAG.test(turn.text) || LOWERCASE_PLACE.test(turn.text)) raw.push(turn.text);
        if (FILM_NIGHT.test(turn.text)) filmNight.push(turn.text);
        if (JOURNEY_AS_TRAVEL.test(turn.text)) travel.push(turn.text);
        if (turn.acts.some((act) => act.type === 'accept')) accepted++;
      }
    }
    expect(dialogues).toBe(300);
    expect(raw).toEqual([]);
    // A book is begun in an evening, not finished in one: "I'll read it tonight." of Middlemarch, "Nice, Moby-Dick
    // for tonight. Enjoy!", or snacks.
    expect(filmNight).toEqual([]);
    // A journey is a kind of story, not a theme of travel: "The Hobbit … It explores travel." (155 turns in 3,000
    // dialogues before 0.35.0).
    expect(travel).toEqual([]);
    expect(accepted).toBeGreaterThan(200);
    expect(violations).toBe(0);
  }, 120_000);
});
