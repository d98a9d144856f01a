import { describe, expect, it } from 'vitest';
import { ConsistencyTracker } from '../../src/consistency/consistency-tracker.js';
import { ana, assistant, catalog, summary, title, user } from './dialogue-fixtures.js';

const checkText = (turn: Parameters<ConsistencyTracker['checkText']>[0]) =>
  summary(new ConsistencyTracker({ catalog, profile: ana }).checkText(turn));

const recommend = (index: number, text: string, ...items: string[]) =>
  assistant(index, text, { type: 'recommend', items });

describe('text-missing-item', () => {
  it('reports an item the acts name and the text leaves out', () => {
    expect(checkText(recommend(4, 'You might like this one.', 'heat-1995'))).toEqual([
      { turn: 4, rule: 'text-missing-item', evidence: { items: ['heat-1995'] } },
    ]);
  });

  it('does not count the title followed by another year: that is the remake', () => {
    expect(checkText(recommend(2, 'You might like True Grit (1969).', 'true-grit-2010'))).toEqual([
      { turn: 2, rule: 'text-missing-item', evidence: { items: ['true-grit-2010'] } },
      { turn: 2, rule: 'text-extra-item', evidence: { items: ['true-grit-1969'], text: 'True Grit (1969)' } },
    ]);
  });

  it('accepts the title as a language model may rewrite it: no year, any case, no accents, an alias', () => {
    expect(checkText(recommend(1, `You might like ${title('heat-1995')}.`, 'heat-1995'))).toEqual([]);
    expect(checkText(recommend(1, 'You might like the matrix, honestly.', 'the-matrix-1999'))).toEqual([]);
    expect(checkText(recommend(1, 'AMELIE is lovely.', 'amelie-2001'))).toEqual([]);
    expect(checkText(recommend(1, 'Seven is a dark thriller.', 'se7en-1995'))).toEqual([]);
    expect(checkText(recommend(1, 'I think you would like Matrix (1999).', 'the-matrix-1999'))).toEqual([]);
    expect(checkText(recommend(1, "Le fabuleux destin d'Amelie Poulain is lovely.", 'amelie-2001'))).toEqual([]);
  });

  it('needs every named item, and each only once however many acts name it', () => {
    const turn = assistant(
      3,
      `Have you seen ${title('up-2009')}? Then try it.`,
      { type: 'ask-item', items: ['up-2009'] },
      { type: 'recommend', items: ['up-2009', 'her-2013'] },
    );
    expect(checkText(turn)).toEqual([{ turn: 3, rule: 'text-missing-item', evidence: { items: ['her-2013'] } }]);
  });
});

describe('text-extra-item', () => {
  it('reports a catalog item written with its year that the acts do not name', () => {
    expect(checkText(recommend(2, `Try ${title('heat-1995')}, or ${title('up-2009')}.`, 'heat-1995'))).toEqual([
      { turn: 2, rule: 'text-extra-item', evidence: { items: ['up-2009'], text: 'Up (2009)' } },
    ]);
  });

  it('reports a distinctive title without its year', () => {
    expect(
      checkText(recommend(2, `${title('heat-1995')} is a bit like Blade Runner, only grittier.`, 'heat-1995')),
    ).toEqual([{ turn: 2, rule: 'text-extra-item', evidence: { items: ['blade-runner-1982'], text: 'Blade Runner' } }]);
    expect(checkText(recommend(2, `${title('heat-1995')} is darker than the Dark Knight.`, 'heat-1995'))).toEqual([
      { turn: 2, rule: 'text-extra-item', evidence: { items: ['the-dark-knight-2008'], text: 'the Dark Knight' } },
    ]);
  });

  it('reports the whole longer title, not a shorter one inside it', () => {
    expect(checkText(recommend(2, 'Watch Toy Story 3 (2010).', 'toy-story-1995'))).toEqual([
      { turn: 2, rule: 'text-missing-item', evidence: { items: ['toy-story-1995'] } },
      { turn: 2, rule: 'text-extra-item', evidence: { items: ['toy-story-3-2010'], text: 'Toy Story 3 (2010)' } },
    ]);
    expect(checkText(recommend(2, `Watch ${title('toy-story-3-2010')}.`, 'toy-story-3-2010'))).toEqual([]);
  });

  it('counts a remake title as the named remake, and reports all remakes when none is named', () => {
    expect(checkText(recommend(2, 'Beauty and the Beast is a lovely cartoon.', 'beauty-and-the-beast-1991'))).toEqual(
      [],
    );
    expect(checkText(user(3, 'I grew up with Beauty and the Beast.', { type: 'give-up' }))).toEqual([
      {
        turn: 3,
        rule: 'text-extra-item',
        evidence: { items: ['beauty-and-the-beast-1946', 'beauty-and-the-beast-1991'], text: 'Beauty and the Beast' },
      },
    ]);
  });

  it('does not mistake ordinary words for titles such as It, Up, Her or Heat', () => {
    const text =
      'I love it, go for it! Up for some heat tonight? Her call, the game was fun at home alone. Seven of us.';
    expect(checkText(user(1, text, { type: 'state-goal' }))).toEqual([]);
    // "Seven Samurai" has an everyday word in it, so without its year it is not unmistakable; "Pulp Fiction" is.
    expect(
      checkText(user(1, 'Seven Samurai is great, Pulp Fiction too, and Sci-Fi Film-Noir.', { type: 'state-goal' })),
    ).toEqual([{ turn: 1, rule: 'text-extra-item', evidence: { items: ['pulp-fiction-1994'], text: 'Pulp Fiction' } }]);
  });
});

describe('text-missing-attribute', () => {
  const tracker = () => new ConsistencyTracker({ catalog, profile: ana });
  const likes = (attribute: string) => ({
    type: 'disclose' as const,
    attribute,
    polarity: 'positive' as const,
    strength: 0.8,
  });

  it('reports a liking, a dislike or a question its words leave out, with the attribute and its words', () => {
    const hello = tracker().checkText(user(1, 'Hello there.', likes('genre:Sci-Fi')));
    expect(summary(hello)).toEqual([
      { turn: 1, rule: 'text-missing-attribute', evidence: { attribute: 'genre:Sci-Fi' } },
    ]);
    expect(hello[0]?.message).toBe('The text does not say sci-fi (Sci-Fi (genre)), which its acts name.');
    const question = assistant(2, 'Any thoughts?', {
      type: 'ask-attribute',
      facet: 'genre',
      attribute: 'genre:Comedy',
    });
    expect(summary(tracker().checkText(question))).toEqual([
      { turn: 2, rule: 'text-missing-attribute', evidence: { attribute: 'genre:Comedy' } },
    ]);
    const critique = user(3, `Like ${title('heat-1995')}, but softer.`, {
      type: 'critique',
      items: ['heat-1995'],
      direction: 'less',
      polarity: 'negative',
      attribute: 'genre:Crime',
    });
    expect(summary(tracker().checkText(critique)).map((v) => v.rule)).toEqual(['text-missing-attribute']);
  });

  it('takes any of the words people and templates use for it', () => {
    for (const text of [
      'I love science fiction.',
      'Sci-fi, always.',
      'Anything with a sci-fi feel.',
      'SCI-FI FILMS ARE GREAT',
    ])
      expect(tracker().checkText(user(1, text, likes('genre:Sci-Fi')))).toEqual([]);
    expect(tracker().checkText(user(1, 'Big fan of Christopher Nolan.', likes('director:Christopher Nolan')))).toEqual(
      [],
    );
    expect(tracker().checkText(user(1, 'Comedies, please.', likes('genre:Comedy')))).toEqual([]);
    const question = assistant(2, 'Do you go for funny movies?', {
      type: 'ask-attribute',
      facet: 'genre',
      attribute: 'genre:Comedy',
    });
    expect(tracker().checkText(question)).toEqual([]);
  });

  it('lets an answer to a question about that very attribute leave it unsaid, and checks no reason of a suggestion', () => {
    const asked = tracker();
    const question = assistant(0, 'Do you like sci-fi?', {
      type: 'ask-attribute',
      facet: 'genre',
      attribute: 'genre:Sci-Fi',
    });
    asked.checkActs('assistant', question.acts, 0);
    asked.commit(question);
    expect(asked.checkText(user(1, 'Love it!', likes('genre:Sci-Fi')))).toEqual([]);
    // Another attribute offered with the answer is checked.
    expect(
      summary(asked.checkText(user(1, 'Love it! And comedies.', likes('genre:Sci-Fi'), likes('genre:Horror')))),
    ).toEqual([{ turn: 1, rule: 'text-missing-attribute', evidence: { attribute: 'genre:Horror' } }]);
    const reasoned = assistant(3, `Try ${title('heat-1995')}.`, {
      type: 'recommend',
      items: ['heat-1995'],
      reasons: ['genre:Crime'],
    });
    expect(tracker().checkText(reasoned)).toEqual([]);
  });
});
