import { describe, expect, it } from 'vitest';
import { ItemCatalog } from '../../src/catalog/item-catalog.js';
import { auditDialogue } from '../../src/consistency/consistency-tracker.js';
import { clauseStance } from '../../src/consistency/text-polarity.js';
import type { DialogueAct } from '../../src/dialogue/dialogue-acts.js';
import type { Turn } from '../../src/dialogue/turn.js';
import { PreferenceProfile } from '../../src/profile/preference-profile.js';

const catalog = new ItemCatalog([
  { id: 'love', title: 'Love Actually', year: 2003, attributes: { genre: ['Comedy', 'Romance'] } },
  { id: 'matrix', title: 'The Matrix', year: 1999, attributes: { genre: ['Sci-Fi', 'Action'] } },
  { id: 'shining', title: 'The Shining', year: 1980, attributes: { genre: ['Horror'], tag: ['fun'] } },
  { id: 'm', title: 'M', year: 1931, attributes: { genre: ['Crime'] } },
  { id: 'cheese', title: 'Who Moved My Cheese?', year: 1998, attributes: { genre: ['Self-Help'] } },
  // Two of a franchise: each is said by the part after the colon once it has come up ("The Empire Strikes Back").
  { id: 'hope', title: 'Star Wars: Episode IV - A New Hope', year: 1977, attributes: { genre: ['Sci-Fi'] } },
  {
    id: 'empire',
    title: 'Star Wars: Episode V - The Empire Strikes Back',
    year: 1980,
    attributes: { genre: ['Sci-Fi'] },
  },
]);
const profile = new PreferenceProfile({
  id: 'u',
  liked: [
    { item: 'matrix', strength: 1 },
    { item: 'm', strength: 0.8 },
    { item: 'empire', strength: 0.9 },
  ],
  disliked: [{ item: 'love', strength: 0.9 }],
  affinities: { 'genre:Horror': -0.8, 'genre:Sci-Fi': 0.8, 'genre:Comedy': 0.1, 'tag:fun': -0.6 },
});

const ask: Turn = {
  index: 0,
  speaker: 'assistant',
  text: 'What do you like?',
  acts: [{ type: 'ask-open', items: [] }],
};
const horror = (polarity: 'positive' | 'negative' | 'neutral'): DialogueAct => ({
  type: 'disclose',
  items: [],
  attribute: 'genre:Horror',
  polarity,
  strength: 0.8,
});
const item = (id: string, polarity: 'positive' | 'negative'): DialogueAct => ({
  type: 'disclose',
  items: [id],
  polarity,
  strength: 0.9,
});

function polarityViolations(text: string, ...acts: DialogueAct[]) {
  return auditDialogue([ask, { index: 1, speaker: 'user', text, acts }], catalog, profile).filter(
    (v) => v.rule === 'text-polarity',
  );
}

describe('text-polarity', () => {
  it('catches a dislike worded as enthusiasm, and a liking worded as disdain', () => {
    expect(polarityViolations('I absolutely love horror!', horror('negative'))).toMatchObject([
      { turn: 1, rule: 'text-polarity', evidence: { attribute: 'genre:Horror' } },
    ]);
    expect(polarityViolations("I didn't enjoy The Matrix (1999) at all.", item('matrix', 'positive'))).toHaveLength(1);
    expect(polarityViolations('The Matrix (1999) was boring.', item('matrix', 'positive'))[0]?.message).toBe(
      'The text sounds negative about The Matrix (1999), but the act states a positive opinion.',
    );
  });

  it('accepts faithful wordings, negations included', () => {
    expect(polarityViolations("I'm not really into horror.", horror('negative'))).toEqual([]);
    expect(polarityViolations("Horror? Can't stand it.", horror('negative'))).toEqual([]);
    expect(polarityViolations('The Matrix (1999) blew me away.', item('matrix', 'positive'))).toEqual([]);
    expect(polarityViolations('No strong feelings about horror either way.', horror('neutral'))).toEqual([]);
  });

  it("reads a catalog's tastes in its own domain's words: a book catalog's dramas are plays", () => {
    const books = new ItemCatalog(
      [{ id: 'hamlet', title: 'Hamlet', year: 1603, attributes: { genre: ['Drama'], tag: ['set in england'] } }],
      { domain: 'books' },
    );
    const reader = new PreferenceProfile({
      id: 'r',
      liked: [],
      disliked: [],
      affinities: { 'genre:Drama': 0.86 },
    });
    const acts: DialogueAct[] = [
      { type: 'disclose', items: [], attribute: 'tag:set in england', polarity: 'neutral', strength: 0 },
      { type: 'disclose', items: [], attribute: 'genre:Drama', polarity: 'positive', strength: 0.86 },
    ];
    const text = "Hmm, I don't mind books set in England either way, but I love plays.";
    const violations = auditDialogue([ask, { index: 1, speaker: 'user', text, acts }], books, reader);
    expect(violations.filter((v) => v.rule === 'text-polarity')).toEqual([]);
    // A liking that names nothing of its own still reads as said of England.
    const wrong = text.replace('I love plays', 'I love it');
    expect(
      auditDialogue([ask, { index: 1, speaker: 'user', text: wrong, acts }], books, reader).filter(
        (v) => v.rule === 'text-polarity',
      ),
    ).toMatchObject([{ evidence: { attribute: 'tag:set in england' } }]);
  });

  it('judges each act on its own clause', () => {
    const acts = [item('matrix', 'positive'), horror('negative')];
    expect(polarityViolations("I loved The Matrix (1999), but I can't stand horror.", ...acts)).toEqual([]);
    expect(polarityViolations("I loved horror, but I can't stand The Matrix (1999).", ...acts)).toHaveLength(2);
  });

  it('separates opinions joined by commas, "and" or "plus", and reads a bare reaction as about the title before it', () => {
    const acts = [
      { type: 'disclose', items: [], attribute: 'genre:Sci-Fi', polarity: 'positive', strength: 0.9 } as DialogueAct,
      item('matrix', 'positive'),
    ];
    expect(polarityViolations('I love sci-fi, and I hated The Matrix (1999).', ...acts)).toHaveLength(1);
    expect(polarityViolations("I love sci-fi, plus I can't stand The Matrix (1999).", ...acts)).toHaveLength(1);
    expect(polarityViolations('Big fan of sci-fi, The Matrix (1999), hated it.', ...acts)).toHaveLength(1);
    expect(polarityViolations('I love sci-fi, and The Matrix (1999) was great.', ...acts)).toEqual([]);
    expect(polarityViolations('The Matrix (1999)? Awful.', item('matrix', 'positive'))).toHaveLength(1);
    expect(
      polarityViolations(
        "The Matrix (1999)? Amazing. I'd like something new though, I've seen the rest.",
        item('matrix', 'positive'),
      ),
    ).toEqual([]);
  });

  it("keeps a sentence that ends on a title's own question mark apart from the next", () => {
    const sciFi: DialogueAct = {
      type: 'disclose',
      items: [],
      attribute: 'genre:Sci-Fi',
      polarity: 'positive',
      strength: 0.7,
    };
    const reject: DialogueAct = { type: 'reject', items: ['cheese'], seen: false };
    expect(
      polarityViolations('Nothing in particular. Just not Who Moved My Cheese? Fan of sci-fi.', reject, sciFi),
    ).toEqual([]);
    // Inside its sentence, the title keeps the opinion after it.
    expect(polarityViolations('Who Moved My Cheese? was awful.', item('cheese', 'positive'))).toHaveLength(1);
  });

  it('reads a title said the short way people say it as the start of its own clause', () => {
    const acts = [item('matrix', 'negative'), item('empire', 'positive')];
    // Without it, "I loved every minute of The Empire Strikes Back" was read as about The Matrix.
    expect(
      polarityViolations('The Matrix left me cold, but I loved every minute of The Empire Strikes Back.', ...acts),
    ).toEqual([]);
    expect(
      polarityViolations(
        'The Matrix was great; The Empire Strikes Back was awful.',
        item('matrix', 'positive'),
        item('empire', 'positive'),
      ),
    ).toMatchObject([{ evidence: { items: ['empire'] } }]);
  });

  it('does not read opinions into titles or attribute names', () => {
    expect(polarityViolations('Love Actually (2003) was awful.', item('love', 'negative'))).toEqual([]);
    expect(
      polarityViolations("I'm not a fan of fun movies.", {
        type: 'disclose',
        items: [],
        attribute: 'tag:fun',
        polarity: 'negative',
        strength: 0.6,
      }),
    ).toEqual([]);
    expect(
      polarityViolations(
        "I'm a big fan of M (1931). I'm not big on horror.",
        item('m', 'positive'),
        horror('negative'),
      ),
    ).toEqual([]);
  });

  it('says "no strong feelings" is false when worded with love or hate', () => {
    expect(polarityViolations('I love horror!', horror('neutral'))).toHaveLength(1);
    expect(polarityViolations('Horror is fine, I guess.', horror('neutral'))).toEqual([]);
  });

  it('reads stances from cue words and phrases', () => {
    expect(clauseStance('i really enjoy these')).toBe('positive');
    expect(clauseStance("i don't enjoy these")).toBe('negative');
    expect(clauseStance('not really into it')).toBe('negative');
    expect(clauseStance('i could take or leave them')).toBe('neutral');
    expect(clauseStance('loved the cast, hated the plot')).toBe('unsure');
    expect(clauseStance('it is a film')).toBe('unsure');
    // The plural of a cue word, and a phrase of a liking with no cue word in it.
    expect(clauseStance('it is one of my favourites')).toBe('positive');
    expect(clauseStance("i'm a sucker for westerns")).toBe('positive');
  });
});

describe('text-unknown-title', () => {
  it('reports a title with a year that no catalog item has, and nothing for real ones', () => {
    const recommend = (text: string): Turn => ({
      index: 0,
      speaker: 'assistant',
      text,
      acts: [{ type: 'recommend', items: ['matrix'], reasons: [] }],
    });
    const invented = auditDialogue(
      [recommend('Try The Matrix (1999) or Galaxy Quest Returns (2031).')],
      catalog,
      profile,
    );
    expect(invented).toMatchObject([{ rule: 'text-unknown-title', evidence: { text: 'Galaxy Quest Returns (2031)' } }]);
    expect(auditDialogue([recommend('Try The Matrix (1999), a classic.')], catalog, profile)).toEqual([]);
  });
});
