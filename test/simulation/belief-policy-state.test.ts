import { describe, expect, it } from 'vitest';
import { builtinCatalog } from '../../src/data/builtin/builtin-catalog.js';
import type { AssistantAct, UserAct } from '../../src/dialogue/dialogue-acts.js';
import { SeededRandom } from '../../src/random/seeded-random.js';
import { beliefPolicy } from '../../src/simulation/belief-policy.js';
import type { RecommenderPolicy, RecommenderPolicyFactory } from '../../src/simulation/recommender-policy.js';

const catalog = builtinCatalog();

/** A reply that keeps the dialogue going without teaching the policy much: unseen items, no strong feelings. */
function reply(acts: AssistantAct[]): UserAct[] {
  const asked = acts.find((a) => a.type === 'ask-item');
  if (asked) return [{ type: 'answer-item', items: [...asked.items], seen: false }];
  const slate = acts.find((a) => a.type === 'recommend');
  if (slate) return [{ type: 'reject', items: [...slate.items], seen: false }];
  return [{ type: 'disclose', items: [], attribute: 'genre:Comedy', polarity: 'positive', strength: 0.5 }];
}

function run(p: RecommenderPolicy, turns: number): AssistantAct[][] {
  const out = [p.next({ userActs: [], index: 0, last: false })];
  for (let index = 2; index < 2 * turns; index += 2)
    out.push(p.next({ userActs: reply(out.at(-1) ?? []), index, last: false }));
  return out;
}

const start = (factory: RecommenderPolicyFactory, seed: number) =>
  factory({ catalog, maxTurns: 100, random: new SeededRandom(seed) });

describe('beliefPolicy state', () => {
  it('keeps dialogues of one factory apart, however their turns interleave', () => {
    const shared = beliefPolicy({ style: 'elicitation-heavy' });
    const [a, b] = [start(shared, 1), start(shared, 2)];
    const interleaved: AssistantAct[][][] = [
      [a.next({ userActs: [], index: 0, last: false })],
      [b.next({ userActs: [], index: 0, last: false })],
    ];
    for (let index = 2; index < 30; index += 2) {
      for (const [i, p] of [a, b].entries()) {
        const turns = interleaved[i] as AssistantAct[][];
        turns.push(p.next({ userActs: reply(turns.at(-1) ?? []), index, last: false }));
      }
    }
    expect(interleaved[0]).toEqual(run(start(beliefPolicy({ style: 'elicitation-heavy' }), 1), 15));
    expect(interleaved[1]).toEqual(run(start(beliefPolicy({ style: 'elicitation-heavy' }), 2), 15));
  });

  it('never asks about an item twice, nor recommends one it asked about that the user has seen', () => {
    // Half the items asked about have been seen (by the parity of their id's length), half not.
    const seenIt = (item: string) => item.length % 2 === 0;
    const answering = (acts: AssistantAct[]): UserAct[] => {
      const asked = acts.find((a) => a.type === 'ask-item');
      const item = asked?.items[0];
      if (item === undefined) return reply(acts);
      return [
        {
          type: 'answer-item',
          items: [item],
          seen: seenIt(item),
          ...(seenIt(item) ? { polarity: 'neutral' as const, strength: 0 } : {}),
        },
      ];
    };
    let unseenSuggested = 0;
    for (let seed = 1; seed <= 10; seed++) {
      const p = start(beliefPolicy({ questions: [20, 20], questionAfterMiss: 1 }), seed);
      const turns = [p.next({ userActs: [], index: 0, last: false })];
      for (let index = 2; index < 80; index += 2)
        turns.push(p.next({ userActs: answering(turns.at(-1) ?? []), index, last: false }));
      const acts = turns.flat();
      const asked = acts.filter((a) => a.type === 'ask-item').map((a) => a.items[0] as string);
      const recommended = acts.filter((a) => a.type === 'recommend').flatMap((a) => a.items);
      expect(asked.length).toBeGreaterThan(1);
      expect(new Set(asked).size).toBe(asked.length);
      for (const item of recommended) expect(asked.filter(seenIt)).not.toContain(item);
      unseenSuggested += recommended.filter((item) => asked.includes(item)).length;
    }
    // One the user has not seen may still be suggested ("Have you seen Jaws?" "No." … "Then try Jaws.").
    expect(unseenSuggested).toBeGreaterThan(0);
  });

  it('asks and recommends with a candidate pool larger than the catalog', () => {
    const acts = run(start(beliefPolicy({ candidatePool: catalog.size + 50 }), 3), 12).flat();
    expect(acts.some((a) => a.type === 'ask-attribute' && a.attribute !== undefined)).toBe(true);
    expect(acts.some((a) => a.type === 'recommend')).toBe(true);
  });
});
