import { describe, expect, it } from 'vitest';
import { builtinCatalog } from '../../src/data/builtin/builtin-catalog.js';
import type { DialogueAct } from '../../src/dialogue/dialogue-acts.js';
import type { Turn } from '../../src/dialogue/turn.js';
import { TemplateAdapter } from '../../src/language/template-adapter.js';
import { assistantTemplates } from '../../src/language/templates/assistant-templates.js';
import { chattyAsides } from '../../src/language/templates/chatty-asides.js';
import { MOVIES_PHRASING } from '../../src/lexicon/domain-phrasing.js';

const { ASK_REASONS, RECOMMEND_FOLLOW_UPS } = assistantTemplates(MOVIES_PHRASING);
const { GIVE_UP_ASIDES, OPENING_ASIDES, SETTLED_ASIDES } = chattyAsides(MOVIES_PHRASING);

import { SeededRandom } from '../../src/random/seeded-random.js';

// Issue 9: variety from who speaks and what the films are, not from filler. The recommender has a voice per
// dialogue, suggestions may say true things about a film, and small talk comes only where a person would make it.

const catalog = builtinCatalog();
const adapter = new TemplateAdapter();
const HEAT = catalog.resolveTitle('Heat').id;
const ACCEPT: DialogueAct = { type: 'accept', items: [HEAT] };
const CRITIQUE: DialogueAct = {
  type: 'critique',
  items: [HEAT],
  direction: 'less',
  polarity: 'negative',
  attribute: 'tag:violent',
};

function user(acts: readonly DialogueAct[], seed: number): string {
  return adapter.verbalizeSync({
    speaker: 'user',
    acts,
    history: [],
    catalog,
    persona: { verbosity: 'chatty' },
    random: new SeededRandom(seed),
  });
}

function assistant(acts: readonly DialogueAct[], seed: number, history: readonly Turn[] = []): string {
  return adapter.verbalizeSync({ speaker: 'assistant', acts, history, catalog, random: new SeededRandom(seed) });
}

const opening = (text: string): Turn => ({
  index: 0,
  speaker: 'assistant',
  acts: [{ type: 'greet', items: [] }],
  text,
});
const contains = (text: string, list: readonly string[]) => list.some((aside) => text.includes(aside));

describe('chatty asides fit their place', () => {
  it('sets the scene in an opening request, looks ahead on accepting, and stays out of critiques', () => {
    let openings = 0;
    let settled = 0;
    for (let seed = 0; seed < 300; seed++) {
      const goal = user([{ type: 'state-goal', items: [] }], seed);
      if (contains(goal, OPENING_ASIDES)) openings++;
      expect(contains(goal, SETTLED_ASIDES), goal).toBe(false);
      const accept = user([ACCEPT], seed);
      if (contains(accept, SETTLED_ASIDES)) settled++;
      expect(contains(accept, OPENING_ASIDES), accept).toBe(false);
      const critique = user([CRITIQUE], seed);
      const asides = [...OPENING_ASIDES, ...SETTLED_ASIDES, ...GIVE_UP_ASIDES];
      expect(contains(critique, asides), critique).toBe(false);
    }
    expect(openings).toBeGreaterThan(50);
    expect(settled).toBeGreaterThan(50);
  });
});

describe("the recommender's voice", () => {
  const drama: DialogueAct[] = [{ type: 'ask-attribute', facet: 'genre', attribute: 'genre:Drama', items: [] }];

  it('is one per dialogue: some dialogues never explain their questions, others now and then', () => {
    let never = 0;
    let sometimes = 0;
    for (let dialogue = 0; dialogue < 100; dialogue++) {
      const history = [opening(`Hello! Dialogue ${dialogue}.`)];
      const explained = Array.from({ length: 40 }, (_, seed) => assistant(drama, seed, history)).filter((text) =>
        contains(text, ASK_REASONS),
      ).length;
      if (explained === 0) never++;
      else sometimes++;
    }
    expect(never).toBeGreaterThan(10);
    expect(sometimes).toBeGreaterThan(10);
  });

  it('is the same for the same seed and history', () => {
    const history = [opening('Hi! What are you in the mood for?')];
    for (let seed = 0; seed < 30; seed++) expect(assistant(drama, seed, history)).toBe(assistant(drama, seed, history));
  });

  it('is the one the request gives, from the opening turn on, whatever was said before', () => {
    const ask = (voice: 'terse' | 'chatty', seed: number, history: readonly Turn[]) =>
      adapter.verbalizeSync({
        speaker: 'assistant',
        acts: drama,
        history,
        catalog,
        voice,
        random: new SeededRandom(seed),
      });
    const histories = [[], [opening('Hello! Dialogue 1.')], [opening('Hi there! What are you after?')]];
    let chattyExplained = 0;
    for (const history of histories) {
      for (let seed = 0; seed < 100; seed++) {
        expect(contains(ask('terse', seed, history), ASK_REASONS)).toBe(false);
        if (contains(ask('chatty', seed, history), ASK_REASONS)) chattyExplained++;
      }
    }
    expect(chattyExplained).toBeGreaterThan(20);
  });
});

describe('facts in recommendations', () => {
  it('names only people who made or star in the recommended film', () => {
    const ids = catalog.ids();
    const people = new Map<string, Set<string>>();
    for (const id of ids) {
      const item = catalog.require(id);
      for (const name of [...(item.attributes.director ?? []), ...(item.attributes.cast ?? [])]) {
        const set = people.get(name) ?? new Set<string>();
        set.add(id);
        people.set(name, set);
      }
    }
    const rng = new SeededRandom('facts');
    let withPeople = 0;
    for (let n = 0; n < 600; n++) {
      const items = rng.sample(ids, rng.int(1, 3));
      const text = assistant([{ type: 'recommend', items, reasons: [] }], n);
      for (const [name, films] of people) {
        if (!new RegExp(`\\b${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`).test(text)) continue;
        withPeople++;
        expect(
          items.some((id) => films.has(id)),
          text,
        ).toBe(true);
      }
    }
    expect(withPeople).toBeGreaterThan(50);
  });
});

describe("the user's critiques", () => {
  it('sometimes say what is wrong with the film ("too violent"), never of free-text tags', () => {
    const texts = Array.from({ length: 200 }, (_, seed) => user([CRITIQUE], seed));
    expect(texts.some((text) => /too violent/.test(text))).toBe(true);
    const free: DialogueAct = { ...CRITIQUE, attribute: 'tag:pixar' } as DialogueAct;
    for (let seed = 0; seed < 100; seed++) expect(user([free], seed)).not.toMatch(/\btoo pixar|pixar enough/);
  });
});

describe('follow-ups to a suggestion', () => {
  it('fit a slate of one title or several: none says "it" or "them"', () => {
    // Not "try The Prince of Egypt (1998) or Cats Don't Dance (1997). Up for it?"
    expect(RECOMMEND_FOLLOW_UPS.filter((text) => /\b(?:it|them|that one)\b/i.test(text))).toEqual([]);
  });
});
