import type { Polarity } from '../../dialogue/dialogue-acts.js';
import { type DomainWords, domainWords, perPhrasing, present } from '../../lexicon/domain-phrasing.js';
import { capitalize, pluralize, withArticle } from '../../lexicon/english.js';
import type { Template, TitleWords } from './template.js';

// The recommender's phrasings. Sentences start capitalised and end with punctuation, except where they open with
// an interpolated phrase: the turn assembler capitalises that (never a title, whose spelling is kept).

/** Words for a question about one attribute value: `x` is its noun phrase. */
export interface AskAttributeWords {
  readonly x: string;
}

/** Words for saying back a liking (`x`) and a dislike (`y`) of one turn. */
export interface EchoPairWords {
  readonly x: string;
  readonly y: string;
}

/** Words for a question about a whole facet: `f` is its plural ("genres", "kinds of stories"). */
export interface AskFacetWords {
  readonly f: string;
}

// "A few" of three titles, "two" of two: "a few" of a pair reads as a miscount.
function few(list: readonly string[]): string {
  return list.length === 2 ? 'two' : 'a few';
}

// "Would you watch either of them?" of two.
function anyOf(list: readonly string[]): string {
  return list.length === 2 ? 'either of them' : 'any of them';
}

/** Words for a recommendation: the titles and, when the act gives reasons, their noun phrases joined. */
export interface RecommendWords extends TitleWords {
  /** "sci-fi and time travel"; empty when the act gives no reasons. */
  readonly r: string;
}

/** Words for a recommendation drawn from a title the user liked: the titles, and that title as `l`. */
export interface RecommendLikeWords extends TitleWords {
  /** The title the user said they liked, as this turn writes it. */
  readonly l: string;
}

/** Words for acknowledging a critique: the item and the shift asked for ("less violent", "not by X"). */
export interface ShiftWords {
  /** The critiqued item's title. */
  readonly t: string;
  /** The shift: "less violent", "more recent", "without Keanu Reeves". */
  readonly s: string;
}

/** A comparative shift said of titles: "is less violent", "are funnier", "has more zombies", "have fewer zombies". */
function be(s: string, one: boolean): string {
  if (s.startsWith('with ')) return `${one ? 'has' : 'have'} ${s.slice('with '.length)}`;
  if (one) return `is ${s}`;
  // A kind said of several: "are each more of a self-help book", "are not graphic novels".
  if (/^(?:more|less) of an? /.test(s)) return `are each ${s}`;
  const not = /^not an? (.+)$/.exec(s);
  return not ? `are not ${pluralize(not[1] as string)}` : `are ${s}`;
}

/** Words for what an answer to a critique leaves out (`x`: "noir films and musicals"). */
export interface SetAsideWords {
  readonly x: string;
}

/** Words for a critique answered together with a new suggestion: the critiqued title, the shift, the new titles. */
export interface RespondRecommendWords extends TitleWords, ShiftWords {}

// Words of delight in what the user just said: not after a liking of war, grief or racism.
const CHEERFUL = /\b(?:nice|ooh|good shout|cool|perfect|great)\b/i;

function build(d: DomainWords) {
  // "Happy reading!": only for a named domain (not "Happy trying!") whose verb is one word (not "Happy listening to!").
  const happy = !d.neutral && !d.consume.gerund.includes(' ') ? `Happy ${d.consume.gerund}!` : undefined;

  /** The hello that opens a greeting; an offer to help may follow it, and a question usually ends the turn. */
  const GREETINGS: readonly string[] = present([
    'Hi there!',
    'Hello!',
    'Hey!',
    'Hi!',
    'Hey there!',
    'Hello there!',
    'Welcome!',
    'Good evening!',
    'Hi, welcome!',
    'Hey, thanks for stopping by!',
    'Hi, nice to meet you!',
    'Hello, and welcome!',
    'Hiya!',
    'Evening!',
    "Hey, how's it going?",
    'Hi, thanks for dropping in!',
    `Good to see you!`,
    'Hi, good to have you here!',
    'Hello, hope your day went well!',
    'Hey, welcome in!',
    'Hi! Glad you stopped by.',
    'Oh hi there!',
    'Hey hey!',
    'Hi, thanks for coming by!',
    'Hello, nice to have you!',
    `Hey, good to see you!`,
    'Hi, how are you doing?',
    'Hello! What can I do for you?',
    'Hi there, welcome aboard!',
    'Hey, glad you made it!',
    ...d.greetings,
  ]);

  /** What the recommender offers after its hello. */
  const GREETING_OFFERS: readonly string[] = present([
    `Let's find you something to ${d.consume.base}.`,
    d.a && `I'm here to help you pick ${d.a}.`,
    d.aAlt && `Happy to find you ${d.aAlt}.`,
    d.a && `Ready to find ${d.a}?`,
    d.one && `Let's find your next ${d.one}.`,
    d.aAlt && `I can help you choose ${d.aAlt}.`,
    d.a && `Looking for ${d.a} tonight?`,
    d.occasion && `Let's get you set up for ${d.occasion}.`,
    d.alts && `I can suggest a few ${d.alts} for you.`,
    "Let's see what we can find for you.",
    d.a && `Need ${d.a} recommendation?`,
    d.a && `Time to pick ${d.a}?`,
    d.alt && `Finding a good ${d.alt} is my favourite job.`,
    d.a && `We can figure out ${d.a} together.`,
    d.alts && `I have plenty of ${d.alts} up my sleeve.`,
    'A few questions and I should have something for you.',
    d.aAlt && `Tell me a little and I will dig up ${d.aAlt}.`,
    d.many && `I know a lot of ${d.many}, so ask away.`,
    d.aAlt && `Two heads are better than one for picking ${d.aAlt}.`,
    d.one && `${capitalize(d.one)} hunting is what I do.`,
    'Let me help you narrow it down.',
    d.a && `I can match ${d.a} to your mood.`,
    d.aAlt && `We'll have ${d.aAlt} picked out in no time.`,
    'Two or three questions and we should be there.',
    "I'd love to help you find something good.",
    d.alts && `I know a thing or two about ${d.alts}.`,
    "Let's track down something you'll enjoy.",
  ]);

  /**
   * "What are you in the mood for?": open to any answer, as the user answers with whatever they like most (a genre as
   * often as a name), so none asks only for people ("Any actors or directors you follow?" answered "Usually up for
   * dark comedies").
   */
  const OPEN_QUESTIONS: readonly string[] = present([
    'What are you in the mood for?',
    d.one && `What kind of ${d.one} are you after tonight?`,
    "Tell me what you're looking for.",
    `What sort of thing do you feel like ${d.consume.gerund}?`,
    `Anything in particular you hope to ${d.consume.base}?`,
    `What would you like to ${d.consume.base}?`,
    'Is there a particular mood you are going for?',
    d.alts && `What kind of ${d.alts} do you usually ${d.consume.base}?`,
    'What are you looking for today?',
    `What do you feel like ${d.experience.gerund}?`,
    d.one && `What kind of ${d.one} would hit the spot?`,
    `Any idea what you want to ${d.consume.base}?`,
    d.a && `What do you usually go for in ${d.a}?`,
    d.many && `What kind of ${d.many} do you like?`,
    'Do you have something specific in mind?',
    d.one && `What type of ${d.one} are you hoping for?`,
    d.occasion && `What would make a fun ${d.occasion} for you?`,
    `What are you hoping to ${d.consume.base} tonight?`,
    d.alt && `What kind of ${d.alt} should I look for?`,
    'Got a genre in mind?',
    `What have you enjoyed ${d.consume.gerund} lately?`,
    'Where should we start?',
    'What sort of mood are you in?',
    'Funny, scary, serious, or something else?',
    `What do you fancy ${d.consume.gerund}?`,
    'What can I find for you tonight?',
    'What are you after?',
    d.alts && `What kind of ${d.alts} do you keep coming back to?`,
    d.story && `What kind of ${d.story.singular} are you in the mood for?`,
    d.alts && `Tell me a bit about your taste in ${d.alts}.`,
    d.occasion && `What do you normally reach for on a ${d.occasion}?`,
    d.alts && `Which ${d.alts} have stuck with you over the years?`,
    d.performer && d.creator && `Any favourite ${d.performer.plural}, ${d.creator.plural} or genres?`,
    d.alt && `What sort of ${d.alt} puts you in a good mood?`,
    d.alts && `Want to tell me what kind of ${d.alts} you usually enjoy?`,
  ]);

  /** Said after an open question: what kind of answer helps. */
  const OPEN_FOLLOW_UPS: readonly string[] = present([
    d.aAlt && d.performer && `A genre, ${withArticle(d.performer.singular)} or ${d.aAlt} you liked: any is a start.`,
    d.creator && `Any genre, ${d.creator.singular} or era is a fine place to start.`,
    d.aAlt && `Tell me ${d.aAlt} you liked and I can go from there.`,
    "Even a rough idea is enough, and I'll take it from there.",
    d.a && `Feel free to name ${d.a} or two you enjoyed.`,
    "A couple of words on the mood you're in would do.",
    'Even a mood like cosy or tense is a start.',
    'Anything you want to avoid is useful too.',
    'No wrong answers here.',
    'We can narrow it down from there.',
  ]);

  /** Brief acknowledgements of the user's last turn, opening the recommender's reply. */
  const ACKNOWLEDGEMENTS: readonly string[] = [
    'Okay.',
    'Got it.',
    'Alright.',
    'Thanks!',
    'Noted.',
    'Good to know.',
    'I see.',
    'Okay, noted.',
    'Thanks for telling me.',
    'Okay, got it.',
    'Thanks for the info.',
    'Right, thanks.',
    'Cool, thanks.',
    'Okay, good to know.',
    'Understood, thanks.',
    'Okay, thanks for that.',
    'Perfect, thanks.',
    'Ah, okay.',
    'Got it, thank you.',
  ];

  /** Acknowledgements that thank the user for something to go on: only after a liking or a dislike. */
  const ACKNOWLEDGEMENTS_INFORMED: readonly string[] = [
    'Thanks, that helps.',
    'Okay, that helps a lot.',
    "Alright, that's useful.",
    'Okay, that gives me something to go on.',
    'Great, that narrows it down.',
    "Good, that's helpful.",
    'Nice, that gives me a direction.',
    'Okay, that helps me a lot.',
    'Right, that makes things easier.',
    'Good, I can work with that.',
    'Thanks, that paints a picture.',
    'Okay, I think I see your taste.',
    'Cool, that helps.',
  ];

  /**
   * Acknowledgements that say back the user's opinion of an attribute, by its polarity: `x` is the attribute's noun
   * phrase. They repeat what the user said in that turn, never more (no "love" for a mild liking). A liking is not
   * said back as a promise ("I'll look at horror, then"): the next suggestion may not have it, and when it does, its
   * reason says so. A dislike can be promised, since the recommender never offers what the user said they dislike.
   */
  const ECHOES: Readonly<Record<Polarity, readonly Template<AskAttributeWords>[]>> = {
    positive: [
      ({ x }) => `${x}, got it.`,
      ({ x }) => `${x}, nice.`,
      ({ x }) => `Noted: ${x}.`,
      ({ x }) => `Ah, ${x}. Good to know.`,
      ({ x }) => `Got it, you're into ${x}.`,
      ({ x }) => `Right, ${x}.`,
      ({ x }) => `Ooh, ${x}. Nice.`,
      ({ x }) => `${x}, good shout.`,
    ],
    negative: [
      ({ x }) => `No ${x}, got it.`,
      ({ x }) => `Okay, I'll steer clear of ${x}.`,
      ({ x }) => `Got it, no ${x}.`,
      ({ x }) => `${x} off the list, then.`,
      ({ x }) => `Okay, I'll skip ${x}.`,
      ({ x }) => `I'll avoid ${x}, then.`,
      ({ x }) => `Fair enough, no ${x}.`,
      ({ x }) => `Right, I'll rule out ${x}.`,
      ({ x }) => `Understood, I'll keep ${x} out of it.`,
      ({ x }) => `I'll leave ${x} aside.`,
      ({ x }) => `Noted, I won't bring up ${x}.`,
    ],
    neutral: [
      ({ x }) => `Okay, so you're easy about ${x}.`,
      ({ x }) => `Got it, no strong feelings on ${x}.`,
      ({ x }) => `Okay, ${x} can go either way.`,
      ({ x }) => `I'll treat ${x} as optional, then.`,
      ({ x }) => `Fine, ${x} won't decide it.`,
      ({ x }) => `Fair enough, no need to hunt for ${x}, then.`,
      ({ x }) => `Okay, I won't worry about ${x} either way.`,
      ({ x }) => `Right, you're not fussed about ${x}.`,
      ({ x }) => `Got it, you can take or leave ${x}.`,
    ],
  };

  /**
   * A liking and a dislike said as strongly in one turn, both said back ("Absolutely no fantasy for me, but I'll always
   * say yes to film noir." "Film noir, but no fantasy. Got it."), with no cheer: one of them may be grave.
   */
  const ECHOES_LIKE_AND_DISLIKE: readonly Template<EchoPairWords>[] = [
    ({ x, y }) => `${x}, but no ${y}. Got it.`,
    ({ x, y }) => `Noted: ${x} yes, ${y} no.`,
    ({ x, y }) => `Okay, ${x} in, ${y} out.`,
    ({ x, y }) => `Right, ${x}, and ${y} off the list.`,
    ({ x, y }) => `Got it: ${x}, and I'll keep ${y} out of it.`,
  ];

  /** The same, said of the first liking the user states, and not of something grave. */
  const ECHOES_FIRST_LIKING: readonly Template<AskAttributeWords>[] = [({ x }) => `Great, that's a start: ${x}.`];

  /**
   * Before suggesting what the user has just said they have not seen or read ("Haven't seen Snowpiercer."): the
   * question was asked for this, so the suggestion follows from the answer, not as if the title had just come to mind.
   * None says "try": the suggestion may ("Give Snowpiercer a try.").
   */
  const ACKNOWLEDGEMENTS_UNSEEN: readonly string[] = [
    "You're in for a treat.",
    'In that case, it could be just the thing.',
    'You have a treat waiting.',
    "So it'll be fresh for you.",
    "Then it's all new to you.",
    'Good, a fresh one for you, then.',
    'Then you have something to look forward to.',
    "Lucky you: it's all still ahead of you.",
  ];

  /**
   * Before answering a question about a title, what the user just made of another ("Grave of the Fireflies was a bit
   * dull. What's My Neighbor Totoro like?"): taken in, not passed over for the question. No title: a turn names only
   * the items of its acts. None opens as an answer may ("Good question.", "Ah, Heat."), which would leave it out,
   * nor says "that one": the user may have spoken of two.
   */
  const ACKNOWLEDGEMENTS_VERDICT: Readonly<Record<Polarity, readonly string[]>> = {
    positive: ['Glad to hear it!', 'Great to hear.', 'Nice, glad to hear it.', "Oh, that's good to hear."],
    negative: ['Sorry to hear that.', "That's a shame.", 'Shame, sorry about that.', 'Oh, sorry to hear it.'],
    neutral: ['Fair enough.', 'Okay, noted.', 'Understood.', 'Noted, thanks.'],
  };

  /**
   * Said back to what the user made of a title the recommender asked whether they had seen or read ("Yes, L.A.
   * Confidential was a real gem."), by what they thought of it. "It" is that title: the suggestion after names its
   * own. Nothing of joy or fun (the title may be Schindler's List), nor as if the recommender had suggested it ("Glad
   * that one worked for you"): it only asked.
   */
  const ACKNOWLEDGEMENTS_SEEN: Readonly<Record<Polarity, readonly string[]>> = {
    positive: [
      'Good to hear you liked it.',
      'Nice, a good one.',
      'Good, glad you liked it.',
      'Good to know you thought well of it.',
      'A good one, then.',
      'Great, you liked it.',
    ],
    negative: [
      "Fair enough, it's not for everyone.",
      'Ah, not one for you, then.',
      "Okay, so you didn't like it.",
      'Noted, not a favourite.',
    ],
    neutral: [
      'A middling one, then.',
      'Okay, not a strong one for you.',
      "Fair enough, it didn't leave much of a mark.",
      'Okay, so it was just alright.',
      'Right, nothing special, then.',
    ],
  };

  /**
   * {@link ACKNOWLEDGEMENTS_SEEN} of a title the user loved ("I absolutely loved Heat!"): "Good to know you thought well
   * of it." undersells it.
   */
  const ACKNOWLEDGEMENTS_SEEN_LOVED: readonly string[] = [
    'Good to hear you loved it.',
    'Ah, a favourite, then.',
    'Great, one you loved.',
    'Sounds like a real favourite.',
  ];

  /**
   * After "No, haven't seen it." to "Have you seen X?", when the next turn is not a suggestion of X: nothing to thank
   * the user for, and no verb of the domain (seen, read).
   */
  const ACKNOWLEDGEMENTS_NOT_SEEN: readonly string[] = [
    'No worries.',
    'Fair enough.',
    "That's fine.",
    'Okay, no problem.',
    'Alright, never mind that one.',
    "Okay, so that one's new to you.",
    'No matter.',
  ];

  /**
   * After "I loved Heat. Already seen it, though.": the suggestion was right, only not new, so no "Fair, I can do
   * better." or "Okay, scrap that idea.". Nothing says "it" or "that one": the user may have loved two.
   */
  const ACKNOWLEDGEMENTS_AFTER_LOVED_SEEN: readonly string[] = [
    'Good to hear I was on the right track.',
    'Nice, so my instincts were right.',
    'Good, so that was the right direction.',
    'Great, so I know what works for you.',
    'Good, so I was on to something.',
    "Good to know I'm reading you right.",
    'Glad to hear it. I was on the right lines, then.',
    'Nice, that tells me I was close.',
    "Good, so I'm aiming in the right place.",
  ];

  /**
   * Acknowledgements of a turn that turned something down: one title or several, so none says "that one" or "it".
   */
  const ACKNOWLEDGEMENTS_AFTER_REJECT: readonly string[] = [
    'No problem.',
    'Fair enough.',
    'No worries.',
    'Understood.',
    'Okay, no problem.',
    "That's fine.",
    'Alright, fair enough.',
    'Sure, no worries.',
    'Okay, something else then.',
    'Okay, let me try something else.',
    'Alright, back to the drawing board.',
    'No problem, plenty more where that came from.',
    'Sure, scratch that.',
    'Okay, moving on.',
    'Right, let me rethink.',
    "Alright, I'll keep looking.",
    "Fair, let's try a different tack.",
    'Not a problem at all.',
    'Okay, scrap that idea.',
    'Right, noted.',
    'Fair, I can do better.',
    'Alright, other ideas, then.',
    'No worries, I have more.',
  ];

  /**
   * Before a question, to a user who turned suggestions down asking for others ("Seen it. Something new?"): more is
   * coming, so the question does not read as ignoring the request. Said as a promise, not as "one question first":
   * the question's own words may open with "Quick question:", and a question about a taste then says why it is asked
   * ("Sure thing, more coming up. Do you like thrillers? That'll narrow things down."), not leaving the promise
   * broken ("Sure thing, more coming up. Do you like thrillers?").
   */
  const QUESTION_BEFORE_MORE: readonly string[] = [
    "Sure, I'll find you something new.",
    "Happy to, I've got more.",
    "Of course, there's more where that came from.",
    'Sure thing, more coming up.',
    "Definitely, I'll keep looking.",
    "No problem, I'll find you another.",
  ];

  /** Asks what put the user off an item they turned down without saying why. */
  const ASK_REASON: readonly Template<TitleWords>[] = [
    ({ and }) => `Fair enough. What put you off ${and}?`,
    ({ and }) => `Okay. What didn't work for you about ${and}?`,
    ({ and }) => `Can I ask what it was about ${and} that didn't appeal?`,
    ({ and }) => `No problem. Was there something about ${and} you didn't like?`,
    ({ and }) => `Alright. Before I look further, what didn't you like about ${and}?`,
    ({ and }) => `Got it. What made ${and} a no?`,
    ({ and }) => `Alright. Anything in particular about ${and} that put you off?`,
    ({ and }) => `Understood. What was it about ${and} that didn't work for you?`,
    ({ and }) => `Noted. What about ${and} missed the mark for you?`,
    ({ and }) => `That's fine. What was it about ${and} that put you off, if you don't mind my asking?`,
  ];

  /** The same, to a user who asked for something else: more is coming, after the answer. */
  const ASK_REASON_BEFORE_MORE: readonly Template<TitleWords>[] = [
    ({ and }) => `Sure, I'll find you something else. First, what put you off ${and}?`,
    ({ and }) => `Happy to. So I pick better, what didn't work for you about ${and}?`,
    ({ and }) => `Of course. Before I do, was there something about ${and} you didn't like?`,
    ({ and }) => `I've got more, don't worry. What made ${and} a no, though?`,
    ({ and }) => `Definitely. Quick question first: what was it about ${and} that didn't appeal?`,
  ];

  /**
   * Asks whether the user has seen an item, and what they thought: each one a user can answer "I have, and …" or "I
   * haven't" (not "Do you know …?", "Does … ring a bell?").
   */
  const ASK_ITEM: readonly Template<TitleWords>[] = present([
    ({ and }) => `Have you ${d.experience.participle} ${and}?`,
    ({ and }) => `Have you ${d.experience.participle} ${and}? What did you think?`,
    ({ and }) => `Did you ever ${d.consume.base} ${and}?`,
    ({ and }) => `How did you feel about ${and}, if you've ${d.experience.participle} it?`,
    ({ and }) => `Have you ${d.consume.participle} ${and}? Did you like it?`,
    ({ and }) => `Have you had a chance to ${d.experience.base} ${and}?`,
    d.performer && (({ and }) => `Have you caught ${and}? What did you make of it?`),
    ({ and }) => `Did you ${d.experience.base} ${and}? How was it for you?`,
    ({ and }) => `Quick question: have you ${d.experience.participle} ${and}?`,
    ({ and }) => `What did you think of ${and}, if you ${d.consume.participle} it?`,
    ({ and }) => `Have you ever ${d.experience.participle} ${and}?`,
    ({ and }) => `Let me check something first: have you ${d.consume.participle} ${and}?`,
    ({ and }) => `Is ${and} one you've ${d.experience.participle}?`,
    ({ and }) => `Where do you stand on ${and}, if you've ${d.consume.participle} it?`,
    ({ and }) => `Ever come across ${and}?`,
    d.consumeNoun && (({ and }) => `Have you given ${and} a ${d.consumeNoun}?`),
    ({ and }) => `I wonder, have you ${d.experience.participle} ${and}? I'd like to know what you made of it.`,
    // Not "Before I suggest anything:", which an item question after suggestions would make false.
    ({ and }) => `Quick question: have you ${d.experience.participle} ${and}, and did it work for you?`,
    ({ and }) => `Have you ${d.experience.participle} ${and} by any chance?`,
    ({ and }) => `Have you ${d.experience.participle} ${and}? If so, how was it?`,
    ({ and }) => `Tell me, have you ${d.experience.participle} ${and}?`,
    ({ and }) => `${capitalize(d.experience.participle)} ${and}?`,
    ({ and }) => `Any chance you've ${d.experience.participle} ${and}?`,
    ({ and }) => `I'm curious: have you ${d.consume.participle} ${and}, and what did you think?`,
  ]);

  /** "How do you feel about horror?" */
  const ASK_ATTRIBUTE: readonly Template<AskAttributeWords>[] = [
    ({ x }) => `How do you feel about ${x}?`,
    ({ x }) => `What's your take on ${x}?`,
    ({ x }) => `Are you into ${x}?`,
    ({ x }) => `Do you enjoy ${x}?`,
    ({ x }) => `Any thoughts on ${x}?`,
    ({ x }) => `Where do you stand on ${x}?`,
    ({ x }) => `How about ${x}? Yay or nay?`,
    ({ x }) => `Are you a fan of ${x}?`,
    ({ x }) => `Do you like ${x}?`,
    ({ x }) => `What do you think of ${x}?`,
    ({ x }) => `Any interest in ${x}?`,
    ({ x }) => `Would ${x} work for you?`,
    ({ x }) => `Are you open to ${x}?`,
    ({ x }) => `Do you often ${d.consume.base} ${x}?`,
    ({ x }) => `Quick question: how do you feel about ${x}?`,
    ({ x }) => `I'm curious, do you enjoy ${x}?`,
    ({ x }) => `Would you be up for ${x}?`,
    ({ x }) => `What about ${x}? Any interest?`,
    ({ x }) => `Quick one: ${x}, yes or no?`,
    ({ x }) => `How do you feel about ${x} in general?`,
    ({ x }) => `Do you ever ${d.consume.base} ${x}?`,
    ({ x }) => `Would you ${d.consume.base} ${x}?`,
    ({ x }) => `How are you with ${x}?`,
    ({ x }) => `Tell me how you feel about ${x}.`,
    ({ x }) => `${x}: in or out?`,
    ({ x }) => `Should I include ${x}?`,
    ({ x }) => `Can I throw ${x} into the mix?`,
    ({ x }) => `What's your feeling on ${x}?`,
    ({ x }) => `Shall I put ${x} on the table?`,
    ({ x }) => `Ever in the mood for ${x}?`,
    ({ x }) => `Keen on ${x}?`,
    ({ x }) => `Would you rule out ${x}?`,
    ({ x }) => `Any strong feelings about ${x}?`,
    ({ x }) => `Should I steer clear of ${x}?`,
    ({ x }) => `Yes or no to ${x}?`,
    ({ x }) => `Thumbs up or down for ${x}?`,
    ({ x }) => `Would you call ${x} your kind of thing?`,
    ({ x }) => `Should ${x} be on the list?`,
    ({ x }) => `Could ${x} be something you'd ${d.consume.base}?`,
    ({ x }) => `Do you go for ${x}?`,
    ({ x }) => `Would you pick ${x} on a night like this?`,
    ({ x }) => `Are you in the mood for ${x}?`,
    ({ x }) => `How do you get on with ${x}?`,
    ({ x }) => `What's your stance on ${x}?`,
    ({ x }) => `Have you got time for ${x}?`,
    ({ x }) => `Do you have a weakness for ${x}?`,
    ({ x }) => `Would ${x} be a good direction?`,
    ({ x }) => `Would ${x} be a yes for you?`,
    ({ x }) => `Let me ask about ${x}: are you a fan?`,
    ({ x }) => `I could go toward ${x}. Would that suit you?`,
    ({ x }) => `Should we look at ${x}?`,
    ({ x }) => `Are you up for ${x} tonight?`,
    ({ x }) => `What do you make of ${x}?`,
    ({ x }) => `Do you get a kick out of ${x}?`,
    ({ x }) => `${x}: worth considering for you?`,
    ({ x }) => `Where are you on ${x}, generally?`,
    ({ x }) => `Any objection to ${x}?`,
    ({ x }) => `Shall I consider ${x} too?`,
  ];

  /** Questions about one attribute value after an earlier one in the dialogue. */
  const ASK_ATTRIBUTE_NEXT: readonly Template<AskAttributeWords>[] = [
    ({ x }) => `And ${x}?`,
    ({ x }) => `What about ${x}, then?`,
    ({ x }) => `And how do you feel about ${x}?`,
    ({ x }) => `How about ${x}, then?`,
    ({ x }) => `One more: are you into ${x}?`,
    ({ x }) => `And what's your take on ${x}?`,
    ({ x }) => `Next question: do you enjoy ${x}?`,
    ({ x }) => `Let me try another one: ${x}?`,
    ({ x }) => `And ${x}: yes or no?`,
    ({ x }) => `Now, ${x}?`,
    ({ x }) => `Also, how about ${x}?`,
    ({ x }) => `Another one: ${x}?`,
    ({ x }) => `Okay, and ${x}?`,
    ({ x }) => `What about ${x}, while we're at it?`,
    ({ x }) => `Same question for ${x}.`,
    ({ x }) => `Now what about ${x}?`,
    ({ x }) => `Right, and ${x}?`,
    ({ x }) => `And how are you with ${x}?`,
    ({ x }) => `Next up: ${x}?`,
    ({ x }) => `How about ${x} while I'm asking?`,
    ({ x }) => `And would ${x} work?`,
    ({ x }) => `One more thing: ${x}?`,
    ({ x }) => `And are you into ${x} at all?`,
  ];

  /** Why the recommender asks, said after a question now and then. */
  const ASK_REASONS: readonly string[] = present([
    "That'll narrow things down.",
    'Your answer narrows the list for me.',
    'Just trying to get a feel for your taste.',
    'I want to get a sense of what to look for.',
    'Just so I know where to start.',
    d.alt && `Your answer tells me which ${d.alt} to pick.`,
    'Knowing that goes a long way.',
    'I want the pick to fit you.',
    'That way I know what to look for.',
    "It makes a big difference to what I'd pick.",
  ]);

  /** "What genres do you enjoy?" */
  const ASK_FACET: readonly Template<AskFacetWords>[] = present([
    ({ f }) => `What ${f} do you enjoy?`,
    ({ f }) => `Any favourite ${f}?`,
    ({ f }) => `Which ${f} are you usually drawn to?`,
    ({ f }) => `Are there any ${f} you especially like?`,
    ({ f }) => `Tell me about the ${f} you like.`,
    ({ f }) => `What ${f} do you tend to go for?`,
    ({ f }) => `Which ${f} do you like best?`,
    ({ f }) => `Do you have any favourite ${f}?`,
    ({ f }) => `What ${f} are you into?`,
    ({ f }) => `What ${f} would you pick if it were up to you?`,
    ({ f }) => `Let's talk ${f}: which ones do you like?`,
    ({ f }) => `What ${f} appeal to you most?`,
    ({ f }) => `Which ${f} do you keep coming back to?`,
    ({ f }) => `Got any go-to ${f}?`,
    ({ f }) => `Are there ${f} you never get tired of?`,
    ({ f }) => `Which ${f} should I keep in mind?`,
    ({ f }) => `What ${f} are on your list?`,
    ({ f }) => `Tell me your favourite ${f}.`,
    ({ f }) => `Which ${f} work best for you?`,
    ({ f }) => `Any ${f} you swear by?`,
    ({ f }) => `Which ${f} do you look for?`,
    ({ f }) => `Which ${f} do you always make time for?`,
    ({ f }) => `Are there ${f} you always enjoy?`,
    ({ f }) => `Which ${f} do you rarely miss?`,
    ({ f }) => `Which ${f} have you been enjoying lately?`,
    ({ f }) => `Which ${f} do you rate highest?`,
    ({ f }) => `Which ${f} tend to grab you?`,
    ({ f }) => `Which ${f} never let you down?`,
    ({ f }) => `If you had to name your top ${f}, what would they be?`,
    ({ f }) => `Which ${f} do you find yourself picking?`,
  ]);

  /** Said after a question about a facet: the other side, or what helps. */
  const FACET_FOLLOW_UPS: readonly string[] = [
    "Or tell me the ones you'd rather avoid.",
    'Any you avoid are useful to know too.',
    'Even one or two is plenty.',
    'Name a couple, if you can.',
    "And tell me if there are any you'd rather skip.",
    'Just the first ones that come to mind.',
    'A rough idea is plenty.',
    "Or tell me any you can't stand.",
  ];

  /** Recommendations with reasons, one item. */
  const RECOMMEND_ONE_BECAUSE: readonly Template<RecommendWords>[] = [
    ({ and, r }) => `Since you like ${r}, how about ${and}?`,
    ({ and, r }) => `If you're into ${r}, ${and} should be a good fit.`,
    ({ and, r }) => `For someone who enjoys ${r}, ${and} is a strong pick.`,
    ({ and, r }) => `${and} might be just right, given that you like ${r}.`,
    ({ and, r }) => `Based on your taste for ${r}, try ${and}.`,
    ({ and, r }) => `Because you enjoy ${r}, I think ${and} would suit you.`,
    ({ and, r }) => `With your taste for ${r}, I'd go with ${and}.`,
    ({ and, r }) => `Since you're into ${r}, have you considered ${and}?`,
    ({ and, r }) => `How about ${and}? It fits your liking for ${r}.`,
    // Not "You like westerns, right?": the user said so.
    ({ and, r }) => `You like ${r}, so ${and} is worth a look.`,
    ({ and, r }) => `If it's ${r} you want tonight, there's ${and}.`,
    ({ and, r }) => `Knowing you enjoy ${r}, I'd point you to ${and}.`,
    ({ and, r }) => `Seeing as you're after ${r}, why not ${and}?`,
    ({ and, r }) => `To match your interest in ${r}, I picked ${and}.`,
    ({ and, r }) => `Okay, for ${r} I'm going to suggest ${and}.`,
    ({ and, r }) => `My recommendation for ${r} would be ${and}.`,
    ({ and, r }) => `Try ${and} if you have ${r} in mind.`,
    ({ and, r }) => `Perhaps ${and}? It should suit a fan of ${r}.`,
    ({ and, r }) => `Since ${r} came up, I'd recommend ${and}.`,
    ({ and, r }) => `${and} would be my choice, what with your fondness for ${r}.`,
    ({ and, r }) => `For ${r}, try ${and}.`,
    ({ and, r }) => `With ${r} in mind, I found one: ${and}.`,
    ({ and, r }) => `For a fan of ${r}: ${and}.`,
    ({ and, r }) => `Given your interest in ${r}, ${and} could be the one.`,
    ({ and, r }) => `I'd put ${and} at the top of the list for ${r}.`,
    ({ and, r }) => `If it's ${r} you're after, ${and} is a safe bet.`,
    ({ and, r }) => `When it comes to ${r}, I'd say ${and}.`,
    ({ and, r }) => `Thinking of ${r}, I'd recommend ${and}.`,
    ({ and, r }) => `There's ${and}, which suits your taste for ${r}.`,
    ({ and, r }) => `${and} is a good one if you want ${r}.`,
    ({ and, r }) => `${and} should scratch that itch for ${r}.`,
    ({ and, r }) => `Your taste for ${r} leads me to ${and}.`,
    ({ and, r }) => `As you're into ${r}, let me suggest ${and}.`,
    ({ and, r }) => `Fans of ${r} tend to like ${and}.`,
    ({ and, r }) => `Here's one for your taste in ${r}: ${and}.`,
    ({ and, r }) => `Since you're a fan of ${r}, I'd try ${and}.`,
    ({ and, r }) => `${and} is a natural pick for ${r}.`,
    ({ and, r }) => `With ${r} on the list, ${and} stands out.`,
    ({ and, r }) => `For ${r}, it's hard to beat ${and}.`,
    ({ and, r }) => `For ${r}, you can't go far wrong with ${and}.`,
    ({ and, r }) => `If you like ${r}, don't miss ${and}.`,
    ({ and, r }) => `Keeping ${r} in mind, what about ${and}?`,
    ({ and, r }) => `Your taste for ${r} points me to ${and}.`,
    ({ and, r }) => `Here's one that fits ${r}: ${and}.`,
    ({ and, r }) => `You like ${r}, so ${and} should be right up your street.`,
    ({ and, r }) => `If you're in the mood for ${r}, ${and} is a good bet.`,
    ({ and, r }) => `Since you enjoy ${r}, give ${and} a try.`,
    ({ and, r }) => `${and} could be right for you, seeing as you like ${r}.`,
    ({ and, r }) => `Taking ${r} as the starting point, I'd go for ${and}.`,
  ];

  /** One item with reasons, saying the user said them: only of reasons the user stated as likings. */
  const RECOMMEND_ONE_BECAUSE_SAID: readonly Template<RecommendWords>[] = [
    ({ and, r }) => `You said you like ${r}, so I'd suggest ${and}.`,
    ({ and, r }) => `You mentioned ${r}, so ${and} comes to mind.`,
    ({ and, r }) => `Going by what you said about ${r}, my suggestion is ${and}.`,
    ({ and, r }) => `${and} came to mind when you mentioned ${r}.`,
    ({ and, r }) => `How about ${and}? You mentioned ${r}, and it fits.`,
    ({ and, r }) => `Because of what you said about ${r}, I'd pick ${and}.`,
  ];

  /** One item with reasons, worded as a first suggestion: only before any other. */
  const RECOMMEND_ONE_BECAUSE_FIRST: readonly Template<RecommendWords>[] = [
    ({ and, r }) => `You could start with ${and}, since you're into ${r}.`,
    ({ and, r }) => `With ${r} in mind, ${and} is my first thought.`,
  ];

  /** Recommendations with reasons, several items. */
  const RECOMMEND_MANY_BECAUSE: readonly Template<RecommendWords>[] = [
    ({ or, r }) => `Since you like ${r}, how about ${or}?`,
    ({ and, r }) => `If you're into ${r}, ${and} should be good fits.`,
    ({ and, r }) => `For someone who enjoys ${r}, ${and} are strong picks.`,
    ({ and, r }) => `Given that you like ${r}, you might enjoy ${and}.`,
    ({ or, r }) => `Based on your taste for ${r}, try ${or}.`,
    ({ and, r }) => `With your taste for ${r}, I'd look at ${and}.`,
    ({ or, r }) => `Since you're into ${r}, have you considered ${or}?`,
    ({ and, list, r }) => `For ${r}, I have ${few(list)}: ${and}.`,
    ({ or, r }) => `If it's ${r} you want tonight, there's ${or}.`,
    ({ and, r }) => `Knowing you enjoy ${r}, I'd point you to ${and}.`,
    ({ or, r }) => `Seeing as you're after ${r}, why not ${or}?`,
    ({ and, r }) => `To match your interest in ${r}, I picked out ${and}.`,
    ({ and, r }) => `A shortlist for ${r}: ${and}.`,
    ({ and, r }) => `My recommendations for ${r} would be ${and}.`,
    ({ or, r }) => `Try ${or} if you have ${r} in mind.`,
    ({ and, r }) => `${and} line up with ${r}.`,
    ({ and, r }) => `Since ${r} came up, I'd recommend ${and}.`,
    ({ and, list, r }) => `With ${r} in mind, I found ${few(list)}: ${and}.`,
    ({ or, r }) => `For ${r}, try ${or}.`,
    ({ and, r }) => `For a fan of ${r}: ${and}.`,
    ({ or, r }) => `Given your interest in ${r}, ${or} could be the one.`,
    ({ and, r }) => `If it's ${r} you're after, ${and} are safe bets.`,
    ({ or, r }) => `When it comes to ${r}, I'd say ${or}.`,
    ({ and, r }) => `Thinking of ${r}, I'd recommend ${and}.`,
    ({ or, r }) => `Let's go with ${r}: ${or}, perhaps?`,
    ({ and, r }) => `${and} should suit a fan of ${r}.`,
    ({ or, r }) => `As you're into ${r}, let me suggest ${or}.`,
    ({ and, r }) => `Fans of ${r} tend to like ${and}.`,
    ({ or, r }) => `Since you're a fan of ${r}, I'd try ${or}.`,
    ({ and, r }) => `With ${r} on the list, ${and} stand out.`,
    ({ and, r }) => `For ${r}, it's hard to beat ${and}.`,
    ({ or, r }) => `If you like ${r}, don't miss ${or}.`,
    ({ or, r }) => `Keeping ${r} in mind, what about ${or}?`,
    ({ and, r }) => `Your taste for ${r} points me to ${and}.`,
    ({ and, list, r }) => `${capitalize(few(list))} picks for ${r}: ${and}.`,
    ({ and, list, r }) => `Here are ${few(list)} that fit ${r}: ${and}.`,
    ({ and, r }) => `If you're in the mood for ${r}, ${and} are good bets.`,
    ({ or, r }) => `Since you enjoy ${r}, give ${or} a try.`,
    ({ or, r }) => `Taking ${r} as the starting point, I'd go for ${or}.`,
    ({ and, r }) => `You like ${r}, so ${and} should be right up your street.`,
  ];

  /** Several items with reasons, saying the user said them: only of reasons the user stated as likings. */
  const RECOMMEND_MANY_BECAUSE_SAID: readonly Template<RecommendWords>[] = [
    ({ or, r }) => `You said you like ${r}, so I'd suggest ${or}.`,
    ({ and, r }) => `You mentioned ${r}, so ${and} come to mind.`,
    ({ and, r }) => `Going by what you said about ${r}, my suggestions are ${and}.`,
    ({ and, r }) => `${and} came to mind when you mentioned ${r}.`,
    ({ or, r }) => `How about ${or}? You mentioned ${r}, and they fit.`,
    ({ and, r }) => `Because of what you said about ${r}, I'd pick ${and}.`,
  ];

  /** Several items with reasons, worded as a first suggestion: only before any other. */
  const RECOMMEND_MANY_BECAUSE_FIRST: readonly Template<RecommendWords>[] = [
    ({ and, r }) => `With ${r} in mind, my first thoughts are ${and}.`,
    ({ or, r }) => `You could start with ${or}, since you're into ${r}.`,
  ];

  /** Recommendations without stated reasons, one item: a generic justification instead. */
  const RECOMMEND_ONE: readonly Template<RecommendWords>[] = present([
    ({ and }) => `How about ${and}? I think it could suit you.`,
    ({ and }) => `Based on what you've told me, you might enjoy ${and}.`,
    ({ and }) => `I'd suggest ${and}; it seems like a good fit for you.`,
    ({ and }) => `${and} could be a good match for you.`,
    d.one && (({ and }) => `Try ${and}. I have a feeling it's your kind of ${d.one}.`),
    ({ and }) => `Here's an idea: ${and}. It fits what you've told me so far.`,
    ({ and }) => `What about ${and}? It seems right up your alley.`,
    ({ and }) => `You could try ${and}.`,
    ({ and }) => `My pick for you would be ${and}.`,
    ({ and }) => `I'd go with ${and}.`,
    ({ and }) => `Have you considered ${and}?`,
    ({ and }) => `One to consider: ${and}.`,
    ({ and }) => `Maybe ${and}? It could be what you're after.`,
    ({ and }) => `I think ${and} might be the one.`,
    ({ and }) => `Going by our chat so far, my pick is ${and}.`,
    ({ and }) => `Why not give ${and} a go?`,
    ({ and }) => `I'd point you to ${and}.`,
    ({ and }) => `Let me throw out ${and} as an option.`,
    ({ and }) => `Check out ${and}.`,
    ({ and }) => `How would you feel about ${and}?`,
    ({ and }) => `Perhaps ${and} would do the trick.`,
    ({ and }) => `I've got one for you: ${and}.`,
    ({ and }) => `${and} is worth a shot.`,
    ({ and }) => `Give ${and} a try.`,
    ({ and }) => `How about ${and} tonight?`,
    ({ and }) => `I'd recommend ${and}.`,
    ({ and }) => `Do you know ${and}? I think it fits.`,
    ({ and }) => `Try this one: ${and}.`,
    ({ and }) => `My suggestion: ${and}.`,
    ({ and }) => `There's always ${and}.`,
    ({ and }) => `I'm thinking ${and}.`,
    ({ and }) => `${and} comes to mind.`,
    ({ and }) => `Would ${and} work for you?`,
    ({ and }) => `Let me suggest ${and}.`,
    ({ and }) => `How does ${and} sound?`,
    ({ and }) => `You might like ${and}.`,
    ({ and }) => `${and} could be just the thing.`,
    ({ and }) => `What do you say to ${and}?`,
    ({ and }) => `I'd put ${and} on your list.`,
    ({ and }) => `Have a look at ${and}.`,
    ({ and }) => `${and} is one I'd bet on for you.`,
    ({ and }) => `Consider ${and}.`,
    ({ and }) => `Here's one worth a look: ${and}.`,
    ({ and }) => `Let me put ${and} forward.`,
    ({ and }) => `How about giving ${and} a shot?`,
    ({ and }) => `I'd steer you toward ${and}.`,
    ({ and }) => `What about ${and} for tonight?`,
    ({ and }) => `My best guess for you is ${and}.`,
  ]);

  /** One item, worded as a first suggestion: only before any other. */
  const RECOMMEND_ONE_FIRST: readonly Template<RecommendWords>[] = [
    ({ and }) => `${and} might be a good place to start.`,
  ];

  /** One item, worded as following an earlier suggestion: only after one. */
  const RECOMMEND_ONE_NEXT: readonly Template<RecommendWords>[] = [
    ({ and }) => `Okay, next idea: ${and}.`,
    ({ and }) => `Here's another thought: ${and}.`,
    ({ and }) => `Then there's ${and}.`,
  ];

  /** One item, with its own invitation to answer (nothing follows it). */
  const RECOMMEND_ONE_ASKING: readonly Template<RecommendWords>[] = [
    ({ and }) => `I'd suggest ${and}. Would you ${d.consume.base} it?`,
    ({ and }) => `Here's one: ${and}. If it doesn't click, I have more.`,
  ];

  /** Recommendations without stated reasons, several items. */
  const RECOMMEND_MANY: readonly Template<RecommendWords>[] = [
    ({ or }) => `How about ${or}? I think they could suit you.`,
    ({ and }) => `Based on what you've told me, you might enjoy ${and}.`,
    ({ or }) => `I'd suggest ${or}; they seem like good fits for you.`,
    ({ and, list }) => `${capitalize(few(list))} ideas: ${and}. They fit what you've told me so far.`,
    ({ and }) => `${and} could be good matches for you.`,
    ({ and, list }) => `Here are some options: ${and}. Does ${anyOf(list)} catch your eye?`,
    ({ and }) => `You could try ${and}.`,
    ({ or }) => `Have you considered ${or}?`,
    ({ and, list }) => `${capitalize(few(list))} to consider: ${and}.`,
    ({ and }) => `I've got ${and} for you.`,
    ({ or }) => `Maybe ${or}? One of them could be what you're after.`,
    ({ and }) => `Going by our chat so far, my picks are ${and}.`,
    ({ or }) => `Why not give ${or} a go?`,
    ({ and, list }) => `Let me throw out ${few(list)} options: ${and}.`,
    ({ and }) => `I'd point you to ${and}.`,
    ({ and }) => `Check out ${and}.`,
    ({ or }) => `How would you feel about ${or}?`,
    ({ and }) => `Here's what I've got: ${and}.`,
    ({ or }) => `Give ${or} a try.`,
    ({ and }) => `I'd recommend ${and}.`,
    ({ and }) => `My suggestions: ${and}.`,
    ({ or }) => `I'm thinking ${or}.`,
    ({ and }) => `${and} come to mind.`,
    ({ or }) => `Would ${or} work for you?`,
    ({ and }) => `Try one of these: ${and}.`,
    ({ and }) => `Here are my picks: ${and}.`,
    ({ or, list }) => `Do you know ${or}? ${list.length === 2 ? 'Either' : 'Any of them'} could fit.`,
    ({ and }) => `Let me suggest ${and}.`,
    ({ or }) => `How does ${or} sound?`,
    ({ and }) => `You might like ${and}.`,
    ({ or }) => `What do you say to ${or}?`,
    ({ and }) => `I'd put ${and} on your list.`,
    ({ and }) => `Have a look at ${and}.`,
    ({ and }) => `Consider ${and}.`,
    ({ and, list }) => `I have ${few(list)} for you: ${and}.`,
    ({ and }) => `Some options worth a look: ${and}.`,
    ({ or }) => `Maybe ${or} would hit the spot.`,
    ({ and }) => `I'd steer you toward ${and}.`,
    ({ or }) => `How about giving ${or} a shot?`,
    ({ and }) => `My best guesses for you are ${and}.`,
    ({ and }) => `Let me put forward ${and}.`,
    ({ or }) => `What about ${or} for tonight?`,
  ];

  /** Several items, worded as a first suggestion: only before any other. */
  const RECOMMEND_MANY_FIRST: readonly Template<RecommendWords>[] = [
    ({ and }) => `${and} might be good places to start.`,
  ];

  /** Several items, worded as following an earlier suggestion: only after one. */
  const RECOMMEND_MANY_NEXT: readonly Template<RecommendWords>[] = [
    ({ and }) => `Okay, next ideas: ${and}.`,
    ({ and, list }) => `Here are ${few(list)} more: ${and}.`,
  ];

  /** Several items, with their own invitation to answer (nothing follows it). */
  const RECOMMEND_MANY_ASKING: readonly Template<RecommendWords>[] = [
    ({ and }) => `Some picks for you: ${and}. Anything there catch your eye?`,
    ({ and, list }) => `I'd go for ${and}. Would you ${d.consume.base} ${anyOf(list)}?`,
  ];

  /** One item like a title the user said they liked ("Since you liked Heat, …"). */
  const RECOMMEND_ONE_LIKE: readonly Template<RecommendLikeWords>[] = [
    ({ and, l }) => `Since you liked ${l}, how about ${and}?`,
    ({ and, l }) => `If you liked ${l}, you'll probably like ${and}.`,
    ({ and, l }) => `You enjoyed ${l}, so ${and} should suit you too.`,
    ({ and, l }) => `${l} makes me think of ${and}.`,
    ({ and, l }) => `Going by ${l}, I'd suggest ${and}.`,
    ({ and, l }) => `With ${l} as a guide, I'd pick ${and}.`,
    ({ and, l }) => `${l} was your kind of thing, so you might like ${and} too.`,
    ({ and, l }) => `Since ${l} worked for you, ${and} is a good bet.`,
    ({ and, l }) => `As you enjoyed ${l}, give ${and} a try.`,
    ({ and, l }) => `In the vein of ${l}, there's ${and}.`,
    ({ and, l }) => `Have you tried ${and}? It's close to ${l}, which you liked.`,
    ({ and, l }) => `Taking ${l} as the starting point, I'd go for ${and}.`,
  ];

  /** Several items like a title the user said they liked. */
  const RECOMMEND_MANY_LIKE: readonly Template<RecommendLikeWords>[] = [
    ({ or, l }) => `Since you liked ${l}, how about ${or}?`,
    ({ and, l }) => `If you liked ${l}, you'll probably like ${and} too.`,
    ({ and, l }) => `You enjoyed ${l}, so ${and} should suit you too.`,
    ({ and, l }) => `${l} makes me think of ${and}.`,
    ({ and, l }) => `Going by ${l}, I'd suggest ${and}.`,
    ({ and, l }) => `With ${l} as a guide, my picks are ${and}.`,
    ({ and, l }) => `${l} was your kind of thing, so you might like ${and} too.`,
    ({ or, l }) => `Since ${l} worked for you, try ${or}.`,
    ({ and, l }) => `In the vein of ${l}, there are ${and}.`,
    ({ or, l }) => `Have you tried ${or}? They're close to ${l}, which you liked.`,
    ({ and, l }) => `Taking ${l} as the starting point, I'd go for ${and}.`,
  ];

  /**
   * After a suggestion drawn from a liked title, the reasons it also has (`r`, the noun phrases joined), as likings
   * the user stated.
   */
  const RECOMMEND_LIKE_TOO: readonly Template<RecommendWords>[] = [
    ({ one, r }) => `${one ? 'It also fits' : 'They also fit'} your taste for ${r}.`,
    ({ one, r }) => `And with your taste for ${r}, ${one ? "it's" : "they're"} a fit.`,
    ({ one, r }) => `A fan of ${r} should enjoy ${one ? 'it' : 'them'} as well.`,
    ({ one, r }) => `You mentioned ${r}, and ${one ? 'it delivers' : 'they deliver'} on that as well.`,
    ({ one, r }) => `${one ? "That's" : "They're"} in line with your taste for ${r}.`,
    ({ one, r }) => `Given your taste for ${r}, ${one ? 'it' : 'they'} should go down well.`,
    ({ one, r }) => `${one ? 'It also scratches' : 'They also scratch'} your itch for ${r}.`,
  ];

  /** The same, claiming no liking: what a critique asked for is no taste of the user's. */
  const RECOMMEND_LIKE_ALSO: readonly Template<RecommendWords>[] = [
    ({ one, r }) => `And for ${r}, ${one ? "it's" : "they're"} a fit.`,
    ({ one, r }) => `${one ? 'It also fits' : 'They also fit'} the bill for ${r}.`,
    ({ one, r }) => `${one ? 'It ticks' : 'They tick'} the box for ${r}, too.`,
    ({ one, r }) => `${one ? 'It has' : 'They have'} ${r} covered, too.`,
  ];

  /**
   * The second part of a slate in two, each with its reason: one title for another liking, said after the first part
   * ("Since you like film noir, try Double Indemnity (1944). And for a true story, there's Man on Wire (2008).").
   */
  const RECOMMEND_ALSO_BECAUSE: readonly Template<RecommendWords>[] = [
    ({ and, r }) => `And for ${r}, there's ${and}.`,
    ({ and, r }) => `And since you like ${r} too, there's ${and}.`,
    ({ and, r }) => `For ${r}, I'd add ${and}.`,
    ({ and, r }) => `Since ${r} came up too, I'd also suggest ${and}.`,
    ({ and, r }) => `Or, for ${r}, try ${and}.`,
    ({ and, r }) => `You mentioned ${r} as well, so there's ${and}.`,
    ({ and, r }) => `Then, for ${r}, I'd point you to ${and}.`,
    ({ and, r }) => `And with ${r} in mind, there's ${and}.`,
    ({ and, r }) => `As for ${r}, there's ${and}.`,
    ({ and, r }) => `For ${r}, I'd go with ${and}.`,
    ({ and, r }) => `Also, for ${r}, there's ${and}.`,
    ({ and, r }) => `Plus, for ${r}, I'd suggest ${and}.`,
  ];

  /**
   * Said after suggesting the work of a person or a series the user said they like, which a fan may well know
   * already ("Since you enjoy Thomas Mann's writing, give Death in Venice a try. Unless you've read it already.").
   */
  const FAN_HEDGES_ONE: readonly string[] = [
    `Unless you've ${d.experience.participle} it already, that is.`,
    `If you haven't ${d.experience.participle} it yet, that is.`,
    `You may well have ${d.experience.participle} it already, of course.`,
    `Assuming you haven't ${d.experience.participle} it yet.`,
  ];
  /** The same, of several titles. */
  const FAN_HEDGES_MANY: readonly string[] = [
    `Unless you've ${d.experience.participle} them already, that is.`,
    `If you haven't ${d.experience.participle} them yet, that is.`,
    `You may well have ${d.experience.participle} them already, of course.`,
    "Assuming they're new to you.",
  ];

  /**
   * Said after a recommendation that ends in a full stop: an invitation to answer. The same list follows one title
   * or several, so none says "it", "that one" or "any of them" (those are in the recommendations themselves).
   */
  const RECOMMEND_FOLLOW_UPS: readonly string[] = [
    'What do you think?',
    'How does that sound?',
    'Let me know what you think.',
    'Any interest?',
    'Would that work for you?',
    'Tell me if that sounds like your kind of thing.',
    'If nothing clicks, I have more.',
    'Does that fit what you had in mind?',
    'Sound good?',
    'Interested?',
    'Thoughts?',
    'Want more options?',
    'Or shall I keep looking?',
    'Does that appeal?',
    'Worth a try?',
    'How does that grab you?',
    'Up for something like that?',
    'Sound like a plan?',
    'Do you like the sound of that?',
    'Does that sound promising?',
    'Does that suit your mood?',
    "Anything you'd like to know first?",
    'Tempted?',
    'Does that pique your interest?',
    'Shall I tell you more?',
    'Happy to keep looking if not.',
    'Does that tempt you?',
  ];

  /**
   * Said after a recommendation that asks what the user would change (`invitesCritique`), which is then worded as a
   * statement: the invitation is the turn's one question. The same for one title or several.
   */
  const INVITE_CRITIQUE: readonly string[] = [
    "If anything's off, tell me what you'd change.",
    "Say what you'd like changed, and I'll adjust.",
    "I'll refine from there if you point out what's off.",
    "We can fine-tune from here, so tell me what you'd tweak.",
    "Give me a nudge in some direction, and I'll tweak from there.",
    "If that's not quite right, point me in a better direction.",
    "Tell me what's missing, and I'll look again.",
    'Let me know what would make this better.',
    "Happy to adjust if something's not quite right.",
  ];
  /** Said only of a dialogue's first suggestion: a later one is no first guess. */
  const INVITE_CRITIQUE_FIRST: readonly string[] = [
    ...INVITE_CRITIQUE,
    "Think of this as a starting point: tell me what you'd change.",
    'Consider it a first pass, and tell me what to adjust.',
    "It's a first guess, so tell me what to tweak.",
  ];

  /** Acknowledgements that read with any shift: of a request, not of news ("Good to know." does not answer one). */
  const RESPOND_CRITIQUE: readonly Template<ShiftWords>[] = present([
    ({ t, s }) => `Got it: something like ${t}, but ${s}.`,
    ({ t, s }) => `Understood. Like ${t}, but ${s}.`,
    ({ t, s }) => `Okay, the same spirit as ${t}, but ${s}.`,
    ({ t, s }) => `Makes sense. Something like ${t}, only ${s}, then.`,
    ({ t, s }) => `Noted. Something with the feel of ${t}, but ${s}.`,
    ({ t, s }) => `Sure, let me look for something like ${t}, but ${s}.`,
    ({ t, s }) => `Alright, something in the vein of ${t}, but ${s}.`,
    ({ t, s }) => `Fair enough. Like ${t}, but ${s}, then.`,
    ({ t, s }) => `I hear you: similar to ${t}, but ${s}.`,
    ({ t, s }) => `Right, so something close to ${t}, but ${s}.`,
    ({ t, s }) => `Point taken. Something along the lines of ${t}, but ${s}.`,
    ({ t, s }) => `Thanks, that narrows it down: like ${t}, but ${s}.`,
    ({ t, s }) => `Okay, so the vibe of ${t}, but ${s}.`,
    ({ t, s }) => `Gotcha. Close to ${t}, just ${s}.`,
    d.aAlt && (({ t, s }) => `That helps. I'll look for ${d.aAlt} like ${t}, but ${s}.`),
    ({ t, s }) => `Let's adjust, then: like ${t}, but ${s}.`,
    ({ t, s }) => `Sure thing. Starting from ${t}, but ${s}.`,
    ({ t, s }) => `I can work with that: ${t}, but ${s}.`,
    ({ t, s }) => `Okay, taking ${t} as a guide, but ${s}.`,
    ({ t, s }) => `Alright, so ${t}, but ${s}. I can do that.`,
    ({ t, s }) => `Let me think: ${t}, but ${s}.`,
    ({ t, s }) => `Clear enough: like ${t}, but ${s}.`,
    ({ t, s }) => `Can do. Similar to ${t}, but ${s}.`,
    ({ t, s }) => `Okay, close to ${t}, but ${s}. Got it.`,
    ({ t, s }) => `Okay, so ${t}, but ${s}. Let me look.`,
    ({ t, s }) => `All right, something in the spirit of ${t}, but ${s}.`,
    ({ t, s }) => `Understood: like ${t}, only ${s}.`,
    ({ t, s }) => `Fine by me. Something like ${t}, but ${s}.`,
  ]);

  /** Extra acknowledgements for comparative shifts, which read before "than X". */
  const RESPOND_CRITIQUE_COMPARATIVE: readonly Template<ShiftWords>[] = [
    ({ t, s }) => `${s} than ${t}, got it.`,
    ({ t, s }) => `Right, something ${s} than ${t}.`,
    ({ t, s }) => `Okay, ${s} than ${t}. Let me see.`,
    ({ t, s }) => `Something ${s} than ${t}, coming right up.`,
    ({ t, s }) => `Sure, something ${s} than ${t}.`,
    ({ t, s }) => `Fair enough, ${s} than ${t} it is.`,
    ({ t, s }) => `Got it, you'd like something ${s} than ${t}.`,
    ({ t, s }) => `Okay, let me dig up something ${s} than ${t}.`,
    ({ t, s }) => `So you're after something ${s} than ${t}. Let me check.`,
    ({ t, s }) => `Noted, ${s} than ${t}.`,
    ({ t, s }) => `Alright, I'll aim for something ${s} than ${t}.`,
    ({ t, s }) => `Gotcha, something ${s} than ${t}.`,
    ({ t, s }) => `Sure thing, ${s} than ${t}. Let me look.`,
    ({ t, s }) => `I can find something ${s} than ${t}.`,
    ({ t, s }) => `Something ${s} than ${t}, then.`,
    ({ t, s }) => `Okay, I'll try something ${s} than ${t}.`,
    ({ t, s }) => `Right, ${s} than ${t} then.`,
    ({ t, s }) => `Makes sense, something ${s} than ${t}.`,
    ({ t, s }) => `Let me find you something ${s} than ${t}.`,
    ({ t, s }) => `${s} than ${t}? I can look for that.`,
    ({ t, s }) => `Right, I'll look for something ${s} than ${t}.`,
    ({ t, s }) => `Sure, ${s} than ${t} should be doable.`,
  ];

  /** A critique answered and a new suggestion made in one sentence or two, for any shift. */
  const RESPOND_RECOMMEND: readonly Template<RespondRecommendWords>[] = [
    ({ t, s, or }) => `Something like ${t}, but ${s}? Try ${or}.`,
    ({ t, s, or }) => `Like ${t}, but ${s}: how about ${or}?`,
    ({ t, s, or }) => `For something like ${t}, but ${s}, I'd go with ${or}.`,
    ({ t, s, or }) => `If you want ${t}, only ${s}, there's ${or}.`,
    ({ t, s, or }) => `Okay, like ${t}, but ${s}. Maybe ${or}?`,
    ({ t, s, and }) => `Got it. Close to ${t}, just ${s}: ${and}.`,
    ({ t, s, or }) => `Sure, like ${t}, but ${s}. How about ${or}?`,
    ({ t, s, and, one }) => `Similar to ${t}, but ${s}? In that case, ${and} ${one ? 'comes' : 'come'} to mind.`,
    ({ t, s, or }) => `Sticking close to ${t}, but ${s}: what about ${or}?`,
    ({ t, s, and, one, list }) =>
      `${one ? "Here's one" : list.length === 2 ? 'Here are a couple' : 'Here are a few'} like ${t}, but ${s}: ${and}.`,
    ({ t, s, or }) => `Same feel as ${t}, but ${s}? ${or} could work.`,
    ({ t, s, or }) => `In the spirit of ${t}, but ${s}? Then I'd say ${or}.`,
    ({ t, s, and }) => `Staying near ${t}, but ${s}, I've got ${and}.`,
    ({ t, s, or }) => `Hmm, like ${t}, but ${s}. Maybe ${or}?`,
    ({ t, s, or }) => `You want ${t}, but ${s}? Then try ${or}.`,
    ({ t, s, and, one }) => `Like ${t}, but ${s}: ${and} ${one ? 'fits' : 'fit'} that.`,
    ({ t, s, or }) => `Okay, along the lines of ${t}, but ${s}. What about ${or}?`,
    ({ t, s, and }) => `Similar to ${t}, but ${s}: ${and}.`,
    ({ t, s, or }) => `Right, ${t}, but ${s}. I'd go for ${or}.`,
    ({ t, s, or }) => `Sure. If you want something like ${t}, only ${s}, look at ${or}.`,
    ({ t, s, or }) => `Like ${t}, but ${s}? I'd point you to ${or}.`,
    ({ t, s, and }) => `Okay, ${t}, but ${s}: ${and} might be the answer.`,
    ({ t, s, or }) => `Keeping what works in ${t}, but ${s}: try ${or}.`,
  ];

  /** The same for comparative shifts, which read before "than X". */
  const RESPOND_RECOMMEND_COMPARATIVE: readonly Template<RespondRecommendWords>[] = [
    ({ t, s, or }) => `${s} than ${t}? Try ${or}.`,
    ({ t, s, or }) => `Something ${s} than ${t}? How about ${or}?`,
    ({ t, s, and, one }) => `Compared with ${t}, ${and} ${be(s, one)}.`,
    ({ t, s, or }) => `For something ${s} than ${t}, I'd try ${or}.`,
    ({ t, s, or }) => `If you're after something ${s} than ${t}, there's ${or}.`,
    ({ t, s, and }) => `Okay, ${s} than ${t}: ${and}.`,
    ({ t, s, and }) => `Something ${s} than ${t}, then. You might like ${and}.`,
    ({ t, s, or }) => `Got it: ${s} than ${t}. ${or} should do.`,
    ({ t, s, or }) => `${s} than ${t}, then. Maybe ${or}?`,
    ({ t, s, or }) => `Okay, ${s} than ${t}. What about ${or}?`,
    ({ t, s, and, one }) => `Next to ${t}, ${and} ${be(s, one)}. Give ${one ? 'it' : 'them'} a look.`,
    ({ t, s, and, one }) => `Sure. Side by side with ${t}, ${and} ${be(s, one)}.`,
    ({ t, s, or }) => `Right, ${s} than ${t}: maybe ${or}?`,
    ({ t, s, and }) => `If you want something ${s} than ${t}, I've got ${and}.`,
    ({ t, s, or }) => `Let's look for something ${s} than ${t}, then. How about ${or}?`,
    ({ t, s, or }) => `Something ${s} than ${t}: I'd go for ${or}.`,
    ({ t, s, or }) => `${s} than ${t}, you say? Try ${or}.`,
  ];

  /** Nothing left fits the critique: said openly rather than recommending against it. */
  const NO_MATCH: readonly Template<ShiftWords>[] = [
    ({ t, s }) => `Hmm, I've run out of options for something like ${t}, but ${s}.`,
    ({ t, s }) => `Sorry, I've nothing left like ${t} that's ${s}.`,
    ({ t, s }) => `Something like ${t}, but ${s}? I'm afraid I have nothing else that fits.`,
    ({ t, s }) => `That's a tough one: I can't find anything else like ${t} that's ${s}.`,
    ({ t, s }) => `I've looked for something like ${t}, but ${s}, and there's nothing left.`,
    ({ t, s }) => `Unfortunately, I have nothing else like ${t} that's ${s}.`,
    ({ t, s }) => `No luck finding something like ${t}, but ${s}, I'm afraid.`,
  ];

  /**
   * The same for comparative shifts ("scarier"): said of what is like the item, as nothing left may be like it and
   * scarier while scarier things are left.
   */
  const NO_MATCH_COMPARATIVE: readonly Template<ShiftWords>[] = [
    ({ t, s }) => `I'm out of anything close to ${t} that's ${s}, I'm afraid.`,
    ({ t, s }) => `Sorry, nothing I have left is close to ${t} and ${s}.`,
    ({ t, s }) => `Hmm, nothing I haven't shown you is both like ${t} and ${s}.`,
    ({ t, s }) => `I've looked, but I have nothing else like ${t} that's ${s}.`,
    ({ t, s }) => `Unfortunately, there's nothing left like ${t} that's ${s}.`,
    ({ t, s }) => `No luck: nothing I have left is like ${t} and ${s} too.`,
  ];

  /**
   * What earlier critiques asked for (`x`: "noir films and musicals") and this slate gives up for the latest one: said
   * as the latest ask put first, which is how the slate was chosen ("For that, I'm letting noir films go this time").
   * Never as if nothing anywhere had both ("One catch: …", "I'm afraid"), nor as nothing as close to the critiqued
   * item: the slate is chosen within its kind and time, and what has both may well come up later.
   */
  const DROPPED: readonly Template<SetAsideWords>[] = [
    ({ x }) => `For that, I'm letting ${x} go this time.`,
    ({ x }) => `That comes first, so I'm leaving ${x} out for now.`,
    ({ x }) => `Putting this first, I'm setting ${x} aside for now.`,
    ({ x }) => `To put that first, ${x} will have to wait.`,
    ({ x }) => `This takes priority, so I'm leaving ${x} aside for now.`,
  ];

  /**
   * A liking the critiqued item was suggested for, which the answer leaves out by choice (something that has it
   * may be left): said as a choice, never as a need or as tired of it ("Let's step away from …"), and of this time
   * only, as a later suggestion may have it again.
   */
  const SET_ASIDE: readonly Template<SetAsideWords>[] = [
    ({ x }) => `I'm leaving ${x} aside this time, though.`,
    ({ x }) => `No ${x} this time, though.`,
    ({ x }) => `I'm setting ${x} aside this time, though.`,
    ({ x }) => `I'll pass over ${x} this time, though.`,
    ({ x }) => `I'll skip ${x} this time, though.`,
  ];

  /**
   * {@link SET_ASIDE} where the suggestions' data does not say they lack the liking (a MovieLens film nobody tagged may
   * be a space opera): not picked for it, which is all that is known, so no "No space operas this time".
   */
  const SET_ASIDE_UNTOLD: readonly Template<SetAsideWords>[] = [
    ({ x }) => `I'm not going by ${x} this time, though.`,
    ({ x }) => `I can't promise ${x} this time, though.`,
    ({ x }) => `I haven't picked for ${x} this time, though.`,
  ];

  /** Goodbyes naming the accepted item: fit for any item, a film about the Holocaust too, so none says "enjoy". */
  const CLOSE_WITH_ITEM: readonly Template<TitleWords>[] = present([
    d.one && (({ and }) => `${and} it is. I hope it's the ${d.one} you wanted.`),
    ({ and }) => `${and} it is, then.`,
    ({ and }) => `Alright, ${and} it is.`,
    ({ and }) => `You're all set with ${and}.`,
    ({ and }) => `Hope ${and} is just what you wanted.`,
    ({ and }) => `Good choice. ${and} it is.`,
    ({ and }) => `${and} is worth your time, I think.`,
    ({ and }) => `Good choice. I hope ${and} speaks to you.`,
    ({ and }) => `Glad we found something: ${and}.`,
    ({ and }) => `Settled: ${and}. It should be a good fit.`,
    ({ and }) => `That settles it: ${and}.`,
    ({ and }) => `${and} it is. Thanks for talking it through with me.`,
    ({ and }) => `Done: ${and}. I'd like to hear what you make of it.`,
    ({ and }) => `I think ${and} will suit you. Thanks for the chat.`,
    ({ and }) => `Good, ${and} it is. Tell me sometime how it sat with you.`,
  ]);

  /** Goodbyes that wish joy of the item: not for a harrowing one ("Enjoy Shoah!"). */
  const CLOSE_WITH_ITEM_ENJOY: readonly Template<TitleWords>[] = present([
    ({ and }) => `Enjoy ${and}!`,
    ({ and }) => `Great choice. Enjoy ${and}!`,
    ({ and }) => `I hope you enjoy ${and}!`,
    d.one && (({ and }) => `${and} it is. Enjoy the ${d.one}!`),
    ({ and }) => `Glad I could help. Enjoy ${and}!`,
    ({ and }) => `Glad we found something. Enjoy ${and}!`,
    ({ and }) => `Happy to help! Have a good time with ${and}.`,
    ({ and }) => `You're all set with ${and}. Enjoy!`,
    ({ and }) => `Nice pick. Enjoy ${and}!`,
    ({ and }) => `Good call on ${and}. Enjoy your evening!`,
    ({ and }) => `Have a great time with ${and}!`,
    ({ and }) => `Lovely. Enjoy ${and}!`,
    ({ and }) => `Great pick. I hope you like ${and}!`,
    d.oneSitting && (({ and }) => `Wonderful, enjoy ${and} tonight.`),
    ({ and }) => `So glad that worked out. Enjoy ${and}!`,
    d.oneSitting && (({ and }) => `Nice, ${and} for tonight. Enjoy!`),
    ({ and }) => `Then ${and} it is. Let me know how you like it!`,
  ]);

  /**
   * Goodbyes that name the item and promise fun: not for a grave one ("Have fun with Schindler's List!"), nor a drama
   * nothing lighter leavens (The Shawshank Redemption).
   */
  const CLOSE_WITH_ITEM_LIGHT: readonly Template<TitleWords>[] = present([
    ({ and }) => `Perfect. I hope ${and} hits the spot.`,
    ({ and }) => `I think you'll have fun with ${and}. Bye!`,
    ({ and }) => `Have fun ${d.consume.gerund} ${and}!`,
    happy && (({ and }) => `${happy} ${and} should make for a fun evening.`),
    ({ and }) => `Sounds like a plan. Have fun with ${and}!`,
    d.occasion && (({ and }) => `Excellent. ${and} should make for a nice ${d.occasion}.`),
    ({ and }) => `${and} is a solid choice. Have fun!`,
    happy && (({ and }) => `Great, ${and} it is. ${happy}`),
    ({ and }) => `Sounds good. ${and} should be a treat.`,
    ({ and }) => `Settled, then: ${and}. Have fun!`,
    ({ and }) => `Happy to hear it. Have fun with ${and}!`,
    d.alt && (({ and }) => `Enjoy the ${d.alt}! ${and} is a good one to end the day with.`),
  ]);

  /** Said after a goodbye that names the accepted item. */
  const CLOSE_WITH_ITEM_WISHES: readonly string[] = present([
    'Have a nice evening!',
    'Thanks for chatting!',
    'Come back anytime.',
    'Take care!',
    'Bye for now!',
    'Have a good night!',
    'Tell me how it went next time!',
    'See you next time!',
    'Catch you later!',
    'All the best!',
  ]);

  /** The same, and wishes of a cosy night in: after a goodbye that names an item that is not grave. */
  const CLOSE_WITH_ITEM_WISHES_LIGHT: readonly string[] = present([
    ...CLOSE_WITH_ITEM_WISHES,
    d.occasion && `Enjoy your ${d.occasion}!`,
    !d.screen && d.consumeNoun && `Enjoy the ${d.consumeNoun}!`,
    'Let me know how you like it!',
    d.screen && 'Grab some popcorn!',
    !d.screen && 'Put your feet up!',
    d.screen && 'Happy viewing!',
    d.screen && "Don't forget the snacks!",
    'Have a lovely night in!',
    'Sit back and relax!',
  ]);

  /** The first half of a goodbye when nothing was accepted. */
  const CLOSE: readonly string[] = [
    'Thanks for chatting.',
    'No problem.',
    "Sorry we didn't find the right one.",
    'Okay!',
    'Alright.',
    'Fair enough.',
    'Thanks for stopping by.',
    "That's okay.",
    "Sorry I couldn't help more this time.",
    'Understood.',
    'No worries at all.',
    'Sorry it was a tricky one tonight.',
    "That's alright, it happens.",
    'Thanks for giving it a go.',
    "Sorry I couldn't find the right fit.",
    'Okay, no pressure.',
    'That is fine, really.',
    'Sure, some nights are like that.',
    'No worries, it was fun chatting.',
    'Alright, maybe another night.',
    "Shame we didn't land on one.",
    'Okay, I understand.',
    "Sorry this one didn't come together.",
    'Fair, it was a tough one.',
    "Some evenings nothing fits, and that's fine.",
  ];

  /**
   * What closes a turn that makes a last suggestion (one title or several) as the budget runs out. The user answers
   * it, takes a title or not, and says goodbye: so it hands the choice over as the last idea, with no goodbye of its
   * own ("Take your time deciding. Until next time!" then "I'll take Casino. Bye!" left the user's words unanswered).
   * Nothing announces that the ideas ran out ("Beyond that, I'm stumped" read as an abrupt end), and nothing
   * supposes a choice made ("Let me know how you get on.").
   */
  const CLOSE_AFTER_SUGGESTION: readonly string[] = [
    "That's my last idea for tonight.",
    "That's all from me tonight, so I'll leave the choice with you.",
    "I'll leave the choice with you.",
    "If that doesn't work out, we can pick this up another time.",
    'Hopefully that gives you something to go on.',
    'Take your time deciding.',
    'That should give you something to go on.',
    'Over to you now.',
    "I'll let you mull that over.",
  ];

  /**
   * After describing an item whose story the user asked about, when what it told has something of one (a theme, a
   * setting): that was the gist it knows. The catalog has no plot, so nothing claims a plot kept back ("Anything more
   * would spoil the story." after genres and tags reads as evasive).
   */
  const STORY_GIST: readonly string[] = [
    "That's the gist of it; the plot itself I don't know in detail.",
    "That's the outline as I know it, not the plot in detail.",
    "That's all I know of the story, I'm afraid.",
    "That's the gist as I know it; I couldn't walk you through the plot.",
    "That's all I know of the plot, to be honest.",
  ];

  /** After describing an item by no more than what the suggestion said of it: nothing else is known. */
  const NOTHING_MORE: readonly string[] = [
    "That's about all I know of it, I'm afraid.",
    "I don't know much more about it than that.",
    "Beyond that, I can't tell you much about it.",
    "I'm afraid that's all I know about it.",
  ];

  /**
   * The same when nothing said of the item touches its story (a film nobody tagged, known only by its genres): no
   * claim of a story begun and kept back ("Anything more would spoil it" after "It's a crime drama.").
   */
  const STORY_UNTOLD: readonly string[] = [
    "I can't tell you much about the plot itself, I'm afraid.",
    "I'm hazy on the plot itself, to be honest.",
    "The plot itself I can't speak to, I'm afraid.",
    "I don't know the story in any detail, sorry.",
    "Past that, I don't know the story well, I'm afraid.",
  ];

  /**
   * The same after answering a question about an item as the budget runs out: the choice handed over, no goodbye
   * before the user's answer, and no wish that supposes nothing was found ("Good luck finding something!").
   */
  const CLOSE_AFTER_ANSWER: readonly string[] = [
    'Hope that helps you decide.',
    "I'll leave the choice to you.",
    "Hope that helps. It's your call from here.",
    'Over to you now.',
    'The choice is yours.',
  ];

  /**
   * The first half of a goodbye said right after finding nothing for a last critique, in the same turn: the
   * recommender ran out, the user did not give up, so nothing that answers a give-up ("Fair enough.", "No worries").
   */
  const CLOSE_AFTER_NO_MATCH: readonly string[] = [
    "That's where my list runs out for tonight.",
    "Let's leave it there for tonight.",
    'Sorry to end on a miss.',
    'We could try another angle next time.',
    "That's as far as I can stretch tonight.",
    "I'll have to leave that one open for now.",
  ];

  /**
   * The second half: the wish of a recommender that leaves with nothing suggested in the goodbye's turn (after a
   * suggestion the user answers first, see {@link CLOSE_AFTER_SUGGESTION}), so some suppose nothing was found.
   */
  const CLOSE_WISHES_EMPTY_HANDED: readonly string[] = [
    'Have a good night!',
    'Take care!',
    'Goodbye!',
    'Come back anytime.',
    'Have a good evening!',
    'Bye for now!',
    'Enjoy the rest of your evening!',
    `Hope to see you again.`,
    'See you next time!',
    'Have a relaxing evening!',
    'Cheers!',
    'Sleep well!',
    'Until next time!',
    'Good night!',
    'All the best this evening!',
    'Talk to you next time!',
    'Have a lovely night!',
    'Drop by anytime you like.',
    'Catch you another time!',
    'Maybe next time!',
    'Good luck finding something!',
    'Hope you find something good!',
  ];

  /** Items attached to acts that do not otherwise name items (greet, ask-open, ask-attribute): a neutral pointer. */
  const ALSO_ABOUT: readonly Template<TitleWords>[] = [
    ({ and }) => `We could start from ${and}.`,
    ({ and }) => `Let's keep ${and} in mind.`,
    ({ and }) => `I'm thinking of ${and}, for reference.`,
  ];
  return {
    GREETINGS,
    GREETING_OFFERS,
    // After a greeting that asks already ("Hi! Movie time?"): one question before the opening one is enough.
    GREETING_STATEMENT_OFFERS: GREETING_OFFERS.filter((offer) => !offer.endsWith('?')),
    OPEN_QUESTIONS,
    OPEN_FOLLOW_UPS,
    ACKNOWLEDGEMENTS,
    ACKNOWLEDGEMENTS_INFORMED,
    ECHOES,
    ECHOES_FIRST_LIKING,
    ECHOES_LIKE_AND_DISLIKE,
    // No cheer after a liking of something grave: "Movies about racism, nice." reads as glee at racism.
    ECHOES_POSITIVE_GRAVE: ECHOES.positive.filter((template) => !CHEERFUL.test(template({ x: 'x' }))),
    ACKNOWLEDGEMENTS_SOBER: ACKNOWLEDGEMENTS.filter((text) => !CHEERFUL.test(text)),
    ACKNOWLEDGEMENTS_INFORMED_SOBER: ACKNOWLEDGEMENTS_INFORMED.filter((text) => !CHEERFUL.test(text)),
    ACKNOWLEDGEMENTS_AFTER_REJECT,
    ACKNOWLEDGEMENTS_AFTER_LOVED_SEEN,
    ACKNOWLEDGEMENTS_SEEN,
    ACKNOWLEDGEMENTS_SEEN_LOVED,
    ACKNOWLEDGEMENTS_NOT_SEEN,
    ACKNOWLEDGEMENTS_VERDICT,
    ACKNOWLEDGEMENTS_UNSEEN,
    // No treat, luck or looking forward in Schindler's List.
    ACKNOWLEDGEMENTS_UNSEEN_GRAVE: ACKNOWLEDGEMENTS_UNSEEN.filter(
      (text) => !/\b(?:treat|Lucky|look forward)\b/.test(text),
    ),
    QUESTION_BEFORE_MORE,
    ASK_ITEM,
    ASK_REASON,
    ASK_REASON_BEFORE_MORE,
    ASK_ATTRIBUTE,
    ASK_ATTRIBUTE_NEXT,
    ASK_REASONS,
    ASK_FACET,
    FACET_FOLLOW_UPS,
    RECOMMEND_ONE_BECAUSE,
    RECOMMEND_ONE_BECAUSE_SAID,
    RECOMMEND_ONE_BECAUSE_FIRST,
    RECOMMEND_MANY_BECAUSE,
    RECOMMEND_MANY_BECAUSE_SAID,
    RECOMMEND_MANY_BECAUSE_FIRST,
    RECOMMEND_ONE,
    RECOMMEND_ONE_FIRST,
    RECOMMEND_ONE_NEXT,
    RECOMMEND_ONE_ASKING,
    RECOMMEND_MANY,
    RECOMMEND_MANY_FIRST,
    RECOMMEND_MANY_NEXT,
    RECOMMEND_MANY_ASKING,
    RECOMMEND_ALSO_BECAUSE,
    RECOMMEND_ONE_LIKE,
    RECOMMEND_MANY_LIKE,
    RECOMMEND_LIKE_TOO,
    RECOMMEND_LIKE_ALSO,
    RECOMMEND_FOLLOW_UPS,
    INVITE_CRITIQUE,
    INVITE_CRITIQUE_FIRST,
    FAN_HEDGES_ONE,
    FAN_HEDGES_MANY,
    RESPOND_CRITIQUE,
    RESPOND_CRITIQUE_COMPARATIVE,
    RESPOND_RECOMMEND,
    RESPOND_RECOMMEND_COMPARATIVE,
    NO_MATCH,
    NO_MATCH_COMPARATIVE,
    DROPPED,
    SET_ASIDE,
    SET_ASIDE_UNTOLD,
    CLOSE_WITH_ITEM,
    CLOSE_WITH_ITEM_ENJOY,
    CLOSE_WITH_ITEM_LIGHT,
    CLOSE_WITH_ITEM_WISHES,
    CLOSE_WITH_ITEM_WISHES_LIGHT,
    CLOSE,
    CLOSE_AFTER_SUGGESTION,
    CLOSE_AFTER_ANSWER,
    CLOSE_AFTER_NO_MATCH,
    STORY_GIST,
    STORY_UNTOLD,
    NOTHING_MORE,
    CLOSE_WISHES_EMPTY_HANDED,
    ALSO_ABOUT,
  };
}

/** The lists of this file, worded for one domain's phrasing (built once per phrasing). */
export const assistantTemplates = perPhrasing((phrasing) => build(domainWords(phrasing)));
/** The lists of this file for one phrasing. */
export type AssistantTemplates = ReturnType<typeof build>;
