import type { Template, TitleWords } from './template.js';

// The recommender's phrasings. Sentences start capitalised and end with punctuation, except where they open with
// an interpolated phrase: the turn assembler capitalises that (never a title, whose spelling is kept).

/** The hello that opens a greeting; an offer to help may follow it, and a question usually ends the turn. */
export const GREETINGS: readonly string[] = [
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
  'Good to see you!',
];

/** What the recommender offers after its hello. */
export const GREETING_OFFERS: readonly string[] = [
  "Let's find you something to watch.",
  "I'm here to help you pick a movie.",
  'Happy to help you find a film.',
  'Ready to find you a movie?',
  "Let's find your next movie.",
  'I can help you choose a film.',
  'Looking for a movie tonight?',
  "Let's get you set up for movie night.",
  'I can suggest a few films for you.',
  "Let's see what we can find for you.",
  'Need a movie recommendation?',
  'Time to pick a movie?',
];

/** "What are you in the mood for?" */
export const OPEN_QUESTIONS: readonly string[] = [
  'What are you in the mood for?',
  'What kind of movie are you after tonight?',
  "Tell me what you're looking for.",
  'What sort of thing do you feel like watching?',
  'Anything in particular you hope to watch?',
  'What would you like to watch?',
  'Is there a particular mood you are going for?',
  'What kind of films do you usually watch?',
  'What are you looking for today?',
  'What do you feel like seeing?',
  'What kind of movie would hit the spot?',
  'Any idea what you want to watch?',
  'What do you usually go for in a movie?',
  'What kind of movies do you like?',
  'Do you have something specific in mind?',
  'What type of movie are you hoping for?',
  'What would make a fun movie night for you?',
  'What are you hoping to watch tonight?',
  'What kind of film should I look for?',
  'Got a genre in mind?',
  'Something light or something serious?',
  'What have you enjoyed watching lately?',
  'Where should we start?',
  'What sort of mood are you in?',
  'Funny, scary, serious, or something else?',
  'Do you want something to laugh at or something to think about?',
  'What do you fancy watching?',
  'What can I find for you tonight?',
  'What are you after?',
  'Any actors or directors you follow?',
];

/** Said after an open question: what kind of answer helps. */
export const OPEN_FOLLOW_UPS: readonly string[] = [
  'A genre, an actor or a film you liked would all help.',
  'Any genre, director or era is a fine place to start.',
  'Tell me a film you liked and I can go from there.',
  "Even a rough idea is enough, and I'll take it from there.",
  'Feel free to name a movie or two you enjoyed.',
  "A couple of words on the mood you're in would help.",
];

/** Brief acknowledgements of the user's last turn, opening the recommender's reply. */
export const ACKNOWLEDGEMENTS: readonly string[] = [
  'Okay.',
  'Got it.',
  'Alright.',
  'Thanks!',
  'Noted.',
  'Good to know.',
  'I see.',
  'Thanks, that helps.',
  'Okay, noted.',
  'Thanks for telling me.',
  'Okay, got it.',
  'Makes sense.',
  'Thanks for the info.',
  'Okay, that helps a lot.',
  'Right, thanks.',
  'Cool, thanks.',
  'Okay, good to know.',
  "Alright, that's useful.",
];

/**
 * Acknowledgements that say back the user's opinion of an attribute, by its polarity: `x` is the attribute's noun
 * phrase. They repeat what the user said in that turn, never more (no "love" for a mild liking).
 */
export const ECHOES: Readonly<Record<'positive' | 'negative' | 'neutral', readonly Template<AskAttributeWords>[]>> = {
  positive: [
    ({ x }) => `${x}, got it.`,
    ({ x }) => `Okay, ${x} then.`,
    ({ x }) => `${x}, nice.`,
    ({ x }) => `Noted: ${x}.`,
    ({ x }) => `Ah, ${x}. Good to know.`,
    ({ x }) => `Got it, you're into ${x}.`,
    ({ x }) => `Okay, I'll keep ${x} in mind.`,
    ({ x }) => `Right, ${x}.`,
    ({ x }) => `${x}: noted.`,
    ({ x }) => `So, ${x}. Good.`,
  ],
  negative: [
    ({ x }) => `No ${x}, got it.`,
    ({ x }) => `Okay, I'll steer clear of ${x}.`,
    ({ x }) => `Got it, no ${x}.`,
    ({ x }) => `${x} off the list, then.`,
    ({ x }) => `Okay, I'll skip ${x}.`,
    ({ x }) => `I'll avoid ${x}, then.`,
    ({ x }) => `Fair enough, no ${x}.`,
  ],
  neutral: [
    ({ x }) => `Okay, ${x} either way.`,
    ({ x }) => `Got it, no strong feelings on ${x}.`,
    ({ x }) => `Okay, ${x} can go either way.`,
    ({ x }) => `I'll treat ${x} as optional, then.`,
    ({ x }) => `Fine, ${x} won't decide it.`,
  ],
};

/** Acknowledgements of a turn that turned something down. */
export const ACKNOWLEDGEMENTS_AFTER_REJECT: readonly string[] = [
  'No problem.',
  'Fair enough.',
  'No worries.',
  'Understood.',
  'Okay, no problem.',
  "That's fine.",
  'Alright, fair enough.',
  'Sure, no worries.',
  "Okay, that's not the one then.",
  'No harm done.',
  'Okay, let me try something else.',
  'Alright, back to the drawing board.',
];

/** Asks whether the user has seen an item, and what they thought. */
export const ASK_ITEM: readonly Template<TitleWords>[] = [
  ({ and }) => `Have you seen ${and}?`,
  ({ and }) => `Have you seen ${and}? What did you think?`,
  ({ and }) => `Did you ever watch ${and}?`,
  ({ and }) => `What do you think of ${and}?`,
  ({ and }) => `How did you feel about ${and}, if you've seen it?`,
  ({ and }) => `Are you familiar with ${and}?`,
  ({ and }) => `Have you watched ${and}? Did you like it?`,
  ({ and }) => `Have you had a chance to see ${and}?`,
  ({ and }) => `Do you know ${and}?`,
  ({ and }) => `Have you caught ${and}? What did you make of it?`,
  ({ and }) => `Did you see ${and}? How was it for you?`,
  ({ and }) => `Quick question: have you seen ${and}?`,
  ({ and }) => `What did you think of ${and}, if you watched it?`,
  ({ and }) => `Have you ever seen ${and}?`,
  ({ and }) => `Let me check something first: have you watched ${and}?`,
  ({ and }) => `Is ${and} one you've seen?`,
  ({ and }) => `Where do you stand on ${and}, if you've watched it?`,
];

/** Words for a question about one attribute value: `x` is its noun phrase. */
export interface AskAttributeWords {
  readonly x: string;
}

/** "How do you feel about horror?" */
export const ASK_ATTRIBUTE: readonly Template<AskAttributeWords>[] = [
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
  ({ x }) => `Do you often watch ${x}?`,
  ({ x }) => `Quick question: how do you feel about ${x}?`,
  ({ x }) => `I'm curious, do you enjoy ${x}?`,
  ({ x }) => `Would you be up for ${x}?`,
  ({ x }) => `What about ${x}? Any interest?`,
  ({ x }) => `Quick one: ${x}, yes or no?`,
  ({ x }) => `How do you feel about ${x} in general?`,
  ({ x }) => `Do you ever watch ${x}?`,
  ({ x }) => `Would you watch ${x}?`,
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
];

/** Questions about one attribute value after an earlier one in the dialogue. */
export const ASK_ATTRIBUTE_NEXT: readonly Template<AskAttributeWords>[] = [
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
];

/** Why the recommender asks, said after a question now and then. */
export const ASK_REASONS: readonly string[] = [
  "That'll help me narrow things down.",
  'It helps me narrow the list.',
  'Just trying to get a feel for your taste.',
  'I want to get a sense of what to look for.',
  'That tells me where to look.',
  'It would help me pick the right film.',
];

/** Words for a question about a whole facet: `f` is its plural ("genres", "kinds of stories"). */
export interface AskFacetWords {
  readonly f: string;
}

/** "What genres do you enjoy?" */
export const ASK_FACET: readonly Template<AskFacetWords>[] = [
  ({ f }) => `What ${f} do you enjoy?`,
  ({ f }) => `Any favourite ${f}?`,
  ({ f }) => `Which ${f} are you usually drawn to?`,
  ({ f }) => `Are there any ${f} you especially like or dislike?`,
  ({ f }) => `Tell me about the ${f} you like.`,
  ({ f }) => `What ${f} do you tend to go for?`,
  ({ f }) => `Which ${f} do you like best?`,
  ({ f }) => `Do you have any favourite ${f}?`,
  ({ f }) => `What ${f} are you into?`,
  ({ f }) => `Which ${f} do you usually watch?`,
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
];

/** Said after a question about a facet: the other side, or what helps. */
export const FACET_FOLLOW_UPS: readonly string[] = [
  "Or any you'd rather avoid?",
  'Any you avoid are useful to know too.',
  'Even one or two would help.',
  'Name a couple, if you can.',
  "And tell me if there are any you'd rather skip.",
];

/** Words for a recommendation: the titles and, when the act gives reasons, their noun phrases joined. */
export interface RecommendWords extends TitleWords {
  /** "sci-fi and time travel"; empty when the act gives no reasons. */
  readonly r: string;
}

/** Recommendations with reasons, one item. */
export const RECOMMEND_ONE_BECAUSE: readonly Template<RecommendWords>[] = [
  ({ and, r }) => `Since you like ${r}, how about ${and}?`,
  ({ and, r }) => `You said you like ${r}, so I'd suggest ${and}.`,
  ({ and, r }) => `If you're into ${r}, ${and} should be a good fit.`,
  ({ and, r }) => `For someone who enjoys ${r}, ${and} is a strong pick.`,
  ({ and, r }) => `${and} might be just right, given that you like ${r}.`,
  ({ and, r }) => `Based on your taste for ${r}, try ${and}.`,
  ({ and, r }) => `Because you enjoy ${r}, I think ${and} would suit you.`,
  ({ and, r }) => `You mentioned ${r}, so ${and} comes to mind.`,
  ({ and, r }) => `With your taste for ${r}, I'd go with ${and}.`,
  ({ and, r }) => `Since you're into ${r}, have you considered ${and}?`,
  ({ and, r }) => `How about ${and}? It fits your liking for ${r}.`,
  ({ and, r }) => `You like ${r}, right? Then ${and} is worth a look.`,
  ({ and, r }) => `Going by what you said about ${r}, my suggestion is ${and}.`,
  ({ and, r }) => `If it's ${r} you want tonight, there's ${and}.`,
  ({ and, r }) => `Knowing you enjoy ${r}, I'd point you to ${and}.`,
  ({ and, r }) => `${and} ticks the ${r} box for you.`,
  ({ and, r }) => `Seeing as you're after ${r}, why not ${and}?`,
  ({ and, r }) => `To match your interest in ${r}, I picked ${and}.`,
  ({ and, r }) => `Okay, for ${r} I'm going to suggest ${and}.`,
  ({ and, r }) => `My recommendation for ${r} would be ${and}.`,
  ({ and, r }) => `Try ${and} if you have ${r} in mind.`,
  ({ and, r }) => `Perhaps ${and}? It lines up with ${r}.`,
  ({ and, r }) => `Since ${r} came up, I'd recommend ${and}.`,
  ({ and, r }) => `${and} would be my choice, what with your fondness for ${r}.`,
  ({ and, r }) => `Going with ${r}, then: try ${and}.`,
  ({ and, r }) => `I found one with ${r} in mind: ${and}.`,
  ({ and, r }) => `For a fan of ${r}: ${and}.`,
  ({ and, r }) => `Given your interest in ${r}, ${and} could be the one.`,
  ({ and, r }) => `I'd put ${and} at the top of the list for ${r}.`,
  ({ and, r }) => `${and} came to mind when you mentioned ${r}.`,
  ({ and, r }) => `If it's ${r} you're after, ${and} is a safe bet.`,
  ({ and, r }) => `On the ${r} front, I'd say ${and}.`,
  ({ and, r }) => `Thinking of ${r}, I'd recommend ${and}.`,
  ({ and, r }) => `There's ${and}, which suits your taste for ${r}.`,
  ({ and, r }) => `You could start with ${and}, since you're into ${r}.`,
  ({ and, r }) => `Have you seen ${and}? You mentioned ${r}, and it fits.`,
  ({ and, r }) => `With ${r} in mind, ${and} is my first thought.`,
  ({ and, r }) => `${and} is a good one if you want ${r}.`,
];

/** Recommendations with reasons, several items. */
export const RECOMMEND_MANY_BECAUSE: readonly Template<RecommendWords>[] = [
  ({ or, r }) => `Since you like ${r}, how about ${or}?`,
  ({ or, r }) => `You said you like ${r}, so I'd suggest ${or}.`,
  ({ and, r }) => `If you're into ${r}, ${and} should be good fits.`,
  ({ and, r }) => `For someone who enjoys ${r}, ${and} are strong picks.`,
  ({ and, r }) => `Given that you like ${r}, you might enjoy ${and}.`,
  ({ or, r }) => `Based on your taste for ${r}, try ${or}.`,
  ({ and, r }) => `You mentioned ${r}, so ${and} come to mind.`,
  ({ and, r }) => `With your taste for ${r}, I'd look at ${and}.`,
  ({ or, r }) => `Since you're into ${r}, have you considered ${or}?`,
  ({ and, r }) => `For ${r}, I have a few: ${and}.`,
  ({ and, r }) => `Going by what you said about ${r}, my suggestions are ${and}.`,
  ({ or, r }) => `If it's ${r} you want tonight, there's ${or}.`,
  ({ and, r }) => `Knowing you enjoy ${r}, I'd point you to ${and}.`,
  ({ or, r }) => `Seeing as you're after ${r}, why not ${or}?`,
  ({ and, r }) => `To match your interest in ${r}, I picked out ${and}.`,
  ({ and, r }) => `A shortlist for ${r}: ${and}.`,
  ({ and, r }) => `My recommendations for ${r} would be ${and}.`,
  ({ or, r }) => `Try ${or} if you have ${r} in mind.`,
  ({ and, r }) => `${and} line up with ${r}. Perhaps one of them?`,
  ({ and, r }) => `Since ${r} came up, I'd recommend ${and}.`,
  ({ and, r }) => `I found a few with ${r} in mind: ${and}.`,
  ({ or, r }) => `Going with ${r}, then: try ${or}.`,
  ({ and, r }) => `For a fan of ${r}: ${and}.`,
  ({ or, r }) => `Given your interest in ${r}, ${or} could be the one.`,
  ({ and, r }) => `${and} came to mind when you mentioned ${r}.`,
  ({ and, r }) => `If it's ${r} you're after, ${and} are safe bets.`,
  ({ or, r }) => `On the ${r} front, I'd say ${or}.`,
  ({ and, r }) => `Thinking of ${r}, I'd recommend ${and}.`,
  ({ and, r }) => `With ${r} in mind, my first thoughts are ${and}.`,
  ({ or, r }) => `You could start with ${or}, since you're into ${r}.`,
  ({ or, r }) => `Have you seen ${or}? You mentioned ${r}, and they fit.`,
  ({ or, r }) => `Let's go with ${r}: ${or}, perhaps?`,
];

/** Recommendations without stated reasons, one item: a generic justification instead. */
export const RECOMMEND_ONE: readonly Template<RecommendWords>[] = [
  ({ and }) => `How about ${and}? I think it could suit you.`,
  ({ and }) => `Based on what you've told me, you might enjoy ${and}.`,
  ({ and }) => `I'd suggest ${and}; it seems like a good fit for you.`,
  ({ and }) => `${and} could be a good match for you.`,
  ({ and }) => `Try ${and}. I have a feeling it's your kind of movie.`,
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
  ({ and }) => `Okay, next idea: ${and}.`,
  ({ and }) => `Here's another thought: ${and}.`,
  ({ and }) => `I've got one for you: ${and}.`,
  ({ and }) => `${and} is worth a shot.`,
  ({ and }) => `Give ${and} a try.`,
  ({ and }) => `How about ${and} tonight?`,
  ({ and }) => `I'd recommend ${and}.`,
  ({ and }) => `Do you know ${and}? I think it fits.`,
  ({ and }) => `${and} might be a good place to start.`,
  ({ and }) => `Try this one: ${and}.`,
  ({ and }) => `My suggestion: ${and}.`,
  ({ and }) => `There's always ${and}.`,
  ({ and }) => `I'm thinking ${and}.`,
  ({ and }) => `${and} comes to mind.`,
  ({ and }) => `Would ${and} work for you?`,
];

/** Recommendations without stated reasons, several items. */
export const RECOMMEND_MANY: readonly Template<RecommendWords>[] = [
  ({ or }) => `How about ${or}? I think they could suit you.`,
  ({ and }) => `Based on what you've told me, you might enjoy ${and}.`,
  ({ or }) => `I'd suggest ${or}; they seem like good fits for you.`,
  ({ and }) => `A few ideas: ${and}. They fit what you've told me so far.`,
  ({ and }) => `${and} could be good matches for you.`,
  ({ and }) => `Here are some options: ${and}. Does any of them catch your eye?`,
  ({ and }) => `You could try ${and}.`,
  ({ or }) => `Have you considered ${or}?`,
  ({ and }) => `A few to consider: ${and}.`,
  ({ and }) => `I've got ${and} for you.`,
  ({ or }) => `Maybe ${or}? One of them could be what you're after.`,
  ({ and }) => `Going by our chat so far, my picks are ${and}.`,
  ({ or }) => `Why not give ${or} a go?`,
  ({ and }) => `Let me throw out a few options: ${and}.`,
  ({ and }) => `I'd point you to ${and}.`,
  ({ and }) => `Check out ${and}.`,
  ({ or }) => `How would you feel about ${or}?`,
  ({ and }) => `Okay, next ideas: ${and}.`,
  ({ and }) => `Here's what I've got: ${and}.`,
  ({ or }) => `Give ${or} a try.`,
  ({ and }) => `I'd recommend ${and}.`,
  ({ and }) => `My suggestions: ${and}.`,
  ({ or }) => `I'm thinking ${or}.`,
  ({ and }) => `${and} come to mind.`,
  ({ or }) => `Would ${or} work for you?`,
  ({ and }) => `Try one of these: ${and}.`,
  ({ and }) => `Here are my picks: ${and}.`,
  ({ or }) => `Do you know ${or}? Either could fit.`,
];

/** Said after a recommendation that ends in a full stop: an invitation to answer. */
export const RECOMMEND_FOLLOW_UPS: readonly string[] = [
  'What do you think?',
  'How does that sound?',
  'Let me know what you think.',
  'Any interest?',
  'Would that work for you?',
  'Tell me if that sounds like your kind of thing.',
  "If it doesn't click, I have more.",
  'Does that fit what you had in mind?',
  'Sound good?',
  'Interested?',
  'Thoughts?',
  'Want more options?',
  'Or shall I keep looking?',
];

/** Words for acknowledging a critique: the item and the shift asked for ("less violent", "not by X"). */
export interface ShiftWords {
  /** The critiqued item's title. */
  readonly t: string;
  /** The shift: "less violent", "more recent", "without Keanu Reeves". */
  readonly s: string;
}

/** Acknowledgements that read with any shift. */
export const RESPOND_CRITIQUE: readonly Template<ShiftWords>[] = [
  ({ t, s }) => `Got it: something like ${t}, but ${s}.`,
  ({ t, s }) => `Understood. Like ${t}, but ${s}.`,
  ({ t, s }) => `Okay, the same spirit as ${t}, but ${s}.`,
  ({ t, s }) => `Makes sense. Something like ${t}, only ${s}, then.`,
  ({ t, s }) => `Noted: ${t} as a starting point, but ${s}.`,
  ({ t, s }) => `Sure, let me look for something like ${t}, but ${s}.`,
  ({ t, s }) => `Alright, something in the vein of ${t}, but ${s}.`,
  ({ t, s }) => `Fair enough. Like ${t}, but ${s}, then.`,
  ({ t, s }) => `I hear you: similar to ${t}, but ${s}.`,
  ({ t, s }) => `Right, so something close to ${t}, but ${s}.`,
  ({ t, s }) => `Good pointer. Something along the lines of ${t}, but ${s}.`,
  ({ t, s }) => `Thanks, that narrows it down: like ${t}, but ${s}.`,
  ({ t, s }) => `Okay, so the vibe of ${t}, but ${s}.`,
  ({ t, s }) => `Gotcha. Close to ${t}, just ${s}.`,
  ({ t, s }) => `That helps. I'll look for a film like ${t}, but ${s}.`,
  ({ t, s }) => `Let's adjust, then: like ${t}, but ${s}.`,
  ({ t, s }) => `Sure thing. Starting from ${t}, but ${s}.`,
  ({ t, s }) => `I can work with that: ${t}, but ${s}.`,
  ({ t, s }) => `Okay, I'll use ${t} as a guide, but ${s}.`,
];

/** Extra acknowledgements for comparative shifts, which read before "than X". */
export const RESPOND_CRITIQUE_COMPARATIVE: readonly Template<ShiftWords>[] = [
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
  ({ t, s }) => `I can do ${s} than ${t}.`,
];

/** Words for a critique answered together with a new suggestion: the critiqued title, the shift, the new titles. */
export interface RespondRecommendWords extends TitleWords, ShiftWords {}

/** A critique answered and a new suggestion made in one sentence or two, for any shift. */
export const RESPOND_RECOMMEND: readonly Template<RespondRecommendWords>[] = [
  ({ t, s, or }) => `Something like ${t}, but ${s}? Try ${or}.`,
  ({ t, s, or }) => `Like ${t}, but ${s}: how about ${or}?`,
  ({ t, s, or }) => `For something like ${t}, but ${s}, I'd go with ${or}.`,
  ({ t, s, or }) => `If you want ${t}, only ${s}, there's ${or}.`,
  ({ t, s, or }) => `Okay, like ${t} but ${s}. Maybe ${or}?`,
  ({ t, s, and }) => `Got it. Close to ${t}, just ${s}: ${and}.`,
  ({ t, s, or }) => `Sure, like ${t} but ${s}. How about ${or}?`,
  ({ t, s, and, one }) => `Similar to ${t}, but ${s}? In that case, ${and} ${one ? 'comes' : 'come'} to mind.`,
  ({ t, s, or }) => `Let's keep ${t} as the model, but ${s}. What about ${or}?`,
  ({ t, s, and, one }) => `Here's ${one ? 'one' : 'a couple'} like ${t}, but ${s}: ${and}.`,
  ({ t, s, or }) => `Same feel as ${t}, but ${s}? ${or} could work.`,
  ({ t, s, or }) => `In the spirit of ${t}, but ${s}? Then I'd say ${or}.`,
  ({ t, s, and }) => `Staying near ${t}, but ${s}, I've got ${and}.`,
  ({ t, s, or }) => `Hmm, like ${t}, but ${s}. Have you seen ${or}?`,
];

/** The same for comparative shifts, which read before "than X". */
export const RESPOND_RECOMMEND_COMPARATIVE: readonly Template<RespondRecommendWords>[] = [
  ({ t, s, or }) => `${s} than ${t}? Try ${or}.`,
  ({ t, s, or }) => `Something ${s} than ${t}? How about ${or}?`,
  ({ t, s, and, one }) => `Compared with ${t}, ${and} ${one ? 'is' : 'are'} ${s}.`,
  ({ t, s, or }) => `For something ${s} than ${t}, I'd try ${or}.`,
  ({ t, s, or }) => `If you're after something ${s} than ${t}, there's ${or}.`,
  ({ t, s, and }) => `Okay, ${s} than ${t}: ${and}.`,
  ({ t, s, and, one }) => `${one ? "Here's one" : 'Here are some'} ${s} than ${t}: ${and}.`,
  ({ t, s, and }) => `Something ${s} than ${t}, then. You might like ${and}.`,
  ({ t, s, or }) => `Got it: ${s} than ${t}. ${or} should do.`,
  ({ t, s, or }) => `${s} than ${t}, then. Maybe ${or}?`,
];

/** Nothing left fits the critique: said openly rather than recommending against it. */
export const NO_MATCH: readonly Template<ShiftWords>[] = [
  ({ t, s }) => `Hmm, I've run out of options like ${t}, but ${s}.`,
  ({ t, s }) => `Sorry, nothing I have left is like ${t}, but ${s}.`,
  ({ t, s }) => `I'm afraid I have nothing else like ${t}, but ${s}.`,
  ({ t, s }) => `That's a tough one: I can't find anything else like ${t}, but ${s}.`,
];

/** The same for comparative shifts, which read before "than X". */
export const NO_MATCH_COMPARATIVE: readonly Template<ShiftWords>[] = [
  ({ t, s }) => `I'm out of anything ${s} than ${t}, I'm afraid.`,
  ({ t, s }) => `Sorry, I have nothing left that's ${s} than ${t}.`,
  ({ t, s }) => `Hmm, nothing I haven't shown you is ${s} than ${t}.`,
];

/** Goodbyes naming the accepted item. */
export const CLOSE_WITH_ITEM: readonly Template<TitleWords>[] = [
  ({ and }) => `Enjoy ${and}!`,
  ({ and }) => `Great choice. Enjoy ${and}!`,
  ({ and }) => `I hope you enjoy ${and}!`,
  ({ and }) => `Have fun watching ${and}!`,
  ({ and }) => `${and} it is. Enjoy the movie!`,
  ({ and }) => `Happy watching! ${and} should make for a fun evening.`,
  ({ and }) => `Glad I could help. Enjoy ${and}!`,
  ({ and }) => `Sounds like a plan. Have fun with ${and}!`,
  ({ and }) => `${and} it is, then.`,
  ({ and }) => `Perfect. I hope ${and} hits the spot.`,
  ({ and }) => `Alright, ${and} it is!`,
  ({ and }) => `Glad we found something. Enjoy ${and}!`,
  ({ and }) => `Excellent. ${and} should make for a nice movie night.`,
  ({ and }) => `Happy to help! Have a good time with ${and}.`,
  ({ and }) => `You're all set with ${and}. Enjoy!`,
  ({ and }) => `Nice pick. Enjoy ${and}!`,
  ({ and }) => `${and} is a solid choice. Have fun!`,
  ({ and }) => `Great, ${and} it is. Happy watching!`,
  ({ and }) => `Hope ${and} is just what you wanted.`,
  ({ and }) => `Good call on ${and}. Enjoy your evening!`,
  ({ and }) => `Have a great time with ${and}!`,
  ({ and }) => `Lovely. Enjoy ${and}!`,
  ({ and }) => `I think you'll have fun with ${and}. Bye!`,
];

/** Said after a goodbye that names the accepted item. */
export const CLOSE_WITH_ITEM_WISHES: readonly string[] = [
  'Have a nice evening!',
  'Thanks for chatting!',
  'Come back anytime.',
  'Grab some popcorn!',
  'Take care!',
  'Bye for now!',
  'Have a good night!',
];

/** The first half of a goodbye when nothing was accepted. */
export const CLOSE: readonly string[] = [
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
];

/** A goodbye said right after a last suggestion, in the same turn. */
export const CLOSE_AFTER_SUGGESTION: readonly string[] = [
  "That's my last idea for tonight.",
  "That's all I have for now.",
  "If that one doesn't work, we can pick this up another time.",
  "I'll leave it there for tonight.",
  "That's the best I can do for now.",
];

/** The second half: the wish. */
export const CLOSE_WISHES: readonly string[] = [
  'Have a good night!',
  'Maybe next time!',
  'Take care!',
  'Goodbye!',
  'Come back anytime.',
  'Have a good evening!',
  'Good luck finding something!',
  'Bye for now!',
  'Enjoy the rest of your evening!',
  'Hope to see you again.',
  'See you next time!',
  'Have a relaxing evening!',
  'Cheers!',
];

/** Items attached to acts that do not otherwise name items (greet, ask-open, ask-attribute): a neutral pointer. */
export const ALSO_ABOUT: readonly Template<TitleWords>[] = [
  ({ and }) => `We could start from ${and}.`,
  ({ and }) => `Let's keep ${and} in mind.`,
  ({ and }) => `I'm thinking of ${and}, for reference.`,
];
