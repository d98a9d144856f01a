import { type DomainWords, domainWords, perPhrasing, present } from '../../lexicon/domain-phrasing.js';
import { capitalize, pluralize } from '../../lexicon/english.js';
import { soundsGrave } from './grave-words.js';
import type { Template } from './template.js';

// Clauses, not sentences: a turn's opinions are fused into sentences ("I love sci-fi, but I can't stand horror"),
// so these start in mid-sentence form and carry no final punctuation. Polarity words are kept unmistakable: no
// positive clause says "hate", "can't stand" or "not a fan"; no negative one says "love", "enjoy" or "great"; and
// no negation of a positive verb ("don't like"), which keyword-based checks misread.

/** Words for an opinion about attributes: `x` is a noun phrase or a list of them ("sci-fi and horror"). */
export interface AttributeOpinionWords {
  readonly x: string;
}

/** Words for an opinion about seen items. */
export interface ItemOpinionWords {
  /** The titles, "A" or "A and B". */
  readonly t: string;
  /** "was" or "were". */
  readonly was: string;
  /** "wasn't" or "weren't". */
  readonly wasnt: string;
  /** "it" or "them". */
  readonly it: string;
}

/** The five opinion shades: strength splits each polarity in two. */
export type OpinionShade = 'love' | 'like' | 'neutral' | 'dislike' | 'hate';

/** Phrasings per shade, normal and terse. */
export interface OpinionTemplates<W> {
  readonly normal: Readonly<Record<OpinionShade, readonly Template<W>[]>>;
  readonly terse: Readonly<Record<OpinionShade, readonly Template<W>[]>>;
}

// Dramas and war films are not fun, however much someone likes them: "Dramas can be rewarding", "Comedies can be fun".
function funOrRewarding(x: string): string {
  return soundsGrave(x) || /\bdrama/i.test(x) ? 'rewarding' : 'fun';
}

function build(d: DomainWords) {
  // "A and B were good reads": the plural of the domain's noun for one go at an item, where it has one.
  const consumeNouns = d.consumeNoun === undefined ? '' : pluralize(d.consumeNoun);
  /** Opinions about attributes, present tense: "I love sci-fi". */
  const ATTRIBUTE_OPINIONS: OpinionTemplates<AttributeOpinionWords> = {
    normal: {
      love: [
        ({ x }) => `I love ${x}`,
        ({ x }) => `I absolutely love ${x}`,
        ({ x }) => `I'm a huge fan of ${x}`,
        ({ x }) => `I adore ${x}`,
        ({ x }) => `I'm really into ${x}`,
        ({ x }) => `nothing beats ${x} for me`,
        ({ x }) => `I can never get enough of ${x}`,
        ({ x }) => `I'm a big fan of ${x}`,
        ({ x }) => `I really love ${x}`,
        ({ x }) => `I've always loved ${x}`,
        ({ x }) => `I'm a sucker for ${x}`,
        ({ x }) => `I just love ${x}`,
        ({ x }) => `I'm a massive fan of ${x}`,
        ({ x }) => `I'm crazy about ${x}`,
        ({ x }) => `I'm always in the mood for ${x}`,
        ({ x }) => `I'll always say yes to ${x}`,
        ({ x }) => `I could ${d.consume.base} ${x} all day`,
      ],
      // Below STRONG_OPINION, down to a passing liking: nothing here says "always" or "a lot".
      like: [
        ({ x }) => `I like ${x}`,
        ({ x }) => `I enjoy ${x}`,
        ({ x }) => `I'm into ${x}`,
        ({ x }) => `I have a soft spot for ${x}`,
        ({ x }) => `I'm usually up for ${x}`,
        ({ x }) => `I quite like ${x}`,
        ({ x }) => `I'm fairly keen on ${x}`,
        ({ x }) => `I'm a fan of ${x}`,
        ({ x }) => `I tend to enjoy ${x}`,
        ({ x }) => `I generally like ${x}`,
        ({ x }) => `I'm often up for ${x}`,
        ({ x }) => `I'm partial to ${x}`,
        ({ x }) => `I rather like ${x}`,
        ({ x }) => `I do like ${x}`,
        ({ x }) => `I like a lot of ${x}`,
        ({ x }) => `I've been enjoying ${x} lately`,
        ({ x }) => `I generally enjoy ${x}`,
        ({ x }) => `I'm keen on ${x}`,
        ({ x }) => `I often go for ${x}`,
        ({ x }) => `I'm generally a fan of ${x}`,
        ({ x }) => `I do enjoy ${x}`,
        ({ x }) => `I've got a bit of a thing for ${x}`,
        ({ x }) => `I tend to like ${x}`,
        ({ x }) => `I'd say I like ${x}`,
        ({ x }) => `I usually go for ${x}`,
      ],
      neutral: [
        ({ x }) => `I have no strong feelings about ${x}`,
        ({ x }) => `I don't feel strongly about ${x} either way`,
        ({ x }) => `I'm neutral on ${x}`,
        ({ x }) => `I could take or leave ${x}`,
        ({ x }) => `I'm indifferent to ${x}`,
        ({ x }) => `I'm fine either way when it comes to ${x}`,
        ({ x }) => `I don't mind ${x} either way`,
        ({ x }) => `I'm okay with ${x}, nothing special`,
        ({ x }) => `I'm fine with ${x}, I guess`,
        ({ x }) => `I'm pretty neutral about ${x}`,
        ({ x }) => `no strong feelings either way about ${x}`,
        ({ x }) => `I'm okay with ${x} either way`,
        ({ x }) => `${x} or not, I'm fine either way`,
        ({ x }) => `I can go either way on ${x}`,
        ({ x }) => `I'm fine with or without ${x}`,
        ({ x }) => `${x} wouldn't bother me either way`,
        ({ x }) => `I'm lukewarm on ${x}`,
        ({ x }) => `I'm fairly neutral when it comes to ${x}`,
        ({ x }) => `I have no real preference on ${x}; either way is fine`,
        ({ x }) => `whether it's ${x} or not, I'm fine`,
        ({ x }) => `I find ${x} okay, nothing more`,
        ({ x }) => `I'd be fine with or without ${x}`,
        ({ x }) => `${x} can go either way for me`,
        ({ x }) => `I have no strong feelings on ${x} at all`,
        ({ x }) => `I'm alright with ${x}, no more than that`,
        ({ x }) => `either way is fine with me on ${x}`,
      ],
      dislike: [
        ({ x }) => `I'm not a fan of ${x}`,
        ({ x }) => `I'm not big on ${x}`,
        ({ x }) => `I'm not really into ${x}`,
        ({ x }) => `I'd rather skip ${x}`,
        ({ x }) => `I usually pass on ${x}`,
        ({ x }) => `I tend to steer clear of ${x}`,
        ({ x }) => `I'm not too keen on ${x}`,
        ({ x }) => `I'm not much of a fan of ${x}`,
        ({ x }) => `I don't care for ${x} much`,
        ({ x }) => `I'd rather stay away from ${x}`,
        ({ x }) => `I'm not much into ${x}, never have been`,
        ({ x }) => `${x} can be a letdown for me`,
        ({ x }) => `I'd pass on ${x}`,
        ({ x }) => `I'm not in the mood for ${x}`,
        ({ x }) => `I could do without ${x}`,
        ({ x }) => `I'm not drawn to ${x}`,
        ({ x }) => `I'd rather not ${d.consume.base} ${x}`,
        ({ x }) => `I usually steer clear of ${x}`,
      ],
      hate: [
        ({ x }) => `I can't stand ${x}`,
        ({ x }) => `I hate ${x}`,
        ({ x }) => `I really dislike ${x}`,
        ({ x }) => `I avoid ${x} at all costs`,
        ({ x }) => `I have zero interest in ${x}`,
        ({ x }) => `please, no ${x}`,
        ({ x }) => `absolutely no ${x} for me`,
        ({ x }) => `I really can't stand ${x}`,
        ({ x }) => `I honestly hate ${x}`,
        ({ x }) => `I stay away from ${x}, always`,
        ({ x }) => `I really can't do ${x}`,
        ({ x }) => `I absolutely hate ${x}`,
        ({ x }) => `keep ${x} far away from me`,
        ({ x }) => `I have no patience for ${x}`,
        ({ x }) => `it's a hard no on ${x}`,
      ],
    },
    terse: {
      love: [
        ({ x }) => `love ${x}`,
        ({ x }) => `big fan of ${x}`,
        ({ x }) => `really into ${x}`,
        ({ x }) => `${x}, always`,
        ({ x }) => `can't get enough of ${x}`,
        ({ x }) => `huge fan of ${x}`,
        ({ x }) => `adore ${x}`,
        ({ x }) => `${x}, big fan`,
        ({ x }) => `love ${x}, honestly`,
        ({ x }) => `crazy about ${x}`,
        ({ x }) => `${x}, every time`,
      ],
      like: [
        ({ x }) => `like ${x}`,
        ({ x }) => `enjoy ${x}`,
        ({ x }) => `into ${x}`,
        ({ x }) => `fan of ${x}`,
        ({ x }) => `keen on ${x}`,
        ({ x }) => `up for ${x}`,
        ({ x }) => `quite like ${x}`,
        ({ x }) => `usually up for ${x}`,
        ({ x }) => `happy with ${x}`,
        ({ x }) => `often go for ${x}`,
        ({ x }) => `partial to ${x}`,
        ({ x }) => `drawn to ${x}`,
        ({ x }) => `good with ${x}`,
      ],
      neutral: [
        ({ x }) => `no strong feelings on ${x}`,
        ({ x }) => `neutral on ${x}`,
        ({ x }) => `indifferent to ${x}`,
        ({ x }) => `${x}? Either way`,
        ({ x }) => `${x}? Fine by me`,
        ({ x }) => `${x}? Fine either way`,
        ({ x }) => `no preference either way on ${x}`,
        ({ x }) => `either way on ${x}`,
        ({ x }) => `fine with ${x}`,
        ({ x }) => `${x}, don't mind either way`,
        ({ x }) => `${x}? Don't mind`,
        ({ x }) => `${x}? Okay either way`,
        ({ x }) => `fine with or without ${x}`,
      ],
      dislike: [
        ({ x }) => `not a fan of ${x}`,
        ({ x }) => `not into ${x}`,
        ({ x }) => `not big on ${x}`,
        ({ x }) => `rather skip ${x}`,
        ({ x }) => `${x}? Not my thing`,
        ({ x }) => `not keen on ${x}`,
        ({ x }) => `${x}? Not for me`,
        ({ x }) => `${x}, not a fan`,
        ({ x }) => `could do without ${x}`,
        ({ x }) => `pass on ${x}`,
      ],
      hate: [
        ({ x }) => `hate ${x}`,
        ({ x }) => `can't stand ${x}`,
        ({ x }) => `no ${x}, please`,
        ({ x }) => `${x}? Hard no`,
        ({ x }) => `${x}? Hard pass`,
        ({ x }) => `${x}, hard pass`,
        ({ x }) => `really hate ${x}`,
        ({ x }) => `avoid ${x}, always`,
        ({ x }) => `${x}? No way`,
        ({ x }) => `no patience for ${x}`,
      ],
    },
  };

  /**
   * Extra phrasings for mild opinions (strength under {@link MILD_OPINION}), mixed with the like/dislike lists: a
   * hedge rather than a change of mind. "can be" reads with mass and plural nouns alike ("sci-fi", "comedies").
   */
  const ATTRIBUTE_MILD: Readonly<
    Record<
      'positive' | 'negative',
      {
        readonly normal: readonly Template<AttributeOpinionWords>[];
        readonly terse: readonly Template<AttributeOpinionWords>[];
      }
    >
  > = {
    positive: {
      normal: [
        ({ x }) => `I like ${x} well enough`,
        ({ x }) => `${x} can be ${funOrRewarding(x)}`,
        ({ x }) => `I enjoy ${x} every now and then`,
        ({ x }) => `I like ${x} now and then`,
        ({ x }) => `I'm up for ${x} sometimes`,
        ({ x }) => `I can enjoy ${x} in the right mood`,
        ({ x }) => `I kind of like ${x}`,
      ],
      terse: [
        ({ x }) => `${x} can be ${funOrRewarding(x)}`,
        ({ x }) => `like ${x}, mostly`,
        ({ x }) => `up for ${x} sometimes`,
      ],
    },
    negative: {
      normal: [
        ({ x }) => `${x} can be a bit dull for me`,
        ({ x }) => `I'm not really a fan of ${x}`,
        ({ x }) => `${x} can get boring for me`,
        ({ x }) => `I'm not all that keen on ${x}`,
        ({ x }) => `I don't usually go for ${x}`,
      ],
      terse: [({ x }) => `${x} can be dull`, ({ x }) => `not really into ${x}`, ({ x }) => `${x}? Not for me`],
    },
  };

  /** Below this strength an opinion may be hedged ("I like sci-fi well enough", "comedies can get boring for me"). */
  const MILD_OPINION = 0.45;

  /** Short endings an opinion about attributes may carry, by shade: they soften or stress, never turn it. */
  const ATTRIBUTE_TAILS: Readonly<Record<OpinionShade, readonly string[]>> = {
    love: [', honestly', ', no question', ', hands down', ', for sure', ', without a doubt', ' these days'],
    like: [
      ', most of the time',
      ' these days',
      ', to be honest',
      ', I have to say',
      ', for the most part',
      ', if you ask me',
      ', on the whole',
    ],
    neutral: [', really', ', to be honest', ', honestly', ', to be fair'],
    dislike: [', to be honest', ' these days', ', as a rule', ', for the most part', ', honestly', ", if I'm honest"],
    hate: [', honestly', ', seriously', ', sorry', ', no matter what', ", I'm afraid", ', full stop'],
  };

  /** Ending a dislike of a kind that a title the user praised has: "Could do without sci-fi, with the odd exception". */
  const DISLIKE_EXCEPTIONS: readonly string[] = [
    ', with the odd exception',
    ', with a few exceptions',
    ', bar the odd exception',
  ];

  /**
   * A strong liking of something grave, without delight: "I'm drawn to movies about racism", not "Big fan of movies
   * about racism!". Nothing here agrees in number with `x`, which may be one thing ("true crime") or many, nor is
   * moved by it: `x` may be brutal, or join a light liking ("thrillers and brutal movies", "war and adventure movies").
   */
  const GRAVE_LIKINGS: Readonly<Record<'normal' | 'terse', readonly Template<AttributeOpinionWords>[]>> = {
    normal: [
      ({ x }) => `I'm drawn to ${x}`,
      ({ x }) => `I'm always interested in ${x}`,
      ({ x }) => `I tend to seek out ${x}`,
      ({ x }) => `I find ${x} worthwhile`,
      ({ x }) => `I've a lot of time for ${x}`,
      ({ x }) => `I value ${x}`,
    ],
    terse: [
      ({ x }) => `drawn to ${x}`,
      ({ x }) => `${x}, always`,
      ({ x }) => `I seek out ${x}`,
      ({ x }) => `a lot of time for ${x}`,
    ],
  };

  /** Openings an opinion may carry when it starts a sentence: "Hmm, I could take or leave westerns." */
  const OPINION_LEADS: Readonly<Record<'positive' | 'negative' | 'neutral', readonly string[]>> = {
    positive: ['oh, ', 'well, ', 'honestly, '],
    negative: ['hmm, ', 'well, ', 'honestly, ', 'to be honest, '],
    neutral: ['hmm, ', 'well, ', 'honestly, '],
  };

  /** Opinions about seen items, past tense: "I loved Alien (1979)". */
  const ITEM_OPINIONS: OpinionTemplates<ItemOpinionWords> = {
    normal: {
      love: [
        ({ t }) => `I loved ${t}`,
        ({ t }) => `I absolutely loved ${t}`,
        ({ t, was }) => `${t} ${was} fantastic`,
        ({ t }) => `${t} blew me away`,
        ({ t, was }) => `${t} ${was} amazing`,
        ({ t }) => `I adored ${t}`,
        ({ t }) => `I really loved ${t}`,
        ({ t, was }) => `${t} ${was} brilliant`,
        ({ t }) => `I loved every minute of ${t}`,
        ({ t, was }) => `${t} ${was} incredible`,
        ({ t, was }) => `${t} ${was === 'was' ? 'was a real gem' : 'were real gems'}`,
        ({ t }) => `I still think about ${t}`,
        ({ t, was }) =>
          `${t} ${was === 'was' ? 'was one of' : 'were among'} the best things I've ${d.experience.participle}`,
        ({ t, was }) => `${t} ${was === 'was' ? 'was a favourite of mine' : 'were favourites of mine'}`,
      ],
      like: present([
        ({ t }) => `I liked ${t}`,
        ({ t }) => `I enjoyed ${t}`,
        ({ t, was }) => `${t} ${was} pretty good`,
        ({ t, was }) => `${t} ${was} solid`,
        ({ t, was }) => `I thought ${t} ${was} good`,
        ({ t }) => `I liked ${t} quite a bit`,
        d.consumeNoun &&
          (({ t, was }) => `${t} ${was === 'was' ? `was a good ${d.consumeNoun}` : `were good ${consumeNouns}`}`),
        ({ t, was }) => `I thought ${t} ${was} well done`,
        ({ t, was }) => `${t} ${was} worth the time`,
        ({ t }) => `I liked ${t} a fair bit`,
      ]),
      neutral: [
        ({ t, was }) => `${t} ${was} okay`,
        ({ t, was }) => `${t} ${was} fine, nothing special`,
        ({ t }) => `I have no strong feelings about ${t}`,
        ({ t, was }) => `${t} ${was} alright, I guess`,
        ({ t }) => `I was lukewarm on ${t}`,
        ({ t, was }) => `${t} ${was} so-so`,
        ({ t, was }) => `${t} ${was} fine, I suppose`,
        ({ t, was }) => `I thought ${t} ${was} just okay`,
        ({ t, was }) => `${t} ${was} alright, nothing memorable`,
        ({ t, was }) => `${t} ${was} fine, but forgettable`,
        ({ t, was }) => `${t} ${was} okay, not much more`,
        ({ t }) => `I felt so-so about ${t}`,
      ],
      dislike: [
        ({ t }) => `I wasn't a fan of ${t}`,
        ({ t }) => `${t} didn't do it for me`,
        ({ t }) => `${t} left me cold`,
        ({ t }) => `I didn't care for ${t}`,
        ({ t, wasnt }) => `${t} ${wasnt} for me`,
        ({ t, was }) => `${t} ${was} a bit disappointing`,
        ({ t, was }) => `${t} ${was} a bit dull`,
        ({ t, was }) => `${t} ${was} kind of boring`,
        ({ t }) => `I was let down by ${t}`,
        ({ t }) => `${t} didn't grab me`,
        ({ t, was }) => `${t} ${was} a bit of a letdown`,
        ({ t }) => `${t} never really clicked for me`,
      ],
      hate: present([
        ({ t }) => `I hated ${t}`,
        ({ t }) => `I couldn't stand ${t}`,
        ({ t, was }) => `${t} ${was} awful`,
        ({ t }) => `I really disliked ${t}`,
        // A book is not sat through: it is read over days.
        d.oneSitting && (({ t, was }) => `${t} ${was} painful to sit through`),
        ({ t, was }) => `${t} ${was} terrible`,
        ({ t, was }) => `${t} ${was} dreadful`,
        ({ t }) => `I hated every minute of ${t}`,
        d.unconsumable && (({ t, was }) => `${t} ${was} ${d.unconsumable}`),
        ({ t, was }) => `${t} ${was} just bad`,
        ({ t }) => `I couldn't get through ${t}`,
        ({ t, was }) => `${t} ${was} a waste of time`,
      ]),
    },
    terse: {
      love: [
        ({ t }) => `loved ${t}`,
        ({ t, it }) => `${t}, loved ${it}`,
        ({ t, was }) => `${t} ${was} great`,
        ({ t }) => `${t}? Amazing`,
        ({ t, was }) => `${t} ${was} brilliant`,
        ({ t, was }) => `${t} ${was === 'was' ? 'was a favourite' : 'were favourites'}`,
      ],
      like: [
        ({ t }) => `liked ${t}`,
        ({ t }) => `enjoyed ${t}`,
        ({ t, was }) => `${t} ${was} good`,
        ({ t }) => `${t}, pretty good`,
        ({ t }) => `liked ${t} a lot`,
      ],
      neutral: [
        ({ t, was }) => `${t} ${was} okay`,
        ({ t }) => `${t}? So-so`,
        ({ t, was }) => `${t} ${was} fine`,
        ({ t }) => `no strong feelings on ${t}`,
        ({ t, was }) => `${t} ${was} alright`,
        ({ t }) => `${t}, so-so`,
      ],
      dislike: [
        ({ t }) => `not a fan of ${t}`,
        ({ t, wasnt }) => `${t} ${wasnt} for me`,
        ({ t }) => `didn't care for ${t}`,
        ({ t }) => `${t} left me cold`,
        ({ t }) => `${t}, not for me`,
        ({ t, was }) => `${t} ${was} dull`,
      ],
      hate: [
        ({ t }) => `hated ${t}`,
        ({ t, was }) => `${t} ${was} awful`,
        ({ t }) => `couldn't stand ${t}`,
        ({ t }) => `${t}? Terrible`,
        ({ t, was }) => `${t} ${was} dreadful`,
        ({ t }) => `${t}? Awful`,
      ],
    },
  };

  /** Answers to "Have you seen X?" when the user has not: every one says so plainly. */
  const NOT_SEEN: {
    readonly normal: readonly Template<ItemOpinionWords>[];
    readonly terse: readonly Template<ItemOpinionWords>[];
  } = {
    normal: present([
      ({ t }) => `I haven't ${d.experience.participle} ${t}`,
      ({ t }) => `I've never ${d.consume.participle} ${t}`,
      ({ t }) => `I haven't gotten around to ${t} yet`,
      // "Catching" a film, a show or a concert: things with performers, not a book or a game.
      d.performer && (({ t }) => `I haven't caught ${t}`),
      ({ t }) => `${t}? I've never ${d.experience.participle} it`,
      ({ t }) => `I haven't ${d.consume.participle} ${t}, actually`,
      ({ t }) => `never ${d.experience.participle} ${t}, I'm afraid`,
      ({ t }) => `no, I haven't ${d.experience.participle} ${t}`,
      ({ t }) => `I never got around to ${d.experience.gerund} ${t}`,
      ({ t }) => `I've somehow never ${d.experience.participle} ${t}`,
      d.performer && (({ t }) => `no, I've never caught ${t}`),
      ({ t }) => `I haven't had the chance to ${d.experience.base} ${t}`,
    ]),
    terse: [
      ({ t }) => `haven't ${d.experience.participle} ${t}`,
      ({ t }) => `never ${d.experience.participle} ${t}`,
      ({ t }) => `${t}? Haven't ${d.experience.participle} it`,
      ({ t }) => `not ${d.experience.participle} ${t}`,
    ],
  };

  /** Answers that the user has seen an item, with no opinion given. */
  const SEEN: {
    readonly normal: readonly Template<ItemOpinionWords>[];
    readonly terse: readonly Template<ItemOpinionWords>[];
  } = {
    normal: [
      ({ t }) => `yes, I've ${d.experience.participle} ${t}`,
      ({ t }) => `I have ${d.experience.participle} ${t}`,
      ({ t }) => `I've ${d.consume.participle} ${t}, yes`,
      ({ t }) => `${t}? Yes, I've ${d.experience.participle} it`,
      ({ t }) => `I've ${d.experience.participle} ${t}`,
      ({ t }) => `yep, I've ${d.consume.participle} ${t}`,
    ],
    terse: [
      ({ t }) => `${d.experience.participle} ${t}`,
      ({ t }) => `yes, ${d.experience.participle} ${t}`,
      ({ t }) => `${t}? ${capitalize(d.experience.participle)} it`,
      ({ t }) => `${d.consume.participle} ${t}`,
    ],
  };

  /**
   * Openers for an answer that gives an opinion of a seen item ("Yes, I loved …"), by polarity so the opener never
   * pulls against the opinion ("Oh yes, … left me cold"). Empty strings keep it plain.
   */
  const ANSWER_OPENERS: Readonly<
    Record<
      'positive' | 'negative' | 'neutral',
      { readonly normal: readonly string[]; readonly terse: readonly string[] }
    >
  > = {
    positive: { normal: ['', '', 'yes, ', 'I have, and ', 'yep, ', 'oh yes, '], terse: ['', '', 'yes, '] },
    negative: {
      normal: ['', '', 'yes, ', 'I have, but ', 'I did, and honestly, ', 'I have. Sadly, '],
      terse: ['', '', 'yes, '],
    },
    neutral: { normal: ['', '', 'yes, ', 'I have, and ', 'I have; ', 'yeah, '], terse: ['', '', 'yes, '] },
  };

  /** A disclosure that names neither an attribute nor an item (the schema allows it): polarity without a subject. */
  const BARE_OPINIONS: Readonly<Record<'positive' | 'negative' | 'neutral', readonly string[]>> = {
    positive: ['that sounds good to me', 'I like the sound of that', "yes, I'm into that"],
    negative: ["I'm not so sure about that", "that's not really my thing", "I'd rather not"],
    neutral: ["I don't mind either way", 'no strong feelings either way', "I'm easy either way"],
  };
  /**
   * More likings of items, said only of items that are not serious: nobody had fun with a film about the Holocaust,
   * nor with The Shawshank Redemption.
   */
  const ITEM_LIKINGS_LIGHT: Readonly<Record<'normal' | 'terse', readonly Template<ItemOpinionWords>[]>> = {
    normal: [
      ({ t }) => `I had fun with ${t}`,
      ({ t, was }) => `I thought ${t} ${was} pretty fun`,
      ({ t }) => `I had a good time with ${t}`,
    ],
    terse: [({ t, was }) => `${t} ${was} fun`],
  };
  return {
    ATTRIBUTE_OPINIONS,
    ATTRIBUTE_MILD,
    MILD_OPINION,
    ATTRIBUTE_TAILS,
    DISLIKE_EXCEPTIONS,
    GRAVE_LIKINGS,
    OPINION_LEADS,
    ITEM_OPINIONS,
    ITEM_LIKINGS_LIGHT,
    NOT_SEEN,
    SEEN,
    ANSWER_OPENERS,
    BARE_OPINIONS,
  };
}

/** The lists of this file, worded for one domain's phrasing (built once per phrasing). */
export const opinionTemplates = perPhrasing((phrasing) => build(domainWords(phrasing)));
/** The lists of this file for one phrasing. */
export type OpinionTemplateLists = ReturnType<typeof build>;
