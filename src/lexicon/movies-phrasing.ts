import { type GenreWords, MOVIE_GENRE_OTHERS, MOVIE_GENRES } from './genre-words.js';

// Plain data, checked by DomainPhrasingSchema where it is registered (domain-phrasing.ts).
type GenreWordsInput = GenreWords & { others?: readonly string[] };

const genres: Record<string, GenreWordsInput> = {};
for (const [name, words] of Object.entries(MOVIE_GENRES)) {
  const others = MOVIE_GENRE_OTHERS[name];
  genres[name] = { ...words, after: words.after && [...words.after], ...(others ? { others: [...others] } : {}) };
}

/** The movies phrasing: exactly the wording of icer's movie dialogues. */
export const MOVIES = {
  noun: { singular: 'movie', plural: 'movies' },
  altNoun: { singular: 'film', plural: 'films' },
  consume: { base: 'watch', past: 'watched', participle: 'watched', gerund: 'watching' },
  experience: { base: 'see', past: 'saw', participle: 'seen', gerund: 'seeing' },
  consumeNoun: 'watch',
  unconsumable: 'unwatchable',
  occasion: 'movie night',
  audience: 'viewers',
  creator: { singular: 'director', plural: 'directors' },
  made: { past: 'directed', participle: 'directed' },
  performer: { singular: 'actor', plural: 'actors' },
  story: { singular: 'story', plural: 'stories' },
  greetings: ["Hello! Let's talk movies.", 'Hi! Movie time?', 'Hey! Ready for a film?'],
  facets: {
    genre: { kind: 'genre', names: ['genres', 'kinds of movies', 'types of film', 'kinds of film', 'film genres'] },
    director: {
      kind: 'creator',
      names: ['directors', 'filmmakers'],
      nouns: ['films by {value}', 'movies by {value}', "{value}'s films"],
      more: 'by {value}',
      less: 'not by {value}',
    },
    cast: {
      kind: 'performer',
      names: ['actors', 'actors and actresses', 'film stars'],
      nouns: ['movies with {value}', 'films with {value}', 'films starring {value}'],
      more: 'with {value}',
      less: 'without {value}',
    },
    tag: { kind: 'tag', names: ['kinds of stories', 'themes', 'subjects', 'topics'] },
    series: {
      names: ['series', 'film series'],
      // Named as sets ("Star Wars Trilogy"), never as a title alone: "Star Wars" in a text is the film.
      nouns: ['{value} films', '{value} movies'],
      more: 'from the {value}',
      less: 'not from the {value}',
    },
  },
  genres,
} as const;
