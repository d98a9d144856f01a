import { describe, expect, it } from 'vitest';
import { auditDialogue } from '../../src/consistency/consistency-tracker.js';
import { ana, assistant, catalog, greeting, summary, title, user } from './dialogue-fixtures.js';

const audit = (...turns: Parameters<typeof auditDialogue>[0]) => summary(auditDialogue(turns, catalog, ana));

describe('user-contradicts-self', () => {
  // Crime at 0.3 supports both "no strong feelings" and "I like it": only the change itself is wrong.
  const lukewarm = user(1, 'Crime? No strong feelings.', {
    type: 'disclose',
    attribute: 'genre:Crime',
    polarity: 'neutral',
    strength: 0,
  });
  const ask = assistant(2, 'Any other genres?', { type: 'ask-attribute', facet: 'genre' });

  it('reports a changed attribute polarity (neutral to positive too), naming the earlier turn', () => {
    const likes = user(3, 'Actually I like crime a lot.', {
      type: 'disclose',
      attribute: 'genre:Crime',
      polarity: 'positive',
      strength: 0.7,
    });
    expect(audit(greeting(), lukewarm, ask, likes)).toEqual([
      { turn: 3, rule: 'user-contradicts-self', evidence: { attribute: 'genre:Crime', earlierTurn: 1 } },
    ]);
  });

  it('accepts repeating the same attribute polarity', () => {
    const again = user(3, 'Crime is still just fine to me.', {
      type: 'disclose',
      attribute: 'genre:Crime',
      polarity: 'neutral',
      strength: 0,
    });
    expect(audit(greeting(), lukewarm, ask, again)).toEqual([]);
  });

  it('compares a critique with an earlier disclosure', () => {
    const turns = [
      greeting(),
      user(1, 'I like crime films.', {
        type: 'disclose',
        attribute: 'genre:Crime',
        polarity: 'positive',
        strength: 0.5,
      }),
      assistant(2, `How about ${title('se7en-1995')}?`, {
        type: 'recommend',
        items: ['se7en-1995'],
        reasons: ['genre:Crime'],
      }),
      user(3, `Like ${title('se7en-1995')} but with less crime.`, {
        type: 'critique',
        items: ['se7en-1995'],
        attribute: 'genre:Crime',
        direction: 'less',
        polarity: 'negative',
      }),
    ];
    expect(audit(...turns)).toEqual([
      { turn: 3, rule: 'user-contradicts-profile', evidence: { attribute: 'genre:Crime' } },
      { turn: 3, rule: 'user-contradicts-self', evidence: { attribute: 'genre:Crime', earlierTurn: 1 } },
    ]);
  });

  it('reports a changed item opinion against the most recent statement', () => {
    const turns = [
      greeting(),
      user(1, `I loved ${title('the-matrix-1999')}.`, {
        type: 'disclose',
        items: ['the-matrix-1999'],
        polarity: 'positive',
        strength: 1,
      }),
      assistant(2, `Did you like ${title('the-matrix-1999')}?`, { type: 'ask-item', items: ['the-matrix-1999'] }),
      user(3, `${title('the-matrix-1999')} was just okay.`, {
        type: 'answer-item',
        items: ['the-matrix-1999'],
        seen: true,
        polarity: 'neutral',
      }),
    ];
    expect(audit(...turns)).toEqual([
      { turn: 3, rule: 'user-contradicts-profile', evidence: { items: ['the-matrix-1999'] } },
      { turn: 3, rule: 'user-contradicts-self', evidence: { items: ['the-matrix-1999'], earlierTurn: 1 } },
    ]);
  });

  it('reports a contradiction between two acts of the same turn, naming that turn', () => {
    const turns = [
      greeting(),
      user(
        1,
        'I love crime. Crime? No strong feelings.',
        { type: 'disclose', attribute: 'genre:Crime', polarity: 'positive', strength: 0.5 },
        { type: 'disclose', attribute: 'genre:Crime', polarity: 'neutral', strength: 0 },
      ),
    ];
    expect(audit(...turns)).toEqual([
      { turn: 1, rule: 'user-contradicts-self', evidence: { attribute: 'genre:Crime', earlierTurn: 1 } },
    ]);
  });

  it('reports claiming to have seen an item after saying it had not', () => {
    const turns = [
      greeting(),
      assistant(1, `Have you seen ${title('aliens-1986')}?`, { type: 'ask-item', items: ['aliens-1986'] }),
      user(2, `No, I have not seen ${title('aliens-1986')}.`, {
        type: 'answer-item',
        items: ['aliens-1986'],
        seen: false,
      }),
      assistant(3, `Try ${title('aliens-1986')}, then.`, { type: 'recommend', items: ['aliens-1986'] }),
      user(4, `I have already seen ${title('aliens-1986')}.`, { type: 'reject', items: ['aliens-1986'], seen: true }),
    ];
    expect(audit(...turns)).toEqual([
      { turn: 4, rule: 'unseen-item-claimed', evidence: { items: ['aliens-1986'] } },
      { turn: 4, rule: 'user-contradicts-self', evidence: { items: ['aliens-1986'], earlierTurn: 2 } },
    ]);
  });
});

describe('accept-contradicts-dislike', () => {
  const dislikesHorror = user(1, 'Please, no horror.', {
    type: 'disclose',
    attribute: 'genre:Horror',
    polarity: 'negative',
    strength: 0.8,
  });
  const recommend = (id: string, index = 2) =>
    assistant(index, `You might enjoy ${title(id)}.`, { type: 'recommend', items: [id] });
  const accept = (id: string, index = 3) => user(index, `Okay, ${title(id)} it is.`, { type: 'accept', items: [id] });

  it('reports accepting an item carrying an attribute the user said it dislikes', () => {
    // Alien (1979) is Horror and Sci-Fi; Ana has not seen it, so only the stated dislike is contradicted.
    expect(audit(greeting(), dislikesHorror, recommend('alien-1979'), accept('alien-1979'))).toEqual([
      {
        turn: 3,
        rule: 'accept-contradicts-dislike',
        evidence: { items: ['alien-1979'], attribute: 'genre:Horror', earlierTurn: 1 },
      },
    ]);
  });

  it('reads a "less" critique as a stated dislike of the attribute', () => {
    const turns = [
      greeting(),
      recommend('aliens-1986', 1),
      user(2, `Like ${title('aliens-1986')} but less horror.`, {
        type: 'critique',
        items: ['aliens-1986'],
        attribute: 'genre:Horror',
        direction: 'less',
        polarity: 'negative',
      }),
      recommend('alien-1979', 3),
      accept('alien-1979', 4),
    ];
    expect(audit(...turns)).toEqual([
      {
        turn: 3,
        rule: 'recommend-ignores-critique',
        evidence: { items: ['alien-1979'], attribute: 'genre:Horror', earlierTurn: 2 },
      },
      {
        turn: 4,
        rule: 'accept-contradicts-dislike',
        evidence: { items: ['alien-1979'], attribute: 'genre:Horror', earlierTurn: 2 },
      },
    ]);
  });

  it('reports accepting an item the user said it disliked', () => {
    const turns = [
      greeting(),
      user(1, `I did not like ${title('the-shining-1980')}.`, {
        type: 'disclose',
        items: ['the-shining-1980'],
        polarity: 'negative',
        strength: 1,
      }),
      recommend('the-shining-1980'),
      accept('the-shining-1980'),
    ];
    const rules = audit(...turns);
    expect(rules).toContainEqual({
      turn: 3,
      rule: 'accept-contradicts-dislike',
      evidence: { items: ['the-shining-1980'], earlierTurn: 1 },
    });
    expect(rules).toContainEqual({
      turn: 3,
      rule: 'user-contradicts-profile',
      evidence: { items: ['the-shining-1980'] },
    });
  });

  it('accepts accepting an item without the disliked attribute', () => {
    expect(audit(greeting(), dislikesHorror, recommend('blade-runner-1982'), accept('blade-runner-1982'))).toEqual([]);
  });
});

describe('recommend-rejected', () => {
  it('reports recommending an item the user rejected, naming the rejection', () => {
    const turns = [
      greeting(),
      assistant(1, `How about ${title('up-2009')}?`, { type: 'recommend', items: ['up-2009'] }),
      user(2, `${title('up-2009')} is not for me.`, { type: 'reject', items: ['up-2009'] }),
      assistant(3, `Maybe ${title('up-2009')} after all?`, { type: 'recommend', items: ['up-2009'] }),
    ];
    expect(audit(...turns)).toEqual([
      { turn: 3, rule: 'recommend-rejected', evidence: { items: ['up-2009'], earlierTurn: 2 } },
    ]);
  });

  it('reports recommending an item the user critiqued', () => {
    const turns = [
      greeting(),
      assistant(1, `How about ${title('alien-1979')} or ${title('up-2009')}?`, {
        type: 'recommend',
        items: ['alien-1979', 'up-2009'],
      }),
      user(2, `Like ${title('alien-1979')}, but less horror.`, {
        type: 'critique',
        items: ['alien-1979'],
        attribute: 'genre:Horror',
        direction: 'less',
        polarity: 'negative',
      }),
      assistant(3, `Then ${title('aliens-1986')} or ${title('alien-1979')}.`, {
        type: 'recommend',
        items: ['aliens-1986', 'alien-1979'],
      }),
    ];
    expect(audit(...turns)).toEqual([
      {
        turn: 3,
        rule: 'recommend-ignores-critique',
        evidence: { items: ['aliens-1986', 'alien-1979'], attribute: 'genre:Horror', earlierTurn: 2 },
      },
      { turn: 3, rule: 'recommend-rejected', evidence: { items: ['alien-1979'], earlierTurn: 2 } },
    ]);
  });

  it('accepts recommending something new after a rejection', () => {
    const turns = [
      greeting(),
      assistant(1, `How about ${title('up-2009')}?`, { type: 'recommend', items: ['up-2009'] }),
      user(2, `${title('up-2009')} is not for me.`, { type: 'reject', items: ['up-2009'] }),
      assistant(3, `Then ${title('her-2013')}.`, { type: 'recommend', items: ['her-2013'] }),
    ];
    expect(audit(...turns)).toEqual([]);
  });
});

describe('recommend-disliked', () => {
  it('reports recommending an item the user said it disliked', () => {
    const turns = [
      greeting(),
      user(1, `I did not like ${title('the-shining-1980')}.`, {
        type: 'disclose',
        items: ['the-shining-1980'],
        polarity: 'negative',
        strength: 1,
      }),
      assistant(2, `You might enjoy ${title('the-shining-1980')}.`, { type: 'recommend', items: ['the-shining-1980'] }),
    ];
    expect(audit(...turns)).toEqual([
      { turn: 2, rule: 'recommend-disliked', evidence: { items: ['the-shining-1980'], earlierTurn: 1 } },
    ]);
  });

  it('accepts recommending an item the user liked or was neutral about', () => {
    const turns = [
      greeting(),
      user(1, `I did not like ${title('the-shining-1980')}.`, {
        type: 'disclose',
        items: ['the-shining-1980'],
        polarity: 'negative',
        strength: 1,
      }),
      assistant(2, `Have you seen ${title('toy-story-1995')}?`, { type: 'ask-item', items: ['toy-story-1995'] }),
      user(3, `${title('toy-story-1995')} was okay.`, {
        type: 'answer-item',
        items: ['toy-story-1995'],
        seen: true,
        polarity: 'neutral',
      }),
      assistant(4, `Then maybe ${title('toy-story-1995')} again?`, { type: 'recommend', items: ['toy-story-1995'] }),
    ];
    expect(audit(...turns)).toEqual([]);
  });
});

describe('recommend-unsupported-reason', () => {
  const likesSciFi = (index: number) =>
    user(index, 'I love sci-fi.', {
      type: 'disclose',
      items: [],
      attribute: 'genre:Sci-Fi',
      polarity: 'positive',
      strength: 0.9,
    });

  it('accepts a reason the user said it likes and every recommended item carries', () => {
    const turns = [
      greeting(),
      likesSciFi(1),
      assistant(2, `Since you like sci-fi, try ${title('alien-1979')} or ${title('the-matrix-1999')}.`, {
        type: 'recommend',
        items: ['alien-1979', 'the-matrix-1999'],
        reasons: ['genre:Sci-Fi'],
      }),
    ];
    expect(audit(...turns)).toEqual([]);
  });

  const lovesTheMatrix = (index: number) =>
    user(index, `${title('the-matrix-1999')} was amazing.`, {
      type: 'disclose',
      items: ['the-matrix-1999'],
      polarity: 'positive',
      strength: 1,
    });

  it('accepts a slate like a title the user said it liked, of its kind, naming it', () => {
    const turns = [
      greeting(),
      lovesTheMatrix(1),
      assistant(2, `Since you liked ${title('the-matrix-1999')}, how about ${title('blade-runner-1982')}?`, {
        type: 'recommend',
        items: ['blade-runner-1982'],
        like: 'the-matrix-1999',
      }),
    ];
    expect(audit(...turns)).toEqual([]);
  });

  it('reports a slate like a title the user never said it liked, one sharing no genre with it, or not named', () => {
    const never = [
      greeting(),
      assistant(1, `Since you liked ${title('the-matrix-1999')}, how about ${title('blade-runner-1982')}?`, {
        type: 'recommend',
        items: ['blade-runner-1982'],
        like: 'the-matrix-1999',
      }),
    ];
    expect(audit(...never)).toEqual([
      { turn: 1, rule: 'recommend-unsupported-reason', evidence: { items: ['the-matrix-1999'] } },
    ]);
    const unlike = [
      greeting(),
      lovesTheMatrix(1),
      assistant(2, `If you liked ${title('the-matrix-1999')}, try ${title('toy-story-1995')}.`, {
        type: 'recommend',
        items: ['toy-story-1995'],
        like: 'the-matrix-1999',
      }),
    ];
    expect(audit(...unlike)).toEqual([
      {
        turn: 2,
        rule: 'recommend-unsupported-reason',
        evidence: { items: ['toy-story-1995', 'the-matrix-1999'] },
      },
    ]);
    const unnamed = [
      greeting(),
      lovesTheMatrix(1),
      assistant(2, `How about ${title('blade-runner-1982')}?`, {
        type: 'recommend',
        items: ['blade-runner-1982'],
        like: 'the-matrix-1999',
      }),
    ];
    expect(audit(...unnamed)).toEqual([
      { turn: 2, rule: 'text-missing-item', evidence: { items: ['the-matrix-1999'] } },
    ]);
  });

  it('reports a reason that some recommended item does not carry', () => {
    const turns = [
      greeting(),
      likesSciFi(1),
      assistant(2, `Since you like sci-fi, try ${title('alien-1979')} or ${title('heat-1995')}.`, {
        type: 'recommend',
        items: ['alien-1979', 'heat-1995'],
        reasons: ['genre:Sci-Fi'],
      }),
    ];
    expect(audit(...turns)).toEqual([
      { turn: 2, rule: 'recommend-unsupported-reason', evidence: { items: ['heat-1995'], attribute: 'genre:Sci-Fi' } },
    ]);
  });

  it('reports a reason the user never stated, and one it said it dislikes', () => {
    const never = [
      greeting(),
      assistant(1, `Since you like horror, try ${title('alien-1979')}.`, {
        type: 'recommend',
        items: ['alien-1979'],
        reasons: ['genre:Horror'],
      }),
    ];
    expect(audit(...never)).toEqual([
      { turn: 1, rule: 'recommend-unsupported-reason', evidence: { attribute: 'genre:Horror' } },
    ]);
    const disliked = [
      greeting(),
      user(1, 'No horror, please.', {
        type: 'disclose',
        items: [],
        attribute: 'genre:Horror',
        polarity: 'negative',
        strength: 0.8,
      }),
      assistant(2, `Since you like horror, try ${title('alien-1979')}.`, {
        type: 'recommend',
        items: ['alien-1979'],
        reasons: ['genre:Horror'],
      }),
    ];
    expect(audit(...disliked)).toEqual([
      { turn: 2, rule: 'recommend-unsupported-reason', evidence: { attribute: 'genre:Horror', earlierTurn: 1 } },
    ]);
  });
});

describe('invalid-act', () => {
  it('reports an item id that is not in the catalog, and skips it in the other rules', () => {
    const turns = [
      greeting(),
      assistant(1, `How about ${title('up-2009')} or this one?`, {
        type: 'recommend',
        items: ['up-2009', 'no-such-film'],
      }),
      user(2, 'I loved that one.', { type: 'disclose', items: ['no-such-film'], polarity: 'positive', strength: 1 }),
    ];
    expect(audit(...turns)).toEqual([
      { turn: 1, rule: 'invalid-act', evidence: { items: ['no-such-film'] } },
      { turn: 2, rule: 'invalid-act', evidence: { items: ['no-such-film'] } },
    ]);
  });

  it('reports an act the speaker cannot perform', () => {
    const turns = [
      greeting(),
      user(1, `You should watch ${title('up-2009')}.`, { type: 'recommend', items: ['up-2009'] }),
      assistant(2, `I accept ${title('up-2009')}.`, { type: 'accept', items: ['up-2009'] }),
    ];
    expect(audit(...turns)).toEqual([
      { turn: 1, rule: 'invalid-act', evidence: { items: ['up-2009'] } },
      { turn: 2, rule: 'invalid-act', evidence: { items: ['up-2009'] } },
    ]);
  });

  it('accepts known items in acts each speaker can perform', () => {
    const turns = [
      greeting(),
      user(1, `Something like ${title('up-2009')}.`, { type: 'state-goal', items: ['up-2009'] }),
      assistant(2, `Then ${title('her-2013')}.`, { type: 'recommend', items: ['her-2013'] }),
    ];
    expect(audit(...turns)).toEqual([]);
  });
});

describe('recommend-ignores-critique', () => {
  const critique = (direction: 'less' | 'more' | 'newer' | 'older', attribute?: string) =>
    user(
      2,
      `Like ${title('alien-1979')}, but ${direction}${attribute ? ` ${attribute.slice(attribute.indexOf(':') + 1)}` : ''}.`,
      {
        type: 'critique',
        items: ['alien-1979'],
        direction,
        polarity: direction === 'more' ? 'positive' : 'negative',
        ...(attribute ? { attribute } : {}),
      },
    );
  const shown = assistant(1, `How about ${title('alien-1979')}?`, { type: 'recommend', items: ['alien-1979'] });
  const offer = (...items: string[]) =>
    assistant(3, `Then ${items.map(title).join(' or ')}.`, { type: 'recommend', items });

  it('reports a "more X" answer with an item lacking X, and passes one where every item has it', () => {
    expect(audit(greeting(), shown, critique('more', 'genre:Sci-Fi'), offer('aliens-1986', 'up-2009'))).toEqual([
      {
        turn: 3,
        rule: 'recommend-ignores-critique',
        evidence: { items: ['up-2009'], attribute: 'genre:Sci-Fi', earlierTurn: 2 },
      },
    ]);
    expect(audit(greeting(), shown, critique('more', 'genre:Sci-Fi'), offer('aliens-1986'))).toEqual([]);
  });

  it('reports an answer to "newer" that is not newer, and to "older" that is not older', () => {
    expect(audit(greeting(), shown, critique('newer'), offer('aliens-1986'))).toEqual([]);
    expect(audit(greeting(), shown, critique('older'), offer('aliens-1986'))).toEqual([
      { turn: 3, rule: 'recommend-ignores-critique', evidence: { items: ['aliens-1986'], earlierTurn: 2 } },
    ]);
  });

  it('accepts an open relaxation after saying that nothing fits, and a question instead of a slate', () => {
    const noMatch = assistant(
      3,
      `Sorry, nothing left is like ${title('alien-1979')} but older. How about ${title('aliens-1986')}?`,
      { type: 'no-match', items: ['alien-1979'], direction: 'older' },
      { type: 'recommend', items: ['aliens-1986'] },
    );
    expect(audit(greeting(), shown, critique('older'), noMatch)).toEqual([]);
    const ask = assistant(3, 'Do you like comedies?', {
      type: 'ask-attribute',
      facet: 'genre',
      attribute: 'genre:Comedy',
    });
    expect(audit(greeting(), shown, critique('older'), ask)).toEqual([]);
  });

  it('holds only the answer to the critique: a later slate is free again', () => {
    const later = [
      assistant(3, 'Do you like comedies?', { type: 'ask-attribute', facet: 'genre', attribute: 'genre:Comedy' }),
      user(4, 'Comedies? Sure.', { type: 'disclose', attribute: 'genre:Comedy', polarity: 'neutral', strength: 0 }),
      assistant(5, `How about ${title('up-2009')}?`, { type: 'recommend', items: ['up-2009'] }),
    ];
    expect(audit(greeting(), shown, critique('more', 'genre:Sci-Fi'), ...later)).toEqual([]);
  });
});
