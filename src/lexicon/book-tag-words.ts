import { adjective, form, itemForm, kind, setting, topic } from './tag-word-shapes.js';
import type { TagWords } from './tag-words.js';

const words = (noun: string, more: string, less: string, kind: 'quality' | 'feature', text: string): TagWords => ({
  noun,
  more,
  less,
  trait: { kind, text },
});
const placed = (place: string): TagWords => setting(`set in ${place}`, `books set in ${place}`);

// The built-in book catalog's closed tag list (BUILTIN_BOOK_TAGS). "Books" where a tag is carried by nonfiction,
// poetry or plays too; "novels" only where every book carrying it is fiction.
const TAGS = new Map<string, TagWords>([
  // Where a book is set.
  ['set in africa', placed('Africa')],
  ['set in california', placed('California')],
  ['set in china', placed('China')],
  ['set in england', placed('England')],
  ['set in france', placed('France')],
  ['set in germany', placed('Germany')],
  ['set in india', placed('India')],
  ['set in ireland', placed('Ireland')],
  ['set in italy', placed('Italy')],
  ['set in japan', setting('set in Japan', 'novels set in Japan')],
  ['set in latin america', setting('set in Latin America', 'novels set in Latin America')],
  ['set in new england', placed('New England')],
  ['set in new york', placed('New York')],
  ['set in russia', placed('Russia')],
  ['set in scandinavia', placed('Scandinavia')],
  ['set in space', setting('set in space', 'novels set in space')],
  ['set in the american south', placed('the American South')],
  ['set in the american west', placed('the American West')],
  ['set in the ancient world', placed('the ancient world')],
  // When.
  ['middle ages', placed('the Middle Ages')],
  ['victorian era', setting('set in the Victorian era', 'books set in Victorian times')],
  ['world war i', setting('set during World War I', 'books about World War I')],
  ['world war ii', setting('set during World War II', 'books about World War II')],
  ['cold war', setting('set during the Cold War', 'Cold War novels')],
  // How it is told.
  ['allegory', kind('an allegory', 'allegories')],
  // Diaries and journals too (Nausea, The Diary of a Young Girl, Piranesi): not "told in letters" of them all.
  [
    'epistolary',
    form('told in letters or diary entries', 'books told in letters or diaries', 'not told in letters or diaries'),
  ],
  ['frame story', form('told as a story within a story', 'stories within stories', 'without a frame story')],
  [
    'magical realism',
    words(
      'magical realism',
      'with more magical realism',
      'with less magical realism',
      'quality',
      'a work of magical realism',
    ),
  ],
  ['metafiction', adjective('metafictional', 'metafiction')],
  [
    'multiple narrators',
    words(
      'novels with multiple narrators',
      'with more narrators',
      'with a single narrator',
      'feature',
      'several narrators',
    ),
  ],
  ['nonlinear', adjective('nonlinear', 'nonlinear novels')],
  ['novella', itemForm('novella', 'novellas', 'longer', 'shorter')],
  ['retelling', words('retellings', 'a retelling', 'not a retelling', 'quality', 'a retelling of an older story')],
  ['satire', words('satires', 'more satirical', 'less satirical', 'quality', 'satirical')],
  ['short stories', itemForm('short story collection', 'short story collections', 'not a short story collection')],
  ['tragedy', words('tragedies', 'more tragic', 'less tragic', 'quality', 'a tragedy')],
  [
    'twist ending',
    words('twist endings', 'with a twist ending', 'without a twist ending', 'feature', 'a twist ending'),
  ],
  [
    'unreliable narrator',
    words(
      'unreliable narrators',
      'with an unreliable narrator',
      'with a reliable narrator',
      'feature',
      'an unreliable narrator',
    ),
  ],
  ['gothic', adjective('gothic', 'gothic novels')],
  // How it feels.
  ['dark', adjective('dark', 'dark books', 'darker')],
  ['dark comedy', kind('a dark comedy', 'dark comedies')],
  ['fast-paced', adjective('fast-paced', 'fast-paced novels')],
  ['feel-good', words('feel-good books', 'more feel-good', 'less feel-good', 'quality', 'a feel-good read')],
  ['heartbreaking', adjective('heartbreaking', 'heartbreaking books')],
  ['lighthearted', adjective('lighthearted', 'lighthearted books')],
  ['violent', adjective('violent', 'violent books')],
  // What it is about.
  ['addiction', topic('books about addiction', 'themes of addiction', 'addiction')],
  ['aliens', topic('books about aliens', 'aliens', 'aliens', true)],
  ['ambition', topic('books about ambition', 'themes of ambition', 'ambition')],
  // "Expect animals." says too little: "Expect plenty of animals."
  ['animals', topic('books about animals', 'plenty of animals', 'animals', true)],
  ['art', topic('books about art', 'themes of art', 'art')],
  [
    'artificial intelligence',
    topic('books about artificial intelligence', 'thinking machines', 'artificial intelligence'),
  ],
  ['at sea', setting('set at sea', 'books set at sea')],
  ['betrayal', topic('stories of betrayal', 'a betrayal', 'betrayal')],
  ['business', topic('books about business', 'themes of business', 'business')],
  ['class', topic('books about social class', 'themes of class', 'focus on class')],
  ['colonialism', topic('books about colonialism', 'themes of colonialism', 'colonialism')],
  ['coming of age', kind('a coming-of-age story', 'coming-of-age stories')],
  ['conspiracy', topic('conspiracy stories', 'a conspiracy', 'conspiracy')],
  ['cosmology', topic('books about the cosmos', 'big questions about the cosmos', 'cosmology')],
  ['crime', topic('books about crime', 'themes of crime', 'crime')],
  ['death', topic('books about death', 'themes of mortality', 'focus on death')],
  [
    'detective',
    words('detective novels', 'more of a detective story', 'less of a detective story', 'quality', 'a detective story'),
  ],
  ['dragons', topic('books with dragons', 'dragons', 'dragons', true)],
  ['dystopia', words('dystopian novels', 'more dystopian', 'less dystopian', 'quality', 'dystopian')],
  ['evolution', topic('books about evolution', 'themes of evolution', 'evolution')],
  ['family saga', kind('a family saga', 'family sagas')],
  ['feminism', topic('feminist books', 'feminist themes', 'feminism')],
  ['forbidden love', topic('stories of forbidden love', 'a forbidden love', 'forbidden love')],
  ['friendship', topic('books about friendship', 'themes of friendship', 'friendship')],
  ['grief', topic('books about grief', 'themes of grief', 'grief')],
  ['guilt', topic('books about guilt', 'themes of guilt', 'guilt')],
  ['habits', topic('books about habits', 'themes of habits', 'focus on habits')],
  ['happiness', topic('books about happiness', 'themes of happiness', 'focus on happiness')],
  ['identity', topic('books about identity', 'themes of identity', 'focus on identity')],
  ['immigration', topic('immigrant stories', 'themes of immigration', 'focus on immigration')],
  ['island', setting('set on an island', 'books set on islands')],
  ['journey', kind('a journey story', 'books about journeys')],
  ['legal', topic('courtroom stories', 'a legal case', 'legal drama')],
  ['lgbtq', topic('LGBTQ stories', 'LGBTQ themes', 'LGBTQ themes', true)],
  ['loneliness', topic('books about loneliness', 'themes of loneliness', 'loneliness')],
  ['magic', topic('books with magic', 'magic', 'magic')],
  ['marriage', topic('books about marriage', 'themes of marriage', 'focus on marriage')],
  ['medicine', topic('books about medicine', 'medical detail', 'medical detail')],
  ['memory', topic('books about memory', 'themes of memory', 'focus on memory')],
  ['mental illness', topic('books about mental illness', 'themes of mental illness', 'focus on mental illness')],
  ['money', topic('books about money', 'themes of money', 'focus on money')],
  ['monsters', topic('books about monsters', 'monsters', 'monsters', true)],
  ['murder', topic('books about murder', 'a murder', 'murders', true)],
  ['music', topic('books about music', 'themes of music', 'music')],
  ['mythology', topic('mythology', 'themes of mythology', 'mythology')],
  ['nature', topic('books about nature', 'nature writing', 'nature')],
  ['obsession', topic('stories of obsession', 'themes of obsession', 'obsession')],
  [
    'pandemic',
    words('books about pandemics', 'more about pandemics', 'less about pandemics', 'quality', 'set during a pandemic'),
  ],
  [
    'parents and children',
    topic('books about parents and children', 'themes of parenthood', 'focus on parents and children'),
  ],
  ['philosophical', adjective('philosophical', 'philosophical books')],
  ['politics', topic('political books', 'political themes', 'politics')],
  ['post-apocalyptic', adjective('post-apocalyptic', 'post-apocalyptic novels')],
  ['prison', topic('books about prison', 'prison life', 'prison life')],
  ['racism', topic('books about racism', 'themes of racism', 'focus on racism')],
  ['religion', topic('books about religion', 'religious themes', 'religion')],
  ['revenge', topic('revenge stories', 'a revenge plot', 'revenge')],
  ['revolution', topic('books about revolution', 'themes of revolution', 'focus on revolution')],
  ['royalty', topic('books about royalty', 'royalty', 'royalty')],
  ['rural life', setting('set in the countryside', 'books about country life')],
  ['school', topic('school stories', 'scenes of school life', 'school life')],
  ['siblings', topic('books about siblings', 'themes of sibling ties', 'focus on siblings')],
  ['small town', setting('set in a small town', 'small-town stories')],
  ['sports', topic('books about sports', 'sporting drama', 'sports')],
  ['spy', topic('spy novels', 'espionage', 'espionage')],
  ['supernatural', adjective('supernatural', 'supernatural stories')],
  ['surreal', adjective('surreal', 'surreal books')],
  ['survival', topic('survival stories', 'a fight for survival', 'survival')],
  ['technology', topic('books about technology', 'themes of technology', 'technology')],
  ['the mind', topic('books about the mind', 'themes of the mind', 'focus on the mind')],
  ['time travel', topic('time travel', 'time travel', 'time travel')],
  ['totalitarianism', topic('books about totalitarianism', 'a totalitarian state', 'totalitarianism')],
  ['vampires', topic('vampire novels', 'vampires', 'vampires', true)],
  ['war', topic('books about war', 'themes of war', 'war')],
  ['writers', topic('books about writers', 'themes of the writing life', 'focus on writers')],
]);

/**
 * The books phrasing's words for a tag of the built-in book catalog (`set in germany` → "books set in Germany",
 * "set in Germany"); `undefined` for any other tag, which gets the generic "X books".
 */
export function bookTagWords(value: string): TagWords | undefined {
  return TAGS.get(value) ?? TAGS.get(value.toLowerCase());
}

/** The tags {@link bookTagWords} knows, for tests. */
export const BOOK_TAG_NAMES: readonly string[] = [...TAGS.keys()];
