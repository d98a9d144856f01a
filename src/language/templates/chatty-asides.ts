// Small talk for chatty personas. An aside names no title and states no preference, and avoids words a polarity
// check could read as an opinion ("good", "great", "love"), so it can sit beside any act.

/** Asides a chatty user may add to a turn. */
export const CHATTY_ASIDES: readonly string[] = [
  'Long week, I need a movie night!',
  'Movie night at last.',
  "I've got the whole evening free.",
  "Popcorn's ready.",
  "It's been a long day.",
  'Just got home from work.',
  'Finally, a quiet evening.',
  "It's raining here, so I'm staying in.",
  'My couch is calling.',
  'The kids are asleep, so I finally have time.',
  "I've got snacks and a blanket ready.",
  "It's my first free night in ages.",
  'I just finished a big project at work.',
  "I've been meaning to watch something all week.",
];
