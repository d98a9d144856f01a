import { describe, expect, it } from 'vitest';
import { ItemCatalog } from '../../src/catalog/item-catalog.js';
import { builtinBooksCatalog } from '../../src/data/builtin/builtin-books-catalog.js';
import { builtinCatalog } from '../../src/data/builtin/builtin-catalog.js';
import type { Turn } from '../../src/dialogue/turn.js';
import { TemplateAdapter } from '../../src/language/template-adapter.js';
import { describeItem } from '../../src/language/templates/describe-templates.js';
import { itemAppositive, itemFact } from '../../src/language/templates/item-facts.js';
import { attributePhrase } from '../../src/lexicon/attribute-phrases.js';
import { domainPhrasing } from '../../src/lexicon/domain-phrasing.js';
import { genreWords } from '../../src/lexicon/genre-words.js';
import { SeededRandom } from '../../src/random/seeded-random.js';

// What the recommender says about a film it names (issue 9, "Less repetition, real variety"): the same facts in the
// forms people use — a genre stacked before the noun or said after it, an era said long or short — and never a genre
// the film lacks.

const catalog = builtinCatalog();
const TOY_STORY = catalog.require(catalog.resolveTitle('Toy Story').id); // Adventure, Animation, Children, Comedy
const DOUBLE_INDEMNITY = catalog.require(catalog.resolveTitle('Double Indemnity').id); // Crime, Film-Noir
const HEAT = catalog.require(catalog.resolveTitle('Heat').id); // Action, Crime, Drama, Thriller
// Directed by Charlie Chaplin, starring Charlie Chaplin, Virginia Cherrill and Harry Myers.
const CITY_LIGHTS = catalog.require(catalog.resolveTitle('City Lights').id);

function said(render: (random: SeededRandom) => string, seeds = 400): string[] {
  return Array.from({ length: seeds }, (_, seed) => render(new SeededRandom(`facts/${seed}`)));
}

// Every phrase that says a genre after the noun, for each genre of the catalog.
const AFTER_PHRASES = catalog
  .vocabulary()
  .filter(({ key }) => key.startsWith('genre:'))
  .map(({ key }) => key.slice('genre:'.length))
  .flatMap((genre) => (genreWords(genre).after ?? []).map((phrase) => ({ genre, phrase })));

describe('item facts', () => {
  it('says the people of a documentary appear in it, never that they star in it or lead its cast', () => {
    const documentaries = catalog
      .items()
      .filter((item) => item.attributes.genre?.includes('Documentary') && (item.attributes.cast ?? []).length > 0);
    expect(documentaries.length).toBeGreaterThan(2);
    const ACTING = /\b(?:stars?|starring|in the lead|cast)\b/;
    for (const item of documentaries) {
      const keys = catalog.attributeKeysOf(item.id);
      const texts = [
        ...said((random) => itemFact(item, catalog, random), 200),
        ...said((random) => itemAppositive(item, catalog, random), 200),
        ...said((random) => describeItem(item, item.title, keys, random), 200),
      ];
      expect(texts.filter((text) => ACTING.test(text))).toEqual([]);
      // The people are still named.
      const person = item.attributes.cast?.[0] as string;
      expect(texts.some((text) => text.includes(person))).toBe(true);
    }
  });

  it('says a documentary, a history or a poem is about its war, never set during it (Shoah was filmed in the 1980s)', () => {
    const books = builtinBooksCatalog();
    const untold = [
      { within: catalog, item: catalog.require('shoah-1985') },
      { within: books, item: books.require('the-waste-land-1922') },
      { within: books, item: books.require('eichmann-in-jerusalem-1963') },
    ];
    for (const { within, item } of untold) {
      const keys = within.attributeKeysOf(item.id);
      const phrasing = domainPhrasing(within);
      const texts = [
        ...said((random) => itemFact(item, within, random), 200),
        ...said((random) => describeItem(item, item.title, keys, random, { phrasing }), 200),
      ];
      expect(texts.filter((text) => /\bset during\b/.test(text))).toEqual([]);
      expect(texts.some((text) => /\babout World War II?\b/.test(text))).toBe(true);
    }
    // A story is set during its war: Saving Private Ryan.
    const ryan = catalog.require(catalog.resolveTitle('Saving Private Ryan').id);
    const keys = catalog.attributeKeysOf(ryan.id);
    expect(
      said((random) => describeItem(ryan, ryan.title, keys, random)).some((text) =>
        /set during World War II/.test(text),
      ),
    ).toBe(true);
  });

  it('never tells as news a tag its title says, in the singular or the plural ("Ghostbusters … It has ghosts.")', () => {
    const told: string[] = [];
    for (const item of catalog.items()) {
      const titleWords = item.title.toLowerCase().split(/[^a-z]+/);
      // A film's series ("Alien Series") is not among the facets a description is given (the policy's describe act).
      const keys = catalog.attributeKeysOf(item.id).filter((key) => !key.startsWith('series:'));
      for (const tag of item.attributes.tag ?? []) {
        const stem = tag.toLowerCase().replace(/s$/, '');
        if (tag.includes(' ') || stem.length < 4 || !titleWords.some((word) => word.startsWith(stem))) continue;
        for (const text of said((random) => describeItem(item, item.title, keys, random), 40))
          if (text.split(item.title).join(' ').toLowerCase().includes(stem)) told.push(text);
      }
    }
    expect(told).toEqual([]);
  });

  it('says a quality, a feature or a theme together with another at times, never as a run of one-fact sentences', () => {
    // "It's set in a small town. It features samurai. It deals with honour." reads as a list of tags.
    const ONE_FACT =
      /^(?:(?:Worth knowing|One thing to know|Something to note): it's|You should know it's|It's|It features|It has|Expect|It deals with|It touches on|It explores) [^,]+\.$/;
    const JOINED =
      /, with | and features |, and it has | and deals with | and touches on |, and it touches on |, and it deals with /;
    let both = 0;
    let together = 0;
    const runs: string[] = [];
    for (const item of catalog.items()) {
      const keys = catalog.attributeKeysOf(item.id);
      const traits = keys.map((key) => attributePhrase(key, domainPhrasing(catalog)).trait.kind);
      if (!traits.includes('quality') || !traits.includes('feature')) continue;
      for (const text of said((random) => describeItem(item, item.title, keys, random), 10)) {
        const sentences = text.split(/(?<=[.!?]) /);
        // Of the item's tags: not what kind of item it is ("It's an animated comedy from …"), nor its other genres.
        const oneFact = sentences.map(
          (sentence) => ONE_FACT.test(sentence) && !JOINED.test(sentence) && !/^It's an? |along the way/.test(sentence),
        );
        if (oneFact.some((fact, at) => fact && oneFact[at + 1] && oneFact[at + 2])) runs.push(text);
        both++;
        if (JOINED.test(sentences.slice(1).join(' '))) together++;
      }
    }
    expect(runs).toEqual([]);
    expect(both).toBeGreaterThan(200);
    // 49% here: three qualities or more are said on their own, and two kinds of fact are said apart at times.
    expect(together / both).toBeGreaterThan(0.4);
  });

  it('says a kind of item with its qualities as one noun phrase: "an epic quest story", not "epic and a quest story"', () => {
    let merged = 0;
    for (const shelf of [catalog, builtinBooksCatalog()]) {
      for (const item of shelf.items()) {
        const keys = shelf.attributeKeysOf(item.id);
        for (const text of said(
          (random) => describeItem(item, item.title, keys, random, { phrasing: domainPhrasing(shelf) }),
          4,
        )) {
          expect(text, text).not.toMatch(/\bIt's [a-z-]+(?:, [a-z-]+)* and an? [a-z-]+(?: [a-z-]+)?\./);
          if (/\bIt's (?:also )?an? [a-z-]+,? [a-z-]+ (?:story|movie|film|tale|anime|hunt)\b/.test(text)) merged++;
        }
      }
    }
    expect(merged).toBeGreaterThan(20);
  });

  it('puts a one-word quality before the kind after a title: "a feel-good musical", not "a musical that\'s feel-good"', () => {
    let before = 0;
    for (const shelf of [catalog, builtinBooksCatalog()]) {
      for (const item of shelf.items()) {
        const qualities = shelf
          .attributeKeysOf(item.id)
          .map((key) => attributePhrase(key, domainPhrasing(shelf)).trait)
          .flatMap((trait) => (trait.kind === 'quality' && /^[a-z-]+$/.test(trait.text) ? [trait.text] : []));
        if (qualities.length === 0) continue;
        // Words of the item's kind ("philosophical" in "a philosophical classic"), which lead it where they are.
        const modifiers = shelf
          .attributeKeysOf(item.id)
          .map((key) => attributePhrase(key, domainPhrasing(shelf)).trait)
          .flatMap((trait) => (trait.kind === 'genre' ? [trait.words.modifier] : []));
        for (const text of said((random) => itemAppositive(item, shelf, random), 12)) {
          for (const quality of qualities) {
            expect(text, text).not.toMatch(new RegExp(`that's ${quality}$`));
            // "A classic" leads: "a classic gothic romantic mystery", not "a gothic classic romantic mystery".
            if (!modifiers.includes(quality)) expect(text, text).not.toMatch(new RegExp(`^an? ${quality} classic `));
            if (new RegExp(`^an? ${quality} `).test(text)) before++;
          }
        }
      }
    }
    expect(before).toBeGreaterThan(20);
  });

  it('says what an item is as people do, "It\'s a crime film", never the stiff "It is a crime film"', () => {
    const texts = [HEAT, TOY_STORY, DOUBLE_INDEMNITY, CITY_LIGHTS].flatMap((item) =>
      said((random) => itemFact(item, catalog, random)),
    );
    expect(texts.filter((text) => /\bIt is an? /.test(text))).toEqual([]);
    expect(texts.filter((text) => /\bIt's an? /.test(text)).length).toBeGreaterThan(100);
  });

  it('names a director who also stars once, and still as the star where the director is not named', () => {
    const texts = [
      ...said((random) => itemFact(CITY_LIGHTS, catalog, random)),
      ...said((random) => itemAppositive(CITY_LIGHTS, catalog, random)),
    ];
    expect(texts.filter((text) => text.split('Charlie Chaplin').length > 2)).toEqual([]);
    // "a comedy starring Charlie Chaplin", "It stars Charlie Chaplin and Virginia Cherrill."
    const asStar = /(starring|with|stars) Charlie Chaplin\b|Charlie Chaplin (and [\w ]+ )?stars?\b/;
    expect(texts.filter((text) => asStar.test(text)).length).toBeGreaterThan(0);
  });

  it('says no bare noun ("a saga") where the phrasing has no words for the item\'s genres, but still its facts', () => {
    const sagas = new ItemCatalog(
      [
        { id: 's1', title: 'Saga One', year: 1984, attributes: { genre: ['fantasy'], author: ['Ursula K. Le Guin'] } },
        { id: 's2', title: 'Saga Two', year: 1990, attributes: { genre: ['mystery'] } },
      ],
      {
        domain: 'sagas',
        phrasing: {
          noun: { singular: 'saga', plural: 'sagas' },
          facets: { author: { kind: 'creator', names: ['authors'] } },
        },
      },
    );
    const one = said((random) => itemAppositive(sagas.require('s1'), sagas, random));
    expect(one).not.toContain('a saga');
    expect(one.some((text) => text === '')).toBe(true);
    // What it does know is still said: its author.
    expect(one.some((text) => text.includes('Ursula K. Le Guin'))).toBe(true);
    expect(said((random) => itemAppositive(sagas.require('s2'), sagas, random)).every((text) => text === '')).toBe(
      true,
    );
    // The built-in catalog has words for every genre: a film's kind is always said.
    expect(said((random) => itemAppositive(HEAT, catalog, random)).every((text) => text !== '')).toBe(true);
  });

  it('has phrases after the noun for most genres', () => {
    expect(new Set(AFTER_PHRASES.map(({ genre }) => genre)).size).toBeGreaterThan(12);
  });

  it('says a genre before the noun or after it, in words of that genre', () => {
    const texts = said((random) => itemAppositive(TOY_STORY, catalog, random));
    expect(texts.some((text) => text.includes('animated family comedy'))).toBe(true);
    expect(texts.some((text) => /animated comedy (for the whole family|for all ages|that kids)/.test(text))).toBe(true);
    const noir = said((random) => itemAppositive(DOUBLE_INDEMNITY, catalog, random));
    expect(noir.some((text) => /crime (film|movie) (with a noir feel|in the noir style)/.test(text))).toBe(true);
  });

  it('never says a genre the film lacks, and adds no second phrase after one that follows the noun', () => {
    for (const item of [TOY_STORY, DOUBLE_INDEMNITY, HEAT]) {
      const genres = new Set(item.attributes.genre ?? []);
      const texts = [
        ...said((random) => itemAppositive(item, catalog, random)),
        ...said((random) => itemFact(item, catalog, random)),
      ];
      for (const text of texts) {
        for (const { genre, phrase } of AFTER_PHRASES) {
          if (!text.includes(phrase)) continue;
          expect(genres.has(genre), `${item.id}: ${text}`).toBe(true);
          const rest = text.slice(text.indexOf(phrase) + phrase.length);
          expect(rest, `${item.id}: ${text}`).toMatch(/^([.,?!]|$)/);
        }
      }
    }
  });

  it("says a year of a century's first decade so that it cannot be read as the century or as the 2000s", () => {
    // "The 1900s" is the century to a reader, and "'00s" the 2000s: a play of 1904 is early in both readings.
    const base = catalog.require(catalog.resolveTitle('City Lights').id);
    for (const [year, wrong] of [
      [1904, /mid-1900s|late-1900s|'00s|\ba 1900s\b/],
      [1808, /mid-1800s|late-1800s|'00s|\ban? 1800s\b/],
    ] as const) {
      const item = { ...base, id: `old-${year}`, year };
      const oldCatalog = new ItemCatalog([item]);
      const texts = said((random) => itemFact(item, oldCatalog, random), 600);
      expect(texts.filter((text) => text.includes(`early-${Math.floor(year / 10) * 10}s`)).length).toBeGreaterThan(0);
      for (const text of texts) expect(text, text).not.toMatch(wrong);
    }
    // The 2000s read as a decade: 2007 is late in it.
    const late = said((random) => itemFact({ ...base, year: 2007 }, catalog, random), 300);
    expect(late.some((text) => /late-2000s/.test(text))).toBe(true);
  });

  it('tells no free-text tag that was the reason for the suggestion ("For inspirational films … tag it inspirational")', () => {
    const base = catalog.require(catalog.resolveTitle('City Lights').id);
    const item = { ...base, id: 'tagged', attributes: { ...base.attributes, tag: ['inspirational', 'quotable'] } };
    const tagged = new ItemCatalog([item], { domain: 'movies' });
    const told = (reasons: ReadonlySet<string>) => [
      ...said((random) => itemFact(item, tagged, random, reasons), 400),
      ...said((random) => itemAppositive(item, tagged, random, reasons), 400),
    ];
    const free = told(new Set());
    expect(free.some((text) => text.includes('inspirational'))).toBe(true);
    const reasoned = told(new Set(['inspirational']));
    expect(reasoned.filter((text) => text.includes('inspirational'))).toEqual([]);
    expect(reasoned.some((text) => text.includes('quotable'))).toBe(true);
  });

  it('says no adjective again that a kind among the tags says: "a dark comedy", never "a dark dark comedy"', () => {
    const base = catalog.require(catalog.resolveTitle('City Lights').id);
    const item = { ...base, id: 'tagged', attributes: { ...base.attributes, tag: ['dark', 'dark comedy'] } };
    const texts = said((random) => describeItem(item, item.title, ['tag:dark', 'tag:dark comedy'], random), 100);
    expect(texts.filter((text) => /\bdark\b[^.]*\bdark\b/.test(text))).toEqual([]);
    expect(texts.every((text) => /\ba dark comedy\b/.test(text))).toBe(true);
  });

  it("describes free-text tags as people's words for the film, never as tags, and leaves out one nobody would say", () => {
    const base = catalog.require(catalog.resolveTitle('City Lights').id);
    const item = { ...base, id: 'tagged', attributes: { ...base.attributes, tag: ['reunion', 'eerie', 'C'] } };
    const keys = ['tag:reunion', 'tag:eerie', 'tag:C'];
    const texts = said((random) => describeItem(item, item.title, keys, random), 200);
    expect(texts.filter((text) => /\btag(?:s|ged)?\b|\bC\b/.test(text))).toEqual([]);
    expect(texts.every((text) => /\bwords\b[^.]*\breunion\b/i.test(text))).toBe(true);
    expect(texts.every((text) => /\b(?:it's|is)(?: also)? eerie\b/i.test(text))).toBe(true);
    // A name among them is listed, not "described with words like King Arthur".
    const named = { ...item, attributes: { ...item.attributes, tag: ['King Arthur', 'reunion'] } };
    const withName = ['tag:King Arthur', 'tag:reunion'];
    const listed = said((random) => describeItem(named, named.title, withName, random), 100);
    expect(listed.every((text) => text.includes('Words people use for it: King Arthur and reunion.'))).toBe(true);
  });

  it('says a year before 1800 as its century ("an 18th-century novel"), never as a decade nobody says', () => {
    const base = catalog.require(catalog.resolveTitle('City Lights').id);
    const item = { ...base, id: 'old-1719', year: 1719 };
    const oldCatalog = new ItemCatalog([item]);
    const texts = [
      ...said((random) => itemFact(item, oldCatalog, random), 300),
      ...said((random) => describeItem(item, item.title, oldCatalog.attributeKeysOf(item.id), random), 100),
    ];
    expect(texts.filter((text) => /\b18th[- ]century\b/.test(text)).length).toBeGreaterThan(0);
    for (const text of texts) expect(text, text).not.toMatch(/1710s|'10s/);
  });

  it('announces a caveat ("Worth knowing: …") only of what is grave or a killing, never of what is light', () => {
    const base = catalog.require(catalog.resolveTitle('City Lights').id);
    const caveat = /\b(?:Worth knowing|One thing to know|Something to note):/;
    const light = {
      ...base,
      id: 'light',
      attributes: { ...base.attributes, tag: ['lighthearted', 'visually stunning'] },
    };
    const lightKeys = ['tag:lighthearted', 'tag:visually stunning'];
    const described = said((random) => describeItem(light, light.title, lightKeys, random), 200);
    expect(described.filter((text) => caveat.test(text))).toEqual([]);
    expect(described.every((text) => /\blighthearted\b/.test(text))).toBe(true);
    const lightCatalog = new ItemCatalog([light], { domain: 'movies' });
    const facts = said((random) => itemFact(light, lightCatalog, random), 400);
    expect(facts.some((text) => /\b(?:lighthearted|visually stunning)\b/.test(text))).toBe(true);
    expect(facts.filter((text) => caveat.test(text))).toEqual([]);
    // A violent film may be announced as one.
    const violent = { ...base, id: 'violent', attributes: { ...base.attributes, tag: ['violent'] } };
    const warned = said((random) => describeItem(violent, violent.title, ['tag:violent'], random), 200);
    expect(warned.some((text) => caveat.test(text))).toBe(true);
  });

  it('tells a quality the user said they like as what they wanted, even when not the reason for the suggestion', () => {
    const base = catalog.require(catalog.resolveTitle('City Lights').id);
    const item = { ...base, id: 'thoughtful', attributes: { ...base.attributes, tag: ['thought-provoking', 'witty'] } };
    const keys = ['tag:thought-provoking', 'tag:witty'];
    const texts = said(
      (random) =>
        describeItem(item, item.title, keys, random, {
          liked: (key) => key === 'tag:thought-provoking',
          suggestedAs: { text: 'Try City Lights (1931).', reasons: [], turnReasons: [] },
        }),
      100,
    );
    const asWanted =
      /\b(?:And yes|to match what you said|as you'd want|what you were after|Good news|up your street|you mentioned it)\b[^.]*\bthought-provoking\b|\bthought-provoking\b[^.]*\b(?:to match what you said|as you'd want|up your street|what you were after)/i;
    expect(texts.filter((text) => !asWanted.test(text))).toEqual([]);
    // The quality they did not speak of is news.
    expect(texts.every((text) => /\bwitty\b/.test(text) && !/\bwitty\b[^.]*\bthought-provoking\b/.test(text))).toBe(
      true,
    );
  });

  it('says "too" once in a description: no "There\'s comedy in it, too. … Good news, too: it has toys."', () => {
    const keys = Object.entries(TOY_STORY.attributes).flatMap(([facet, values]) =>
      facet === 'genre' || facet === 'tag' ? values.map((value) => `${facet}:${value}`) : [],
    );
    const tags = keys.filter((key) => key.startsWith('tag:'));
    expect(tags.length).toBeGreaterThan(0);
    const texts = said(
      (random) => describeItem(TOY_STORY, TOY_STORY.title, keys, random, { liked: (key) => tags.includes(key) }),
      400,
    );
    expect(texts.filter((text) => /\btoo\b/.test(text)).length).toBeGreaterThan(50);
    expect(texts.filter((text) => (text.match(/\b(?:too|as well)\b/g) ?? []).length > 1)).toEqual([]);
  });

  it('says a theme after "deals with" or "about", never as a thing an item has', () => {
    // "Expect mental illness.", "It has grief", "It features themes of loneliness", "a drama about themes of grief".
    let themed = 0;
    for (const books of [catalog, builtinBooksCatalog()]) {
      const phrasing = domainPhrasing(books);
      for (const item of books.items().slice(0, 120)) {
        const keys = (item.attributes.tag ?? []).map((tag) => `tag:${tag}`);
        const themes = keys
          .map((key) => attributePhrase(key, phrasing).trait)
          .flatMap((trait) =>
            trait.kind === 'feature' && trait.text.startsWith('themes of ') ? [trait.text.slice(10)] : [],
          );
        if (themes.length === 0) continue;
        const asThing = new RegExp(
          `\\b(?:Expect|You'll get|You'll find|comes with|has|features|involves) (?:themes of )?(?:${themes.join('|')})\\b`,
        );
        const texts = [
          ...said((random) => itemFact(item, books, random), 40),
          ...said((random) => describeItem(item, item.title, keys, random, { phrasing }), 40),
        ];
        for (const text of texts) {
          expect(text, text).not.toMatch(asThing);
          expect(text, text).not.toMatch(/\b(?:about|deals with|features|involves) themes of\b/);
        }
        if (texts.some((text) => new RegExp(`\\b(?:deals with|about) (?:${themes.join('|')})\\b`).test(text))) themed++;
      }
    }
    expect(themed).toBeGreaterThan(20);
  });

  it('says a quality once, not again after a kind of item that says it ("a philosophical novel. It\'s philosophical")', () => {
    const books = builtinBooksCatalog();
    const phrasing = domainPhrasing(books);
    let checked = 0;
    for (const item of books.items()) {
      const keys = (item.attributes.tag ?? []).map((tag) => `tag:${tag}`);
      const qualities = keys
        .map((key) => attributePhrase(key, phrasing).trait)
        .flatMap((trait) => (trait.kind === 'quality' ? [trait.text] : []));
      if (qualities.length === 0) continue;
      checked++;
      const all = [...(item.attributes.genre ?? []).map((genre) => `genre:${genre}`), ...keys];
      const texts = [
        ...said((random) => itemFact(item, books, random), 20),
        ...said((random) => describeItem(item, item.title, all, random, { phrasing }), 20),
      ];
      for (const text of texts)
        for (const quality of qualities) expect(text.split(quality).length, text).toBeLessThanOrEqual(2);
    }
    expect(checked).toBeGreaterThan(20);
  });

  it('says no quality in another form of a genre word just said ("a philosophy book. It\'s philosophical")', () => {
    const books = builtinBooksCatalog();
    const phrasing = domainPhrasing(books);
    const stem = (word: string) => word.toLowerCase().slice(0, 6);
    let checked = 0;
    for (const item of books.items()) {
      const genres = (item.attributes.genre ?? []).flatMap((genre) => genre.toLowerCase().split(/[\s-]+/));
      const keys = (item.attributes.tag ?? []).map((tag) => `tag:${tag}`);
      // Qualities with a word of a genre's stem in another form: "philosophical" of Philosophy, "historical" of History.
      const alike = keys
        .map((key) => attributePhrase(key, phrasing).trait)
        .flatMap((trait) => (trait.kind === 'quality' ? trait.text.toLowerCase().split(/[\s-]+/) : []))
        .filter((word) => word.length >= 8 && genres.some((genre) => genre !== word && stem(genre) === stem(word)));
      if (alike.length === 0) continue;
      checked++;
      const all = [...(item.attributes.genre ?? []).map((genre) => `genre:${genre}`), ...keys];
      for (const text of said((random) => describeItem(item, item.title, all, random, { phrasing }), 20)) {
        const words = text.toLowerCase().split(/[^a-z]+/);
        for (const word of alike)
          if (words.some((other) => other !== word && stem(other) === stem(word)))
            expect(words, text).not.toContain(word);
      }
    }
    expect(checked).toBeGreaterThan(5);
  });

  it('says the maker "as I said" only when the suggestion named them, not when the title holds the name', () => {
    const books = builtinBooksCatalog();
    const phrasing = domainPhrasing(books);
    const douglass = books.require(
      books.resolveTitle('Narrative of the Life of Frederick Douglass, an American Slave').id,
    );
    const keys = books.attributeKeysOf(douglass.id);
    const answers = (suggestion: string) =>
      said(
        (random) =>
          describeItem(douglass, douglass.title, keys, random, {
            phrasing,
            suggestedAs: { text: suggestion, reasons: [], turnReasons: [] },
          }),
        100,
      );
    const again = /\b(?:as I said|as I mentioned|like I said)\b/;
    expect(answers(`Try ${douglass.title} (1845).`).filter((text) => again.test(text))).toEqual([]);
    expect(answers(`Try ${douglass.title} (1845), by Frederick Douglass.`).some((text) => again.test(text))).toBe(true);
  });

  it('names at most two genres before a genre noun, and the rest as what the item mixes in', () => {
    const film = catalog.require(catalog.resolveTitle('Apocalypse Now').id);
    const keys = catalog.attributeKeysOf(film.id).filter((key) => key.startsWith('genre:'));
    expect(keys).toEqual(expect.arrayContaining(['genre:War', 'genre:Action', 'genre:Drama']));
    const texts = said((random) => describeItem(film, film.title, keys, random), 100);
    // Not "a war action drama".
    expect(texts.filter((text) => /\bwar action drama\b/.test(text))).toEqual([]);
    expect(texts.every((text) => /\bwar drama\b/.test(text) && /\baction\b/.test(text))).toBe(true);
    // Adjectives stack, and two genres before a plain noun read as one: "an animated family comedy".
    const toy = catalog.require(catalog.resolveTitle('Toy Story').id);
    const toyTexts = said(
      (random) =>
        describeItem(
          toy,
          toy.title,
          catalog.attributeKeysOf(toy.id).filter((k) => k.startsWith('genre:')),
          random,
        ),
      50,
    );
    expect(toyTexts.some((text) => /\banimated family comedy\b/.test(text))).toBe(true);
    // "Dramatic" goes before a head only alone: The Apartment is "a romantic comedy" with drama in it, not "a
    // dramatic romantic comedy".
    const comedy = catalog.require(catalog.resolveTitle('The Apartment').id);
    const comedyKeys = catalog.attributeKeysOf(comedy.id).filter((key) => key.startsWith('genre:'));
    expect(comedyKeys).toEqual(expect.arrayContaining(['genre:Comedy', 'genre:Drama', 'genre:Romance']));
    const comedyTexts = said((random) => describeItem(comedy, comedy.title, comedyKeys, random), 50);
    expect(comedyTexts.filter((text) => /\bdramatic \w+ comedy\b/.test(text))).toEqual([]);
    expect(comedyTexts.every((text) => /\bromantic comedy\b/.test(text) && /\bdrama\b/.test(text))).toBe(true);
    // Its place goes to a third genre that stacks with the other: Life Is Beautiful is "a romantic war comedy", never "a
    // romantic comedy" that hides its war, in a description or after its title. Pulp Fiction stays "a crime thriller"
    // with comedy and drama in it: "a comedy crime thriller" would pile two nouns up.
    const life = catalog.require(catalog.resolveTitle('Life Is Beautiful').id);
    const lifeKeys = catalog.attributeKeysOf(life.id).filter((key) => key.startsWith('genre:'));
    expect(lifeKeys).toEqual(['genre:Comedy', 'genre:Drama', 'genre:Romance', 'genre:War']);
    const lifeTexts = said((random) => describeItem(life, life.title, lifeKeys, random), 50);
    expect(lifeTexts.every((text) => /\bromantic war comedy\b/.test(text) && /\bdrama\b/.test(text))).toBe(true);
    const labels = said((random) => itemAppositive(life, catalog, random), 100);
    expect(labels.filter((label) => !/\bwar(?:time)?\b/.test(label))).toEqual([]);
    const pulp = catalog.require(catalog.resolveTitle('Pulp Fiction').id);
    const pulpKeys = catalog.attributeKeysOf(pulp.id).filter((key) => key.startsWith('genre:'));
    const pulpTexts = said((random) => describeItem(pulp, pulp.title, pulpKeys, random), 50);
    expect(pulpTexts.filter((text) => !/\bcrime thriller\b/.test(text))).toEqual([]);
    // "Sci-fi" and "noir" are said as adjectives, and stack too: The Thing is "a sci-fi horror mystery", not a horror
    // mystery with "some sci-fi along the way".
    for (const [title, kind] of [
      ['The Thing', /\bsci-fi horror mystery\b/],
      ['Blade Runner', /\bsci-fi action thriller\b/],
    ] as const) {
      const film = catalog.require(catalog.resolveTitle(title).id);
      const genres = catalog.attributeKeysOf(film.id).filter((key) => key.startsWith('genre:'));
      const kinds = said((random) => describeItem(film, film.title, genres, random), 50);
      expect(kinds.filter((text) => !kind.test(text))).toEqual([]);
    }
  });

  it('says a graphic novel was created by its writer and artist, never written by both', () => {
    const books = builtinBooksCatalog();
    const phrasing = domainPhrasing(books);
    const watchmen = books.require(books.resolveTitle('Watchmen').id);
    expect(watchmen.attributes.author).toEqual(['Alan Moore', 'Dave Gibbons']);
    const keys = books.attributeKeysOf(watchmen.id);
    const texts = [
      ...said((random) => describeItem(watchmen, watchmen.title, keys, random, { phrasing }), 200),
      ...said((random) => itemFact(watchmen, books, random), 200),
      ...said((random) => itemAppositive(watchmen, books, random), 200),
    ];
    expect(texts.filter((text) => /\b(?:wrote|written)\b/.test(text))).toEqual([]);
    expect(texts.some((text) => /\bcreated\b/.test(text))).toBe(true);
    // Named so by the suggestion, the makers are said again as what was said, not as news.
    const suggestedAs = {
      text: 'Try Watchmen (1987). Alan Moore and Dave Gibbons created it.',
      reasons: [],
      turnReasons: [],
    };
    const again = said(
      (random) => describeItem(watchmen, watchmen.title, keys, random, { phrasing, suggestedAs }),
      100,
    );
    expect(again.some((text) => /\b(?:as I said|as I mentioned|like I said)\b/.test(text))).toBe(true);
    // A novel is still written.
    const dune = books.require(books.resolveTitle('Dune').id);
    expect(
      said((random) => itemFact(dune, books, random), 200).some((text) => /\b(?:wrote|written)\b/.test(text)),
    ).toBe(true);
  });

  it('calls a book of short stories or a novella what it is, never a novel that is also one', () => {
    const books = builtinBooksCatalog();
    const phrasing = domainPhrasing(books);
    for (const [title, form] of [
      ['I, Robot', 'short story collection'],
      ['Dubliners', 'short story collection'],
      ['Coraline', 'novella'],
      ['The Old Man and the Sea', 'novella'],
    ] as const) {
      const item = books.require(books.resolveTitle(title).id);
      const keys = books.attributeKeysOf(item.id);
      const texts = [
        ...said((random) => describeItem(item, item.title, keys, random, { phrasing }), 100),
        ...said((random) => itemFact(item, books, random), 100),
        ...said((random) => itemAppositive(item, books, random), 100),
      ];
      expect(texts.filter((text) => /\bnovel\b|\balso an? (?:novella|short story)/.test(text))).toEqual([]);
      expect(texts.some((text) => text.includes(form))).toBe(true);
    }
  });

  it('calls a classic that no other genre names a classic: The Magic Mountain is no "classic philosophy book"', () => {
    const books = builtinBooksCatalog();
    const phrasing = domainPhrasing(books);
    for (const [title, kind] of [
      ['The Magic Mountain', 'a philosophical classic'],
      ['Siddhartha', 'a philosophical classic'],
      ['Black Beauty', "a children's classic"],
      ['Don Quixote', 'a humorous classic'],
      ['The Red and the Black', 'a classic'],
    ] as const) {
      const item = books.require(books.resolveTitle(title).id);
      const keys = books.attributeKeysOf(item.id);
      const texts = [
        ...said((random) => describeItem(item, item.title, keys, random, { phrasing }), 100),
        ...said((random) => itemAppositive(item, books, random), 100),
      ];
      expect(texts.filter((text) => /philosophy book|\bclassic (?:[a-z']+ )?book\b/.test(text))).toEqual([]);
      expect(texts.some((text) => text.includes(`${kind}.`) || text.includes(`${kind} `))).toBe(true);
    }
  });

  it('says no bare "a classic" after a title, a verdict rather than a kind, but still "It\'s a classic."', () => {
    const books = builtinBooksCatalog();
    // Its only genre is Classics.
    const item = books.require(books.resolveTitle('The Red and the Black').id);
    const appositives = said((random) => itemAppositive(item, books, random));
    expect(appositives.filter((text) => text === 'a classic')).toEqual([]);
    expect(appositives.some((text) => text !== '')).toBe(true);
    expect(said((random) => itemFact(item, books, random)).some((text) => /\ba classic\./.test(text))).toBe(true);
  });

  it('says the maker "as I said" only when the suggestion named them as the maker, not as cast or a liking', () => {
    const kane = catalog.require(catalog.resolveTitle('Citizen Kane').id);
    const keys = catalog.attributeKeysOf(kane.id);
    const answers = (text: string, reasons: string[]) =>
      said(
        (random) =>
          describeItem(kane, kane.title, keys, random, { suggestedAs: { text, reasons, turnReasons: reasons } }),
        100,
      );
    const again = /\b(?:as I said|as I mentioned|like I said)\b/;
    const asCast = [
      answers('For movies with Orson Welles, try Citizen Kane (1941).', ['cast:Orson Welles']),
      answers('Try Citizen Kane (1941). Orson Welles stars in it.', []),
      answers('Try Citizen Kane (1941), starring Orson Welles and Joseph Cotten.', []),
    ].flat();
    expect(asCast.filter((text) => again.test(text))).toEqual([]);
    for (const suggestion of [
      'Try Citizen Kane (1941), from director Orson Welles.',
      "Try Citizen Kane (1941), Orson Welles's mystery drama.",
      'Try Citizen Kane (1941). Orson Welles directed it.',
    ])
      expect(answers(suggestion, []).some((text) => again.test(text))).toBe(true);
  });

  it('tells no cast as news that the suggestion told as a fact, but does when it named them as a liking', () => {
    const fistful = catalog.require(catalog.resolveTitle('A Fistful of Dollars').id);
    const keys = catalog.attributeKeysOf(fistful.id);
    const answers = (text: string, reasons: string[]) =>
      said(
        (random) =>
          describeItem(fistful, fistful.title, keys, random, { suggestedAs: { text, reasons, turnReasons: reasons } }),
        100,
      );
    const told = answers('Try A Fistful of Dollars (1964). Clint Eastwood stars in it.', []);
    expect(told.filter((text) => text.includes('Clint Eastwood'))).toEqual([]);
    const liked = answers('For movies with Clint Eastwood, try A Fistful of Dollars (1964).', ['cast:Clint Eastwood']);
    expect(liked.some((text) => text.includes('Clint Eastwood'))).toBe(true);
    // A maker who also acts was told as the maker: the rest of the cast is still news ("with Virginia Cherrill").
    const cityLights = said(
      (random) =>
        describeItem(CITY_LIGHTS, CITY_LIGHTS.title, catalog.attributeKeysOf(CITY_LIGHTS.id), random, {
          suggestedAs: { text: "Try City Lights (1931). It's from Charlie Chaplin.", reasons: [], turnReasons: [] },
        }),
      100,
    );
    expect(cityLights.some((text) => text.includes('Virginia Cherrill'))).toBe(true);
  });

  it('describes a maker who stars as the star, and the rest of the cast never as the star', () => {
    const kane = catalog.require('citizen-kane-1941');
    const kaneKeys = [
      'genre:Drama',
      'genre:Mystery',
      'director:Orson Welles',
      'cast:Orson Welles',
      'cast:Joseph Cotten',
    ];
    const texts = said((random) => describeItem(kane, kane.title, kaneKeys, random));
    // Not "Citizen Kane is a mystery drama directed by Orson Welles, starring Joseph Cotten."
    const cottenStars = /starring Joseph Cotten|Joseph Cotten (?:stars|star in|in the lead)/;
    expect(texts.filter((text) => cottenStars.test(text))).toEqual([]);
    expect(texts.every((text) => text.includes('Orson Welles'))).toBe(true);
    const wellesStars = /and starring Orson Welles|Orson Welles, who also stars|Orson Welles directed and stars in/;
    expect(texts.filter((text) => wellesStars.test(text)).length).toBeGreaterThan(texts.length / 2);
    // When only one of two makers stars (Gene Kelly, not Stanley Donen), the cast says so: Donen is never the star.
    const rain = catalog.require('singin-in-the-rain-1952');
    const rainKeys = [
      'genre:Musical',
      'director:Stanley Donen',
      'director:Gene Kelly',
      'cast:Gene Kelly',
      "cast:Donald O'Connor",
    ];
    const rainTexts = said((random) => describeItem(rain, rain.title, rainKeys, random));
    expect(rainTexts.filter((text) => /starring Stanley Donen|who also star\b/.test(text))).toEqual([]);
    expect(
      rainTexts.filter((text) => /Gene Kelly and Donald O'Connor|Gene Kelly.* in the lead/.test(text)).length,
    ).toBe(rainTexts.filter((text) => /Donald O'Connor/.test(text)).length);
  });

  it('says a tag is something the item deals with, never what it is really about', () => {
    const moonlight = catalog.require(catalog.resolveTitle('Moonlight').id);
    const keys = catalog.attributeKeysOf(moonlight.id);
    const texts = said((random) => describeItem(moonlight, moonlight.title, keys, random));
    // Not "Moonlight … Underneath, it's about drugs."
    expect(texts.filter((text) => /\b(?:at heart|underneath|real subject)\b/i.test(text))).toEqual([]);
    expect(texts.filter((text) => /\b(?:deals with|touches on|explores)\b/.test(text)).length).toBeGreaterThan(0);
  });

  it('says two single facts of its tags in one sentence, not two short ones opening alike', () => {
    const metropolis = catalog.require('metropolis-1927');
    const keys = ['genre:Sci-Fi', 'tag:robots', 'tag:class struggle'];
    const texts = said((random) => describeItem(metropolis, metropolis.title, keys, random), 200);
    // "It has robots. It deals with class struggle." reads as a list of tags.
    expect(texts.filter((text) => /\bIt [^.]*robots\. It /.test(text) || /\bclass struggle\. It /.test(text))).toEqual(
      [],
    );
    expect(texts.every((text) => /robots[^.]* class struggle|class struggle[^.]* robots/.test(text))).toBe(true);
  });

  it('tells no tag as news that the suggestion told as a fact, nor one it gave as a liking, which it confirms', () => {
    const sleep = catalog.require('the-big-sleep-1946');
    const keys = ['genre:Film-Noir', 'tag:private detective', 'tag:los angeles'];
    const answers = (text: string, reasons: string[]) =>
      said(
        (random) =>
          describeItem(sleep, sleep.title, keys, random, { suggestedAs: { text, reasons, turnReasons: reasons } }),
        100,
      );
    const told = answers("To match your interest in noir, I picked The Big Sleep (1946). It's set in Los Angeles.", [
      'genre:Film-Noir',
    ]);
    expect(told.filter((text) => text.includes('Los Angeles'))).toEqual([]);
    expect(told.every((text) => text.includes('private-eye story'))).toBe(true);
    const liked = answers('For movies set in Los Angeles, try The Big Sleep (1946).', ['tag:los angeles']);
    expect(liked.every((text) => text.includes('set in Los Angeles'))).toBe(true);
    // Told, but as what the user asked for: "And yes, it's set in Los Angeles.", not "Worth knowing: it's set in …".
    expect(
      liked.filter(
        (text) =>
          !/\b(?:And yes|to match what you said|as you'd want|what you were after|Good news|up your street|you mentioned it)\b/i.test(
            text,
          ),
      ),
    ).toEqual([]);
    // Confirmed, never welcomed, when it is grave: not "As you'd want, it's set during World War II."
    const life = catalog.require(catalog.resolveTitle('Life Is Beautiful').id);
    const grave = said(
      (random) =>
        describeItem(life, life.title, ['genre:Comedy', 'tag:world war ii'], random, {
          suggestedAs: {
            text: 'For films set in World War II, try Life Is Beautiful (1997).',
            reasons: ['tag:world war ii'],
            turnReasons: ['tag:world war ii'],
          },
        }),
      100,
    );
    const confirmed = /\b(?:And yes, |to match what you said\.|And, to match what you said, )/;
    expect(grave.filter((text) => !confirmed.test(text))).toEqual([]);
    expect(grave.filter((text) => /as you'd want|Good news|up your street|what you were after/i.test(text))).toEqual(
      [],
    );
    // Nor said three times: "Try Primer (2004) for time travel. It has time travel." … "Good news: it has time travel."
    const thrice = said(
      (random) =>
        describeItem(sleep, sleep.title, keys, random, {
          suggestedAs: {
            text: 'For movies set in Los Angeles, try The Big Sleep (1946). It is set in Los Angeles.',
            reasons: ['tag:los angeles'],
            turnReasons: ['tag:los angeles'],
            after: ' (1946). It is set in Los Angeles.',
          },
        }),
      100,
    );
    expect(thrice.filter((text) => text.includes('Los Angeles'))).toEqual([]);
  });

  it('says a kind that was all the reason for a suggestion as why it was picked, not as news', () => {
    // A MovieLens film may have nothing but its genre: "Since war films came up, try Objective, Burma! (1945)." was
    // answered "Objective, Burma! (1945) is a war film.", which tells nothing the suggestion had not.
    const burma = new ItemCatalog(
      [{ id: 'burma', title: 'Objective, Burma!', year: 1945, attributes: { genre: ['War'] } }],
      {
        domain: 'movies',
      },
    ).require('burma');
    const answers = (reasons: string[]) =>
      said(
        (random) =>
          describeItem(burma, 'Objective, Burma! (1945)', ['genre:War'], random, {
            suggestedAs: {
              text: "Since war films came up, I'd recommend Objective, Burma! (1945).",
              reasons,
              turnReasons: reasons,
            },
          }),
        100,
      );
    const why =
      /\b(?:why I|why it|made me think of|came to mind|came up|a fit for|reason|drew me|what you described)\b/;
    expect(answers(['genre:War']).filter((text) => !why.test(text))).toEqual([]);
    expect(answers(['genre:War']).every((text) => /\bwar (?:film|movie)\b/.test(text))).toBe(true);
    // Suggested for something else, what kind of film it is is news.
    expect(answers(['genre:Drama']).filter((text) => why.test(text))).toEqual([]);
    // The era is no reason: not "a mid-1940s war film, which is why I picked it".
    const undated = said(
      (random) =>
        describeItem(burma, 'Objective, Burma!', ['genre:War'], random, {
          suggestedAs: {
            text: "Since war films came up, I'd recommend Objective, Burma!.",
            reasons: ['genre:War'],
            turnReasons: ['genre:War'],
          },
        }),
      100,
    );
    expect(undated.filter((text) => /\d{2}s\b/.test(text))).toEqual([]);
  });

  it('says a film is one for fans of a name apart from its other qualities, never inside its kind', () => {
    const fight = new ItemCatalog(
      [
        {
          id: 'fight',
          title: 'Fight Club',
          year: 1999,
          attributes: { genre: ['Drama'], tag: ['heist', 'Brad Pitt', 'dark'] },
        },
      ],
      { domain: 'movies' },
    ).require('fight');
    const keys = ['genre:Drama', 'tag:heist', 'tag:Brad Pitt', 'tag:dark'];
    const texts = said((random) => describeItem(fight, fight.title, keys, random));
    expect(texts.every((text) => text.includes('one for fans of Brad Pitt'))).toBe(true);
    // Not "it's also a one for fans of Brad Pitt, dark heist movie".
    expect(texts.filter((text) => /\ba one for|Brad Pitt, dark/.test(text))).toEqual([]);
    // Last of its qualities: "It's also a classic and one for fans of Star Wars".
    const rings = new ItemCatalog(
      [
        {
          id: 'lotr',
          title: 'The Lord of the Rings',
          year: 1978,
          attributes: { genre: ['Animation'], tag: ['Star Wars', 'classic'] },
        },
      ],
      { domain: 'movies' },
    ).require('lotr');
    const lastly = said((random) =>
      describeItem(rings, rings.title, ['genre:Animation', 'tag:Star Wars', 'tag:classic'], random),
    );
    expect(lastly.every((text) => /a classic and one for fans of Star Wars\./.test(text))).toBe(true);
  });

  it('says the kind the suggestion gave the item as the one mentioned, and no kind said of another item', () => {
    const adapter = new TemplateAdapter();
    const exorcist = catalog.resolveTitle('The Exorcist').id;
    const halloween = catalog.resolveTitle('Halloween').id;
    const suggested = (text: string, items: string[]): Turn => ({
      index: 0,
      speaker: 'assistant',
      acts: [{ type: 'recommend', items, reasons: [] }],
      text,
    });
    const answers = (history: Turn[], keys = ['genre:Horror', 'director:William Friedkin']) =>
      Array.from({ length: 60 }, (_, seed) =>
        adapter.verbalizeSync({
          speaker: 'assistant',
          acts: [{ type: 'describe-item', items: [exorcist], attributes: keys }],
          history,
          catalog,
          random: new SeededRandom(`told/${seed}`),
        }),
      );
    const news = /\b(?:is|It's) an? (?:early-1970s )?horror (?:film|movie)\b/;
    const told = answers([suggested('For supernatural stories, try The Exorcist (1973), a horror film.', [exorcist])]);
    expect(told.filter((text) => news.test(text))).toEqual([]);
    expect(told.every((text) => text.includes('the horror film I mentioned'))).toBe(true);
    // Set off from what follows it: "the horror film I mentioned, by William Friedkin".
    expect(told.filter((text) => / I mentioned [a-z]/.test(text))).toEqual([]);
    // Kind and maker told alike: both under one "as I said".
    const both = answers([suggested('Try The Exorcist (1973), a horror film by William Friedkin.', [exorcist])]);
    expect(
      both.every((text) =>
        /^(?:As|Like) I said, The Exorcist is a horror (?:film|movie) (?:from|by) William Friedkin/.test(text),
      ),
    ).toBe(true);
    // The kind said of the other film of the slate says nothing of this one.
    const other = answers(
      [suggested('Try Halloween (1978), a horror film, or The Exorcist (1973).', [halloween, exorcist])],
      ['genre:Horror'],
    );
    expect(other.filter((text) => text.includes('I mentioned'))).toEqual([]);
    expect(other.some((text) => news.test(text))).toBe(true);
    // Nor what it said of a film whose title begins with this one's: "The Godfather Part II (1974), a crime drama".
    const godfather = catalog.require('the-godfather-1972');
    const sequel = 'the-godfather-part-ii-1974';
    const prefixed = Array.from({ length: 60 }, (_, seed) =>
      adapter.verbalizeSync({
        speaker: 'assistant',
        acts: [{ type: 'describe-item', items: [godfather.id], attributes: ['genre:Crime', 'genre:Drama'] }],
        history: [
          suggested('Try The Godfather Part II (1974), a crime drama, or The Godfather (1972).', [
            sequel,
            godfather.id,
          ]),
        ],
        catalog,
        random: new SeededRandom(`prefix/${seed}`),
      }),
    );
    expect(prefixed.filter((text) => text.includes('I mentioned'))).toEqual([]);
  });

  it('says "heart" in a theme\'s frame only where neither the title nor a tag says it', () => {
    const hearts = (text: string) => text.match(/\bheart\b/gi)?.length ?? 0;
    let checked = 0;
    for (const shelf of [catalog, builtinBooksCatalog()]) {
      const phrasing = domainPhrasing(shelf);
      for (const item of shelf.items()) {
        const keys = shelf.attributeKeysOf(item.id);
        const tagHearts = keys.reduce(
          (sum, key) => sum + hearts(JSON.stringify(attributePhrase(key, phrasing).trait)),
          0,
        );
        const allowed = Math.max(1, hearts(item.title) + tagHearts);
        if (hearts(item.title) + tagHearts > 0) checked++;
        for (const text of said((random) => describeItem(item, item.title, keys, random, { phrasing }), 20))
          expect(hearts(text), text).toBeLessThanOrEqual(allowed);
      }
    }
    expect(checked).toBeGreaterThan(2);
  });

  it('says no bare kind of item once its reason named the genres ("It\'s a book, and it\'s philosophical")', () => {
    const books = builtinBooksCatalog();
    for (const item of books.items().slice(0, 60)) {
      const said = new Set(item.attributes.genre ?? []);
      for (let seed = 0; seed < 30; seed++) {
        const text = itemFact(item, books, new SeededRandom(`bare/${seed}`), said);
        expect(text, text).not.toMatch(/\bIt(?:'s| is) an? (?:book|read|title)\b/);
      }
    }
  });

  it('says the era in the forms people use, and "from the …" only at the end of a sentence', () => {
    const texts = said((random) => itemFact(HEAT, catalog, random), 1500);
    const eras = new Set(texts.flatMap((text) => text.match(/mid-1990s|mid-'90s|1990s/g) ?? []));
    expect([...eras].sort()).toEqual(['1990s', "mid-'90s", 'mid-1990s']);
    for (const text of texts) {
      if (text.includes('from the mid')) expect(text, text).toMatch(/from the mid-(1990s|'90s)\.$/);
    }
  });
});
