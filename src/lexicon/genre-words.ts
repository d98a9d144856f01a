import type { Made } from './made-verbs.js';

/** How one genre reads in a sentence. */
export interface GenreWords {
  /** Fits "I love ___" and "How do you feel about ___?": "sci-fi", "comedies", "family films". */
  readonly noun: string;
  /** Asking for more of it, after "something like X, but ___": "funnier", "more sci-fi". */
  readonly more: string;
  /** Asking for less of it: "less scary", "not a documentary". */
  readonly less: string;
  /** Before a noun when describing an item: "sci-fi" in "a sci-fi action film", "romantic" in "a romantic comedy". */
  readonly modifier: string;
  /** The noun a description can end on ("comedy" in "a romantic comedy"); absent when the genre only modifies. */
  readonly head?: string;
  /** A mass noun for "with elements of ___": "adventure", "family fun". */
  readonly element: string;
  /** Where the modifier goes among others: lower first ("an animated family comedy", not "a family animated …"). */
  readonly rank: number;
  /** When several genres could end a description, the lowest wins: "a crime drama" rather than "a … drama crime". */
  readonly headRank: number;
  /**
   * Phrases that follow a kind of film and say it has this genre, for a speaker who puts the genre after the noun
   * rather than stacking it in front: "for the whole family" in "an animated comedy for the whole family", "with a
   * noir feel" in "a crime thriller with a noir feel". Absent where only the modifier reads right ("animated").
   */
  readonly after?: readonly string[];
  /**
   * False for a genre whose items tell no story (documentaries, non-fiction, poetry): nobody asks "What's the story
   * in …?" or "What's the premise of …?" about them.
   */
  readonly tellsStory?: boolean;
  /**
   * With `tellsStory: false`, true when some of its items do tell one: The Iliad is a poem and a story, a book of
   * lyrics only a poem.
   */
  readonly mayTellStory?: boolean;
  /**
   * True for a genre that is how items are made, not a degree of anything: "like Clueless, but animated" asks for
   * another film, and no user asks for it.
   */
  readonly medium?: boolean;
  /**
   * True for a genre whose modifier is said before a head only on its own: "a dramatic thriller", but "a crime
   * thriller" with drama in it, not "a dramatic crime thriller" (nor "a dramatic romantic comedy").
   */
  readonly modifiesAlone?: boolean;
  /**
   * How an item of this genre's making is said, where the domain's verb would be wrong: a graphic novel is "created
   * by" its writer and artist, never "written by" both.
   */
  readonly made?: Made;
}

const NO_HEAD = 99;

// The MovieLens genre names (also the built-in catalog's). Every phrase here was read aloud in the templates'
// frames ("I love ___", "something like X, but ___", "a ___ film") before it went in.
export const MOVIE_GENRES: Readonly<Record<string, GenreWords>> = {
  Action: {
    noun: 'action movies',
    more: 'more action-packed',
    less: 'less action-heavy',
    modifier: 'action',
    element: 'action',
    // "An action adventure film", as people say "action-adventure", not "an adventure action film".
    rank: 11,
    headRank: NO_HEAD,
    after: ['with plenty of action', 'packed with action'],
  },
  Adventure: {
    noun: 'adventure movies',
    more: 'more adventurous',
    less: 'less of an adventure',
    modifier: 'adventure',
    element: 'adventure',
    rank: 12,
    headRank: NO_HEAD,
    after: ['with a real sense of adventure', 'full of adventure'],
  },
  Animation: {
    noun: 'animated films',
    more: 'animated',
    less: 'not animated',
    modifier: 'animated',
    element: 'animation',
    rank: 0,
    headRank: NO_HEAD,
    medium: true,
  },
  Children: {
    noun: 'family films',
    more: 'more family-friendly',
    less: 'less aimed at kids',
    modifier: 'family',
    element: 'family fun',
    rank: 1,
    headRank: NO_HEAD,
    after: ['for the whole family', 'for all ages', 'that kids and grown-ups can both enjoy'],
  },
  Comedy: {
    noun: 'comedies',
    more: 'funnier',
    less: 'less comedic',
    modifier: 'comedy',
    head: 'comedy',
    element: 'comedy',
    rank: 13,
    headRank: 4,
    after: ['with plenty of laughs', 'with a funny streak'],
  },
  Crime: {
    noun: 'crime movies',
    more: 'more of a crime story',
    less: 'less about crime',
    modifier: 'crime',
    element: 'crime',
    rank: 10,
    headRank: NO_HEAD,
    after: ['with a crime story at its core', 'built around a crime'],
  },
  Documentary: {
    noun: 'documentaries',
    more: 'a documentary',
    less: 'not a documentary',
    modifier: 'documentary',
    head: 'documentary',
    element: 'documentary',
    rank: 15,
    headRank: 0,
    tellsStory: false,
  },
  Drama: {
    noun: 'dramas',
    more: 'more dramatic',
    // What a critique of it gets is an item without the genre: a documentary of the Holocaust is not a drama, but it is
    // no "less dramatic" than one.
    less: 'not a drama',
    // Before another head it is an adjective ("a dramatic western"), never "a crime drama western" or "a sci-fi drama
    // comedy"; and alone, since MovieLens gives most films drama besides their other genres, and "a dramatic crime
    // thriller" or "a dramatic romantic comedy" stacks up labels no one would say.
    modifier: 'dramatic',
    modifiesAlone: true,
    head: 'drama',
    element: 'drama',
    rank: -1,
    headRank: 5,
    after: ['with real dramatic weight', 'with a dramatic core'],
  },
  Fantasy: {
    noun: 'fantasy',
    more: 'more fantastical',
    less: 'less fantastical',
    modifier: 'fantasy',
    element: 'fantasy',
    rank: 7,
    headRank: NO_HEAD,
    after: ['with a touch of fantasy', 'with fantasy elements'],
  },
  'Film-Noir': {
    noun: 'film noir',
    more: 'more noir',
    less: 'less noir',
    modifier: 'noir',
    element: 'noir',
    rank: 3,
    headRank: NO_HEAD,
    after: ['with a noir feel', 'in the noir style'],
  },
  Horror: {
    noun: 'horror',
    more: 'scarier',
    less: 'less scary',
    modifier: 'horror',
    head: 'horror film',
    element: 'horror',
    rank: 8,
    headRank: 8,
    after: ['with some real scares', 'with horror elements'],
  },
  // MovieLens's IMAX is a way of showing a film, not a kind of story: it leads the description ("an IMAX
  // documentary"), never left over as "Expect some IMAX along the way".
  IMAX: {
    noun: 'IMAX films',
    more: 'more of an IMAX spectacle',
    less: 'less of an IMAX spectacle',
    modifier: 'IMAX',
    element: 'IMAX spectacle',
    rank: 0,
    headRank: NO_HEAD,
    after: ['made for IMAX screens', 'shot for IMAX'],
  },
  Musical: {
    noun: 'musicals',
    more: 'more of a musical',
    less: 'less of a musical',
    modifier: 'musical',
    head: 'musical',
    element: 'music',
    rank: 5,
    headRank: 1,
    after: ['with musical numbers', 'full of songs'],
  },
  Mystery: {
    noun: 'mysteries',
    more: 'more mysterious',
    less: 'less of a mystery',
    modifier: 'mystery',
    head: 'mystery',
    element: 'mystery',
    rank: 9,
    headRank: 6,
    after: ['with a mystery at its heart', 'with a puzzle to solve'],
  },
  Romance: {
    noun: 'romance',
    more: 'more romantic',
    less: 'less romantic',
    modifier: 'romantic',
    head: 'romance',
    element: 'romance',
    rank: 2,
    headRank: 7,
    after: ['with a love story', 'with some romance in it'],
  },
  'Sci-Fi': {
    noun: 'sci-fi',
    more: 'more sci-fi',
    less: 'less sci-fi',
    modifier: 'sci-fi',
    element: 'sci-fi',
    rank: 6,
    headRank: NO_HEAD,
    after: ['with sci-fi elements', 'with a science-fiction twist'],
  },
  Thriller: {
    noun: 'thrillers',
    more: 'more thrilling',
    less: 'less of a thriller',
    modifier: 'thriller',
    head: 'thriller',
    element: 'suspense',
    rank: 16,
    headRank: 3,
    after: ['full of suspense', 'with plenty of suspense'],
  },
  War: {
    noun: 'war movies',
    more: 'more of a war film',
    less: 'less about war',
    modifier: 'war',
    element: 'war',
    rank: 4,
    headRank: NO_HEAD,
    after: ['about war', 'with a wartime backdrop'],
  },
  Western: {
    noun: 'westerns',
    more: 'more of a western',
    less: 'less of a western',
    modifier: 'western',
    head: 'western',
    element: 'western',
    rank: 5,
    headRank: 2,
    after: ['with a western flavour', 'in the western tradition'],
  },
};

// Maps, not property lookups, so that a genre named "constructor" cannot reach Object.prototype.
const BY_NAME = new Map(Object.entries(MOVIE_GENRES));
const BY_LOWERCASE = new Map(Object.entries(MOVIE_GENRES).map(([name, words]) => [name.toLowerCase(), words]));

// Acronyms ("TV") keep their capitals; any other unknown genre name is lowercased like the known ones.
function genericGenre(value: string): GenreWords {
  const word = value.length > 1 && value === value.toUpperCase() ? value : value.toLowerCase();
  return {
    noun: `${word} movies`,
    more: `more ${word}`,
    less: `less ${word}`,
    modifier: word,
    element: word,
    rank: 50,
    headRank: NO_HEAD,
  };
}

/** The words for a genre value (`Sci-Fi`, `Film-Noir`, `IMAX`, …); unknown genres get plain generic forms. */
export function genreWords(value: string): GenreWords {
  return BY_NAME.get(value) ?? BY_LOWERCASE.get(value.toLowerCase()) ?? genericGenre(value);
}

// Other names people give a genre, for a speaker who says it back in their own words ("science fiction" after
// "sci-fi"). Each fits the same frames as the genre's noun.
export const MOVIE_GENRE_OTHERS: Readonly<Record<string, readonly string[]>> = {
  Action: ['action films', 'action flicks', 'action-packed films'],
  Adventure: ['adventure films', 'adventure flicks', 'adventure stories'],
  Animation: ['animation', 'animated movies', 'animated features'],
  Children: ['family movies', 'films for the whole family', "children's films", 'kid-friendly films'],
  Comedy: ['comedy', 'funny movies', 'comedy films'],
  Crime: ['crime films', 'crime stories', 'films about crime'],
  Documentary: ['documentary films', 'non-fiction films', 'documentary movies'],
  Drama: ['drama', 'drama films'],
  Fantasy: ['fantasy films', 'fantasy stories', 'fantasy movies'],
  'Film-Noir': ['noir', 'noir films', 'noir movies'],
  Horror: ['horror movies', 'scary movies', 'horror films'],
  Musical: ['movie musicals', 'musical films', 'song-and-dance movies'],
  Mystery: ['mystery films', 'mystery stories', 'mystery movies'],
  Romance: ['romantic films', 'romantic movies', 'love stories'],
  'Sci-Fi': ['science fiction', 'sci-fi films', 'sci-fi movies'],
  Thriller: ['thriller films', 'suspense films', 'thriller movies'],
  War: ['war films', 'war stories', 'films about war'],
  Western: ['western films', 'cowboy movies', 'western movies'],
};

/** Other nouns for a known genre ("science fiction" for Sci-Fi); empty for a genre this lexicon does not know. */
export function otherGenreNouns(value: string): readonly string[] {
  return MOVIE_GENRE_OTHERS[value] ?? [];
}
