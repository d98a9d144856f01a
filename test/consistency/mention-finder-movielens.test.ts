// The mention finder on the real MovieLens ml-latest-small catalog (9,742 titles, among them "It", "Up", "Her",
// "Go", "Heat", "Home Alone", "The Game"). The data is licensed by GroupLens and not part of this repository: it is
// read from ../shared/data/movielens-latest-small/ beside the project, and this suite skips (saying why) without it.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { displayTitle } from '../../src/catalog/item.js';
import type { ItemCatalog } from '../../src/catalog/item-catalog.js';
import { type MentionFinder, mentionFinderFor } from '../../src/consistency/mention-finder.js';
import { loadMovieLens } from '../../src/data/movielens/load-movielens.js';

const DATA_DIR = fileURLToPath(new URL('../../../shared/data/movielens-latest-small/', import.meta.url));
const present = ['movies.csv', 'ratings.csv'].every((name) => existsSync(`${DATA_DIR}${name}`));

if (!present) {
  console.warn(
    `[mention-finder-movielens] SKIPPED: MovieLens ml-latest-small not found at ${DATA_DIR}. The data is not part of ` +
      'this repository because of its license; put the release in ../shared/data/movielens-latest-small/ to run these tests.',
  );
}

// Everyday sentences a user or recommender might say, full of words that are also MovieLens titles.
const ORDINARY = [
  'I love it, go for it, the game was fun at home alone',
  'Hi! I am looking for a movie for tonight, something fun, maybe a comedy.',
  'What genres do you enjoy? How do you feel about horror?',
  'I loved it. It was great, but the ending was sad. Love actually is all you need.',
  'Up in the air, in the heat of the night, her story is the best. Go home.',
  'No thanks, I have seen that one already. Something newer, please, and less violent.',
  'The Game was fun. Home Alone with my kids again. Heat wave outside.',
  'Tell me about it. What is it about? Who is in it? Is it any good? Sounds good to me.',
  'I am not a big fan of Horror. I prefer Drama, Comedy, Romance, Thriller, Sci-Fi and Film-Noir.',
  'Goodbye! Enjoy the movie. Have a nice day. Thank you very much. See you later.',
  'Merry Christmas! We watched it on New Year’s Eve with friends and family.',
  'A thriller set in San Francisco, with a twist ending and lots of dark humor.',
  'It sounds like a great pick for a rainy Sunday night in, honestly.',
  'I would rather see something lighthearted, maybe animated, for the whole family.',
  'Got it. Less violence and more romance, then. Here is another idea.',
  'Version 8.1.2 felt as old as 10,000 BC; it was 3 PM.',
  'Happy New Year! We watched it on the Day of the Dead, and Men in Black kids costumes were everywhere.',
];

describe.skipIf(!present)('MentionFinder on MovieLens', () => {
  let catalog: ItemCatalog;
  let finder: MentionFinder;

  beforeAll(async () => {
    catalog = (await loadMovieLens(DATA_DIR)).catalog;
    finder = mentionFinderFor(catalog);
  });

  it('finds no title in ordinary sentences', () => {
    for (const sentence of ORDINARY) {
      const found = finder
        .findMentions(sentence)
        .map((m) => `${sentence.slice(m.start, m.end)} → ${m.items.join(',')}`);
      expect(found, sentence).toEqual([]);
    }
  });

  it('finds every dated title, exactly once, as the template writes it', () => {
    let checked = 0;
    for (const item of catalog) {
      if (item.year === undefined) continue;
      const text = `Have you seen ${displayTitle(item)}? Did you like it?`;
      const mentions = finder.findMentions(text);
      expect(mentions.length, text).toBe(1);
      expect(mentions[0]?.items, text).toContain(item.id);
      checked++;
    }
    expect(checked).toBeGreaterThan(9_000);
  });

  it('finds every item by its title when the acts name it, lowercased and without its year', () => {
    for (const item of catalog) {
      expect(finder.mentions(item.id, `I'd go for ${item.title.toLowerCase()}, I think.`), item.title).toBe(true);
    }
  });

  it('tells remakes apart by year, and counts a bare remake title as the named one', () => {
    const [older, newer] = catalog.findByTitle('Total Recall').sort((a, b) => (a.year ?? 0) - (b.year ?? 0));
    expect(older && newer).toBeTruthy();
    if (!older || !newer) return;
    expect(finder.findMentions(`${displayTitle(newer)} is a remake.`).map((m) => m.items)).toEqual([[newer.id]]);
    expect(finder.mentions(older.id, `${displayTitle(newer)} is a remake.`)).toBe(false);
    expect(finder.findMentions('Total Recall is great.', [newer.id]).map((m) => m.items)).toEqual([[newer.id]]);
  });

  it('matches the alias of "Seven (a.k.a. Se7en)"', () => {
    const seven = catalog.findByTitle('Seven (1995)')[0];
    expect(seven?.aliases).toContain('Se7en');
    if (!seven) return;
    expect(finder.findMentions('Se7en (1995) is dark.').map((m) => m.items)).toEqual([[seven.id]]);
    expect(finder.mentions(seven.id, 'se7en is dark')).toBe(true);
  });
});
