import { describe, expect, it } from 'vitest';
import { auditDialogue } from '../../src/consistency/consistency-tracker.js';
import { ana, assistant, catalog, greeting, summary, title, user } from './dialogue-fixtures.js';

const audit = (...turns: Parameters<typeof auditDialogue>[0]) => summary(auditDialogue(turns, catalog, ana));

describe('user-contradicts-profile', () => {
  it('reports liking an attribute the profile dislikes', () => {
    const turns = [
      greeting(),
      user(1, 'I love horror movies.', {
        type: 'disclose',
        attribute: 'genre:Horror',
        polarity: 'positive',
        strength: 0.9,
      }),
    ];
    expect(audit(...turns)).toEqual([
      { turn: 1, rule: 'user-contradicts-profile', evidence: { attribute: 'genre:Horror' } },
    ]);
  });

  it('accepts disliking an attribute the profile dislikes', () => {
    const turns = [
      greeting(),
      user(1, 'I really cannot stand horror.', {
        type: 'disclose',
        attribute: 'genre:Horror',
        polarity: 'negative',
        strength: 0.9,
      }),
    ];
    expect(audit(...turns)).toEqual([]);
  });

  it('reports "no strong feelings" about a strong affinity, and allows it about a weak one', () => {
    const turns = [
      greeting(),
      user(1, 'Sci-fi? No strong feelings either way.', {
        type: 'disclose',
        attribute: 'genre:Sci-Fi',
        polarity: 'neutral',
        strength: 0,
      }),
      assistant(2, 'And comedy?', { type: 'ask-attribute', facet: 'genre', attribute: 'genre:Comedy' }),
      user(3, 'Comedy is fine, I do not mind it.', {
        type: 'disclose',
        attribute: 'genre:Comedy',
        polarity: 'neutral',
        strength: 0,
      }),
    ];
    expect(audit(...turns)).toEqual([
      { turn: 1, rule: 'user-contradicts-profile', evidence: { attribute: 'genre:Sci-Fi' } },
    ]);
  });

  it('reads a "less" critique as a dislike of the attribute', () => {
    const recommend = assistant(1, `How about ${title('alien-1979')}?`, { type: 'recommend', items: ['alien-1979'] });
    const lessSciFi = user(2, `Like ${title('alien-1979')}, but with less sci-fi, please.`, {
      type: 'critique',
      items: ['alien-1979'],
      attribute: 'genre:Sci-Fi',
      direction: 'less',
      polarity: 'negative',
    });
    const lessHorror = user(2, `Like ${title('alien-1979')}, but less scary, please.`, {
      type: 'critique',
      items: ['alien-1979'],
      attribute: 'genre:Horror',
      direction: 'less',
      polarity: 'negative',
    });
    expect(audit(greeting(), recommend, lessSciFi)).toEqual([
      { turn: 2, rule: 'user-contradicts-profile', evidence: { attribute: 'genre:Sci-Fi' } },
    ]);
    expect(audit(greeting(), recommend, lessHorror)).toEqual([]);
  });

  it('reports an item opinion the profile does not hold, exactly (neutral is not liked)', () => {
    const turns = [
      greeting(),
      user(1, `I loved ${title('the-shining-1980')}.`, {
        type: 'disclose',
        items: ['the-shining-1980'],
        polarity: 'positive',
        strength: 1,
      }),
      assistant(2, `Have you seen ${title('toy-story-1995')}?`, { type: 'ask-item', items: ['toy-story-1995'] }),
      user(3, `Yes, ${title('toy-story-1995')} was great.`, {
        type: 'answer-item',
        items: ['toy-story-1995'],
        seen: true,
        polarity: 'positive',
      }),
    ];
    expect(audit(...turns)).toEqual([
      { turn: 1, rule: 'user-contradicts-profile', evidence: { items: ['the-shining-1980'] } },
      { turn: 3, rule: 'user-contradicts-profile', evidence: { items: ['toy-story-1995'] } },
    ]);
  });

  it('accepts item opinions the profile holds', () => {
    const turns = [
      greeting(),
      user(1, `I did not like ${title('the-shining-1980')}.`, {
        type: 'disclose',
        items: ['the-shining-1980'],
        polarity: 'negative',
        strength: 1,
      }),
      assistant(2, `Have you seen ${title('toy-story-1995')}?`, { type: 'ask-item', items: ['toy-story-1995'] }),
      user(3, `Yes, ${title('toy-story-1995')} was okay.`, {
        type: 'answer-item',
        items: ['toy-story-1995'],
        seen: true,
        polarity: 'neutral',
      }),
      assistant(4, `And ${title('the-matrix-1999')}?`, { type: 'ask-item', items: ['the-matrix-1999'] }),
      user(5, `I loved ${title('the-matrix-1999')}.`, {
        type: 'answer-item',
        items: ['the-matrix-1999'],
        seen: true,
        polarity: 'positive',
      }),
    ];
    expect(audit(...turns)).toEqual([]);
  });

  it('reports accepting an item the profile dislikes', () => {
    const recommend = (id: string) => assistant(1, `Try ${title(id)}.`, { type: 'recommend', items: [id] });
    const accept = (id: string) => user(2, `Sure, ${title(id)} it is.`, { type: 'accept', items: [id] });
    expect(audit(greeting(), recommend('the-shining-1980'), accept('the-shining-1980'))).toEqual([
      { turn: 2, rule: 'user-contradicts-profile', evidence: { items: ['the-shining-1980'] } },
    ]);
    expect(audit(greeting(), recommend('the-matrix-1999'), accept('the-matrix-1999'))).toEqual([]);
  });

  it('reports saying an item the profile rates was never seen', () => {
    const ask = assistant(1, `Have you seen ${title('the-matrix-1999')}?`, {
      type: 'ask-item',
      items: ['the-matrix-1999'],
    });
    const notSeen = user(2, `No, I have not seen ${title('the-matrix-1999')}.`, {
      type: 'answer-item',
      items: ['the-matrix-1999'],
      seen: false,
    });
    expect(audit(greeting(), ask, notSeen)).toEqual([
      { turn: 2, rule: 'user-contradicts-profile', evidence: { items: ['the-matrix-1999'] } },
    ]);
    const askAlien = assistant(1, `Have you seen ${title('alien-1979')}?`, { type: 'ask-item', items: ['alien-1979'] });
    const notSeenAlien = user(2, `No, never seen ${title('alien-1979')}.`, {
      type: 'answer-item',
      items: ['alien-1979'],
      seen: false,
    });
    expect(audit(greeting(), askAlien, notSeenAlien)).toEqual([]);
  });
});

describe('unseen-item-claimed', () => {
  it('reports claiming to have seen an unseen item, by disclosure, answer or seen-rejection', () => {
    const turns = [
      greeting(),
      user(1, `I liked ${title('alien-1979')}.`, {
        type: 'disclose',
        items: ['alien-1979'],
        polarity: 'positive',
        strength: 0.6,
      }),
      assistant(2, `Have you seen ${title('aliens-1986')}?`, { type: 'ask-item', items: ['aliens-1986'] }),
      user(3, `Yes, I have seen ${title('aliens-1986')}.`, { type: 'answer-item', items: ['aliens-1986'], seen: true }),
      assistant(4, `Then try ${title('up-2009')}.`, { type: 'recommend', items: ['up-2009'] }),
      user(5, `I have already seen ${title('up-2009')}.`, { type: 'reject', items: ['up-2009'], seen: true }),
    ];
    expect(audit(...turns)).toEqual([
      { turn: 1, rule: 'unseen-item-claimed', evidence: { items: ['alien-1979'] } },
      { turn: 3, rule: 'unseen-item-claimed', evidence: { items: ['aliens-1986'] } },
      { turn: 5, rule: 'unseen-item-claimed', evidence: { items: ['up-2009'] } },
    ]);
  });

  it('counts held-out items as unseen, even after the assistant brought them up', () => {
    const turns = [
      greeting(),
      assistant(1, `Have you seen ${title('heat-1995')}?`, { type: 'ask-item', items: ['heat-1995'] }),
      user(2, `Yes, ${title('heat-1995')} was great.`, {
        type: 'answer-item',
        items: ['heat-1995'],
        seen: true,
        polarity: 'positive',
      }),
    ];
    expect(audit(...turns)).toEqual([{ turn: 2, rule: 'unseen-item-claimed', evidence: { items: ['heat-1995'] } }]);
  });

  it('accepts not-seen answers and plain rejections of unseen items', () => {
    const turns = [
      greeting(),
      assistant(1, `Have you seen ${title('aliens-1986')}?`, { type: 'ask-item', items: ['aliens-1986'] }),
      user(2, `No, I have not seen ${title('aliens-1986')}.`, {
        type: 'answer-item',
        items: ['aliens-1986'],
        seen: false,
      }),
      assistant(3, `Then try ${title('up-2009')}.`, { type: 'recommend', items: ['up-2009'] }),
      user(4, `${title('up-2009')} does not appeal to me.`, { type: 'reject', items: ['up-2009'] }),
    ];
    expect(audit(...turns)).toEqual([]);
  });
});

describe('held-out-leak', () => {
  it('reports the user naming a held-out item the assistant never named', () => {
    const turns = [
      greeting(),
      user(1, `Something like ${title('heat-1995')}, maybe?`, { type: 'state-goal', items: ['heat-1995'] }),
    ];
    expect(audit(...turns)).toEqual([{ turn: 1, rule: 'held-out-leak', evidence: { items: ['heat-1995'] } }]);
  });

  it('reports a leaking disclosure once per item, beside the unseen claim', () => {
    const turns = [
      greeting(),
      user(
        1,
        `I liked ${title('heat-1995')}, and ${title('heat-1995')} again.`,
        { type: 'disclose', items: ['heat-1995'], polarity: 'positive', strength: 1 },
        { type: 'ask-about-item', items: ['heat-1995'] },
      ),
    ];
    expect(audit(...turns)).toEqual([
      { turn: 1, rule: 'held-out-leak', evidence: { items: ['heat-1995'] } },
      { turn: 1, rule: 'unseen-item-claimed', evidence: { items: ['heat-1995'] } },
    ]);
  });

  it('accepts the user naming a held-out item after the assistant brought it up', () => {
    const turns = [
      greeting(),
      assistant(1, `You might like ${title('heat-1995')}.`, { type: 'recommend', items: ['heat-1995'], reasons: [] }),
      user(2, `What is ${title('heat-1995')} about?`, { type: 'ask-about-item', items: ['heat-1995'] }),
      assistant(3, `${title('heat-1995')} is a crime thriller.`, {
        type: 'describe-item',
        items: ['heat-1995'],
        attributes: ['genre:Crime'],
      }),
      user(4, `Great, I will watch ${title('heat-1995')}.`, { type: 'accept', items: ['heat-1995'] }),
    ];
    expect(audit(...turns)).toEqual([]);
  });
});
