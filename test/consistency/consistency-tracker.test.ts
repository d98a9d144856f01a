import { describe, expect, it } from 'vitest';
import { auditDialogue, ConsistencyTracker } from '../../src/consistency/consistency-tracker.js';
import { ViolationSchema } from '../../src/dialogue/violation.js';
import { thrown } from '../helpers/thrown.js';
import { act, ana, assistant, catalog, greeting, title, user } from './dialogue-fixtures.js';

const recommendUp = (index: number) =>
  assistant(index, `How about ${title('up-2009')}?`, { type: 'recommend', items: ['up-2009'] });
const rejectUp = user(2, `${title('up-2009')} is not for me.`, { type: 'reject', items: ['up-2009'] });

describe('ConsistencyTracker', () => {
  it('checkActs does not record; commit does', () => {
    const tracker = new ConsistencyTracker({ catalog, profile: ana });
    tracker.commit(greeting());
    tracker.commit(recommendUp(1));
    expect(tracker.checkActs('user', rejectUp.acts, 2)).toEqual([]);
    // The rejection was only checked, so recommending Up again is still fine.
    expect(tracker.checkActs('assistant', recommendUp(3).acts, 3)).toEqual([]);
    tracker.commit(rejectUp);
    expect(tracker.checkActs('assistant', recommendUp(3).acts, 3).map((v) => [v.rule, v.evidence])).toEqual([
      ['recommend-rejected', { items: ['up-2009'], earlierTurn: 2 }],
    ]);
  });

  it('commit records the acts it is given, not the ones checked before it', () => {
    const tracker = new ConsistencyTracker({ catalog, profile: ana });
    tracker.commit(greeting());
    tracker.commit(recommendUp(1));
    const accept = user(2, `I'll watch ${title('up-2009')}.`, { type: 'accept', items: ['up-2009'] });
    expect(tracker.checkActs('user', accept.acts, 2)).toEqual([]);
    // Other acts were spoken at that turn in the end: the rejection is what counts from now on.
    tracker.commit(rejectUp);
    expect(tracker.checkActs('assistant', recommendUp(3).acts, 3).map((v) => v.rule)).toEqual(['recommend-rejected']);
  });

  it('checkText looks only at the turn, and counts no turn', () => {
    const tracker = new ConsistencyTracker({ catalog, profile: ana });
    expect(
      tracker
        .checkText(assistant(0, 'Have a look at this one.', { type: 'recommend', items: ['up-2009'] }))
        .map((v) => v.rule),
    ).toEqual(['text-missing-item']);
    expect(tracker.checkedTurns).toBe(0);
  });

  it('check is checkActs, then checkText, then commit', () => {
    const turn = user(3, `I loved ${title('the-shining-1980')}, unlike ${title('up-2009')}.`, {
      type: 'disclose',
      items: ['the-shining-1980'],
      polarity: 'positive',
      strength: 1,
    });
    const separate = new ConsistencyTracker({ catalog, profile: ana });
    const expected = [...separate.checkActs(turn.speaker, turn.acts, turn.index), ...separate.checkText(turn)];
    separate.commit(turn);
    const combined = new ConsistencyTracker({ catalog, profile: ana });
    expect(combined.check(turn)).toEqual(expected);
    expect(expected.map((v) => v.rule)).toEqual(['user-contradicts-profile', 'text-extra-item']);
    expect(combined.checkedTurns).toBe(1);
    expect(separate.checkedTurns).toBe(1);
    // Both recorded the disclosure.
    const recommend = [act({ type: 'recommend', items: ['the-shining-1980'] })];
    expect(combined.checkActs('assistant', recommend, 4)).toEqual(separate.checkActs('assistant', recommend, 4));
  });

  it('reports violations that match the record schema, with one-sentence messages', () => {
    const violations = auditDialogue(
      [
        greeting(),
        user(
          1,
          `I loved ${title('heat-1995')}, and I love horror.`,
          { type: 'disclose', items: ['heat-1995'], polarity: 'positive', strength: 1 },
          { type: 'disclose', attribute: 'genre:Horror', polarity: 'positive', strength: 1 },
        ),
      ],
      catalog,
      ana,
    );
    expect(violations.map((v) => v.rule)).toEqual(['held-out-leak', 'unseen-item-claimed', 'user-contradicts-profile']);
    for (const violation of violations) {
      expect(ViolationSchema.parse(violation)).toEqual(violation);
      expect(violation.message.split(/[.!?] [A-Z]/)).toHaveLength(1);
    }
    expect(violations[2]?.message).toBe(
      "The user says it likes Horror (genre), but its profile's affinity for it is -0.7.",
    );
  });

  it('keeps dialogues apart: each tracker has its own history', () => {
    const first = new ConsistencyTracker({ catalog, profile: ana });
    first.check(greeting());
    first.check(recommendUp(1));
    first.check(rejectUp);
    const second = new ConsistencyTracker({ catalog, profile: ana });
    expect(second.check(recommendUp(3))).toEqual([]);
    expect(first.check(recommendUp(3)).map((v) => v.rule)).toEqual(['recommend-rejected']);
  });
});

describe('auditDialogue', () => {
  it('checks every turn in order with a fresh tracker', () => {
    const turns = [greeting(), recommendUp(1), rejectUp, recommendUp(3)];
    expect(auditDialogue(turns, catalog, ana).map((v) => [v.turn, v.rule])).toEqual([[3, 'recommend-rejected']]);
    expect(auditDialogue(turns.slice(0, 3), catalog, ana)).toEqual([]);
    expect(auditDialogue([], catalog, ana)).toEqual([]);
  });
});

describe('ConsistencyTracker options', () => {
  it('refuses an unknown option, naming it and the option meant', () => {
    const error = thrown(() => new ConsistencyTracker({ catalog, profile: ana, profle: ana } as never));
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.message).toContain('"profle" (did you mean "profile"?)');
    expect(error.location?.field).toBe('profle');
  });

  it('refuses a catalog that is not an ItemCatalog and a profile that is not a PreferenceProfile', () => {
    const items = thrown(() => new ConsistencyTracker({ catalog: catalog.items(), profile: ana } as never));
    expect(items.code).toBe('INVALID_ARGUMENT');
    expect(items.location?.field).toBe('catalog');
    expect(items.message).toContain('ItemCatalog');
    const document = thrown(() => new ConsistencyTracker({ catalog, profile: ana.toJSON() } as never));
    expect(document.code).toBe('INVALID_ARGUMENT');
    expect(document.location?.field).toBe('profile');
    expect(document.message).toContain('PreferenceProfile');
  });
});
