// Small talk for chatty personas. An aside names no title and states no preference, and avoids words a polarity
// check could read as an opinion ("good", "great", "love"), so it can sit beside any act. Each list fits one place
// in a dialogue: people explain their evening when they ask for a film, not in the middle of a critique.

/** Asides that set the scene, said with an opening request or hello. */
export const OPENING_ASIDES: readonly string[] = [
  'Long week, I need a movie night!',
  'Movie night at last.',
  "I've got the whole evening free.",
  "It's been a long day.",
  'Just got home from work.',
  'Finally, a quiet evening.',
  "It's raining here, so I'm staying in.",
  'The kids are asleep, so I finally have time.',
  "It's my first free night in ages.",
  'I just finished a big project at work.',
  "I've been meaning to watch something all week.",
  'My partner is out tonight, so I get to choose.',
  "Friends are coming over later and it's my turn to pick.",
  "I'm home sick, so a movie is about all I can manage.",
];

/** Asides that look ahead to watching, said on settling on a film. */
export const SETTLED_ASIDES: readonly string[] = [
  "Popcorn's ready.",
  'My couch is calling.',
  "I've got snacks and a blanket ready.",
  'Time to make some popcorn.',
  'Lights off, phone away.',
  "I'll text my sister about it later.",
  'Just in time for dinner.',
];

/** Asides on giving up for the evening. */
export const GIVE_UP_ASIDES: readonly string[] = [
  'Maybe I should just go to bed early.',
  'I might read a book instead.',
  "There's always tomorrow.",
  "I'll see what's on TV.",
];
