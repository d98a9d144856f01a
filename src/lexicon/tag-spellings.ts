/**
 * What tells two spellings of a name apart when people type them freely: letters and digits only, lowercased.
 * "Sci-Fi", "sci fi" and "scifi" are one genre; "Post apocalyptic" and "post-apocalyptic" are one tag.
 */
export function spellingKey(name: string): string {
  return name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

// Frequent free-text tags (MovieLens users') that most of the people who gave them wrote misspelt or in the wrong
// case, or that are one tag under two names: each right spelling, then the others it stands for. Names typed in
// lower case ("hugh jackman") would read as common words; words typed with a capital ("Wizards") would read as
// names. Case, spaces, hyphens and a plural "s" are merged without help (see loadMovieLens).
const SPELLINGS: readonly (readonly [string, ...string[]])[] = [
  ['Tolkien', 'Tolkein'],
  ['Quentin Tarantino', 'Tarantino'],
  ['hitman', 'hit men', 'hitmen'],
  ['spacecraft', 'space craft'],
  ['dark comedy', 'black comedy'],
  ['courtroom drama', 'court'],
  ['brutal', 'brutality'],
  ['based on a true story', 'true story'],
  ['Star Wars', 'Darth Vader', 'Luke Skywalker'],
  ['Rodgers and Hammerstein', 'Rogers and Hammerstein'],
  ['British comedy'],
  ['racism', 'rasicm'],
  ['Inspector Clouseau', 'Clousseau', 'Clouseau'],
  ['humor', 'humour'],
  ['Hugh Jackman'],
  ['Edward Norton'],
  ['Jack Nicholson'],
  ['Mel Gibson'],
  ['Helena Bonham Carter'],
  ['Indiana Jones'],
  ['DC Comics'],
  ['Marvel'],
  ['Halloween'],
  ['Generation X'],
  ['China'],
  ['magic'],
  ['wizards'],
  ['myth'],
  ['shark'],
  ['gangs'],
  ['girl power'],
  ['mental hospital'],
  ['psychological thriller'],
  ['highly quotable'],
];

const BY_KEY = new Map(
  SPELLINGS.flatMap(([right, ...wrong]) => [right, ...wrong].map((spelling) => [spellingKey(spelling), right])),
);

/** The right spelling of a tag often written wrong or under another name, by its {@link spellingKey}. */
export function knownTagSpelling(key: string): string | undefined {
  return BY_KEY.get(key);
}
