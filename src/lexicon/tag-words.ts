/**
 * How a tag reads when describing an item that has it: a `quality` follows "It's" ("atmospheric", "set in Paris",
 * "a cult classic"); a `feature` follows "with" ("time travel", "a twist ending"); a `keyword` is a free-text tag
 * that fits neither and is quoted as a tag.
 */
export interface TagTrait {
  readonly kind: 'quality' | 'feature' | 'keyword';
  readonly text: string;
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
}

// Helpers for the shapes tags come in; each was read aloud in the templates' frames before it went in.
const adjective = (word: string, noun = `${word} movies`, more = `more ${word}`): TagWords => ({
  noun,
  more,
  less: `less ${word}`,
  trait: { kind: 'quality', text: word },
});
const kind = (singular: string, plural: string): TagWords => ({
  noun: plural,
  more: `more of ${singular}`,
  less: `less of ${singular}`,
  trait: { kind: 'quality', text: singular },
});
const topic = (noun: string, feature: string, amount: string, countable: boolean): TagWords => ({
  noun,
  more: `with more ${amount}`,
  less: `with ${countable ? 'fewer' : 'less'} ${amount}`,
  trait: { kind: 'feature', text: feature },
});
const setting = (where: string, noun: string): TagWords => ({
  noun,
  more: where,
  less: `not ${where}`,
  trait: { kind: 'quality', text: where },
});
const form = (quality: string, noun: string, less: string): TagWords => ({
  noun,
  more: quality,
  less,
  trait: { kind: 'quality', text: quality },
});

// The built-in catalog's controlled tag vocabulary. Tags outside it (MovieLens users' free text) use `genericTag`.
const TAGS = new Map<string, TagWords>([
  ['aliens', topic('alien movies', 'aliens', 'aliens', true)],
  [
    'anime',
    { noun: 'anime', more: 'more anime-like', less: 'less anime-like', trait: { kind: 'quality', text: 'an anime' } },
  ],
  [
    'artificial intelligence',
    topic('movies about artificial intelligence', 'artificial intelligence', 'artificial intelligence', false),
  ],
  ['atmospheric', adjective('atmospheric')],
  ['based on a book', form('based on a book', 'book adaptations', 'not based on a book')],
  ['based on a comic', form('based on a comic', 'comic book adaptations', 'not based on a comic')],
  ['based on a true story', form('based on a true story', 'true stories', 'not based on a true story')],
  ['bittersweet', adjective('bittersweet')],
  ['black and white', form('in black and white', 'black-and-white films', 'in color')],
  ['boxing', topic('boxing movies', 'boxing', 'boxing', false)],
  ['car chase', topic('car chases', 'car chases', 'car chases', true)],
  ['chosen one', kind('a chosen-one story', 'chosen-one stories')],
  ['christmas', setting('set at Christmas', 'Christmas movies')],
  ['class struggle', topic('stories about class struggle', 'themes of class struggle', 'class struggle', false)],
  ['cold war', setting('set during the Cold War', 'Cold War stories')],
  ['coming of age', kind('a coming-of-age story', 'coming-of-age stories')],
  ['computer animation', form('computer-animated', 'computer-animated films', 'not computer-animated')],
  // Not "courtroom dramas": the tag says nothing of the genre, and a user neutral about dramas may love these.
  ['courtroom', kind('a courtroom story', 'courtroom stories')],
  ['cult classic', kind('a cult classic', 'cult classics')],
  ['cyberpunk', adjective('cyberpunk', 'cyberpunk')],
  ['dance', topic('dance movies', 'dancing', 'dancing', false)],
  ['dark', adjective('dark', 'dark movies', 'darker')],
  ['dark comedy', kind('a dark comedy', 'dark comedies')],
  ['desert', setting('set in the desert', 'desert movies')],
  ['drugs', topic('movies about drugs', 'drugs', 'drugs', true)],
  [
    'dystopia',
    {
      noun: 'dystopian movies',
      more: 'more dystopian',
      less: 'less dystopian',
      trait: { kind: 'quality', text: 'dystopian' },
    },
  ],
  [
    'ensemble cast',
    {
      noun: 'ensemble movies',
      more: 'with more of an ensemble',
      less: 'with a smaller cast',
      trait: { kind: 'feature', text: 'an ensemble cast' },
    },
  ],
  ['epic', adjective('epic', 'epics')],
  ['fairy tale', kind('a fairy tale', 'fairy tales')],
  ['family', topic('stories about family', 'family ties', 'focus on family', false)],
  ['fast-paced', adjective('fast-paced')],
  ['father and son', kind('a father-and-son story', 'father-and-son stories')],
  ['feel-good', adjective('feel-good')],
  ['friendship', topic('stories about friendship', 'themes of friendship', 'friendship', false)],
  ['frontier', setting('set on the frontier', 'frontier stories')],
  ['gangsters', topic('gangster movies', 'gangsters', 'gangsters', true)],
  ['ghosts', topic('ghost stories', 'ghosts', 'ghosts', true)],
  ['gory', adjective('gory')],
  ['grief', topic('stories about grief', 'themes of grief', 'grief', false)],
  ['heist', kind('a heist movie', 'heist movies')],
  ['high school', setting('set in high school', 'high school movies')],
  ['hitman', kind('a hitman story', 'hitman movies')],
  ['hollywood', setting('set in Hollywood', 'movies about Hollywood')],
  ['isolation', topic('stories about isolation', 'themes of isolation', 'isolation', false)],
  ['japan', setting('set in Japan', 'movies set in Japan')],
  ['journalism', topic('movies about journalism', 'investigative journalism', 'journalism', false)],
  ['lighthearted', adjective('lighthearted')],
  ['london', setting('set in London', 'movies set in London')],
  ['loneliness', topic('stories about loneliness', 'themes of loneliness', 'loneliness', false)],
  ['los angeles', setting('set in Los Angeles', 'movies set in Los Angeles')],
  ['mafia', topic('mafia movies', 'the mafia', 'mafia', false)],
  ['magic', topic('movies with magic', 'magic', 'magic', false)],
  ['marriage', topic('stories about marriage', 'a marriage at its heart', 'marriage', false)],
  ['martial arts', topic('martial arts movies', 'martial arts', 'martial arts', false)],
  ['memory loss', topic('stories about memory loss', 'memory loss', 'memory loss', false)],
  ['mentor', kind('a mentor story', 'mentor stories')],
  ['mind-bending', adjective('mind-bending')],
  ['monsters', topic('monster movies', 'monsters', 'monsters', true)],
  ['musical numbers', topic('movies with musical numbers', 'musical numbers', 'musical numbers', true)],
  ['musicians', topic('movies about musicians', 'musicians', 'music', false)],
  ['nature', topic('nature films', 'the natural world', 'nature', false)],
  ['new york', setting('set in New York', 'movies set in New York')],
  ['nonlinear', adjective('nonlinear', 'nonlinear stories')],
  ['ocean', setting('set at sea', 'movies set at sea')],
  ['oscar best picture', form('a Best Picture winner', 'Best Picture winners', 'not a Best Picture winner')],
  ['outlaws', topic('outlaw stories', 'outlaws', 'outlaws', true)],
  ['paris', setting('set in Paris', 'movies set in Paris')],
  ['period piece', kind('a period piece', 'period pieces')],
  ['philosophical', adjective('philosophical')],
  ['police', topic('police movies', 'police work', 'police work', false)],
  ['politics', topic('political movies', 'political themes', 'politics', false)],
  ['post-apocalyptic', adjective('post-apocalyptic')],
  ['poverty', topic('stories about poverty', 'themes of poverty', 'poverty', false)],
  ['princess', kind('a princess story', 'princess stories')],
  ['prison', setting('set in a prison', 'prison movies')],
  [
    'private detective',
    {
      noun: 'private-eye stories',
      more: 'more of a detective story',
      less: 'less of a detective story',
      trait: { kind: 'feature', text: 'a private detective' },
    },
  ],
  ['psychological', adjective('psychological', 'psychological films')],
  ['quest', kind('a quest story', 'quest stories')],
  ['quirky', adjective('quirky', 'quirky movies', 'quirkier')],
  ['racism', topic('movies about racism', 'themes of racism', 'racism', false)],
  ['remake', form('a remake', 'remakes', 'not a remake')],
  ['revenge', topic('revenge stories', 'a revenge plot', 'revenge', false)],
  ['road trip', kind('a road movie', 'road movies')],
  ['robots', topic('robot movies', 'robots', 'robots', true)],
  ['samurai', topic('samurai movies', 'samurai', 'samurai', true)],
  [
    'satire',
    { noun: 'satires', more: 'more satirical', less: 'less satirical', trait: { kind: 'quality', text: 'satirical' } },
  ],
  ['sequel', form('a sequel', 'sequels', 'not a sequel')],
  [
    'serial killer',
    {
      noun: 'serial-killer stories',
      more: 'more of a serial-killer story',
      less: 'less of a serial-killer story',
      trait: { kind: 'feature', text: 'a serial killer' },
    },
  ],
  ['silent film', form('a silent film', 'silent films', 'with sound')],
  ['slasher', kind('a slasher', 'slasher movies')],
  ['slow burn', kind('a slow burn', 'slow burns')],
  ['small town', setting('set in a small town', 'small-town stories')],
  ['space', setting('set in space', 'space movies')],
  ['sports', topic('sports movies', 'sports', 'sports', false)],
  ['spy', topic('spy movies', 'espionage', 'espionage', false)],
  ['stop motion', form('stop-motion animated', 'stop-motion films', 'not stop-motion')],
  ['superhero', topic('superhero movies', 'superheroes', 'superheroes', true)],
  ['supernatural', adjective('supernatural', 'supernatural stories')],
  ['surreal', adjective('surreal')],
  ['survival', topic('survival stories', 'a fight for survival', 'survival', false)],
  ['suspenseful', adjective('suspenseful')],
  ['talking animals', topic('movies with talking animals', 'talking animals', 'talking animals', true)],
  ['tearjerker', kind('a tearjerker', 'tearjerkers')],
  ['time loop', kind('a time-loop story', 'time-loop stories')],
  ['time travel', topic('time travel', 'time travel', 'time travel', false)],
  ['toys', topic('movies about toys', 'toys', 'toys', true)],
  ['trains', topic('train movies', 'trains', 'trains', true)],
  ['treasure hunt', kind('a treasure hunt', 'treasure hunts')],
  [
    'twist ending',
    {
      noun: 'twist endings',
      more: 'with a twist ending',
      less: 'without a twist ending',
      trait: { kind: 'feature', text: 'a twist ending' },
    },
  ],
  ['vampires', topic('vampire movies', 'vampires', 'vampires', true)],
  ['vietnam war', setting('set during the Vietnam War', 'Vietnam War movies')],
  ['violent', adjective('violent')],
  ['virtual reality', topic('movies about virtual reality', 'virtual reality', 'virtual reality', false)],
  ['visually stunning', adjective('visually stunning', 'visually stunning films')],
  ['wedding', kind('a wedding movie', 'wedding movies')],
  ['whodunit', kind('a whodunit', 'whodunits')],
  ['witches', topic('witch movies', 'witches', 'witches', true)],
  ['witty', adjective('witty', 'witty movies', 'wittier')],
  ['world war ii', setting('set during World War II', 'World War II movies')],
  ['zombies', topic('zombie movies', 'zombies', 'zombies', true)],
]);

// Free-text tags (MovieLens: "thought-provoking", "dark hero", "pixar") may be adjectives, nouns or names; "___
// movies" reads acceptably for all three, where the bare tag would not ("I love thought-provoking").
function genericTag(value: string): TagWords {
  return {
    noun: `${value} movies`,
    more: `more ${value}`,
    less: `less ${value}`,
    trait: { kind: 'keyword', text: value },
  };
}

/** The words for a tag value (`time travel`, `violent`, `paris`, …); unknown tags get generic forms. */
export function tagWords(value: string): TagWords {
  return TAGS.get(value) ?? TAGS.get(value.toLowerCase()) ?? genericTag(value);
}
