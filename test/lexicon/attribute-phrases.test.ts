import { describe, expect, it } from 'vitest';
import { builtinBooksCatalog } from '../../src/data/builtin/builtin-books-catalog.js';
import { builtinCatalog } from '../../src/data/builtin/builtin-catalog.js';
import { attributePhrase, facetPhrase, isComparative } from '../../src/lexicon/attribute-phrases.js';
import { BOOKS_PHRASING, domainPhrasing } from '../../src/lexicon/domain-phrasing.js';
import { thrown } from '../helpers/thrown.js';

describe('attributePhrase', () => {
  it('reads naturally for each facet', () => {
    expect(attributePhrase('genre:Sci-Fi').noun).toBe('sci-fi');
    expect(attributePhrase('genre:Film-Noir').noun).toBe('film noir');
    expect(attributePhrase('genre:Children').noun).toBe('family films');
    expect(attributePhrase('genre:Comedy').noun).toBe('comedies');
    expect(attributePhrase('genre:IMAX').noun).toBe('IMAX films');
    expect(attributePhrase('genre:TV').noun).toBe('TV movies');
    expect(attributePhrase('tag:time travel').noun).toBe('time travel');
    expect(attributePhrase('tag:thought-provoking').noun).toBe('thought-provoking movies');
    expect(attributePhrase('director:Christopher Nolan').noun).toBe('films by Christopher Nolan');
    expect(attributePhrase('cast:Keanu Reeves').noun).toBe('movies with Keanu Reeves');
    expect(attributePhrase('language:French').noun).toBe('French (language)');
  });

  it('words MovieLens users\' most frequent tags as words, not as "___ movies"', () => {
    expect(attributePhrase('tag:mindfuck').noun).toBe('mind-bending movies');
    expect(attributePhrase('tag:psychology').noun).toBe('movies about psychology');
    expect(attributePhrase('tag:psychology').trait).toEqual({ kind: 'feature', text: 'themes of psychology' });
    expect(attributePhrase('tag:based on a TV show').noun).toBe('TV adaptations');
    expect(attributePhrase('tag:space opera').noun).toBe('space operas');
    // Not "violence in america movies", "Nerd movies", "movies about action" nor "British comedy movies".
    expect(attributePhrase('tag:violence in america').noun).toBe('movies about violence in America');
    expect(attributePhrase('tag:Nerd').noun).toBe('movies about nerds');
    expect(attributePhrase('tag:action').noun).toBe('action-packed movies');
    expect(attributePhrase('tag:British comedy').noun).toBe('British comedies');
    expect(attributePhrase('tag:fish').noun).toBe('movies about fish');
    // Two tags of one film that mean one thing are still two questions apart: their words differ.
    expect(attributePhrase('tag:suspense').noun).not.toBe(attributePhrase('tag:suspenseful').noun);
    expect(attributePhrase('tag:black comedy').noun).not.toBe(attributePhrase('tag:dark comedy').noun);
    // Those that say what a film is like are said as such in a description ("It's eerie", "It's also a biopic"),
    // not read out as tags ("Its tags include eerie.").
    expect(attributePhrase('tag:eerie').trait).toEqual({ kind: 'quality', text: 'eerie' });
    expect(attributePhrase('tag:highly quotable').trait).toEqual({ kind: 'quality', text: 'highly quotable' });
    expect(attributePhrase('tag:biopic').trait).toEqual({ kind: 'quality', text: 'a biopic' });
    expect(attributePhrase('tag:spaghetti western').noun).toBe('spaghetti westerns');
    expect(attributePhrase('tag:Jim Carrey').trait).toEqual({ kind: 'quality', text: 'one for fans of Jim Carrey' });
    expect(attributePhrase('tag:Hemingway').trait).toEqual({ kind: 'quality', text: 'a Hemingway adaptation' });
    // "remade" is tagged on the film that was remade (Psycho of 1960, The Shop Around the Corner), "remake" on the remake.
    expect(attributePhrase('tag:remade').trait).toEqual({ kind: 'quality', text: 'the original of a later remake' });
    expect(attributePhrase('tag:remake').trait).toEqual({ kind: 'quality', text: 'a remake' });
    // A verdict stays the words of those who gave it, never "It's predictable." in the recommender's voice.
    expect(attributePhrase('tag:predictable').trait.kind).toBe('keyword');
  });

  it('words a name MovieLens users tag films with as a film for its fans, not as a tag', () => {
    expect(attributePhrase('tag:Brad Pitt').trait).toEqual({ kind: 'quality', text: 'one for fans of Brad Pitt' });
    // A studio's or a writer's tag says what the whole film is: "It's a Pixar film", "It's a Tolkien adaptation".
    expect(attributePhrase('tag:Aardman').trait).toEqual({ kind: 'quality', text: 'an Aardman film' });
    expect(attributePhrase('tag:Tolkien').trait).toEqual({ kind: 'quality', text: 'a Tolkien adaptation' });
    expect(attributePhrase('tag:Tolkien').noun).toBe('Tolkien adaptations');
    expect(attributePhrase('tag:Brad Pitt').noun).toBe('Brad Pitt movies');
    expect(attributePhrase('tag:Stephen King').noun).toBe('Stephen King adaptations');
    expect(attributePhrase('tag:coen brothers').trait).toEqual({
      kind: 'quality',
      text: 'one for fans of the Coen Brothers',
    });
    expect(attributePhrase('tag:coen brothers').noun).toBe('Coen Brothers movies');
    // A name, not what a film is about: no answer to "Which topics do you like?".
    expect(attributePhrase('tag:Brad Pitt').name).toBe(true);
    expect(attributePhrase('tag:Tolkien').name).toBe(true);
    expect(attributePhrase('tag:heist').name).toBe(false);
    expect(attributePhrase('director:Christopher Nolan').name).toBe(false);
  });

  it('words a free-text tag as its films, never "movie movies", and one nobody would say as the tag it is', () => {
    expect(attributePhrase('tag:Animal movie').noun).toBe('animal movies');
    expect(attributePhrase('tag:buddy film').noun).toBe('buddy movies');
    expect(attributePhrase('tag:buddy film').sayable).toBe(true);
    expect(attributePhrase('tag:film noir').noun).toBe('film noir');
    expect(attributePhrase('tag:movie business').noun).toBe('movies about the movie business');
    expect(attributePhrase('tag:06 Oscar Nominated Best Movie - Animation').sayable).toBe(false);
    // Nor a single letter: "It has been tagged C." says nothing.
    expect(attributePhrase('tag:C').sayable).toBe(false);
    expect(attributePhrase('tag:Oscar (Best Actress)').sayable).toBe(false);
    expect(attributePhrase('tag:TV').sayable).toBe(true);
    expect(attributePhrase('tag:quirky romance').noun).toBe('quirky romance movies');
    expect(attributePhrase('tag:06 Oscar Nominated Best Movie - Animation').noun).toBe(
      'movies tagged "06 Oscar Nominated Best Movie - Animation"',
    );
    expect(attributePhrase('tag:seen at the cinema in the summer').noun).toBe(
      'movies tagged "seen at the cinema in the summer"',
    );
    // A free-text abstract noun is what a film is about: not "terrorism movies" or "corruption films".
    for (const noun of ['terrorism', 'corruption', 'motherhood', 'photography', 'sarcasm'])
      expect(attributePhrase(`tag:${noun}`).noun).toBe(`movies about ${noun}`);
    // And so is a plural: not "transplants movies".
    for (const noun of ['transplants', 'lawyers', 'economics'])
      expect(attributePhrase(`tag:${noun}`).noun).toBe(`movies about ${noun}`);
    for (const word of ['hilarious', 'circus', 'homeless', 'genesis'])
      expect(attributePhrase(`tag:${word}`).noun).toBe(`${word} movies`);
    expect(attributePhrase('tag:golf').noun).toBe('golf movies');
    expect(attributePhrase('tag:Jason').noun).toBe('Jason movies');
    // Tags "___ movies" words badly have words of their own.
    expect(attributePhrase('tag:president').noun).toBe('movies about presidents');
    expect(attributePhrase('tag:future').noun).toBe('movies set in the future');
    expect(attributePhrase('tag:Cambodia').trait).toEqual({ kind: 'quality', text: 'set in Cambodia' });
    // A decade is when a film is set, not when it was made: The Ice Storm (1997) is tagged "1970s".
    expect(attributePhrase('tag:1970s').noun).toBe('movies set in the 1970s');
    expect(attributePhrase('tag:1970s').trait).toEqual({ kind: 'quality', text: 'set in the 1970s' });
  });

  it('says a film tagged "music" has memorable music, not that it is about music', () => {
    // Viewers tag The Empire Strikes Back "music" for its score: not "a sci-fi action movie about music".
    const music = attributePhrase('tag:music');
    expect(music.trait).toEqual({ kind: 'feature', text: 'memorable music' });
    expect(music.noun).not.toMatch(/\babout music\b/);
  });

  it('says what an item has in words that follow "It has" and "It features"', () => {
    // Not "It has the mafia", "It features a marriage at its heart", "It has a long journey" nor "It explores travel"
    // (of The Hobbit), "a focus on habits".
    expect(attributePhrase('tag:mafia').trait).toEqual({ kind: 'quality', text: 'a mafia movie' });
    expect(attributePhrase('tag:marriage').trait).toEqual({ kind: 'feature', text: 'themes of marriage' });
    expect(attributePhrase('tag:journey', BOOKS_PHRASING).trait).toEqual({ kind: 'quality', text: 'a journey story' });
    expect(attributePhrase('tag:habits', BOOKS_PHRASING).trait).toEqual({ kind: 'feature', text: 'themes of habits' });
    expect(attributePhrase('tag:marriage', BOOKS_PHRASING).trait).toEqual({
      kind: 'feature',
      text: 'themes of marriage',
    });
    // Nor "It has a bond between parent and child", "It deals with drugs" (as if dealing them) or "It deals with
    // writers and writing and obsession": a feature joined with others has no "and" of its own.
    expect(attributePhrase('tag:drugs').trait).toEqual({ kind: 'feature', text: 'themes of drug use' });
    for (const catalog of [builtinCatalog(), builtinBooksCatalog()]) {
      const phrasing = domainPhrasing(catalog);
      for (const { key } of catalog.vocabulary()) {
        const { trait } = attributePhrase(key, phrasing);
        if (trait.kind === 'feature') expect(trait.text, key).not.toMatch(/ and /);
      }
    }
  });

  it("finds a tag's words however it is spelled, and under its plural or its singular", () => {
    expect(attributePhrase('tag:Fast paced').noun).toBe(attributePhrase('tag:fast-paced').noun);
    expect(attributePhrase('tag:Fast paced').trait).toEqual({ kind: 'quality', text: 'fast-paced' });
    for (const form of ['noun', 'more', 'less', 'trait'] as const) {
      expect(attributePhrase('tag:vampire')[form]).toEqual(attributePhrase('tag:vampires')[form]);
    }
    expect(attributePhrase('tag:vampire').noun).toBe('vampire movies');
    expect(attributePhrase('tag:weddings').noun).toBe('wedding movies');
    expect(attributePhrase('tag:wizard').noun).toBe('wizard movies');
  });

  it('has critique forms in both directions, marking the comparative ones', () => {
    expect(attributePhrase('tag:violent').less).toBe('less violent');
    expect(attributePhrase('genre:Sci-Fi').more).toBe('more sci-fi');
    expect(attributePhrase('genre:Documentary').less).toBe('not a documentary');
    expect(attributePhrase('genre:Documentary').lessComparative).toBe(false);
    expect(attributePhrase('genre:Horror').less).toBe('less scary');
    expect(attributePhrase('genre:Horror').lessComparative).toBe(true);
    expect(attributePhrase('cast:Keanu Reeves').less).toBe('without Keanu Reeves');
    expect(attributePhrase('tag:zombies').less).toBe('with fewer zombies');
    expect(isComparative('funnier')).toBe(true);
    expect(isComparative('not by Christopher Nolan')).toBe(false);
  });

  it('has clean words for every attribute of the built-in catalog', () => {
    for (const { key } of builtinCatalog().vocabulary()) {
      const phrase = attributePhrase(key);
      for (const words of [phrase.noun, phrase.more, phrase.less]) {
        expect(words, key).toMatch(/^\S(.*\S)?$/);
        expect(words, key).not.toMatch(/undefined|\s\s/);
      }
      // The built-in vocabulary is hand-phrased: no tag falls back to the generic forms.
      expect(phrase.trait.kind, key).not.toBe('keyword');
    }
  });

  it('rejects a string that is not an attribute key', () => {
    expect(thrown(() => attributePhrase('horror')).code).toBe('INVALID_ARGUMENT');
  });
});

describe('facetPhrase', () => {
  it('names facets in the plural', () => {
    expect(facetPhrase('genre')).toBe('genres');
    expect(facetPhrase('director')).toBe('directors');
    expect(facetPhrase('cast')).toBe('actors');
    expect(facetPhrase('tag')).toBe('kinds of stories');
    expect(facetPhrase('country')).toBe('countries');
  });
});
