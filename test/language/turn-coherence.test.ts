import { describe, expect, it } from 'vitest';
import { itemAttributeKeys } from '../../src/catalog/item.js';
import type { DialogueRecord, ItemCatalog } from '../../src/index.js';
import { domainPhrasing } from '../../src/lexicon/domain-phrasing.js';
import { BUILTIN_CATALOGS } from '../helpers/builtin-catalogs.js';
import { templateDialogues } from '../helpers/template-dialogues.js';
import { titleForms } from '../helpers/title-parts.js';
import { UNTOLD_GENRES } from '../helpers/untold-genres.js';

// What a careful reader holds a recommender to, turn by turn: it does not promise to look for something and then
// offer something else, say "you said" of what the user never said, call its first suggestion the "next" one (or a
// later one its first), count two titles as "a few", ask "Sound good?" while saying goodbye, console a user who never
// gave up, or wish the same thing twice. The patterns are written here, apart from the templates.

/** Words that say why a question is asked: "That'll narrow things down.", "Just so I know where to start." */
const WHY_ASKED = /\b(?:narrow|taste|where to start|to pick|a long way|fit you|look for|I'd pick)/;
/** An opening that promises to follow a liking ("I'll look at horror, then."): none may be broken in the same turn. */
const PROMISE =
  /^(?:I'll look at |Great, I'll look into |Good, I can do |Okay, I'll keep .+ in mind\.|I'll put .+ on the list\.|Okay, (?!something else).+ then\.)/;
/** Words that say the user said something. */
const SAID = /\b(You said you like|You mentioned|when you mentioned|what you said about)\b/;
/** Words that present a suggestion as the first. */
const FIRST = /\b(places? to start|start with|first thoughts?)\b/i;
/** Words that present a suggestion as following an earlier one. */
const NEXT = /\b(next ideas?|another thought|a few more|Then there's)\b/i;
// Goodbyes that answer a user who gave up, and never a recommender that ran out itself.
const GIVE_UP_WORDS = [
  'some nights are like that',
  "didn't find the right",
  "couldn't help more",
  "didn't land on one",
  'no pressure',
];
const CONSOLING_GIVE_UP = new RegExp(`\\b(${GIVE_UP_WORDS.join('|')})\\b`, 'i');
/** The same, with a wish that fits a recommender that ran out too ("Sorry to end on a miss. Good luck finding …"). */
const CONSOLING = new RegExp(`\\b(${[...GIVE_UP_WORDS, 'Good luck finding'].join('|')})\\b`, 'i');

/** Words that say goodbye or wish the other speaker well on parting. */
const GOODBYE =
  /\b(?:bye|goodbye|good night|take care|see you|until next time|cheers|sleep well|have a (?:good|lovely|relaxing)|catch you|come back|drop by|talk to you|all the best|hope to see you|enjoy the rest)\b/i;

/** A sentence after the first that takes in what the other speaker said ("… more noir. Fair enough. Good night!"). */
const ACKNOWLEDGING =
  /[.!?] (?:Okay|Alright|Fair enough|Understood|No problem|No worries|That's (?:okay|alright|fine)|That is fine|Sure)\b/;

/** Wordings a careful reader stumbles on, by either speaker (titles taken out). */
const CLUMSY: ReadonlyArray<readonly [string, RegExp]> = [
  // "I'm neutral about dark films, it depends on the film": two sentences joined by a comma.
  ['a comma splice', /, (?:it )?depends on\b|\bpreference on [^,.]+, either way\b/],
  // "Let's go more of a classic than Ariel", "Can you go more adventurous than Heat?": a comparison with no noun.
  [
    'a comparison with no noun',
    /\b(?:go|do) (?:more|less|newer|older)\b|\bHere are some (?:more|less) [a-z-]+ than\b/i,
  ],
  // "neutral about books about religion".
  ['"about" twice', /\babout [a-z]+ about\b/],
  // "T and T are more of a self-help book": one of a kind, said of several.
  [
    'a kind in the singular said of several',
    /\bT(?: \(\d{4}\))? and T(?: \(\d{4}\))? (?:are|have) (?:more|less|not) (?:of )?an? /,
  ],
  ['"the anything … front"', /\bthe anything\b/],
  // "Should I include horror? It tells me which film to pick.": "it" after a question refers to nothing.
  ['"it" for the answer to a question', /\? It (?:narrows|tells me|helps me)\b/],
  // "Something to note: it's also a Best Picture winner. And, to match what you said, it's also a heist movie."
  ['"also" twice', /\bit's also\b.*\bit's also\b/i],
  // "Not feeling A, B and C": turning several down takes "or".
  ['"and" in a refusal of several', /\bNot feeling T(?: \(\d{4}\))?(?:, T(?: \(\d{4}\))?)* and T\b/],
  // "I've always loved poetry these days", "I'm generally a fan of Hardy, on the whole", "I like books about
  // happiness now and then, as a rule": how often, said twice.
  [
    'how often, said twice',
    /\b(?:always|generally|usually|now and then|sometimes|mostly)\b[^.!?;]*?,? (?:these days|lately|on the whole|as a rule|most of the time|for the most part)\b/i,
  ],
  // "Same as Drive, but animated", "Closer to High Noon, but more recent", "Candide, sort of, but newer": a likeness
  // said as sameness, or as nearer than something never named, before the difference.
  ['a likeness said as sameness', /\b(?:Same as|Closer to) T\b|\bT(?: \(\d{4}\))?, sort of, but\b/],
  // "It's set during World War II and set in New York".
  ['"set" twice in one list', /\bset (?:in|during|on|at|among)\b[^.!?]*\band set\b/],
  // "A was fine, but forgettable, but B was fantastic".
  ['"but" twice in a sentence', /\bbut\b[^.!?;]*\bbut\b/i],
  // "Book Lovers could be right for you, reading as you like funny books": the idiom is "seeing as".
  ['"reading as" for "seeing as"', /\b(?:reading|watching|listening|playing) as you\b/],
  // "My favourite has to be comedies and movies with Charlie Chaplin": one favourite, said of several.
  ['one favourite of several', /\bfavou?rite (?:has to be|is) [^.!?,;]* and /i],
  // "No reason. More in the mood for dramas than T.": a reason, given right after saying there is none.
  ['no reason, then one', /\b(?:No (?:real )?reason|Nothing really)\b[.,;:] [^.!?]*\b(?:rather|mood|leaning)\b/i],
  // "crazy about movies on drugs", "stories on family": books are on a topic, films and stories are not.
  [
    'films or stories "on" a topic',
    /\b(?:stories|movies|films) on (?!(?:a|an|the|your|my|this|that|tonight|film)\b)[a-z]/,
  ],
  // "It has a pandemic", "It features writers and writing", "Expect a private detective", "It has musicians",
  // "Expect trains": a setting, a theme or a kind of story said as something the item holds.
  [
    'a theme said as a thing held',
    /\b(?:[Ii]t has|features|Expect) (?:a pandemic|writers and writing|a revolution|an obsession|music|a (?:private )?detective|musicians|trains|virtual reality|artificial intelligence|sports)\b/,
  ],
  // "Hey! I need a film for tonight. Oh, I love westerns.": an answer's opener, after the user's own greeting and
  // request, answers nothing.
  [
    "an answer's opener after the user's own request",
    /^(?:Hi|Hey|Hello)[^.!?]*[.!?] [^.!?]*[.!?] (?:Well|Oh|Yes|Hmm), (?!and\b)/,
  ],
  // "It's a coming-of-age story and set in Paris", "a fairy tale and in black and white": a kind takes its participle
  // after it, without "and".
  [
    'a kind and its participle',
    /(?<!on )\ban? [a-z-]+ (?:story|collection|hunt|tale|saga|film) and (?:set|based|told|in) /,
  ],
  // "Fight Club is a crime action drama. It's a dark comedy.": a second kind, said as if correcting the first ("is a
  // natural pick for …" says no kind).
  [
    'a second kind said as a correction',
    /\b(?:is|was) (?:basically )?an? (?!(?:safe|good) bet|(?:strong|natural) pick|good one)[^.!?]+[.!?] (?:[A-Z][A-Za-z' ]+[:,] )?[Ii]t's an? (?!bit\b|little\b|lot\b)[a-z-]+(?: [a-z-]+)? (?:story|comedy|tale|anime|opera|classic|tragedy|winner|slasher|movie|film|novel|drama|thriller)\b/,
  ],
  // "it's a told as a story within a story short story collection": a phrase taken for an adjective.
  ['a phrase inside a kind', /\ban? (?:set|based|told) [^.,;]* (?:story|collection|novel)\b(?! (?:about|of|with)\b)/],
  // "a classic mystery that's a detective story": a kind, then another kind as what the first one is.
  [
    'a kind said to be another kind',
    /\b(?:film|movie|mystery|thriller|drama|comedy|novel|book|romance|western|musical|story|memoir) that's an? [a-z-]+ (?:story|film|movie|book|novel|tale|thriller)\b/,
  ],
  // "I'm indifferent to war films, depending on my mood": no feelings either way cannot depend on anything.
  [
    'a hedge on indifference',
    /\b(?:neutral|indifferent|no strong feelings|no real preference|lukewarm)\b[^.!?]*, (?:depending|it depends|depends) on\b/i,
  ],
];
/** Genres and tags of grave items, and the words of a fun night in that do not go with them. */
const GRAVE =
  /^(?:genre:(?:War|True Crime)|tag:(?:world war i|world war ii|vietnam war|holocaust|slavery|grief|tragedy|tearjerker|serial killers?|disturbing|bleak|brutal|heartbreaking|torture|rape))$/;
/** Words a turn opens with as an acknowledgement: said twice in a row, they stutter. */
const INTERJECTION = /^(?:okay|alright|right|sure|got|noted|fine|great|good|cool|thanks|understood|perfect|ah|so|hmm)$/;
const FUN = /\b(?:fun|popcorn|snacks|a treat|relax|end the day with)\b/i;
// Nor "Enjoy Shoah!" or "Have a good time with Come and See" for a grave item that is no comedy or children's film.
const JOY = /\b(?:enjoy|good time|great time)\b/i;

/**
 * A sentence of facts about an item, after the one that names it; not one of its kind ("It's basically a
 * popular-science history book" for Homo Deus: A Brief History of Tomorrow, "It's the horror musical I mentioned" for
 * The Rocky Horror Picture Show).
 */
const FACT =
  /^(?:It's (?!(?:[a-z]+ )?an? |the [^.]* I mentioned\b)|It features|It has|It deals|It explores|Its real subject|Expect|Worth knowing|Something to note|People|Its tags)/;
/** Words of a title too plain to be said again by a fact ("Letters from a Stoic … It's from Seneca"). */
const PLAIN_WORDS = new Set(['about', 'from', 'with', 'into', 'over', 'that', 'this', 'what', 'when', 'where', 'your']);

/** Saying what the user likes ("Given your interest in …"; "Drop by anytime you like" says nothing of the kind). */
const LIKES_SAID =
  /(?<!\b(?:do|would|did|anytime|whenever|if) )\byou (?:like|enjoy)\b|\b(?:you're into|you're a fan|your taste (?:for|in)|your interest in|a fan of|fans of)\b/i;

/** A user's request for other suggestions. */
const MORE =
  /\b(?:something (?:new|else|fresh)|anything (?:else|I haven't)|what else|next\?|I'd like something|any others)\b/i;

/** An opening that takes in what the user made of one title ("Good, glad you liked it.", "A middling one, then."). */
const VERDICT_TAKEN =
  /^(?:Good to hear you liked it|Good to hear you loved it|Ah, a favourite|Great, one you loved|Sounds like a real favourite|Nice, a good one|Good, glad you liked it|Good to know you thought well of it|A good one, then|Great, you liked it|Fair enough, it's not for everyone|Ah, not one for you|Okay, so you didn't like it|Noted, not a favourite|A middling one|Okay, not a strong one|Fair enough, it didn't leave|Okay, so it was just alright|Right, nothing special, then)\b/;

/** An acknowledgement that thanks the user for telling something. */
const HELPED =
  /^(?:\w+, )?(?:that helps|that's useful|that gives me|that narrows|that is helpful|that makes things|I can work with that|that paints|I think I see your taste)/i;

/** The text with every title of the turn's items taken out: titles carry their own "?" and "!" ("What About Bob?"). */
function withoutTitles(text: string, catalog: ItemCatalog, ids: readonly string[]): string {
  let out = text;
  for (const id of ids) for (const form of titleForms(catalog.require(id).title)) out = out.replaceAll(form, 'T');
  return out;
}

/** The sentences after the one that names the last title: where an invitation to answer would go. */
function afterSuggestion(plain: string): string {
  const rest = plain.slice(plain.lastIndexOf('T'));
  const end = rest.search(/[.!?]\s/);
  return end < 0 ? '' : rest.slice(end + 1);
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The text from the first title of `ids` on, every title taken out: where a question would want an answer. A title
 * is found with its year where the text writes one, and as a whole word: "M (1931)" is not the M of "More noir than
 * …?", nor "Beauty and the Beast (1991)" the 1946 film of that title named before it.
 */
function fromSuggestion(
  text: string,
  catalog: ItemCatalog,
  ids: readonly string[],
  alsoNamed: readonly string[] = [],
): string {
  const titles = [...ids, ...alsoNamed].flatMap((id) => titleForms(catalog.require(id).title));
  const starts = ids.flatMap((id) => {
    const { title, year } = catalog.require(id);
    const dated = text.indexOf(`${title} (${year})`);
    if (dated >= 0) return [dated];
    return titleForms(title).map((form) => text.search(new RegExp(`(?<![\\w'])${escapeRegExp(form)}(?![\\w'])`)));
  });
  const first = Math.min(...starts.filter((at) => at >= 0));
  let out = text.slice(first);
  for (const title of titles) out = out.replaceAll(title, '');
  return out;
}

/** The kinds of item a turn says its first suggestion is, after its title: "Heat (1995), a crime thriller", "It's …". */
function kindsSaid(text: string, catalog: ItemCatalog, ids: readonly string[]): string[] {
  const title = catalog.require(ids[0] as string).title;
  const at = text.indexOf(title);
  if (at < 0) return [];
  const after = text.slice(at + title.length);
  const appositive = /^(?: \(\d{4}\))?, (an? [^,.?!]*)/.exec(after)?.[1];
  // "It's close to The Adventures of Tom Sawyer, which you liked." relates the slate to a title: no kind.
  const facts = sentences(after).filter(
    (part) => /^(?:It's|It is|Short version:) /.test(part) && !/^It's close to /.test(part),
  );
  // The kind is the noun phrase before what follows it ("a comedy that's stop-motion animated" is a comedy).
  return [...(appositive === undefined ? [] : [appositive]), ...facts].map(
    (kind) => kind.toLowerCase().split(/\b(?:that's|with|by|from|starring|featuring|people|and)\b/)[0] as string,
  );
}

/** What follows the last title of `ids` in the text. */
function afterLastTitle(text: string, catalog: ItemCatalog, ids: readonly string[]): string {
  const title = catalog.require(ids.at(-1) as string).title;
  const at = text.lastIndexOf(title);
  return at < 0 ? '' : text.slice(at + title.length);
}

function sentences(text: string): string[] {
  return text.split(/(?<=[.!?])\s+/).filter((part) => part !== '');
}

interface Finding {
  readonly rule: string;
  readonly text: string;
}

function findings(dialogue: DialogueRecord, catalog: ItemCatalog): Finding[] {
  const found: Finding[] = [];
  const grave = (id: string) => itemAttributeKeys(catalog.require(id)).some((key) => GRAVE.test(key));
  // A drama with nothing lighter about it: The Shawshank Redemption and Casino are no fun, however much one likes them.
  const serious = (id: string) => {
    const genres = catalog.require(id).attributes.genre ?? [];
    return genres.includes('Drama') && !genres.some((genre) => /comedy|children|humou?r|family|kids/i.test(genre));
  };
  const harrowing = (id: string) =>
    grave(id) && !itemAttributeKeys(catalog.require(id)).some((key) => /^genre:(?:Comedy|Humor|Children)/.test(key));
  let suggested = false;
  const sceneSetting = dialogue.turns.findIndex((turn) => turn.speaker === 'user');
  const disliked = new Set<string>();
  const liked = new Set<string>();
  const shown = new Set<string>();
  for (const [index, turn] of dialogue.turns.entries()) {
    // "Tell me a little and I will dig up a film. Tell me about the genres you like.", "I could use a suggestion. I
    // could watch noir all day": two sentences of a turn that open with the same two words (titles alike).
    const openings = sentences(
      withoutTitles(
        turn.text,
        catalog,
        turn.acts.flatMap((act) => act.items),
      ),
    )
      .map((part) => part.split(' '))
      .filter((words) => words.length >= 3 && !/^T(?![\w'])/.test(words[0] as string))
      .map((words) => words.slice(0, 2).join(' ').toLowerCase());
    if (new Set(openings).size < openings.length) found.push({ rule: 'two sentences opening alike', text: turn.text });
    // "The kids are asleep, so I finally have time." … "Just in time for dinner.": small talk keeps to the evening the
    // user set out, and friends on their way leave no couch to oneself and no early night.
    if (turn.speaker === 'user' && index > sceneSetting) {
      const scene = dialogue.turns[sceneSetting]?.text ?? '';
      if (
        (/\bkids are (?:asleep|in bed)\b/i.test(scene) && /\bdinner\b/i.test(turn.text)) ||
        (/\bfriends are coming\b/i.test(scene) &&
          /\bmy couch\b|\bto bed\b|\balways tomorrow\b|\bon TV\b/i.test(turn.text))
      )
        found.push({ rule: 'small talk out of the scene the user set', text: `${scene} / ${turn.text}` });
      // "What should I watch tonight?" … "Heat it is. Adding it to my list.": what was wanted tonight, a film or a
      // book to start, is not saved for later.
      if (/\b(?:tonight|this evening)\b/i.test(scene) && /\bto my list\b/i.test(turn.text))
        found.push({ rule: 'wanted tonight, saved for later', text: `${scene} / ${turn.text}` });
    }
    // "… Goodfellas (1990) and Casino (1995). Take your time deciding. Until next time!" then "I'll take Casino. Bye!":
    // a goodbye before the user answers a last suggestion leaves their answer unanswered. It hands the choice over,
    // and the user says goodbye.
    if (
      turn.speaker === 'assistant' &&
      index < dialogue.turns.length - 1 &&
      turn.acts.some((act) => act.type === 'close') &&
      GOODBYE.test(turn.text)
    )
      found.push({ rule: 'a goodbye before the user has answered', text: turn.text });
    // "Great, Cosmos it is." … "Great, Cosmos it is. Happy reading!": the user's choice said back in their words.
    if (
      turn.speaker === 'assistant' &&
      turn.acts.some((act) => act.type === 'close' && act.items.length > 0) &&
      /\bit is\b/.test(turn.text) &&
      /\bit is\b/.test(dialogue.turns[index - 1]?.text ?? '')
    )
      found.push({ rule: "the choice said back in the user's words", text: turn.text });
    if (turn.speaker === 'user') {
      // "What's Alien about?" … "Alien? Nah." from a horror fan reads as not listening: a title just described, with
      // something the user said they like, is turned down granting the fit.
      const described = (dialogue.turns[index - 1]?.acts ?? []).flatMap((act) =>
        act.type === 'describe-item' ? act.items : [],
      );
      for (const act of turn.acts) {
        if (act.type !== 'reject' || act.seen || act.items.length !== 1) continue;
        const id = act.items[0] as string;
        const fits = described.includes(id) && itemAttributeKeys(catalog.require(id)).some((key) => liked.has(key));
        if (fits && !/\b(?:but|close)\b/i.test(withoutTitles(turn.text, catalog, act.items)))
          found.push({ rule: 'a fitting title turned down bare', text: turn.text });
        // "What's Se7en about?" … "Se7en? Almost, but no.": a title just talked about is not met as if new.
        if (described.includes(id) && /^T(?: \(\d{4}\))?\? /.test(withoutTitles(turn.text, catalog, act.items)))
          found.push({ rule: 'a title just described, met as new', text: turn.text });
        // "Heat sounds close, but … We're going around in circles": leaving after a near miss does not deny it.
        if (
          fits &&
          turn.acts.some((other) => other.type === 'give-up') &&
          /getting anywhere|going (?:around|round) in circles|nothing's (?:really )?clicking|not finding what|not working/i.test(
            turn.text,
          )
        )
          found.push({ rule: 'a near miss left as if nothing came close', text: turn.text });
      }
      for (const act of turn.acts)
        if (act.type === 'disclose' && act.polarity === 'positive' && act.attribute !== undefined)
          liked.add(act.attribute);
      // "I thought Farewell My Concubine was pretty fun", "The Shawshank Redemption was fun": a liking of a grave or
      // serious item, and nothing else liked in the turn.
      const praised = turn.acts.flatMap((act) =>
        (act.type === 'disclose' || act.type === 'answer-item') && act.polarity === 'positive' ? act.items : [],
      );
      if (praised.length > 0 && praised.every((id) => grave(id) || serious(id))) {
        const sentence = sentences(withoutTitles(turn.text, catalog, praised)).find((part) => part.includes('T'));
        if (sentence && FUN.test(sentence))
          found.push({ rule: 'fun had with a grave or serious item', text: turn.text });
      }
      for (const act of turn.acts)
        if (act.type === 'disclose' && act.polarity === 'negative' && act.attribute !== undefined)
          disliked.add(act.attribute);
      for (const act of turn.acts) {
        if (act.type !== 'ask-about-item' || !/\b(story|premise)\b/.test(withoutTitles(turn.text, catalog, act.items)))
          continue;
        if (
          act.items.some((id) => (catalog.require(id).attributes.genre ?? []).some((genre) => UNTOLD_GENRES.has(genre)))
        )
          found.push({ rule: 'the story of an item that tells none', text: turn.text });
      }
      const said = withoutTitles(
        turn.text,
        catalog,
        turn.acts.flatMap((act) => act.items),
      );
      // "Seen it already. Something new? I'll look elsewhere.": a user who is leaving asks for nothing more.
      if (turn.acts.at(-1)?.type === 'give-up' && MORE.test(said))
        found.push({ rule: 'asks for more while leaving', text: turn.text });
      // Not the fun of another title spoken of in the turn: "I thought The Thing was pretty fun. Arrival, then."
      const others = turn.acts.flatMap((act) => (act.type === 'accept' ? [] : act.items));
      const ofAccepted = withoutTitles(
        sentences(turn.text)
          .filter((part) => !others.some((id) => part.includes(catalog.require(id).title)))
          .join(' '),
        catalog,
        turn.acts.flatMap((act) => act.items),
      );
      if (turn.acts.some((act) => act.type === 'accept' && act.items.some(grave)) && FUN.test(ofAccepted))
        found.push({ rule: 'a fun night in with a grave item', text: turn.text });
      // "Thrillers, always, Heat (1995)? Amazing.": a clause that asks its own question runs into the one before it.
      if (/[,;] T(?: \(\d{4}\))?\? /.test(said)) found.push({ rule: 'a question run into a clause', text: turn.text });
      // "Hey, quick question. I'm after a film for this evening.": a question announced, and none asked.
      if (/\bquick question\b(?![^?]*\?)/i.test(said))
        found.push({ rule: 'a question announced, none asked', text: turn.text });
      // "Big fan of memoirs, T was brilliant.": a title after a taste for a kind, with a bare comma, reads as one of
      // that kind.
      if (
        /(?:^|[.!?;] )(?!On the other hand|By the way)(?:[^T.!?;\s]+ ){2,}[^T.!?;\s]+, (?:T(?: \(\d{4}\))? (?:was|were)\b|loved T\b|T(?: \(\d{4}\))?, loved)/.test(
          said,
        )
      )
        found.push({ rule: 'a title run into a taste for a kind', text: turn.text });
      for (const [rule, words] of CLUMSY) if (words.test(said)) found.push({ rule, text: turn.text });
      // "Which directors do you like?" "I'm indifferent to Spielberg's films.", "Which topics do you always make time
      // for?" "I'd pass on magical realism.": with no favourite, the answer says there is none first.
      const first = turn.acts[0];
      const lukewarm = first?.type === 'disclose' && first.polarity !== 'positive' ? first.attribute : undefined;
      const askedOpenly = dialogue.turns[index - 1]?.acts.some(
        (act) => act.type === 'ask-attribute' && act.attribute === undefined && lukewarm?.startsWith(`${act.facet}:`),
      );
      if (askedOpenly && !/\b(?:none|nobody|nothing|no (?:real )?favou?rites|(?:have|any) favou?rites)\b/i.test(said))
        found.push({ rule: 'no favourite, but not said so', text: turn.text });
      // "None in particular, really. I hate films by Hayao Miyazaki." sets the dislike beside the shrug: it is said
      // against it ("But I hate …").
      if (askedOpenly && first?.type === 'disclose' && first.polarity === 'negative') {
        const next = said.split(/(?<=[.!?]) /)[1] ?? '';
        if (!/^(?:but|though|that said|still)\b/i.test(next))
          found.push({ rule: 'a dislike set beside no favourites', text: turn.text });
      }
      // "Which directors do you like?" "I love sci-fi.": a liking of something else says first there is no favourite,
      // and "nobody" only of people. A kind of thing answers a question about another ("What kinds of stories do you
      // like?" "I'll always say yes to comedies!"): neither names people, and "no kinds of stories" would be untrue.
      const openQuestion = dialogue.turns[index - 1]?.acts.find(
        (act) => act.type === 'ask-attribute' && act.attribute === undefined,
      );
      const namesPeople = (facet: string) =>
        /^(?:creator|performer)$/.test(domainPhrasing(catalog).facets[facet]?.kind ?? '');
      const other =
        openQuestion?.type === 'ask-attribute' &&
        first?.type === 'disclose' &&
        first.polarity === 'positive' &&
        first.attribute !== undefined &&
        !first.attribute.startsWith(`${openQuestion.facet}:`);
      const likedFacet = first?.type === 'disclose' ? (first.attribute ?? '').split(':')[0] : undefined;
      const elsewhere =
        other &&
        openQuestion?.type === 'ask-attribute' &&
        (namesPeople(openQuestion.facet) || namesPeople(likedFacet ?? ''));
      if (other && !elsewhere && /^(?:none|nobody|nothing in particular|no [a-z ]+ in particular)\b/i.test(said))
        found.push({ rule: 'no favourite kind, then a kind', text: turn.text });
      if (
        elsewhere &&
        !/^(?:none|nobody|nothing|no real favourites|no favourites there|no [a-z ]+ in particular|no favourite [a-z ]+ come to mind|i can't (?:really )?name any|i don't really have favourites|hard to say)\b/i.test(
          said,
        )
      )
        found.push({ rule: 'a liking of something else given as an answer', text: turn.text });
      // "What kinds of film do you pick?" "Nothing in particular on that front. I love space movies." leaves it unclear
      // that space films are no kind of film: the answer names what it has no favourites of ("No genres in particular").
      const askedFacet =
        openQuestion?.type === 'ask-attribute' ? domainPhrasing(catalog).facets[openQuestion.facet] : undefined;
      if (elsewhere && askedFacet && !(said.split(/(?<=[.!?]) /)[0] ?? '').includes(askedFacet.names[0] as string))
        found.push({ rule: 'no favourites of what was asked, unnamed', text: turn.text });
      // "None in particular, really. I'll always say yes to comedies!" says there is nothing the user likes, then names it.
      if (
        elsewhere &&
        /^(?:none in particular|nothing stands out|hard to say|i don't really have favourites)\b/i.test(said)
      )
        found.push({ rule: 'no favourites at all, then a liking', text: turn.text });
      const people = /^(?:director|cast|author)$/.test(
        openQuestion?.type === 'ask-attribute' ? openQuestion.facet : '',
      );
      if (openQuestion && !people && /^Nobody\b/.test(said))
        found.push({ rule: '"nobody" of things', text: turn.text });
      // "What's Heat about? I love westerns.": a question about an item ends the turn, with nothing volunteered after it.
      const volunteered = turn.acts.some((act) => act.type === 'disclose' && act.attribute !== undefined);
      if (turn.acts.some((act) => act.type === 'ask-about-item') && volunteered)
        found.push({ rule: 'a taste volunteered with a question about an item', text: turn.text });
      // "I haven't read Dune yet, but I hate horror", "Drive was fine, but I'm not into war films": a taste for a kind
      // of item is no contrast to an opinion of a title.
      const titleThenTaste = turn.acts.some((act, at) => {
        const next = turn.acts[at + 1];
        return act.type === 'answer-item' && next?.type === 'disclose' && next.attribute !== undefined;
      });
      // The contrast is the one before the taste ("…, but I hate horror"), not an opinion's own ("fine, but forgettable",
      // "I have, but I hated It's a Wonderful Life").
      if (
        titleThenTaste &&
        /(?<!\bI have), (?:but|though) I\b|\b(?:that said|on the other hand|mind you), I\b/i.test(said)
      )
        found.push({ rule: 'a taste set against an opinion of a title', text: turn.text });
      // "I adore fantasy, but I hated Seven Samurai" reads as if Seven Samurai were fantasy: a title of another kind is
      // no contrast to a taste, but something more to say.
      // Nor is one after a title not seen: "Never seen Notorious, but I hated Citizen Kane."
      for (const [at, act] of turn.acts.entries()) {
        const next = turn.acts[at + 1];
        if (next?.type !== 'disclose' || next.attribute !== undefined) continue;
        const unseen = act.type === 'answer-item' && !act.seen;
        if (!unseen) {
          if (act.type !== 'disclose' || act.attribute === undefined || next.polarity === act.polarity) continue;
          if (next.items.some((id) => catalog.carries(id, act.attribute as string))) continue;
        }
        const title = catalog.require(next.items[0] as string).title;
        const before =
          sentences(turn.text)
            .find((part) => part.includes(title))
            ?.split(title)[0] ?? '';
        if (/, (?:but|though|while) |^(?:That said|On the other hand|Mind you|But|Though)\b/.test(before))
          found.push({ rule: 'a title set against what it has nothing to do with', text: turn.text });
      }
      // "Documentaries? Not for me. Close, but The Brandon Teena Story isn't the one.": a title turned down for a
      // dislike just said is not also near the mark, nor put off by nothing in particular.
      const against = turn.acts.flatMap((act) =>
        act.type === 'disclose' && act.polarity === 'negative' && act.attribute !== undefined ? [act.attribute] : [],
      );
      const faulted = turn.acts.some(
        (act) => act.type === 'reject' && act.items.some((id) => against.some((key) => catalog.carries(id, key))),
      );
      if (faulted && /\b(?:close|nothing (?:in particular|specific)|no (?:real )?reason|on paper|fits)\b/i.test(said))
        found.push({ rule: 'turned down for a dislike, and for nothing', text: turn.text });
      // "I have, and …" answers "Have you seen …?", not "Do you know …?" or "Does … ring a bell?".
      const asked = dialogue.turns[index - 1]?.text ?? '';
      if (/^I have[,;.]/.test(turn.text) && !/\b(have you|you've|ever|did you|seen|read)\b/i.test(asked))
        found.push({ rule: '"I have" to no "have you"', text: `${asked} / ${turn.text}` });
      continue;
    }
    const types = turn.acts.map((act) => act.type);
    const previous = dialogue.turns.slice(0, index).findLast((earlier) => earlier.speaker === 'assistant');
    const askedJustBefore = previous?.acts.some((act) => act.type === 'ask-attribute' && act.attribute !== undefined);
    if (
      /\b(Same question for|Another one:|Next question:|One more:|try another one:)/.test(turn.text) &&
      !askedJustBefore
    )
      found.push({ rule: '"one more" question after no question', text: turn.text });
    for (const act of turn.acts) {
      if (act.type !== 'ask-attribute' || act.attribute !== undefined) continue;
      const told = dialogue.turns
        .slice(0, index)
        .some((earlier) =>
          earlier.acts.some(
            (said) =>
              said.type === 'disclose' && earlier.speaker === 'user' && said.attribute?.startsWith(`${act.facet}:`),
          ),
        );
      if (told) found.push({ rule: 'asks for a facet the user already spoke of', text: turn.text });
    }
    for (const act of turn.acts) {
      if (act.type !== 'ask-item') continue;
      for (const id of act.items)
        if ([...disliked].some((key) => catalog.carries(id, key)))
          found.push({ rule: 'asks about an item of a stated dislike', text: turn.text });
    }
    const items = turn.acts.flatMap((act) => act.items);
    // "with X in the lead": X is who leads the cast, not the one left once a starring director is named as director.
    const lead = /(?:with|has) ([^,.]+?) in the lead/.exec(turn.text)?.[1];
    const leader = items.length === 1 ? catalog.require(items[0] as string).attributes.cast?.[0] : undefined;
    if (lead !== undefined && leader !== undefined && !lead.includes(leader))
      found.push({ rule: 'a lead who is not the lead', text: turn.text });
    const plain = withoutTitles(turn.text, catalog, items);
    const recommended = turn.acts.flatMap((act) => (act.type === 'recommend' ? act.items : []));
    if (PROMISE.test(turn.text)) {
      const before = dialogue.turns[index - 1];
      const liked = (before?.acts ?? []).flatMap((act) =>
        act.type === 'disclose' && act.polarity === 'positive' && act.attribute !== undefined ? [act.attribute] : [],
      );
      const kept = liked.some((key) => recommended.length > 0 && recommended.every((id) => catalog.carries(id, key)));
      if (!kept) found.push({ rule: 'promise not kept', text: turn.text });
    }
    if (recommended.length > 0 && !suggested && NEXT.test(plain))
      found.push({ rule: 'first, as the next', text: turn.text });
    if (recommended.length > 0 && suggested && FIRST.test(plain))
      found.push({ rule: 'a later one, as the first', text: turn.text });
    if (recommended.length === 2 && /\ba few\b/i.test(plain)) found.push({ rule: 'two, as a few', text: turn.text });
    // "Seen it. Something new?" "Got any go-to actors?": a request for more, answered as if it was never made.
    const request = dialogue.turns[index - 1];
    if (
      turn.acts[0]?.type.startsWith('ask-') &&
      request?.acts.some((act) => act.type === 'reject') &&
      request.text.trimEnd().endsWith('?') &&
      /^[^.!]*\?/.test(turn.text)
    )
      found.push({ rule: 'a request for more answered by a question alone', text: `${request.text} / ${turn.text}` });
    // "Sure thing, more coming up. Do you like thrillers?": a promise the turn breaks, unless it says why it asks.
    else if (
      turn.acts[0]?.type === 'ask-attribute' &&
      request?.acts.some((act) => act.type === 'reject') &&
      request.text.trimEnd().endsWith('?') &&
      !WHY_ASKED.test(turn.text)
    )
      found.push({ rule: 'more promised, then only a question', text: `${request.text} / ${turn.text}` });
    // "Have you read A, B or C?" asks what the user has read; the answer "Okay, A then" does not fit it.
    if (recommended.length > 0 && /\bHave you (?:seen|read|watched)\b/.test(plain))
      found.push({ rule: 'a suggestion asked as whether it was seen', text: turn.text });
    if (SAID.test(plain)) {
      const stated = new Set(
        dialogue.turns
          .slice(0, index)
          .flatMap((earlier) => (earlier.speaker === 'user' ? earlier.acts : []))
          .flatMap((act) =>
            act.type === 'disclose' && act.polarity === 'positive' && act.attribute !== undefined
              ? [act.attribute]
              : [],
          ),
      );
      // Each part of a slate by the sentence that says so, or the one before its title: "Since funny books came up
      // (asked for, not told), A. You mentioned fantasy as well, so there's B." claims only fantasy was said.
      const sentences = turn.text.split(/(?<=[.!?])\s+/);
      const said = turn.acts.flatMap((act) => {
        if (act.type !== 'recommend') return [];
        const title = catalog.require(act.items[0] as string).title;
        const at = sentences.findIndex((sentence) => sentence.includes(title));
        const claims = [sentences[at], sentences[at - 1]].some(
          (sentence) => sentence !== undefined && SAID.test(sentence),
        );
        return claims ? act.reasons : [];
      });
      if (!said.every((key) => stated.has(key))) found.push({ rule: 'said of what was not said', text: turn.text });
    }
    for (const [rule, words] of CLUMSY) if (words.test(plain)) found.push({ rule, text: turn.text });
    // A title's own "?" asks nothing: "They're close to Whose Body?, which you liked."
    const anchors = turn.acts.flatMap((act) => (act.type === 'recommend' && act.like ? [act.like] : []));
    const asking = fromSuggestion(turn.text, catalog, recommended, anchors);
    if (recommended.length > 0 && (asking.match(/\?/g) ?? []).length > 1)
      found.push({ rule: 'two questions about one suggestion', text: turn.text });
    if (recommended.length > 1 && /^(?: \(\d{4}\))?, an? [a-z]/.test(afterLastTitle(turn.text, catalog, recommended)))
      found.push({ rule: 'words after the last title of a list', text: turn.text });
    const told = (dialogue.turns[index - 1]?.acts ?? []).some(
      (act) =>
        act.type === 'critique' ||
        (act.type === 'disclose' && act.polarity !== 'neutral') ||
        (act.type === 'answer-item' && act.seen && act.polarity !== undefined && act.polarity !== 'neutral'),
    );
    if (index > 0 && !told && HELPED.test(turn.text))
      found.push({ rule: 'thanks for help never given', text: `${dialogue.turns[index - 1]?.text} / ${turn.text}` });
    // "Touch of Evil was brilliant, but The Wild Robot was just bad." "Good, glad you liked it.": after two titles,
    // "it" is the last one named.
    const titlesBefore = new Set((dialogue.turns[index - 1]?.acts ?? []).flatMap((act) => act.items));
    if (titlesBefore.size > 1 && VERDICT_TAKEN.test(turn.text))
      found.push({ rule: '"it" after two titles', text: `${dialogue.turns[index - 1]?.text} / ${turn.text}` });
    if (types.at(-1) === 'close' && recommended.length > 0 && afterSuggestion(plain).includes('?'))
      found.push({ rule: 'an invitation to answer in a goodbye', text: turn.text });
    // "Have you seen A or B? That's all I have." leaves no turn to answer in; a critique echoed before the suggestion
    // ("Something less violent than Heat? Try A.") asks nothing.
    if (
      types.at(-1) === 'close' &&
      recommended.length > 0 &&
      fromSuggestion(turn.text, catalog, recommended).includes('?')
    )
      found.push({ rule: 'a question in a goodbye', text: turn.text });
    if (types.join() === 'describe-item,close' && CONSOLING.test(turn.text))
      found.push({ rule: 'consoling a user who did not give up', text: turn.text });
    // "I'm out of anything close to Drive My Car that's more noir. No worries at all. Good night!": the recommender
    // ran out, and answers it as if the user had given up.
    if (types.join() === 'no-match,close' && (CONSOLING_GIVE_UP.test(turn.text) || ACKNOWLEDGING.test(turn.text)))
      found.push({ rule: 'a give-up answered after the recommender ran out', text: turn.text });
    // "There's nothing left more noir than The Apartment" while noir films are left: what is gone is one like it.
    if (types.includes('no-match') && !/\b(?:like|close to)(?: both)? T\b/.test(plain))
      found.push({ rule: 'no match said of everything, not of what is like the item', text: turn.text });
    if (/\bEither could\b/.test(turn.text) && recommended.length !== 2)
      found.push({ rule: '"either" of more than two', text: turn.text });
    // "Try Coraline (2009). It's from Henry Selick." … "Coraline is an animated family film by Henry Selick.": the maker
    // told again as news, after the suggestion, or a question about the item, named them.
    for (const act of turn.acts) {
      if (act.type !== 'describe-item') continue;
      const id = act.items[0] as string;
      const suggestion = dialogue.turns
        .slice(0, index)
        .findLast((earlier) => earlier.acts.some((said) => said.type === 'recommend' && said.items.includes(id)));
      const makers = catalog
        .attributeKeysOf(id)
        .filter((key) => /^(?:director|author):/.test(key))
        .map((key) => key.slice(key.indexOf(':') + 1));
      // Or a question about it before ("Have you seen Frozen (2013), an animated musical by Chris Buck and …?").
      const asked = dialogue.turns
        .slice(0, index)
        .filter((earlier) => earlier.acts.some((said) => said.type === 'ask-item' && said.items.includes(id)));
      // Named outside the title: "Narrative of the Life of Frederick Douglass (1845)" does not say who wrote it.
      const named = [...asked, ...(suggestion ? [suggestion] : [])]
        .map((earlier) => earlier.text.split(catalog.require(id).title).join(' '))
        .join(' ');
      // Named as the maker: "Ari Folman appears in it", "It stars Charlie Chaplin", "It features Ari Folman" or "For
      // movies with Orson Welles" says nothing of who made it.
      const asMaker = (name: string) =>
        named
          .replace(
            new RegExp(
              `\\b(?:with|starring|featuring|features|stars) ${name}|${name}(?: and [^.,;!?]+)? (?:stars?|appears?) in`,
              'g',
            ),
            '',
          )
          .includes(name);
      const again = makers.some((name) => asMaker(name) && turn.text.includes(name));
      // "You like films by Akira Kurosawa, so try Ran" … "Akira Kurosawa directed it, like I said": the suggestion
      // named the user's liking, never who made Ran.
      const forLiking = suggestion?.acts.some(
        (said) =>
          said.type === 'recommend' &&
          said.reasons.some((key) => /^(?:director|author):/.test(key) && catalog.carries(id, key)),
      );
      // Of the maker: "from Henry Selick as I said", "Like I said, …"; not "the horror film I mentioned".
      const saidBefore = /\b(?:as I said|as I mentioned|like I said)\b/i.test(turn.text);
      if (again && forLiking && saidBefore)
        found.push({ rule: "the user's liking told as the recommender's words", text: turn.text });
      if (again && !forLiking && !saidBefore) found.push({ rule: 'the maker told again as news', text: turn.text });
      // "Orson Welles directed it, like I said" after only "For movies with Orson Welles, try Citizen Kane".
      const makerNamed = makers.some((name) => turn.text.includes(name));
      if (makerNamed && !again && !forLiking && saidBefore)
        found.push({ rule: 'the maker told as said before, said only as cast', text: turn.text });
      if (saidBefore && makers.some((name) => turn.text.includes(name)) && !again && !forLiking)
        found.push({ rule: 'a maker "as I said" whom only the title named', text: turn.text });
      // "Try Touch of Evil (1958), a noir crime thriller." … "Right, Touch of Evil. It's a noir crime thriller.": the
      // kind the suggestion gave this item told again as news (what it said of another item of its slate aside). So
      // too a kind a question told: "Have you read The Maltese Falcon (1930), a classic mystery?"
      const title = catalog.require(id).title;
      const segment = [...asked, ...(suggestion ? [suggestion] : [])]
        .map((earlier) => {
          const others = earlier.acts
            .flatMap((said) => (said.type === 'recommend' || said.type === 'ask-item' ? said.items : []))
            .filter((other) => other !== id)
            .map((other) => catalog.require(other).title);
          const from = earlier.text.indexOf(title);
          let after = from < 0 ? '' : earlier.text.slice(from + title.length);
          for (const other of others) {
            const at = after.indexOf(other);
            if (at >= 0) after = after.slice(0, at);
          }
          return after;
        })
        .join(' ')
        .toLowerCase();
      const kind = /\b(?:is|It's) (an? [a-z' -]+?)(?= by | from | directed| written| starring| with|[,.;:!?]|$)/.exec(
        turn.text.split(/(?<=[.!?]) /)[0] ?? '',
      )?.[1];
      if (kind !== undefined && segment.includes(kind.toLowerCase()) && !/^(?:As|Like) I said, /.test(turn.text))
        found.push({ rule: 'a kind the suggestion told, told again as news', text: turn.text });
      // "Vertigo is basically the romantic mystery thriller I mentioned", "In short, Vertigo is the … I mentioned": what
      // was said is recalled, not summed up.
      if (/(?:\bbasically|\bIn short,|\bthe gist:) [^.;]*\bthe [^.;]* I mentioned\b/.test(turn.text))
        found.push({ rule: 'a kind said before, summed up ("basically", "in short", "the gist")', text: turn.text });
      // "Try A Fistful of Dollars. Clint Eastwood stars in it." … "It's a western with Clint Eastwood …": the cast told
      // again as news (not a star named as the user's liking, nor one who also made it).
      const reasons = suggestion?.acts.flatMap((said) => (said.type === 'recommend' ? said.reasons : [])) ?? [];
      const actors = catalog
        .attributeKeysOf(id)
        .filter((key) => key.startsWith('cast:') && !reasons.includes(key))
        .map((key) => key.slice('cast:'.length))
        .filter((name) => !makers.includes(name));
      if (actors.some((name) => named.includes(name) && turn.text.includes(name)))
        found.push({ rule: 'the cast told again as news', text: turn.text });
    }
    // "What about Aliens (1986)? Expect aliens.", "The Jungle Book … Worth knowing: it's based on a book.": a fact
    // about an item that its title says already.
    const presented = turn.acts.flatMap((act) =>
      act.type === 'recommend' || act.type === 'describe-item' ? act.items : [],
    );
    const titleWords = presented.flatMap((id) =>
      catalog
        .require(id)
        .title.toLowerCase()
        .split(/[^a-z]+/)
        .filter((word) => word.length >= 4 && !PLAIN_WORDS.has(word)),
    );
    // The title a slate is like is named as such ("It's close to The Godfather, which you liked"), not as a fact.
    const likes = turn.acts.flatMap((act) => (act.type === 'recommend' && act.like !== undefined ? [act.like] : []));
    for (const part of sentences(withoutTitles(turn.text, catalog, [...presented, ...likes]))) {
      if (!FACT.test(part)) continue;
      // "Something to note:" frames a fact: not Something Wicked This Way Comes's title said again.
      const words = part
        .toLowerCase()
        .replace(/^something to note\b/, '')
        .split(/[^a-z]+/);
      if (titleWords.some((word) => words.includes(word)))
        found.push({ rule: 'a fact that says the title again', text: turn.text });
    }
    // "It lines up with films by Steven Spielberg. Steven Spielberg directed it.": a reason said again as a fact.
    for (const key of turn.acts.flatMap((act) => (act.type === 'recommend' ? act.reasons : []))) {
      const value = key.slice(key.indexOf(':') + 1);
      if (/^(?:director|cast|author):/.test(key) && plain.split(value).length > 2)
        found.push({ rule: 'a reason said again as a fact', text: turn.text });
      // "If it's mysteries you're after, North by Northwest (1959), a mystery adventure thriller", "As you're into
      // essays, try The White Album. It's an essay collection": the reason's genre again in the fact about the item.
      const stem = new RegExp(`\\b${value.toLowerCase().slice(0, 6)}`);
      const kinds = key.startsWith('genre:') ? kindsSaid(turn.text, catalog, recommended) : [];
      if (kinds.some((kind) => stem.test(kind))) found.push({ rule: 'a reason said again as a fact', text: turn.text });
      // "Like The Great Escape, but animated: Grave of the Fireflies, a war drama": a kind that leaves out the genre
      // the suggestion is for reads as if the item lacked it.
      const carries = (catalog.require(recommended[0] as string).attributes.genre ?? []).includes(value);
      if (carries && kinds.some((kind) => /^an? /.test(kind) && !stem.test(kind)))
        found.push({ rule: 'a kind without the genre asked for', text: turn.text });
    }
    // "What's Heat about?" is answered with what the catalog knows, and says that is what it knows; a documentary has
    // none to keep, and nobody who did not ask is told so.
    const described = turn.acts.find((act) => act.type === 'describe-item');
    if (described) {
      const asked = /\b(?:story|premise|plot)\b|\bwhat(?:'s| is)\b[^.?!]* about\?/i.test(
        dialogue.turns[index - 1]?.text ?? '',
      );
      const told = !(catalog.require(described.items[0] as string).attributes.genre ?? []).some((g) =>
        UNTOLD_GENRES.has(g),
      );
      const kept = /\bthe (?:story|plot)\b/i.test(plain);
      // The catalog knows no plot: none is refused ("I won't spoil the plot, though") nor claimed kept back ("Anything
      // more would spoil the story.").
      if (/\bspoil\w*|\bfound out\b|\bmet fresh\b/i.test(plain))
        found.push({ rule: 'a plot claimed kept back', text: turn.text });
      if (kept !== (asked && told))
        found.push({ rule: 'the plot question unanswered or answered unasked', text: turn.text });
    }
    // "More noir than Laura? You like noir, so try Out of the Past": a critique asks for something, it likes nothing.
    // What the critique's answer just said back ("… but more dramatic.") is not worded as a reason again.
    // A slate in two parts is read part by part: each from the sentence that names its first item ("… seeing as you
    // like films by Denis Villeneuve. Taking fantasy stories as the starting point, I'd go for Batman").
    const critiqued = turn.acts.flatMap((act) => (act.type === 'respond-critique' ? [act.attribute] : []));
    const parts = turn.acts.filter((act) => act.type === 'recommend');
    const turnSentences = sentences(turn.text);
    const sentenceOf = (id: string) =>
      Math.max(
        0,
        turnSentences.findIndex((part) => part.includes(catalog.require(id).title)),
      );
    parts.forEach((part, at) => {
      const from = at === 0 ? 0 : sentenceOf(part.items[0] as string);
      const next = parts[at + 1];
      const to = next === undefined ? turnSentences.length : sentenceOf(next.items[0] as string);
      const said = withoutTitles(turnSentences.slice(from, Math.max(to, from + 1)).join(' '), catalog, items);
      if (part.reasons.some((key) => !critiqued.includes(key) && !liked.has(key)) && LIKES_SAID.test(said))
        found.push({ rule: 'a liking the user never stated', text: turn.text });
    });
    // "Tintin in Tibet (1960). It's an early-'60s graphic novel": the year written, then said again as an era.
    for (const id of presented) {
      const { title, year } = catalog.require(id);
      if (year === undefined || !turn.text.includes(`${title} (${year})`)) continue;
      const decade = String(year - (year % 10));
      const era = new RegExp(`(?:\\b${decade}s|'${decade.slice(2)}s|\\b\\d+(?:st|nd|rd|th)[- ]century)\\b`);
      if (era.test(turn.text.replace(`(${year})`, ''))) found.push({ rule: 'the year said twice', text: turn.text });
    }
    // "Okay. Okay, for horror …" or "Ah, okay. Okay, …": the same word twice to open a turn.
    const [opening, then] = sentences(plain).map((part) =>
      part.split(/, /).map((clause) => /^[\w']*/.exec(clause)?.[0].toLowerCase() ?? ''),
    );
    if (then?.[0] && INTERJECTION.test(then[0]) && opening?.includes(then[0]))
      found.push({ rule: 'the same word twice to open', text: turn.text });
    // "What directors do you like to unwind with?": people are not what one unwinds with.
    if (/\b(?:directors|actors|filmmakers|authors|writers)\b[^.?!]*\b(?:unwind with|good mood)\b/i.test(plain))
      found.push({ rule: 'people asked about as a kind of item', text: turn.text });
    // "Hi! Movie time? Ready to find a movie? Which genres …?": one question before the opening one is enough.
    if (types[0] === 'greet' && (plain.match(/\?/g) ?? []).length > 2)
      found.push({ rule: 'questions piled up in a greeting', text: turn.text });
    const closing = turn.acts.find((act) => act.type === 'close' && act.items.length > 0);
    const words = plain.toLowerCase().match(/[a-z']{4,}/g) ?? [];
    if (closing && new Set(words).size < words.length)
      found.push({ rule: 'a goodbye that repeats a word', text: turn.text });
    if (closing?.items.some(grave) && FUN.test(plain))
      found.push({ rule: 'a fun night in with a grave item', text: turn.text });
    // Nor "I think you'll have fun with A Separation." of a drama nothing lighter leavens.
    if (closing?.items.some(serious) && /\b(?:fun|a treat)\b/i.test(plain))
      found.push({ rule: 'fun promised of a serious item', text: turn.text });
    if (closing?.items.some(harrowing) && JOY.test(plain))
      found.push({ rule: 'joy wished of a harrowing item', text: turn.text });
    if (closing) {
      const openings = sentences(plain).map((part) => part.split(' ')[0]);
      if (new Set(openings).size < openings.length && openings.some((word) => /^(Enjoy|Have|Let)$/.test(word ?? '')))
        found.push({ rule: 'a wish said twice', text: turn.text });
    }
    // "I've already shown you everything like Looking for Alaska, but more literary." when nothing literary was shown.
    const missed = turn.acts.find((act) => act.type === 'no-match');
    if (
      missed?.type === 'no-match' &&
      missed.attribute !== undefined &&
      /\balready shown\b/.test(plain) &&
      ![...shown].some((id) => catalog.carries(id, missed.attribute as string))
    )
      found.push({ rule: 'all shown, of what was never shown', text: turn.text });
    for (const id of recommended) shown.add(id);
    if (recommended.length > 0) suggested = true;
  }
  return found;
}

/**
 * The openings of the recommender's turns just after the user said what they made of a title it asked about, and
 * nothing more ("Yes, The Game was okay."), by what they made of it; a question or a sentence with a title is the turn
 * going on, not an opening that takes the answer in. `answered` counts the openings that do, and the slates drawn
 * from the title.
 */
function verdictOpenings(records: readonly DialogueRecord[], catalog: ItemCatalog) {
  const byVerdict = new Map<string, Set<string>>();
  let verdicts = 0;
  let answered = 0;
  for (const dialogue of records) {
    dialogue.turns.forEach((turn, index) => {
      const verdict = turn.acts.find((act) => act.type === 'answer-item' && act.seen);
      const reply = dialogue.turns[index + 1];
      if (verdict?.type !== 'answer-item' || reply === undefined || turn.acts.length > 1) return;
      verdicts++;
      // "Since you liked L.A. Confidential, …": a slate drawn from the title takes the verdict in itself.
      if (reply.acts.some((act) => act.type === 'recommend' && verdict.items.includes(act.like as string))) {
        answered++;
        return;
      }
      const opening = sentences(reply.text)[0] ?? '';
      const names = catalog.items().some((item) => opening.includes(item.title));
      if (opening.endsWith('?') || names) return;
      answered++;
      const polarity = verdict.polarity ?? 'neutral';
      byVerdict.set(opening, new Set([...(byVerdict.get(opening) ?? []), polarity]));
    });
  }
  const mixed = [...byVerdict].filter(([, polarities]) => polarities.size > 1).map(([opening]) => opening);
  return { verdicts, answered, mixed };
}

/** An opening that thanks or cheers: nothing a user who has not seen the title asked about has earned. */
const CHEER = /^(?:Perfect|Great|Nice|Cool|Thanks|Thank you|Lovely|Excellent|Awesome|Good, that|Ooh)\b/;

/**
 * The recommender's turns just after the user said, and only said, that they have not seen a title it asked about,
 * when the turn does not go on to suggest that title: how many there are, how many open by taking the answer in (a
 * sentence that neither asks nor names a title), and those that open with thanks or cheer.
 */
function unseenReplies(records: readonly DialogueRecord[], catalog: ItemCatalog) {
  let answers = 0;
  let taken = 0;
  const cheered: string[] = [];
  for (const dialogue of records) {
    dialogue.turns.forEach((turn, index) => {
      const reply = dialogue.turns[index + 1];
      if (reply === undefined || !turn.acts.every((act) => act.type === 'answer-item' && act.seen === false)) return;
      const asked = turn.acts.flatMap((act) => act.items);
      if (reply.acts.some((act) => act.type === 'recommend' && act.items.some((id) => asked.includes(id)))) return;
      answers++;
      const opening = sentences(reply.text)[0] ?? '';
      if (CHEER.test(opening)) cheered.push(`${dialogue.id}: ${turn.text} / ${reply.text}`);
      if (!opening.endsWith('?') && !catalog.items().some((item) => opening.includes(item.title))) taken++;
    });
  }
  return { answers, taken, cheered };
}

describe.each(BUILTIN_CATALOGS)('assistant turns read as one coherent speaker (%s)', (_, load) => {
  // Dialogues read by the two tests of answers to "Have you seen X?", made once.
  let answering: Promise<DialogueRecord[]> | undefined;
  const answeringDialogues = (catalog: ItemCatalog) =>
    (answering ??= templateDialogues(catalog, 800, { userSeed: 29, seed: 29 }));

  it('takes in what the user made of a title it asked about, by what they made of it', async () => {
    const catalog = load();
    const { verdicts, answered, mixed } = verdictOpenings(await answeringDialogues(catalog), catalog);
    // "Yes, L.A. Confidential was a real gem." / "Glad that one worked for you."; "The Game was okay." / "A middling
    // one, then.", never "Perfect, thanks." after either, as if the answer had not been heard.
    expect(verdicts).toBeGreaterThan(40);
    expect(answered / verdicts).toBeGreaterThan(0.6);
    expect(mixed).toEqual([]);
  });

  it('takes in that the user has not seen a title it asked about, without thanks or cheer', async () => {
    const catalog = load();
    const { answers, taken, cheered } = unseenReplies(await answeringDialogues(catalog), catalog);
    // "I haven't seen Titanic." / "No worries. Did you see Casablanca?", not "Perfect, thanks." nor, as often, straight
    // on to the next question as if nothing was said.
    expect(answers).toBeGreaterThan(30);
    expect(taken / answers).toBeGreaterThan(0.6);
    expect(cheered).toEqual([]);
  });

  it('does not open a turn with the word its speaker set off at the start of their last turn', async () => {
    const catalog = load();
    const records = await templateDialogues(catalog, 400, { userSeed: 31, seed: 31 });
    // "Okay, film noir in, fantasy films out." … "Okay, so you're easy about bittersweet movies.", "Hmm, Heat seems
    // too long." … "Hmm, what's Alien like?", "Sure! Heat is …" … "Sure, …": a tic. "Yes," and "No," answer a
    // question each time, and may.
    const repeats: string[] = [];
    let opened = 0;
    for (const dialogue of records) {
      const last = new Map<string, string | undefined>();
      for (const turn of dialogue.turns) {
        const word = /^([A-Z][a-z']*)[,:.!] /.exec(turn.text)?.[1];
        if (word !== undefined) opened++;
        if (word !== undefined && !/^(?:Yes|No|Yeah|Nope|Yep)$/.test(word) && last.get(turn.speaker) === word)
          repeats.push(`${dialogue.id}: ${turn.text}`);
        last.set(turn.speaker, word);
      }
    }
    // The check had something to check: about one turn in four opens with a word set off.
    expect(opened).toBeGreaterThan(800);
    expect(repeats.length, repeats.join('\n')).toBeLessThanOrEqual(1);
  });

  it('keeps what it promises, words only later suggestions as "next", and says goodbye without asking', async () => {
    const catalog = load();
    const records = await templateDialogues(catalog, 800, { userSeed: 23, seed: 23 });
    const found = records.flatMap((dialogue) => findings(dialogue, catalog));
    expect(found).toEqual([]);
    // The checks had something to check: the wordings occur, and goodbyes come at the turn limit.
    const texts = records.flatMap((dialogue) => dialogue.turns.filter((turn) => turn.speaker === 'assistant'));
    for (const words of [SAID, FIRST, NEXT])
      expect(texts.filter((turn) => words.test(turn.text)).length).toBeGreaterThan(0);
    expect(
      texts.filter((turn) => turn.acts.at(-1)?.type === 'close' && turn.acts.some((act) => act.type === 'recommend'))
        .length,
    ).toBeGreaterThan(3);
  });
});
