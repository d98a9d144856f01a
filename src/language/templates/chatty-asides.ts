import { type DomainWords, domainWords, perPhrasing, present } from '../../lexicon/domain-phrasing.js';
import { capitalize } from '../../lexicon/english.js';

// Small talk for chatty personas. An aside names no title and states no preference, and avoids words a polarity
// check could read as an opinion ("good", "great", "love"), so it can sit beside any act. Each list fits one place
// in a dialogue: people explain their evening when they ask for something, not in the middle of a critique.

const KIDS_ASLEEP = 'The kids are asleep, so I finally have time.';
const FRIENDS_COMING = "Friends are coming over later and it's my turn to pick.";
const COUCH = 'My couch is calling.';
const DINNER = 'Just in time for dinner.';
const EARLY_NIGHT = 'Maybe I should just go to bed early.';
const TOMORROW = "There's always tomorrow.";
const TV = "I'll see what's on TV.";
const WALK = 'Maybe a walk instead.';
const LONG_DAY = "It's been a long day.";
const LIGHTS_OFF = 'Lights off, phone away.';
const POPCORN_READY = "Popcorn's ready.";
const MAKE_POPCORN = 'Time to make some popcorn.';
const SNACKS_READY = "I've got snacks and a blanket ready.";
const REMOTE = 'Now to find the remote.';
const READING_GLASSES = 'Now to find my reading glasses.';
const COMFY = 'Time to get comfy.';
const FEET_UP = 'Feet up for the evening, then.';
const WHOLE_EVENING = "I've got the whole evening free.";
const QUIET_EVENING = 'Finally, a quiet evening.';
const RAINING = "It's raining here, so I'm staying in.";
const FIRST_FREE_NIGHT = "It's my first free night in ages.";
const PARTNER_OUT = 'My partner is out tonight, so I get to choose.';

/** How a request for an evening still to come ends ("Got a movie night coming up and need ideas."). */
export const COMING_UP = 'coming up and need ideas';

// The evening begins as the user settles: dinner, the lights, the popcorn.
const STARTING_NOW = [
  DINNER,
  LIGHTS_OFF,
  POPCORN_READY,
  MAKE_POPCORN,
  SNACKS_READY,
  REMOTE,
  READING_GLASSES,
  COMFY,
  FEET_UP,
  COUCH,
];

/**
 * Whether the user's first turn set an evening still to come, which a choice does not start ("I'll put it on now.").
 */
export function eveningAhead(opening: string): boolean {
  return opening.includes(FRIENDS_COMING) || opening.includes(COMING_UP);
}

function build(d: DomainWords) {
  // Asides that set the scene, said with an opening request or hello, each with what the recommender says back to it
  // (about the evening, never about a taste): "I'm home sick, …" is met with "Sorry you're under the weather.".
  const homeSick = d.a && `I'm home sick, so ${d.a} is about all I can manage.`;
  const needOccasion = d.occasion && `Long week, I need a ${d.occasion}!`;
  const occasionAtLast = d.occasion && `${capitalize(d.occasion)} at last.`;
  const meaningTo = `I've been meaning to ${d.consume.base} something all week.`;
  const scenes: ReadonlyArray<readonly [string | false | undefined, readonly string[]]> = [
    [needOccasion, ["Sounds like you've earned it.", "You've earned it."]],
    [occasionAtLast, ["Let's make it a fun one.", "Let's make tonight count."]],
    [WHOLE_EVENING, ["Let's make the most of it.", 'A whole evening to yourself!']],
    [LONG_DAY, ["Sorry it's been a long day.", "Let's find you something to unwind with."]],
    ['Just got home from work.', ["Let's find you something to unwind with.", 'Welcome home!']],
    [QUIET_EVENING, ["Let's make the most of it.", 'Some quiet at last.']],
    [RAINING, ['A rainy night in, then.', 'Perfect weather for staying in.']],
    [KIDS_ASLEEP, ["Let's make the most of the quiet.", 'Some time to yourself at last, then.']],
    [FIRST_FREE_NIGHT, ["Let's make it count.", 'About time you had one!']],
    ['I just finished a big project at work.', ['Congratulations on the project!', 'Well done on the project!']],
    [meaningTo, ["Let's make tonight the night.", "Let's make it happen, then."]],
    [PARTNER_OUT, ['Your pick tonight, then.', 'Your choice tonight, then.', 'Your pick, then.']],
    [d.screen && FRIENDS_COMING, ["Let's find something for the whole group.", 'No pressure, then!']],
    [homeSick, ["Sorry you're under the weather.", 'Feel better soon!']],
  ];
  const set = scenes.filter(
    (scene): scene is readonly [string, readonly string[]] => typeof scene[0] === 'string' && scene[0] !== '',
  );
  /** Asides that set the scene, said with an opening request or hello. */
  const OPENING_ASIDES: readonly string[] = set.map(([aside]) => aside);
  /** What the recommender says back to each of them, in its reply to the user's first turn. */
  const SCENE_REPLIES: ReadonlyMap<string, readonly string[]> = new Map(set);
  /** Those it answers with sympathy, after which it takes in a liking without cheer ("Ooh, documentaries. Nice."). */
  const SOBER_SCENES: ReadonlySet<string> = new Set(present([LONG_DAY, homeSick]));

  /**
   * Asides that would not fit the scene a user's first turn sets, by words that set it. Later on: no dinner once the
   * kids are asleep; no walk instead in the rain or when home sick; with friends on their way tonight, no early night,
   * no putting it off and no TV or walk instead; and for an evening still to come (friends on their way too), nothing
   * that starts it now, the couch included. In the turn itself, no walk once it is late or the user is calling it a
   * night, and no second "Maybe" ("Maybe another time. Maybe a walk instead."). In the opening turn, no aside that
   * says again what its hello or request said ("Good evening! … Finally, a quiet evening.", "I have a free evening …
   * It's my first free night in ages.", "What should I watch tonight? My partner is out tonight, …", "… no idea what
   * to watch. I've been meaning to watch something all week.") or gainsays it: a movie night still to come is not
   * here "at last", nor are the kids asleep for it yet, and a couple of hours is not the whole evening.
   */
  const SCENE_CLASHES: ReadonlyMap<string, readonly string[]> = new Map<string, readonly string[]>([
    [KIDS_ASLEEP, [DINNER]],
    ...present([RAINING, homeSick]).map((scene): [string, readonly string[]] => [scene, [WALK]]),
    ...['getting late', 'call it a night', 'bed'].map((scene): [string, readonly string[]] => [scene, [WALK]]),
    ['Maybe', [WALK, EARLY_NIGHT]],
    [FRIENDS_COMING, [EARLY_NIGHT, TOMORROW, TV, WALK, ...STARTING_NOW]],
    [
      COMING_UP,
      present([...STARTING_NOW, needOccasion, occasionAtLast, QUIET_EVENING, RAINING, KIDS_ASLEEP, homeSick]),
    ],
    ['evening', [WHOLE_EVENING, QUIET_EVENING]],
    ['Evening!', [WHOLE_EVENING, QUIET_EVENING]],
    ['free evening', [FIRST_FREE_NIGHT]],
    ['tonight', [PARTNER_OUT]],
    ['a couple of hours', [WHOLE_EVENING]],
    [`to ${d.consume.base}`, [meaningTo]],
  ]);

  /** Asides that look ahead to the evening, said on settling on an item. */
  const SETTLED_ASIDES: readonly string[] = present([
    !d.screen && "The kettle's on.",
    COUCH,
    !d.screen && "I'll make a pot of tea first.",
    d.screen && LIGHTS_OFF,
    !d.screen && 'Phone on silent.',
    "I'll text my sister about it later.",
    DINNER,
    d.screen && REMOTE,
    !d.screen && READING_GLASSES,
    FEET_UP,
    COMFY,
  ]);

  /** The same, and treats for a fun night in: on settling on an item that is not grave (no popcorn for Shoah). */
  const SETTLED_ASIDES_LIGHT: readonly string[] = present([
    ...SETTLED_ASIDES,
    d.screen && POPCORN_READY,
    d.screen && SNACKS_READY,
    d.screen && MAKE_POPCORN,
  ]);

  /** Asides on giving up for the evening. */
  const GIVE_UP_ASIDES: readonly string[] = present([
    EARLY_NIGHT,
    d.occasion && 'I might read a book instead.',
    TOMORROW,
    d.occasion && TV,
    WALK,
  ]);
  return {
    OPENING_ASIDES,
    SCENE_REPLIES,
    SOBER_SCENES,
    SCENE_CLASHES,
    SETTLED_ASIDES,
    SETTLED_ASIDES_LIGHT,
    GIVE_UP_ASIDES,
  };
}

/** The lists of this file, worded for one domain's phrasing (built once per phrasing). */
export const chattyAsides = perPhrasing((phrasing) => build(domainWords(phrasing)));
/** The lists of this file for one phrasing. */
export type ChattyAsides = ReturnType<typeof build>;
