import { spellingKey } from './tag-spellings.js';
import * as shapes from './tag-word-shapes.js';
import { fans, form, kind, made, setting, type TagWords, topic } from './tag-word-shapes.js';

export type { TagTrait, TagWords } from './tag-word-shapes.js';

// A film's quality, named as films unless said otherwise ("dark movies").
const adjective = (word: string, noun = `${word} movies`, more?: string): TagWords =>
  shapes.adjective(word, noun, more);

// The built-in catalog's controlled tag vocabulary and the most frequent MovieLens tags. Others use `genericTag`.
const TAGS = new Map<string, TagWords>([
  ['aliens', topic('alien movies', 'aliens', 'aliens', true)],
  ['animal movie', topic('animal movies', 'animals', 'animals', true)],
  [
    'anime',
    { noun: 'anime', more: 'more anime-like', less: 'less anime-like', trait: { kind: 'quality', text: 'an anime' } },
  ],
  [
    'artificial intelligence',
    topic('movies about artificial intelligence', 'thinking machines', 'artificial intelligence', false),
  ],
  ['atmospheric', adjective('atmospheric')],
  ['based on a book', form('based on a book', 'book adaptations', 'not based on a book')],
  ['based on a comic', form('based on a comic', 'comic book adaptations', 'not based on a comic')],
  ['based on a true story', form('based on a true story', 'true stories', 'not based on a true story')],
  ['bittersweet', adjective('bittersweet')],
  ['black and white', form('in black and white', 'black-and-white films', 'in color')],
  // The MovieLens loader's tag for a film shown in IMAX: how it was released, said as such ("It's also an IMAX
  // release"), never as something it has.
  ['IMAX', form('an IMAX release', 'IMAX films', 'not an IMAX release')],
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
  // "Deals with drug use", not "deals with drugs", which reads as dealing them.
  ['drugs', topic('movies about drugs', 'themes of drug use', 'drugs', true)],
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
  ['family', topic('stories about family', 'themes of family', 'focus on family', false)],
  ['fast-paced', adjective('fast-paced')],
  ['father and son', kind('a father-and-son story', 'father-and-son stories')],
  ['feel-good', adjective('feel-good')],
  ['film noir', kind('a film noir', 'film noir')],
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
  ['mafia', kind('a mafia movie', 'mafia movies')],
  ['magic', topic('movies with magic', 'magic', 'magic', false)],
  ['marriage', topic('stories about marriage', 'themes of marriage', 'marriage', false)],
  ['martial arts', topic('martial arts movies', 'martial arts', 'martial arts', false)],
  ['memory loss', topic('stories about memory loss', 'themes of memory loss', 'memory loss', false)],
  ['mentor', kind('a mentor story', 'mentor stories')],
  ['mind-bending', adjective('mind-bending')],
  ['monsters', topic('monster movies', 'monsters', 'monsters', true)],
  ['movie business', setting('set in the movie business', 'movies about the movie business')],
  ['musical numbers', topic('movies with musical numbers', 'musical numbers', 'musical numbers', true)],
  ['musicians', topic('movies about musicians', 'musical performances', 'music', false)],
  ['nature', topic('nature films', 'themes of the natural world', 'nature', false)],
  ['new york', setting('set in New York', 'movies set in New York')],
  ['nonlinear', adjective('nonlinear', 'nonlinear stories')],
  ['ocean', setting('set at sea', 'movies set at sea')],
  [
    'oscar best picture',
    { ...form('a Best Picture winner', 'Best Picture winners', 'not a Best Picture winner'), praise: true },
  ],
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
      trait: { kind: 'quality', text: 'a private-eye story' },
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
  ['sports', topic('sports movies', 'sporting drama', 'sports', false)],
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
  ['trains', topic('train movies', 'train journeys', 'trains', true)],
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
  ['virtual reality', topic('movies about virtual reality', 'virtual worlds', 'virtual reality', false)],
  ['visually stunning', { ...adjective('visually stunning', 'visually stunning films'), praise: true }],
  ['wedding', kind('a wedding movie', 'wedding movies')],
  ['whodunit', kind('a whodunit', 'whodunits')],
  ['witches', topic('witch movies', 'witches', 'witches', true)],
  ['witty', adjective('witty', 'witty movies', 'wittier')],
  ['world war ii', setting('set during World War II', 'World War II movies')],
  ['zombies', topic('zombie movies', 'zombies', 'zombies', true)],
  // Frequent MovieLens tags (users' free text), so that they read as words rather than "___ movies".
  ['alternate universe', setting('set in an alternate universe', 'alternate-universe stories')],
  ['archaeology', topic('movies about archaeology', 'archaeologists', 'archaeology', false)],
  ['assassin', kind('an assassin story', 'assassin movies')],
  ['assassination', topic('assassination plots', 'an assassination plot', 'assassination', false)],
  ['based on a tv show', form('based on a TV show', 'TV adaptations', 'not based on a TV show')],
  ['black comedy', kind('a black comedy', 'black comedies')],
  ['bleak', adjective('bleak', 'bleak movies', 'bleaker')],
  ['brutal', adjective('brutal')],
  ['cerebral', adjective('cerebral')],
  ['classic', kind('a classic', 'classics')],
  ['clever', adjective('clever', 'clever movies', 'cleverer')],
  ['creepy', adjective('creepy', 'creepy movies', 'creepier')],
  ['cult film', kind('a cult film', 'cult films')],
  ['death', topic('movies about death', 'themes of death', 'death', false)],
  ['dinosaurs', topic('dinosaur movies', 'dinosaurs', 'dinosaurs', true)],
  ['disturbing', adjective('disturbing')],
  ['dreamlike', adjective('dreamlike')],
  ['emotional', adjective('emotional')],
  ['funny', adjective('funny', 'funny movies', 'funnier')],
  ['gritty', adjective('gritty', 'gritty movies', 'grittier')],
  ['hallucinatory', adjective('hallucinatory')],
  ['heartwarming', adjective('heartwarming')],
  ['holocaust', setting('set during the Holocaust', 'Holocaust movies')],
  ['intelligent', adjective('intelligent')],
  ['mental illness', topic('movies about mental illness', 'themes of mental illness', 'mental illness', false)],
  ['mindfuck', adjective('mind-bending')],
  ['moving', adjective('moving', 'deeply moving films')],
  // Viewers tag a film "music" for its score as often as for its subject (The Empire Strikes Back): not "about music".
  ['music', topic('movies known for their music', 'memorable music', 'music', false)],
  ['philosophy', topic('movies about philosophy', 'themes of philosophy', 'philosophy', false)],
  ['psychology', topic('movies about psychology', 'themes of psychology', 'psychology', false)],
  ['religion', topic('movies about religion', 'themes of religion', 'religion', false)],
  ['space opera', kind('a space opera', 'space operas')],
  ['spoof', kind('a spoof', 'spoofs')],
  ['stylized', adjective('stylized')],
  ['suspense', adjective('suspenseful', 'movies full of suspense')],
  ['tense', adjective('tense', 'tense movies', 'tenser')],
  ['thought-provoking', adjective('thought-provoking')],
  ['vietnam', setting('set during the Vietnam War', 'Vietnam War movies')],
  ['violence', topic('movies with graphic violence', 'graphic violence', 'violence', false)],
  ['visually appealing', adjective('visually appealing', 'visually appealing films')],
  // Read by `genericTag`, these were "movies about action" (a noun's ending), "violence in america movies", "fish
  // movies", "Nerd movies" and "British comedy movies".
  ['action', adjective('action-packed')],
  ['british comedy', kind('a British comedy', 'British comedies')],
  ['fish', topic('movies about fish', 'fish', 'fish', true)],
  ['nerds', topic('movies about nerds', 'nerds', 'nerds', true)],
  [
    'violence in america',
    topic('movies about violence in America', 'a look at violence in America', 'violence', false),
  ],
  ['adultery', topic('movies about adultery', 'themes of adultery', 'adultery', false)],
  ['alcoholism', topic('movies about alcoholism', 'themes of alcoholism', 'alcoholism', false)],
  ['beautiful scenery', topic('movies with beautiful scenery', 'beautiful scenery', 'beautiful scenery', false)],
  ['brutality', topic('brutal movies', 'brutality', 'brutality', false)],
  ['computers', topic('movies about computers', 'computers', 'computers', true)],
  ['courtroom drama', kind('a courtroom drama', 'courtroom dramas')],
  ['demons', topic('demon movies', 'demons', 'demons', true)],
  ['dogs', topic('dog movies', 'dogs', 'dogs', true)],
  ['drama', adjective('dramatic', 'dramatic movies')],
  ['evil children', topic('movies about evil children', 'evil children', 'evil children', true)],
  ['great soundtrack', topic('movies with great soundtracks', 'a great soundtrack', 'music', false)],
  ['guns', topic('gun movies', 'guns', 'guns', true)],
  ['off-beat comedy', kind('an offbeat comedy', 'offbeat comedies')],
  ['plot twist', topic('movies with a plot twist', 'a plot twist', 'plot twists', true)],
  ['sexuality', topic('movies about sexuality', 'themes of sexuality', 'sexuality', false)],
  ['soundtrack', topic('movies with memorable soundtracks', 'a memorable soundtrack', 'music', false)],
  ['twist', topic('movies with a twist', 'a twist', 'twists', true)],
  ['wizards', topic('wizard movies', 'wizards', 'wizards', true)],
  // MovieLens tags that "___ movies" words badly ("president movies", "future movies").
  ['adolescence', topic('movies about adolescence', 'themes of adolescence', 'adolescence', false)],
  ['amnesia', topic('movies about amnesia', 'amnesia', 'amnesia', false)],
  ['Bible', kind('a Bible story', 'Bible stories')],
  ['death penalty', topic('movies about the death penalty', 'themes of the death penalty', 'death penalty', false)],
  ['divorce', topic('movies about divorce', 'themes of divorce', 'divorce', false)],
  ['fantasy world', setting('set in a fantasy world', 'movies set in fantasy worlds')],
  ['future', setting('set in the future', 'movies set in the future')],
  ['Generation X', kind('a Generation X story', 'Generation X movies')],
  ['heroin', topic('movies about heroin', 'heroin addiction', 'heroin', false)],
  ['lawyers', topic('movies about lawyers', 'lawyers', 'lawyers', true)],
  ['mental hospital', setting('set in a mental hospital', 'movies set in mental hospitals')],
  ['NASA', topic('movies about NASA', 'a NASA mission', 'NASA', false)],
  ['original plot', adjective('original', 'movies with original plots')],
  ['POW', kind('a POW story', 'POW movies')],
  ['pregnancy', topic('movies about pregnancy', 'a pregnancy', 'pregnancy', false)],
  ['president', topic('movies about presidents', 'a president at its centre', 'presidents', true)],
  ['teacher', topic('movies about teachers', 'a teacher at its centre', 'teachers', true)],
  // MovieLens tags (two films or more of ml-latest-small) that say what a film is like, said as such ("It's eerie
  // and meditative", "It's also a biopic"), not "Its tags include eerie." A verdict `ignoredTags` lets through
  // ("ridiculous") stays the words of the people who gave it: a recommender does not say it of a film it offers.
  ...[
    ...['artistic', 'artsy', 'beautiful', 'claustrophobic', 'confrontational', 'controversial', 'cynical'],
    ...['depressing', 'downbeat', 'enigmatic', 'eerie', 'futuristic', 'gothic', 'harsh', 'heartbreaking'],
    ...['hilarious', 'humorous', 'inspirational', 'inspiring', 'intense', 'irreverent', 'lyrical', 'meditative'],
    ...['melancholy', 'moody', 'paranoid', 'poetic', 'poignant', 'psychedelic', 'reflective', 'sentimental'],
    ...['slick', 'stylish', 'tragic', 'touching', 'understated', 'unconventional', 'unique', 'weird', 'whimsical'],
  ].map((word): [string, TagWords] => [word, adjective(word)]),
  ['cult', kind('a cult film', 'cult films')],
  ['dark humor', topic('movies with dark humor', 'dark humor', 'dark humor', false)],
  // Tagged on the film that was remade (Psycho, 1960), not on the remake: a fact, no one's taste.
  [
    'remade',
    { ...form('the original of a later remake', 'films later remade', 'not the original of a remake'), taste: false },
  ],
  ['bloody', adjective('bloody', 'bloody movies', 'bloodier')],
  ['fun', adjective('fun', 'fun movies', 'more fun')],
  ['goofy', adjective('goofy', 'goofy movies', 'goofier')],
  ['highly quotable', adjective('highly quotable', 'quotable movies', 'more quotable')],
  ['sad', adjective('sad', 'sad movies', 'sadder')],
  ['scary', adjective('scary', 'scary movies', 'scarier')],
  ['silly', adjective('silly', 'silly movies', 'sillier')],
  ['smart', adjective('smart', 'smart movies', 'smarter')],
  ['sweet', adjective('sweet', 'sweet movies', 'sweeter')],
  ['trippy', adjective('trippy', 'trippy movies', 'trippier')],
  ['biopic', kind('a biopic', 'biopics')],
  ['character study', kind('a character study', 'character studies')],
  ['chick flick', kind('a chick flick', 'chick flicks')],
  ['love story', kind('a love story', 'love stories')],
  ['mockumentary', kind('a mockumentary', 'mockumentaries')],
  ['parody', kind('a parody', 'parodies')],
  ['screwball', kind('a screwball comedy', 'screwball comedies')],
  ['spaghetti western', kind('a spaghetti western', 'spaghetti westerns')],
  ['swashbuckler', kind('a swashbuckler', 'swashbucklers')],
  ...[
    ...['Africa', 'Australia', 'Cambodia', 'China', 'England', 'Europe', 'France', 'India', 'Ireland', 'Italy'],
    ...['New York City', 'Rome'],
  ].map((place): [string, TagWords] => [place.toLowerCase(), setting(`set in ${place}`, `movies set in ${place}`)]),
  // The names MovieLens users tag films with (two films or more of ml-latest-small), not "Among its tags: Brad
  // Pitt": stars, directors, studios and series, and the writers whose books the films adapt.
  ...[
    ...['Adam Sandler', 'Al Pacino', 'Ben Affleck', 'Ben Stiller', 'Brad Pitt', 'Bruce Willis', 'Christian Bale'],
    ...['Christoph Waltz', 'Edward Norton', 'Hugh Jackman', 'Jack Nicholson', 'Jake Gyllenhaal', 'James Stewart'],
    ...['Leonardo DiCaprio', 'Liam Neeson', 'Mark Ruffalo', 'Michael Cera', 'Morgan Freeman', 'Rachel Weisz'],
    ...['Robert De Niro', 'Robin Williams', 'Ryan Reynolds', 'Samuel L. Jackson', 'Seth Rogen', 'Steve Buscemi'],
    ...['Steve Carell', 'Tom Hanks', 'Tom Hardy', 'Will Ferrell', 'Astaire and Rogers', 'Hepburn and Tracy'],
    ...['Alfred Hitchcock', 'Christopher Nolan', 'Coen Brothers', 'Martin Scorsese', 'Quentin Tarantino'],
    ...[
      'Stanley Kubrick',
      'Steven Spielberg',
      'Tim Burton',
      'Star Wars',
      'Inspector Clouseau',
      'Nick and Nora Charles',
    ],
    ...['Anne Hathaway', 'Arnold Schwarzenegger', 'Charlize Theron', 'Chris Evans', 'Christina Ricci'],
    ...['Christopher Lloyd', 'James Franco', 'Jared Leto', 'Jeff Bridges', 'Jessica Alba', 'Jim Carrey', 'Jude Law'],
    ...['Keanu Reeves', 'Mel Gibson', 'Paul Giamatti', 'Paul Rudd', 'Robert Downey Jr.', 'Seann William Scott'],
    ...['Will Smith', 'M. Night Shyamalan', 'Michael Bay', 'Rob Zombie', 'Star Trek'],
  ].map((name): [string, TagWords] => [name, fans(name, `${name} movies`)]),
  // A studio's tag is on its own films ("It's a Pixar film"); a director's may be on one they only wrote or act in.
  ...['Aardman', 'DC Comics', 'Disney', 'Marvel', 'Pixar', 'Studio Ghibli'].map((name): [string, TagWords] => [
    name,
    made(name, `${name} movies`, 'film'),
  ]),
  ...[
    ...['Dickens', 'E.M. Forster', 'Jane Austen', 'John Grisham', 'Nick Hornby', 'Shakespeare', 'Stephen King'],
    ...['Tennessee Williams', 'Tolkien', 'Tom Clancy', 'Agatha Christie', 'C.S. Lewis', 'Edith Wharton'],
    ...['George Bernard Shaw', 'Graham Greene', 'Hemingway', 'Henry James', 'Ray Bradbury'],
  ].map((name): [string, TagWords] => [name, made(name, `${name} adaptations`, 'adaptation')]),
]);

// A tag that names films already ("Animal movie", "cult film"): "Animal movies", not "Animal movie movies".
const NAMES_FILMS = /^(.+?) (?:movie|film)s?$/i;
// A tag no one would say ("06 Oscar Nominated Best Movie - Animation", "seen at the cinema 2015"): a number (other
// than a decade: "1970s movies"), a dash, a bracket or a film word inside, more than four words, or a single letter
// ("C", "Oscar (Best Actress)"). It is named as the tag it is.
const UNSAYABLE = /\d| - |[()]|\b(?:movies?|films?)\b|(?:\S+ ){4}\S|^.$/i;
const DECADE = /\b(?:1[89]|20)\d0s\b/g;

function unsayable(tag: string): boolean {
  return UNSAYABLE.test(tag.replace(DECADE, 'decade'));
}

// Free-text tags (MovieLens: "thought-provoking", "dark hero", "pixar") may be adjectives, nouns or names; "___
// movies" reads acceptably for all three, where the bare tag would not ("I love thought-provoking").
function genericTag(value: string): TagWords {
  // A decade tags when a film is set ("1970s" for The Ice Storm, of 1997), not when it was made.
  if (/^(?:1[89]|20)\d0s$/.test(value)) return setting(`set in the ${value}`, `movies set in the ${value}`);
  const named = NAMES_FILMS.exec(value)?.[1];
  const words = { more: `more ${value}`, less: `less ${value}`, trait: { kind: 'keyword', text: value } } as const;
  if (named !== undefined && !unsayable(named)) return { noun: `${named} movies`, ...words };
  if (unsayable(value)) return { noun: `movies tagged "${value}"`, quoted: true, ...words };
  // Not "terrorism movies" nor "transplants movies": an abstract noun or a plural is what a film is about.
  if (ABSTRACT_NOUN.test(value) || PLURAL_NOUN.test(value)) return { noun: `movies about ${value}`, ...words };
  return { noun: `${value} movies`, ...words };
}

// One lowercase word with an abstract noun's ending: "terrorism", "corruption", "motherhood", "photography".
const ABSTRACT_NOUN = /^[a-z]+(?:[ai]sm|ity|ness|[st]ion|ment|ship|hood|graphy)$/;
// One lowercase word with a plural's ending: "transplants", "lawyers", "economics"; not "hilarious", "circus",
// "homeless", "christmas" nor "genesis".
const PLURAL_NOUN = /^[a-z]{3,}[^aisu]s$/;

// The same table by spelling key: free text writes a tag in any case, spacing or hyphenation ("fast paced").
const BY_KEY = new Map([...TAGS].map(([value, words]) => [spellingKey(value), words]));

/**
 * The words for a tag value (`time travel`, `violent`, `paris`, …), found however it is spelled ("Fast paced" reads
 * as "fast-paced" does) and as its plural or singular ("vampire" reads as "vampires"); unknown tags get generic
 * forms.
 */
export function tagWords(value: string): TagWords {
  const key = spellingKey(value);
  return (
    BY_KEY.get(key) ??
    BY_KEY.get(`${key}s`) ??
    (key.endsWith('s') ? BY_KEY.get(key.slice(0, -1)) : undefined) ??
    genericTag(value)
  );
}
