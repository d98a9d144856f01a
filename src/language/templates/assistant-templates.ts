import type { Template, TitleWords } from './template.js';

// The recommender's phrasings. Sentences start capitalised and end with punctuation, except where they open with
// an interpolated phrase: the turn assembler capitalises that (never a title, whose spelling is kept).

/** Opening greetings; a question usually follows in the same turn. */
export const GREETINGS: readonly string[] = [
  'Hi there!',
  'Hello!',
  "Hey! Let's find you something to watch.",
  "Hi! I'm here to help you pick a movie.",
  'Hello! Happy to help you find a film.',
  'Hi! Ready to find you a movie?',
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
];

/** Recommendations with reasons, several items. */
export const RECOMMEND_MANY_BECAUSE: readonly Template<RecommendWords>[] = [
  ({ or, r }) => `Since you like ${r}, how about ${or}?`,
  ({ or, r }) => `You said you like ${r}, so I'd suggest ${or}.`,
  ({ and, r }) => `If you're into ${r}, ${and} should be good fits.`,
  ({ and, r }) => `For someone who enjoys ${r}, ${and} are strong picks.`,
  ({ and, r }) => `Given that you like ${r}, you might enjoy ${and}.`,
  ({ or, r }) => `Based on your taste for ${r}, try ${or}.`,
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
];

/** Recommendations without stated reasons, several items. */
export const RECOMMEND_MANY: readonly Template<RecommendWords>[] = [
  ({ or }) => `How about ${or}? I think they could suit you.`,
  ({ and }) => `Based on what you've told me, you might enjoy ${and}.`,
  ({ or }) => `I'd suggest ${or}; they seem like good fits for you.`,
  ({ and }) => `A few ideas: ${and}. They fit what you've told me so far.`,
  ({ and }) => `${and} could be good matches for you.`,
  ({ and }) => `Here are some options: ${and}. Does any of them catch your eye?`,
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
];

/** Extra acknowledgements for comparative shifts, which read before "than X". */
export const RESPOND_CRITIQUE_COMPARATIVE: readonly Template<ShiftWords>[] = [
  ({ t, s }) => `${s} than ${t}, got it.`,
  ({ t, s }) => `Right, something ${s} than ${t}.`,
  ({ t, s }) => `Okay, ${s} than ${t}. Let me see.`,
  ({ t, s }) => `Something ${s} than ${t}, coming right up.`,
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
];

/** Goodbyes when nothing was accepted. */
export const CLOSE: readonly string[] = [
  'Thanks for chatting. Have a good night!',
  'No problem. Maybe next time!',
  "Sorry we didn't find the right one. Take care!",
  'Thanks for chatting, goodbye!',
  'Okay! Come back anytime.',
  'Alright, have a good evening!',
];

/** Items attached to acts that do not otherwise name items (greet, ask-open, ask-attribute): a neutral pointer. */
export const ALSO_ABOUT: readonly Template<TitleWords>[] = [
  ({ and }) => `We could start from ${and}.`,
  ({ and }) => `Let's keep ${and} in mind.`,
  ({ and }) => `I'm thinking of ${and}, for reference.`,
];
