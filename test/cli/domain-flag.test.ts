import { describe, expect, it } from 'vitest';
import { builtinBooksCatalog } from '../../src/data/builtin/builtin-books-catalog.js';
import { cli } from '../helpers/cli-harness.js';

// Written apart from the phrasing: any word of the film domain, in any form.
const FILM_WORDS =
  /\b(films?|movies?|cinema|watch(es|ed|ing)?|director(s|'s)?|screen(ing)?|starring|cast|caught|popcorn|viewing|put on|putting on|lights off)\b/i;

const records = (text: string) =>
  text
    .split('\n')
    .filter(Boolean)
    .map(
      (line) =>
        JSON.parse(line) as {
          domain: string;
          user: { liked: string[] };
          turns: { text: string; acts: { items: string[] }[] }[];
        },
    );

describe('icer generate --domain', () => {
  it('speaks of books, never of films, with users of the books catalog', async () => {
    const run = await cli([
      'generate',
      '--domain',
      'books',
      '--count',
      '150',
      '--seed',
      '4',
      '--quiet',
      '--workers',
      '1',
    ]);
    expect(run.code, run.stderr).toBe(0);
    const dialogues = records(run.stdout);
    expect(dialogues).toHaveLength(150);
    const books = builtinBooksCatalog();
    for (const dialogue of dialogues) {
      expect(dialogue.domain).toBe('books');
      for (const item of dialogue.user.liked) expect(books.has(item)).toBe(true);
      for (const turn of dialogue.turns) {
        // Titles are the books' own words ("I'd put On Chesil Beach on your list" is no "put on").
        let text = turn.text;
        for (const act of turn.acts) for (const id of act.items) text = text.replaceAll(books.require(id).title, '');
        expect(text).not.toMatch(FILM_WORDS);
      }
    }
    const profiles = await cli(['profiles', '--domain', 'books', '--count', '5']);
    expect(profiles.code).toBe(0);
    for (const line of profiles.stdout.split('\n').filter(Boolean)) {
      for (const { item } of JSON.parse(line).liked as { item: string }[]) expect(books.has(item)).toBe(true);
    }
  });

  it('is refused beside a catalog of your own, and names the domains it has', async () => {
    expect((await cli(['generate', '--domain', 'books', '--catalog', 'x.json'])).stderr).toMatch(
      /--domain picks a built-in catalog; --catalog brings its own/,
    );
    const unknown = await cli(['generate', '--domain', 'podcasts']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/movies.*books/);
  });
});
