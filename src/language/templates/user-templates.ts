import { type DomainWords, domainWords, perPhrasing, present } from '../../lexicon/domain-phrasing.js';
import { capitalize } from '../../lexicon/english.js';
import type { ShiftWords } from './assistant-templates.js';
import { COMING_UP } from './chatty-asides.js';
import type { Template, TitleWords } from './template.js';

// The simulated user's phrasings (opinions live in opinion-templates.ts). Each list has a terse twin for personas
// that say little; chatty personas use the normal list plus an aside (chatty-asides.ts).

/** Every "first second" pairing of two parts: phrasings composed from a part that says why and one that signs off. */
function pairs(firsts: readonly string[], seconds: readonly string[]): string[] {
  return firsts.flatMap((first) => seconds.map((second) => `${first} ${second}`));
}

/** A pair of phrasing lists: normal and terse. */
export interface Styled<W> {
  readonly normal: readonly Template<W>[];
  readonly terse: readonly Template<W>[];
}

/** A pair of fixed phrasings: normal and terse. */
export interface StyledText {
  readonly normal: readonly string[];
  readonly terse: readonly string[];
}

/** Words for a critique said as what is wrong with the item: `a` in "too violent" or "not thrilling enough". */
export interface ShortfallWords {
  readonly t: string;
  readonly a: string;
}

/** Words for turning down an item while saying what the user would rather have: `x` in "more in the mood for x". */
export interface InsteadWords extends TitleWords {
  readonly x: string;
}

/** Words for turning down several items. */
export interface RejectManyWords extends TitleWords {
  /** "neither A nor B" or "none of A, B and C". */
  readonly none: string;
  /** "both A and B" or "all of A, B and C". */
  readonly all: string;
}

const EVENING_TWICE = /\bevening\b.*\bevening\b/i;

function build(d: DomainWords) {
  const GOAL_REQUESTS: readonly string[] = present([
    d.a && `I'm looking for ${d.a} for tonight.`,
    `Can you help me find something to ${d.consume.base}?`,
    d.a && `I need ${d.a} recommendation.`,
    d.a && `I'm trying to pick ${d.a}.`,
    `I'm looking for something to ${d.consume.base} tonight.`,
    d.one && `Any ${d.one} suggestions?`,
    d.a && `Can you recommend ${d.a}?`,
    d.a && `I'm in the mood for ${d.a}.`,
    d.aAlt && `Could you suggest ${d.aAlt} for tonight?`,
    `I can't decide what to ${d.consume.base}.`,
    d.a && `I want to ${d.consume.base} ${d.a} tonight, any ideas?`,
    d.a && `I'd like ${d.a} recommendation, please.`,
    `What should I ${d.consume.base} tonight?`,
    d.aAlt && `I'm after ${d.aAlt} for this evening.`,
    d.a && `Could you point me to ${d.a} worth ${d.consume.gerund}?`,
    `I have a free evening and no idea what to ${d.consume.base}.`,
    d.a && `What's ${d.a} I should ${d.experience.base} tonight?`,
    d.occasion && `Got a ${d.occasion} ${COMING_UP}.`,
    `Help me choose something to ${d.consume.base}?`,
    d.aAlt && `I'm hoping you can suggest ${d.aAlt}.`,
    d.a && `Any recommendations for ${d.a} tonight?`,
    `I'm hunting for something to ${d.consume.base} this evening.`,
    d.aAlt && `Could you help me find ${d.aAlt}?`,
    d.a && `Got any ideas for ${d.a} tonight?`,
    d.aAlt && `I'd love ${d.aAlt} suggestion.`,
    'What would you recommend for tonight?',
    `I'm stuck on what to ${d.consume.base}.`,
    d.aAlt && `I'm looking for ${d.aAlt} to unwind with.`,
    `Can you pick something for me to ${d.consume.base}?`,
    d.a && `I've got a couple of hours and want ${d.a}.`,
    d.screen && 'Looking for something to put on tonight.',
    !d.screen && d.a && `Looking for ${d.a} to get into tonight.`,
    `Help! I need something to ${d.consume.base}.`,
    d.a && `I'm after ${d.a} recommendation.`,
    d.a && `I feel like ${d.consume.gerund} ${d.a} but have no plan.`,
    `What's worth ${d.consume.gerund} tonight?`,
    d.alt && `Could you help me pick tonight's ${d.alt}?`,
    `I want something good to ${d.consume.base}.`,
    d.a && `I'm hoping to find ${d.a} I'll actually like.`,
    `Recommend me something to ${d.consume.base}?`,
    d.aAlt && `I need help picking ${d.aAlt}.`,
    d.one && `Looking for a good ${d.one}, any thoughts?`,
    d.aAlt && `I'm up for ${d.aAlt} tonight. What's good?`,
    `I'd like to ${d.consume.base} something new tonight.`,
    d.a && `Do you have ${d.a} for me?`,
    d.a && `I could use ${d.a} suggestion.`,
    d.one && `I'm looking for my next ${d.one}.`,
    `Can you find me something to ${d.consume.base}?`,
    d.a && `Any ideas for ${d.a} to ${d.consume.base} tonight?`,
    `I've run out of things to ${d.consume.base}.`,
  ]);

  /** Opening requests with no item named: a request, alone or after a hello. */
  const STATE_GOAL: StyledText = {
    normal: [
      ...GOAL_REQUESTS,
      ...pairs(
        // Hellos answering the recommender's, which always comes first: not "Hey, got a minute?".
        [
          'Hi!',
          'Hey!',
          'Hello!',
          'Hi there!',
          'Hey there.',
          'Evening!',
          'Hello there.',
          'Good evening!',
          'Oh, hi!',
          'Hiya!',
        ],
        GOAL_REQUESTS,
        // Not the evening twice: "Evening! I'm after a film for this evening."
      ).filter((pair) => !EVENING_TWICE.test(pair)),
    ],
    terse: present([
      d.a && `Need ${d.a}.`,
      d.one && `${capitalize(d.one)} suggestions?`,
      `Something to ${d.consume.base}?`,
      d.a && `Looking for ${d.a}.`,
      d.a && `Recommend ${d.a}?`,
      d.one && `${capitalize(d.one)} for tonight?`,
      `Need something to ${d.consume.base}.`,
      `What should I ${d.consume.base}?`,
      d.alt && `${capitalize(d.alt)} ideas?`,
      d.occasion && `${capitalize(d.occasion)}. Ideas?`,
      d.aAlt && `Need ${d.aAlt} for tonight.`,
      d.a && `Help me pick ${d.a}?`,
      d.many && `Any good ${d.many}?`,
      d.alt && `${capitalize(d.alt)} tonight. Ideas?`,
      d.a && `Need ${d.a} pick.`,
      d.aAlt && `Suggest ${d.aAlt}?`,
      `What to ${d.consume.base}?`,
      'Something good tonight?',
      d.one && `${capitalize(d.one)} recommendation?`,
    ]),
  };

  /** Opening requests anchored on items: "something like X". */
  const STATE_GOAL_LIKE: Styled<TitleWords> = {
    normal: present([
      ({ or }) => `I'm looking for something like ${or}.`,
      ({ or }) => `Hi! Can you find me something like ${or}?`,
      ({ or }) => `I'd like something along the lines of ${or}.`,
      ({ or }) => `Hey, I'm after something similar to ${or}.`,
      d.a && (({ or }) => `Looking for ${d.a} like ${or}.`),
      ({ or }) => `Hi! Any suggestions in the vein of ${or}?`,
      ({ or }) => `Do you know anything similar to ${or}?`,
      d.one && (({ or }) => `I'd love another ${d.one} like ${or}.`),
      ({ or }) => `Something in the spirit of ${or} would be great.`,
      d.aAlt && (({ or }) => `Can you recommend ${d.aAlt} like ${or}?`),
    ]),
    terse: present([
      ({ or }) => `Something like ${or}?`,
      ({ or }) => `Like ${or}, please.`,
      d.many && (({ or }) => `${capitalize(d.many ?? '')} like ${or}?`),
      ({ or }) => `Similar to ${or}?`,
    ]),
  };

  /** Critiques that read with any shift ("but not by X", "but less violent"). */
  const CRITIQUE: Styled<ShiftWords> = {
    normal: present([
      ({ t, s }) => `Something like ${t}, but ${s}?`,
      ({ t, s }) => `I'd like something like ${t}, just ${s}.`,
      ({ t, s }) => `Do you have anything like ${t} but ${s}?`,
      ({ t, s }) => `Similar to ${t}, but ${s}, please.`,
      ({ t, s }) => `How about something in the vein of ${t}, only ${s}?`,
      ({ t, s }) => `What about something along the lines of ${t}, except ${s}?`,
      ({ t, s }) => `${t} is close. Same idea, but ${s}?`,
      ({ t, s }) => `Can you find me something like ${t}, but ${s}?`,
      ({ t, s }) => `Got anything similar to ${t}, but ${s}?`,
      ({ t, s }) => `Maybe something in the same spirit as ${t}, but ${s}?`,
      ({ t, s }) => `I'm thinking something like ${t}, but ${s}.`,
      ({ t, s }) => `Keep it close to ${t}, but ${s}, if you can.`,
      ({ t, s }) => `What I'm after is something like ${t}, only ${s}.`,
      ({ t, s }) => `Think ${t}, but ${s}.`,
      ({ t, s }) => `Any chance of something like ${t}, but ${s}?`,
      ({ t, s }) => `Could we try something like ${t}, just ${s}?`,
      ({ t, s }) => `Could you find one like ${t}, but ${s}?`,
      ({ t, s }) => `Not quite. Something like ${t}, but ${s}?`,
      ({ t, s }) => `Along the lines of ${t}, but ${s}, maybe?`,
      ({ t, s }) => `Hmm, ${t}, but ${s}. Anything like that?`,
      ({ t, s }) => `Is there something like ${t}, but ${s}?`,
      ({ t, s }) => `Can we go for something like ${t}, but ${s}?`,
      ({ t, s }) => `Same vibe as ${t}, but ${s}?`,
      ({ t, s }) => `Something in the style of ${t}, but ${s}?`,
      ({ t, s }) => `Picture ${t}, but ${s}. Got anything?`,
      ({ t, s }) => `I'd go for something like ${t}, but ${s}.`,
      ({ t, s }) => `${t} is in the right area. Maybe ${s}, though?`,
      ({ t, s }) => `I like the idea of ${t}, but maybe something ${s}?`,
      ({ t, s }) => `Close, but not quite. Like ${t}, but ${s}?`,
      ({ t, s }) => `Is there anything like ${t} out there, but ${s}?`,
      ({ t, s }) => `I want something like ${t}, but ${s}.`,
      ({ t, s }) => `Could you look for something like ${t}, just ${s}?`,
      d.aAlt && (({ t, s }) => `How about ${d.aAlt} like ${t}, but ${s}?`),
      ({ t, s }) => `Something close to ${t} would be nice, but ${s}.`,
      ({ t, s }) => `Hmm. Similar to ${t}, but ${s}, ideally.`,
      ({ t, s }) => `I'm after something like ${t}, but ${s}.`,
      ({ t, s }) => `Can you suggest something like ${t}, only ${s}?`,
    ]),
    terse: [
      ({ t, s }) => `Like ${t}, but ${s}?`,
      ({ t, s }) => `${t}, but ${s}?`,
      ({ t, s }) => `Something like ${t}, but ${s}.`,
      ({ t, s }) => `Similar to ${t}, just ${s}?`,
      ({ t, s }) => `Like ${t}, only ${s}?`,
      ({ t, s }) => `Along the lines of ${t}, but ${s}.`,
      ({ t, s }) => `${t}, only ${s}.`,
      ({ t, s }) => `Sort of ${t}, but ${s}?`,
      ({ t, s }) => `${t} vibe, but ${s}?`,
      ({ t, s }) => `Close to ${t}, but ${s}?`,
      ({ t, s }) => `Roughly ${t}, but ${s}?`,
      ({ t, s }) => `Kind of ${t}, but ${s}.`,
      ({ t, s }) => `Something in the spirit of ${t}, but ${s}?`,
      ({ t, s }) => `${t}, but ${s}, please.`,
    ],
  };

  /** Extra critiques for comparative shifts, which read before "than X". */
  const CRITIQUE_COMPARATIVE: Styled<ShiftWords> = {
    normal: [
      ({ t, s }) => `Anything ${s} than ${t}?`,
      ({ t, s }) => `I'd prefer something ${s} than ${t}.`,
      // "a bit less violent", but not "a bit with more zombies".
      ({ t, s }) => `Could you find something ${s.startsWith('with ') ? '' : 'a bit '}${s} than ${t}?`,
      ({ t, s }) => `Got anything ${s} than ${t}?`,
      ({ t, s }) => `Is there anything ${s} than ${t}?`,
      ({ t, s }) => `I'm after something ${s} than ${t}.`,
      ({ t, s }) => `Do you have something ${s} than ${t}?`,
      ({ t, s }) => `Something ${s} than ${t}, maybe?`,
      ({ t, s }) => `Can you find something ${s} than ${t}?`,
      ({ t, s }) => `Ideally something ${s} than ${t}.`,
      ({ t, s }) => `Do you know anything ${s} than ${t}?`,
      ({ t, s }) => `How about something ${s} than ${t}?`,
      ({ t, s }) => `Could we try something ${s} than ${t}?`,
      ({ t, s }) => `I was hoping for something ${s} than ${t}.`,
      ({ t, s }) => `Have you got something ${s} than ${t}?`,
      ({ t, s }) => `Anything out there ${s} than ${t}?`,
      ({ t, s }) => `Let's try something ${s} than ${t}.`,
    ],
    terse: [
      ({ t, s }) => `${s} than ${t}?`,
      ({ t, s }) => `Anything ${s} than ${t}?`,
      ({ t, s }) => `Something ${s} than ${t}?`,
      ({ t, s }) => `Maybe ${s} than ${t}?`,
      ({ t, s }) => `Got anything ${s} than ${t}?`,
    ],
  };

  /** "Heat (1995) sounds a bit too violent for me." */
  const TOO_MUCH: Styled<ShortfallWords> = {
    normal: [
      ({ t, a }) => `${t} sounds a bit too ${a} for me.`,
      ({ t, a }) => `${t} looks too ${a}.`,
      ({ t, a }) => `Hmm, ${t} seems too ${a} for tonight.`,
      ({ t, a }) => `I think ${t} would be too ${a}.`,
      ({ t, a }) => `${t} might be a little too ${a} for me.`,
      ({ t, a }) => `Isn't ${t} a bit too ${a}?`,
      ({ t, a }) => `I'm worried ${t} would be too ${a} for me.`,
      ({ t, a }) => `${t} feels a bit too ${a} for my mood.`,
      ({ t, a }) => `${t} sounds too ${a}, honestly.`,
      ({ t, a }) => `I suspect ${t} is too ${a} for tonight.`,
      ({ t, a }) => `${t} might be too ${a} for tonight.`,
      ({ t, a }) => `${t}? Too ${a} for my taste.`,
      ({ t, a }) => `I'd find ${t} a bit too ${a}.`,
    ],
    terse: [({ t, a }) => `${t}: too ${a}.`, ({ t, a }) => `${t} is too ${a}.`, ({ t, a }) => `${t}? Too ${a}.`],
  };

  /** "Heat (1995) doesn't sound thrilling enough." */
  const NOT_ENOUGH: Styled<ShortfallWords> = {
    normal: [
      ({ t, a }) => `${t} doesn't sound ${a} enough.`,
      ({ t, a }) => `Hmm, ${t} isn't ${a} enough for me.`,
      ({ t, a }) => `${t} seems not quite ${a} enough.`,
      ({ t, a }) => `${t} probably isn't ${a} enough for what I want.`,
      ({ t, a }) => `I don't think ${t} is ${a} enough.`,
      ({ t, a }) => `${t} doesn't seem quite ${a} enough for me.`,
      ({ t, a }) => `${t} isn't quite ${a} enough for tonight.`,
      ({ t, a }) => `${t} isn't really ${a} enough for my mood.`,
      ({ t, a }) => `I doubt ${t} is ${a} enough.`,
      ({ t, a }) => `${t} might not be ${a} enough for me.`,
    ],
    terse: [({ t, a }) => `${t}: not ${a} enough.`, ({ t, a }) => `${t} isn't ${a} enough.`],
  };

  /** Said after a shortfall: asking for something like it otherwise. */
  /** What put the user off an item, asked: it has too much of something. */
  const REASON_TOO_MUCH: Styled<ShortfallWords> = {
    normal: [
      ({ t, a }) => `Mostly that ${t} sounds a bit too ${a} for me.`,
      ({ t, a }) => `Honestly? ${t} seems too ${a}.`,
      ({ t, a }) => `I think ${t} would be too ${a} for me.`,
      ({ t, a }) => `${t} sounds a little too ${a}, that's all.`,
      ({ t, a }) => `Just that ${t} seems too ${a} for my taste.`,
      ({ t, a }) => `Good question. I'd find ${t} too ${a}, I think.`,
    ],
    terse: [({ t, a }) => `${t} seems too ${a}.`, ({ t, a }) => `${t}: too ${a}.`],
  };

  /** The same, when it has too little of something. */
  const REASON_NOT_ENOUGH: Styled<ShortfallWords> = {
    normal: [
      ({ t, a }) => `Mostly that ${t} doesn't sound ${a} enough.`,
      ({ t, a }) => `Honestly? ${t} isn't ${a} enough for me.`,
      ({ t, a }) => `Just that ${t} doesn't seem ${a} enough.`,
      ({ t, a }) => `${t} seems not quite ${a} enough, that's all.`,
      ({ t, a }) => `Good question. I don't think ${t} is ${a} enough.`,
    ],
    terse: [({ t, a }) => `${t} isn't ${a} enough.`, ({ t, a }) => `${t}: not ${a} enough.`],
  };

  /** The same, said as the change the user would like, for any shift. */
  const REASON_CRITIQUE: Styled<ShiftWords> = {
    normal: [
      ({ t, s }) => `Mostly that I'd like something like ${t}, but ${s}.`,
      ({ t, s }) => `It's close, but I'm after something like ${t}, only ${s}.`,
      ({ t, s }) => `Good question. Something like ${t}, but ${s}, would suit me better.`,
      ({ t, s }) => `I think I'd prefer something along the lines of ${t}, but ${s}.`,
      ({ t, s }) => `Honestly, I'd like the same sort of thing as ${t}, but ${s}.`,
    ],
    terse: [({ t, s }) => `Like ${t}, but ${s}, ideally.`, ({ t, s }) => `Something like ${t}, but ${s}.`],
  };

  /** The same for comparative shifts, which read before "than X". */
  const REASON_CRITIQUE_COMPARATIVE: Styled<ShiftWords> = {
    normal: [
      ({ t, s }) => `I was hoping for something ${s} than ${t}.`,
      ({ t, s }) => `Mostly that I'd like something ${s} than ${t}.`,
      ({ t, s }) => `Something ${s} than ${t} would suit me better.`,
    ],
    terse: [({ t, s }) => `Something ${s} than ${t}.`],
  };

  /** A critique said in leaving, after the recommender's goodbye: what the title lacked, asking for nothing more. */
  const CLOSING_CRITIQUE: Styled<ShiftWords> = {
    normal: [
      ({ t, s }) => `I was hoping for something like ${t}, but ${s}.`,
      ({ t, s }) => `Something like ${t}, but ${s}, would have suited me better.`,
      ({ t, s }) => `I'd have liked something like ${t}, only ${s}.`,
    ],
    terse: [({ t, s }) => `Wanted something like ${t}, but ${s}.`],
  };

  /** The same for comparative shifts, which read before "than X". */
  const CLOSING_CRITIQUE_COMPARATIVE: Styled<ShiftWords> = {
    normal: [
      ({ t, s }) => `I had hoped for something ${s} than ${t}.`,
      ({ t, s }) => `Something ${s} than ${t} would have suited me better.`,
      ({ t, s }) => `I'd have liked something ${s} than ${t}.`,
    ],
    terse: [({ t, s }) => `Wanted something ${s} than ${t}.`],
  };

  /** Nothing in particular put the user off the item, asked. */
  const REASON_NONE: Styled<TitleWords> = {
    normal: [
      ({ and }) => `Nothing in particular. ${and} just doesn't grab me.`,
      ({ and }) => `Hard to say. I'm just not in the mood for ${and}.`,
      ({ and }) => `Nothing specific, really. ${and} just isn't for me.`,
      ({ and }) => `I can't put my finger on it. ${and} just doesn't appeal.`,
      ({ and }) => `No real reason. ${and} just doesn't speak to me.`,
      ({ and }) => `Honestly, nothing I can name. I'm just not feeling ${and}.`,
    ],
    terse: [
      ({ and }) => `Nothing in particular. Just not ${and}.`,
      ({ and }) => `No reason. ${and} just isn't for me.`,
      ({ and }) => `Can't say. Not feeling ${and}.`,
    ],
  };

  /** The same, with a liking the user would rather have instead. */
  const REASON_NONE_INSTEAD: Styled<InsteadWords> = {
    normal: [
      ({ and, x }) => `Nothing about ${and} in particular. I'm just more in the mood for ${x}.`,
      ({ and, x }) => `Nothing specific. ${and} just isn't what I'm after; I'd rather have ${x}.`,
      ({ and, x }) => `Nothing wrong with ${and}. I'm just leaning towards ${x} at the moment.`,
      ({ and, x }) => `Hard to put into words. ${and} didn't click; I think I'd prefer ${x}.`,
      ({ and, x }) => `It's not ${and}, really, it's me: I'm in the mood for ${x}.`,
      ({ and, x }) => `Can't pin it down. ${and} just didn't grab me; I'm more in the mood for ${x}.`,
      ({ and, x }) => `I had ${x} in mind, and ${and} isn't quite that.`,
      ({ and, x }) => `I was hoping for ${x}, and ${and} isn't that.`,
      ({ and, x }) => `Honestly, I'm after ${x}, and ${and} doesn't scratch that itch.`,
    ],
    terse: [
      ({ and, x }) => `Nothing against ${and}. I'd rather have ${x}.`,
      ({ and, x }) => `Just my mood. Want ${x} tonight, not ${and}.`,
      ({ and, x }) => `Had ${x} in mind, not ${and}.`,
    ],
  };

  /**
   * The same, of a title that has what the user asked for: the liking is wanted as well, not instead ("I had westerns
   * in mind" of the crime film suggested to a fan of crime films would go back on what they said).
   */
  const REASON_NONE_ALSO: Styled<InsteadWords> = {
    normal: [
      ({ and, x }) => `Nothing wrong with ${and}. I'd just like ${x} too.`,
      ({ and, one, x }) => `${and} ${one ? 'is' : 'are'} fine as far as it goes, but I was hoping for ${x} as well.`,
      ({ and, one, x }) => `${and} ${one ? 'has its' : 'have their'} points, but I'm also in the mood for ${x}.`,
      ({ and, one, x }) => `${and} ${one ? 'is a fair pick' : 'are fair picks'}, but I'm after ${x} too.`,
      ({ and, one, x }) => `${and} ${one ? 'is' : 'are'} all right, but I'd enjoy ${x} as well.`,
    ],
    terse: [
      ({ and, one, x }) => `${and} ${one ? 'is' : 'are'} fine. Want ${x} too, though.`,
      ({ and, one, x }) => `${and} ${one ? 'is' : 'are'} okay. Need ${x} as well.`,
    ],
  };

  const SHORTFALL_ASKS: StyledText = {
    normal: [
      'Anything similar?',
      'Got something in the same vein?',
      'Something close to it, maybe?',
      'Anything else along those lines?',
      'Do you have something like it?',
      'Is there an alternative that fits?',
      'What else is there like it?',
      'Something similar, otherwise?',
      'Is there something like it?',
      'Anything close to it, otherwise?',
      'What else would you suggest along those lines?',
      'Got an alternative like it?',
    ],
    terse: ['Similar?', 'Alternatives?', 'Something like it?', 'Anything close?'],
  };

  /** Turning down items the user has not seen, one item. */
  const REJECT_ONE: Styled<TitleWords> = {
    normal: [
      ({ and }) => `Hmm, ${and} doesn't appeal to me.`,
      ({ and }) => `I'll pass on ${and}.`,
      ({ and }) => `${and} isn't grabbing me, sorry.`,
      ({ and }) => `Not feeling ${and}, to be honest.`,
      ({ and }) => `I don't think ${and} is for me.`,
      ({ and }) => `No thanks, ${and} doesn't sound like my kind of thing.`,
      ({ and }) => `I'd rather not go with ${and}.`,
      ({ and }) => `I'll skip ${and}, thanks.`,
      ({ and }) => `Hmm, not sure ${and} is my thing.`,
      ({ and }) => `${and} doesn't really grab me.`,
      ({ and }) => `I don't think I'm in the mood for ${and}.`,
      ({ and }) => `Hmm, I'll give ${and} a miss.`,
      ({ and }) => `Maybe not ${and}, tonight.`,
      ({ and }) => `${and} isn't what I'm after.`,
      ({ and }) => `I'm not in the mood for ${and}.`,
      ({ and }) => `Nah, not ${and}.`,
      ({ and }) => `${and} doesn't do much for me.`,
      ({ and }) => `Hmm, ${and} isn't my kind of thing.`,
      ({ and }) => `I'll sit ${and} out, thanks.`,
      ({ and }) => `Not ${and}, I think.`,
      ({ and }) => `${and} doesn't sound right for tonight.`,
      ({ and }) => `${and} won't be my pick.`,
      ({ and }) => `${and} leaves me lukewarm.`,
      ({ and }) => `Count me out on ${and}.`,
      ({ and }) => `${and} is a no from me.`,
    ],
    terse: [
      ({ and }) => `Pass on ${and}.`,
      ({ and }) => `Not ${and}.`,
      ({ and }) => `No to ${and}.`,
      ({ and }) => `Nah, not ${and}.`,
    ],
  };

  /** The same, asking for something else: not when the user is leaving. */
  const REJECT_ONE_ASKING: Styled<TitleWords> = {
    normal: [({ and }) => `Not sure about ${and}. Something else?`, ({ and }) => `Can we skip ${and}?`],
    terse: [],
  };

  /** Turning down, once it has been described, an item with something the user said they like: the fit is granted. */
  const REJECT_FITTING: Styled<TitleWords> = {
    normal: [
      ({ and }) => `${and} sounds close, but it isn't quite what I'm after tonight.`,
      ({ and }) => `${and} sounds close, but it isn't quite what I'm after.`,
      ({ and }) => `${and} sounds good on paper, but I'm not feeling it tonight.`,
      ({ and }) => `${and} sounds good on paper, but I'm not feeling it.`,
      ({ and }) => `I can see why you'd pick ${and}, but it doesn't grab me.`,
      ({ and }) => `Hmm, ${and} has the right ingredients, but it's not for me tonight.`,
      ({ and }) => `Thanks. ${and} ticks some boxes, but I'll pass this time.`,
      ({ and }) => `${and} is close to what I like, but something about it doesn't click.`,
      ({ and }) => `On paper ${and} fits, but I'm not drawn to it.`,
      ({ and }) => `${and} is near the mark, but it's not one I'd pick right now.`,
      ({ and }) => `I get the appeal of ${and}, but I'd rather not.`,
      ({ and }) => `${and} ought to be my thing, but I can't get excited about it.`,
      ({ and }) => `Part of me wants to say yes to ${and}, but no.`,
      ({ and }) => `Fair pick, but ${and} leaves me cold.`,
    ],
    terse: [
      ({ and }) => `Close, but not ${and}.`,
      ({ and }) => `${and}: close, but no.`,
      ({ and }) => `${and}: close, but not for me.`,
      ({ and }) => `${and} comes close, but no.`,
      ({ and }) => `${and} fits, but pass.`,
    ],
  };

  /** The same, asking for something else: not when the user is leaving. */
  const REJECT_FITTING_ASKING: Styled<TitleWords> = {
    normal: [
      ({ and }) => `${and} sounds close, but not quite. What else have you got?`,
      ({ and }) => `I see why you'd suggest ${and}, but it doesn't grab me. What else is there?`,
    ],
    terse: [],
  };

  /** Turning down several items the user has not seen. */
  const REJECT_MANY: Styled<RejectManyWords> = {
    normal: [
      ({ none }) => `Hmm, ${none} appeals to me.`,
      ({ and }) => `I'll pass on ${and}.`,
      ({ and }) => `${and} aren't grabbing me, sorry.`,
      ({ or }) => `Not feeling ${or}, to be honest.`,
      ({ and }) => `I don't think ${and} are for me.`,
      ({ and }) => `${and}? No, thanks.`,
      ({ and }) => `${and} don't do much for me.`,
      ({ and }) => `I'll skip ${and}, thanks.`,
      ({ none }) => `Honestly, ${none} sounds right for tonight.`,
    ],
    terse: [
      ({ and }) => `Pass on ${and}.`,
      ({ none }) => `${none}, thanks.`,
      ({ and }) => `No to ${and}.`,
      ({ or }) => `Not ${or}.`,
    ],
  };

  /** The same, asking for something else: not when the user is leaving. */
  const REJECT_MANY_ASKING: Styled<RejectManyWords> = {
    normal: [({ and }) => `Can we skip ${and}?`],
    terse: [],
  };

  /** Turning down items already seen, one item. */
  const REJECT_SEEN_ONE: Styled<TitleWords> = {
    normal: [
      ({ and }) => `I've already ${d.experience.participle} ${and}.`,
      ({ and }) => `Already ${d.experience.past} ${and}, actually.`,
      ({ and }) => `${and} is one I've ${d.experience.participle} already.`,
      ({ and }) => `${and} I've already ${d.consume.participle}.`,
    ],
    terse: [
      ({ and }) => `${and}? ${capitalize(d.experience.participle)} it.`,
      ({ and }) => `${capitalize(d.experience.participle)} ${and}.`,
      ({ and }) => `Already ${d.experience.participle} ${and}.`,
      ({ and }) => `${capitalize(d.experience.participle)} ${and} already.`,
    ],
  };

  /** The same, asking for something else: not when the user is leaving. */
  const REJECT_SEEN_ONE_ASKING: Styled<TitleWords> = {
    normal: [
      ({ and }) => `I've ${d.experience.participle} ${and} already. Something I haven't ${d.experience.participle}?`,
      ({ and }) =>
        `I've ${d.consume.participle} ${and} before; I'd like something I haven't ${d.experience.participle}.`,
      ({ and }) => `${capitalize(d.experience.participle)} ${and} already, sorry. Anything else?`,
      ({ and }) => `Oh, I've ${d.experience.participle} ${and}. Something else?`,
      ({ and }) => `I ${d.experience.past} ${and} a while ago, so something else, please.`,
    ],
    terse: [],
  };

  /** Turning down several items already seen. */
  const REJECT_SEEN_MANY: Styled<RejectManyWords> = {
    normal: [
      ({ and }) => `I've already ${d.experience.participle} those: ${and}.`,
      ({ and }) => `Already ${d.experience.past} ${and}, actually.`,
      ({ and }) => `${and} are ones I've ${d.experience.participle} already.`,
    ],
    terse: [
      ({ and }) => `${and}? ${capitalize(d.experience.participle)} them.`,
      ({ and }) => `${capitalize(d.experience.participle)} ${and}.`,
      ({ all }) => `${capitalize(d.experience.participle)} ${all}.`,
      ({ and }) => `Already ${d.experience.participle} ${and}.`,
    ],
  };

  /** The same, asking for something else: not when the user is leaving. */
  const REJECT_SEEN_MANY_ASKING: Styled<RejectManyWords> = {
    normal: [
      ({ and }) => `I've ${d.experience.participle} ${and} already. Something I haven't ${d.experience.participle}?`,
      ({ and }) =>
        `I've ${d.consume.participle} ${and} before; I'd like something I haven't ${d.experience.participle}.`,
      ({ all }) => `I've ${d.experience.participle} ${all} already, sorry. Anything else?`,
      ({ and }) => `Oh, I've ${d.experience.participle} ${and}. Something else?`,
      ({ and }) => `I ${d.experience.past} ${and} a while ago, so something else, please.`,
    ],
    terse: [],
  };

  /**
   * Turning down items already seen that this utterance has just praised ("Loved Heat (1995)."): one thought, so the
   * titles are not said again, and a contrast, as the praise would otherwise be a yes.
   */
  const REJECT_SEEN_JUST_NAMED: Styled<{ one: boolean }> = {
    normal: [
      ({ one }) => `That said, ${one ? "it's one" : "they're ones"} I've ${d.experience.participle} already.`,
      ({ one }) => `But ${one ? "that's one" : 'those are ones'} I've already ${d.consume.participle}.`,
    ],
    terse: [
      ({ one }) => `${capitalize(d.experience.participle)} ${one ? 'it' : 'them'}, though.`,
      ({ one }) => `Already ${d.experience.participle} ${one ? 'it' : 'them'}.`,
      ({ one }) => `${capitalize(d.experience.participle)} ${one ? 'that' : 'those'}.`,
      ({ one }) => `Already ${d.consume.participle} ${one ? 'it' : 'them'}.`,
    ],
  };

  /** The same, asking for something else: not when the user is leaving. */
  const REJECT_SEEN_JUST_NAMED_ASKING: Styled<{ one: boolean }> = {
    normal: [
      ({ one }) =>
        `${capitalize(d.experience.participle)} ${one ? 'it' : 'them'} already, though. Something I haven't ${d.experience.participle}?`,
      ({ one }) =>
        `But I've already ${d.experience.participle} ${one ? 'it' : 'them'}, so something I haven't ${d.experience.participle}, please.`,
      ({ one }) =>
        `I've ${d.consume.participle} ${one ? 'it' : 'them'} before, though; I'd like something I haven't ${d.experience.participle}.`,
      ({ one }) => `Already ${d.experience.participle} ${one ? 'that one' : 'those'}, though. Anything else?`,
      ({ one }) => `Only, I've ${d.experience.participle} ${one ? 'it' : 'them'}. What else have you got?`,
      ({ one }) => `Thing is, I've ${d.experience.participle} ${one ? 'it' : 'them'} already. Anything I haven't?`,
      ({ one }) => `I've already ${d.consume.participle} ${one ? 'it' : 'them'}, mind you. Something fresh?`,
    ],
    terse: [
      () => `Something I haven't ${d.experience.participle}?`,
      ({ one }) => `${capitalize(d.experience.participle)} ${one ? 'it' : 'them'}. Next?`,
    ],
  };

  /**
   * The same after an opinion that is no praise ("Frozen was okay, not much more."): nothing to set it against, so no
   * "but" or "though".
   */
  const REJECT_SEEN_JUST_NAMED_PLAIN: Styled<{ one: boolean }> = {
    normal: [
      ({ one }) => `And I've already ${d.consume.participle} ${one ? 'it' : 'them'}.`,
      ({ one }) => `I've ${d.experience.participle} ${one ? 'it' : 'them'} already, anyway.`,
    ],
    terse: [
      ({ one }) => `Already ${d.experience.participle} ${one ? 'it' : 'them'}.`,
      ({ one }) => `Already ${d.consume.participle} ${one ? 'it' : 'them'}.`,
    ],
  };

  /** The same, asking for something else: not when the user is leaving. */
  const REJECT_SEEN_JUST_NAMED_PLAIN_ASKING: Styled<{ one: boolean }> = {
    normal: [
      ({ one }) =>
        `And I've already ${d.experience.participle} ${one ? 'it' : 'them'}, so something I haven't ${d.experience.participle}, please.`,
      ({ one }) => `I've ${d.consume.participle} ${one ? 'it' : 'them'} already, anyway. Anything else?`,
      ({ one }) => `Already ${d.experience.participle} ${one ? 'that one' : 'those'}. Something fresh?`,
    ],
    terse: [
      () => `Something I haven't ${d.experience.participle}?`,
      ({ one }) => `${capitalize(d.experience.participle)} ${one ? 'it' : 'them'}. Next?`,
    ],
  };

  const ACCEPT_CORES: readonly Template<TitleWords>[] = [
    ({ and }) => `${and} sounds perfect.`,
    ({ and }) => `Great, ${and} it is.`,
    ({ and }) => `I'll go with ${and}.`,
    ({ and }) => `${and} sounds great.`,
    ({ and }) => `Perfect, I'll give ${and} a try.`,
    ({ and }) => `Yes! Let's do ${and}.`,
    ({ and }) => `Sold! ${and} it is.`,
    ({ and }) => `Okay, ${and} it is.`,
    ({ and }) => `${and} sounds like just the thing.`,
    ({ and }) => `Let's go with ${and}.`,
    ({ and }) => `I'm going with ${and}.`,
    ({ and }) => `Oh, ${and} could work.`,
    ({ and }) => `That settles it: ${and}.`,
    ({ and }) => `Ooh, ${and}. Yes, let's do that.`,
    ({ and }) => `${and} works for me.`,
    ({ and }) => `Alright, you've sold me on ${and}.`,
    ({ and }) => `I think ${and} is the one.`,
    ({ and }) => `${and}, yes please.`,
    ({ and }) => `Yeah, ${and} sounds right.`,
    ({ and }) => `I'll take ${and}.`,
    ({ and }) => `${and} it is, then.`,
    ({ and }) => `That's the one: ${and}.`,
    ({ and }) => `${and} sounds like a winner.`,
    ({ and }) => `Yes, ${and} is exactly what I was after.`,
    ({ and }) => `I'm sold on ${and}.`,
    ({ and }) => `Let's try ${and}.`,
    ({ and }) => `${and} it is. Good call.`,
    ({ and }) => `Oh nice, ${and}. I'll ${d.consume.base} that.`,
    ({ and }) => `${and} sounds right up my street.`,
    ({ and }) => `Okay, you've convinced me: ${and}.`,
    ({ and }) => `Alright, I'll give ${and} a go.`,
    ({ and }) => `Yes, ${and} will do nicely.`,
  ];

  const ACCEPT_ENDS: readonly Template<TitleWords>[] = present([
    () => 'Thanks!',
    () => 'Thank you!',
    // A film is seen in an evening; a book is begun in one (not "I'll read Middlemarch tonight.").
    d.oneSitting && (({ one }) => `I'll ${d.consume.base} ${one ? 'it' : 'them'} tonight.`),
    !d.oneSitting && (({ one }) => `I'll start ${one ? 'it' : 'them'} tonight.`),
    () => "Can't wait.",
    () => 'Appreciate it.',
    () => 'Cheers!',
    () => 'Thanks a lot.',
    // A film is chosen for now, not saved for later: "… for tonight?" "Heat it is. Adding it to my list." jars.
    !d.oneSitting && (({ one }) => `Adding ${one ? 'it' : 'them'} to my list.`),
    () => 'Just what I needed.',
    d.occasion && (({ one }) => `I'll put ${one ? 'it' : 'them'} on now.`),
    () => 'You were a big help.',
    d.occasion && (({ one }) => `Queueing ${one ? 'it' : 'them'} up now.`),
    () => 'Thanks for the help.',
    () => 'Much appreciated.',
  ]);

  /** Accepting an item: a choice, alone or with a thank-you or a plan. */
  const ACCEPT: Styled<TitleWords> = {
    normal: [
      ...ACCEPT_CORES,
      ...ACCEPT_CORES.flatMap((core) =>
        ACCEPT_ENDS.map((end) => (words: TitleWords) => `${core(words)} ${end(words)}`),
      ),
    ],
    terse: [
      ({ and }) => `${and}, sure.`,
      ({ and }) => `OK, ${and}.`,
      ({ and }) => `${and} it is.`,
      ({ and }) => `I'll take ${and}.`,
      ({ and }) => `${and}. Thanks.`,
      ({ and }) => `Fine, ${and}.`,
      ({ and }) => `Going with ${and}.`,
      ({ and }) => `${and}, thanks.`,
      ({ and }) => `Yes, ${and}.`,
      ({ and }) => `${and} works.`,
      ({ and }) => `Sure, ${and}.`,
      ({ and }) => `${and}. Done.`,
      ({ and }) => `Okay, ${and} then.`,
    ],
  };

  /**
   * Accepting, said as the persona would: a decisive user settles briskly, a hesitant one with a hedge. Used beside
   * {@link ACCEPT}, never instead of it.
   */
  const ACCEPT_BY_DECISIVENESS: {
    readonly decisive: readonly Template<TitleWords>[];
    readonly hesitant: readonly Template<TitleWords>[];
  } = {
    decisive: [
      ({ and }) => `${and}. Done.`,
      ({ and }) => `Yes. ${and}.`,
      ({ and }) => `${and}, no question.`,
      ({ and }) => `Easy: ${and}.`,
      ({ and }) => `Decided: ${and}.`,
      ({ and }) => `Sold on ${and}.`,
      ({ and }) => `${and}. Say no more.`,
      ({ and }) => `That's it, ${and}. Thanks.`,
    ],
    hesitant: [
      ({ and }) => `I guess ${and} could work.`,
      ({ and, one }) => `Hmm, maybe ${and}? Okay, let's try ${one ? 'it' : 'them'}.`,
      ({ and }) => `I'm not totally sure, but let's go with ${and}.`,
      ({ and, one }) => `${and} might be okay. I'll give ${one ? 'it' : 'them'} a shot.`,
      ({ and }) => `Alright, I'll try ${and}, I think.`,
      ({ and }) => `Let's say ${and}, then.`,
      ({ and }) => `I could do ${and}, I think.`,
      ({ and }) => `Okay, ${and}, probably. Yes, let's do it.`,
    ],
  };

  /** Turning down one item the way a picky user does: it is near, but not good enough. */
  const REJECT_PICKY: readonly Template<TitleWords>[] = [
    ({ and }) => `${and} isn't quite it for me.`,
    ({ and }) => `Close, but ${and} isn't the one.`,
    ({ and }) => `Hmm, not ${and}. I'm fussy, sorry.`,
    ({ and }) => `${and} doesn't quite make the cut.`,
    ({ and }) => `Sorry, I know I'm picky, but ${and} isn't doing it for me.`,
  ];

  /** Asking what an item is like. */
  const ASK_ABOUT_ITEM: Styled<TitleWords> = {
    normal: present([
      ({ and }) => `What's ${and} about?`,
      ({ and }) => `Can you tell me more about ${and}?`,
      ({ and }) => `Could you tell me a bit about ${and}?`,
      d.one && (({ and }) => `What kind of ${d.one} is ${and}?`),
      ({ and }) => `Hmm, what's ${and} like?`,
      ({ and }) => `${and}? What's that one like?`,
      ({ and }) => `What can you tell me about ${and}?`,
      d.alt && (({ and }) => `What sort of ${d.alt} is ${and}?`),
      ({ and }) => `Before I decide, what's ${and} like?`,
      ({ and }) => `Tell me a little about ${and}, would you?`,
      ({ and }) => `What's the deal with ${and}?`,
      ({ and }) => `Hmm, ${and}. What's it about?`,
      ({ and }) => `What would I be getting with ${and}?`,
      ({ and }) => `What should I expect from ${and}?`,
    ]),
    terse: [
      ({ and }) => `What's ${and} about?`,
      ({ and }) => `${and}? What's it like?`,
      ({ and }) => `Info on ${and}?`,
      ({ and }) => `Tell me about ${and}.`,
      ({ and }) => `What is ${and} like?`,
    ],
  };

  /** The same, saying the user does not know the item at all: not of one with something they said they like. */
  const ASK_ABOUT_UNKNOWN_ITEM: Styled<TitleWords> = {
    normal: [
      ({ and }) => `I don't know ${and}. What's it about?`,
      ({ and }) => `Never heard of ${and}. What is it?`,
      ({ and }) => `I'm not familiar with ${and}. What's it like?`,
    ],
    terse: [({ and }) => `What's ${and}?`, ({ and }) => `${and}: what's that?`],
  };

  /**
   * The same, saying the user knows of the item without having tried it: of one with something they said they like,
   * as a horror fan knows of Halloween (1978) without having seen it. Never "Any good?": the answer says what the item
   * is like, and the catalog holds no verdict to give.
   */
  const ASK_ABOUT_HEARD_OF_ITEM: Styled<TitleWords> = {
    normal: [
      ({ and }) => `I've heard of ${and}, but I've never ${d.experience.participle} it. What's it like?`,
      ({ and }) => `${and} rings a bell, but that's all. What's it about?`,
      ({ and }) => `I know the name ${and}, but not much more. What's it like?`,
    ],
    terse: [({ and }) => `Heard of ${and}, never ${d.experience.participle} it. What's it like?`],
  };

  /** The same, of an item of a series the user praised a part of: known, not yet got round to. */
  const ASK_ABOUT_UNSEEN_PART: Styled<TitleWords> = {
    normal: [
      ({ and }) => `I haven't ${d.experience.participle} ${and} yet. What's it like?`,
      ({ and }) => `I never got round to ${and}. What's it like?`,
    ],
    terse: [({ and }) => `Haven't ${d.experience.participle} ${and} yet. What's it like?`],
  };

  /** Asking what an item's story is: only of items that tell one (not of a biography or a documentary). */
  const ASK_ABOUT_STORY: readonly Template<TitleWords>[] = present([
    d.story && (({ and }) => `What's the ${d.story?.singular} in ${and}?`),
    ({ and }) => `What's the premise of ${and}?`,
  ]);

  /** Giving up: why, then a sign-off, or a phrasing that says both. */
  const GIVE_UP: StyledText = {
    normal: [
      ...pairs(
        [
          "I don't think we're getting anywhere.",
          "Nothing's really clicking tonight.",
          "I'm not finding what I'm after.",
          "I don't think I'll find anything tonight.",
          "We're going around in circles.",
          "I'm running out of steam.",
          "It's getting late.",
        ],
        [
          'Thanks anyway.',
          'Thanks for trying, though.',
          "I'll call it a night.",
          'Maybe another time.',
          "I'll look elsewhere.",
          'Thanks for the help anyway.',
        ],
      ),
      "Let's call it a night; nothing's clicking.",
      "I think I'll pass for now, thanks.",
      "Never mind, I'll look elsewhere.",
      "This isn't working out, but thanks for trying.",
      "I'll give up for tonight. Thanks though.",
    ],
    terse: [
      ...pairs(
        [
          'Never mind.',
          "Nothing's clicking.",
          'Not working.',
          'Forget it.',
          "I'll pass.",
          'No luck tonight.',
          'Giving up.',
        ],
        ['Thanks.', 'Bye.', 'Thanks anyway.', 'Another time.', 'Cheers anyway.', "I'm off."],
      ),
      'Never mind.',
      "I'll pass.",
    ],
  };

  /**
   * Giving up right after turning down a title granted to fit ("Heat sounds close, but …"): not "We're going around
   * in circles", which a near miss belies.
   */
  const GIVE_UP_AFTER_NEAR_MISS: StyledText = {
    // No "Still, …" or "…, though": the refusal before it ends on the no, which they would push against.
    normal: [
      "I think I'll call it a night. Thanks anyway.",
      "We got close, but I'll stop here. Thanks for trying.",
      "I'll leave it there. Thanks for the help.",
      "I'll keep it in mind, but I'm done for now.",
      "I think that's my cue to stop. Thanks!",
      "I'll stop there for tonight.",
    ],
    terse: [
      'Done for tonight.',
      'Calling it a night.',
      "That's it for me. Thanks.",
      'Done for now.',
      "I'll stop here.",
    ],
  };

  /** Items attached to a give-up: acknowledged without an opinion. */
  const GIVE_UP_ITEMS: readonly Template<TitleWords>[] = [
    ({ and }) => `Thanks for suggesting ${and}.`,
    ({ and }) => `Thanks for the tip about ${and}.`,
    ({ and }) => `I'll keep ${and} in mind for another time.`,
    ({ and }) => `I'll note down ${and} anyway.`,
    ({ and }) => `I appreciate you mentioning ${and}.`,
    ({ and }) => `Thanks for bringing up ${and}.`,
  ];

  /**
   * Before a lukewarm answer to an open question about a facet ("Which directors do you like?"): the user has no
   * favourites, and the one named after it is only an example ("None in particular. Spielberg's films are fine.").
   */
  const USER_NO_FAVOURITES: {
    readonly people: readonly string[];
    readonly things: readonly string[];
    /**
     * Before a liking of something else: no favourites of the facet asked about (`f`, its name: "genres"), which
     * "None in particular" would overstate, and which "Nothing in particular on that front. I love space movies."
     * leaves unclear after "What kinds of film do you pick?".
     */
    readonly elsewhere: readonly Template<{ f: string }>[];
  } = {
    people: [
      'None in particular, really.',
      'Nobody stands out, to be honest.',
      "I don't really have favourites there.",
      'Hard to say; none in particular.',
      'No real favourites.',
    ],
    things: [
      'None in particular, really.',
      'Nothing stands out, to be honest.',
      "I don't really have favourites there.",
      'Hard to say; none in particular.',
    ],
    elsewhere: [
      ({ f }) => `No ${f} in particular, really.`,
      ({ f }) => `Nothing in particular when it comes to ${f}.`,
      ({ f }) => `No favourite ${f} come to mind, to be honest.`,
      ({ f }) => `I can't really name any ${f}.`,
    ],
  };

  /** A user's hello. */
  const USER_GREETINGS: readonly string[] = ['Hi!', 'Hello!', 'Hey there!', 'Hi there!', 'Hello there!', 'Hey!'];

  /** A user's open question back to the recommender. */
  const USER_OPEN_QUESTIONS: readonly string[] = [
    'What would you suggest?',
    'Any ideas?',
    'What do you recommend?',
    'What have you got?',
    'What would you pick for me?',
    'Got any suggestions?',
    `What do you think I should ${d.consume.base}?`,
    'Anything come to mind?',
    "What's your pick?",
    'Where would you start?',
    'What do you have in mind?',
    'Surprise me?',
    'What would you go for?',
    'Any favourites you would suggest?',
  ];

  /** A user's goodbye naming the item they settled on. */
  const USER_CLOSE_WITH_ITEM: readonly Template<TitleWords>[] = present([
    ({ and }) => `Thanks, I'll ${d.consume.base} ${and}!`,
    ({ and }) => `Thanks! ${and} it is.`,
    ({ and }) => `Thanks for suggesting ${and}!`,
    ({ and }) => `Thanks! Off to ${d.consume.base} ${and}.`,
    ({ and }) => `Thanks for the help. ${and} it is!`,
    ({ and }) => `Cheers! Time for ${and}.`,
    d.oneSitting && (({ and }) => `Thank you! ${and} tonight, then.`),
    !d.oneSitting && (({ and }) => `Thank you! ${and} next, then.`),
    ({ and }) => `That's sorted: ${and}. Thanks!`,
    ({ and }) => `Perfect, ${and} it is. Bye!`,
    d.screen && (({ and }) => `Much appreciated. Putting on ${and} now.`),
    !d.screen && (({ and }) => `Much appreciated. Starting ${and} now.`),
    d.oneSitting && (({ and }) => `Great, ${and} tonight. Thanks!`),
    !d.oneSitting && (({ and }) => `Great, next up: ${and}. Thanks!`),
    ({ and }) => `Thanks so much, ${and} it is.`,
    ({ and }) => `Cheers for the help. ${and}, here I come.`,
    ({ and }) => `Thanks, ${and} sounds like a plan.`,
    ({ and }) => `Great, I'm off to ${d.consume.base} ${and}. Thanks!`,
    d.oneSitting && (({ and }) => `Thanks a lot, ${and} it is tonight.`),
  ]);

  /** A user's goodbye after taking a suggestion. */
  const USER_CLOSE: readonly string[] = [
    'Thanks, bye!',
    'Thanks for the help!',
    'Okay, bye for now!',
    'Cheers, see you!',
    "Thanks, that's all for now.",
    'Bye, and thanks!',
    'Much appreciated, bye!',
    "That's everything, thanks.",
    'Thanks, see you!',
    'Thanks for your time!',
    'Thanks, that was helpful!',
    'Okay, thanks, bye!',
    'Alright, thanks for everything.',
    'Bye for now!',
    'See you next time!',
  ];

  /** A user's goodbye after turning the last suggestion down: thanks for trying, not for a find. */
  const USER_CLOSE_EMPTY_HANDED: readonly string[] = [
    'Thanks anyway, bye!',
    'Thanks for trying!',
    'Oh well. Thanks all the same.',
    'No luck tonight, then. Thanks anyway!',
    'All right. Bye for now!',
    'Thanks for your time, though.',
    "I'll keep looking. Thanks, though!",
    'Okay, thanks for trying. Bye!',
    'Maybe another time. Thanks!',
    "That's it for tonight, then. Thanks anyway.",
    'Oh well, bye for now!',
    'Never mind. Good night!',
    'Another time, maybe. Bye!',
  ];
  return {
    STATE_GOAL,
    STATE_GOAL_LIKE,
    CRITIQUE,
    CRITIQUE_COMPARATIVE,
    TOO_MUCH,
    NOT_ENOUGH,
    SHORTFALL_ASKS,
    REASON_TOO_MUCH,
    REASON_NOT_ENOUGH,
    REASON_CRITIQUE,
    REASON_CRITIQUE_COMPARATIVE,
    CLOSING_CRITIQUE,
    CLOSING_CRITIQUE_COMPARATIVE,
    REASON_NONE,
    REASON_NONE_INSTEAD,
    REASON_NONE_ALSO,
    REJECT_ONE,
    REJECT_ONE_ASKING,
    REJECT_FITTING,
    REJECT_FITTING_ASKING,
    REJECT_MANY,
    REJECT_MANY_ASKING,
    REJECT_SEEN_ONE,
    REJECT_SEEN_ONE_ASKING,
    REJECT_SEEN_MANY,
    REJECT_SEEN_MANY_ASKING,
    REJECT_SEEN_JUST_NAMED,
    REJECT_SEEN_JUST_NAMED_ASKING,
    REJECT_SEEN_JUST_NAMED_PLAIN,
    REJECT_SEEN_JUST_NAMED_PLAIN_ASKING,
    ACCEPT,
    ACCEPT_BY_DECISIVENESS,
    REJECT_PICKY,
    ASK_ABOUT_ITEM,
    ASK_ABOUT_UNKNOWN_ITEM,
    ASK_ABOUT_HEARD_OF_ITEM,
    ASK_ABOUT_UNSEEN_PART,
    ASK_ABOUT_STORY,
    GIVE_UP,
    GIVE_UP_ITEMS,
    GIVE_UP_AFTER_NEAR_MISS,
    USER_NO_FAVOURITES,
    USER_GREETINGS,
    USER_OPEN_QUESTIONS,
    USER_CLOSE_WITH_ITEM,
    USER_CLOSE,
    USER_CLOSE_EMPTY_HANDED,
  };
}

/** The lists of this file, worded for one domain's phrasing (built once per phrasing). */
export const userTemplates = perPhrasing((phrasing) => build(domainWords(phrasing)));
/** The lists of this file for one phrasing. */
export type UserTemplates = ReturnType<typeof build>;
