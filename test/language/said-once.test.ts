import { describe, expect, it } from 'vitest';
import type { ItemCatalog } from '../../src/catalog/item-catalog.js';
import { builtinBooksCatalog } from '../../src/data/builtin/builtin-books-catalog.js';
import { builtinCatalog } from '../../src/data/builtin/builtin-catalog.js';
import type { DialogueAct, Polarity } from '../../src/dialogue/dialogue-acts.js';
import type { Turn } from '../../src/dialogue/turn.js';
import { TemplateAdapter } from '../../src/language/template-adapter.js';
import type { Persona } from '../../src/profile/profile-schema.js';
import { SeededRandom } from '../../src/random/seeded-random.js';

// A user turn voices its tastes without saying the same liking word twice ("I love dramas, and I loved The
// Searchers", "I'd love a film suggestion. I love westerns", "fan of" twice, "I just love X. Oh, and I just love Y"),
// and an opinion carries one hedge, not two ("I'd say I like westerns, I have to say", "I can enjoy fantasy in the
// right mood, most of the time").

const adapter = new TemplateAdapter();
const PERSONAS: readonly (Persona | undefined)[] = [
  undefined,
  { verbosity: 'terse' },
  { verbosity: 'normal' },
  { verbosity: 'chatty' },
];
const POLARITIES: readonly Polarity[] = ['positive', 'negative', 'neutral'];

// Each matched at most once in a turn, tense aside.
const LIKING_WORDS = [
  /\blov(?:e|ed)\b/gi,
  /\bhat(?:e|ed)\b/gi,
  /\bador(?:e|ed)\b/gi,
  /\bfan of\b/gi,
  /\bI thought\b/gi,
  /\babsolutely\b/gi,
  /\breally\b/gi,
  /\bjust\b/gi,
];
// A title or a kind that says one ("Love Actually", "stories of forbidden love") is no wording of the turn's.
const SAYS_ANY = /\b(?:lov|hat|ador|fan|thought|absolutely|really|just)/i;

// Hedges of two kinds, at most one of each in an opinion: that it is only the speaker's view, and how often.
const VIEW_HEDGES = /\b(?:I'd say|I have to say|if you ask me|to be honest|if I'm honest)\b/gi;
const OFTEN_HEDGES =
  /\b(?:tend to|in the right mood|kind of like|well enough|most of the time|for the most part|on the whole|as a rule|these days|now and then|sometimes|usually|generally|often|mostly|lately)\b/gi;

interface Pools {
  readonly catalog: ItemCatalog;
  readonly items: readonly string[];
  readonly kinds: readonly string[];
}

function pools(catalog: ItemCatalog): Pools {
  return {
    catalog,
    items: catalog.ids().filter((id) => !SAYS_ANY.test(catalog.require(id).title)),
    kinds: ['genre', 'tag']
      .flatMap((facet) => catalog.vocabulary({ facet }).map((entry) => entry.key))
      .filter((key) => !SAYS_ANY.test(key)),
  };
}

function render(
  pool: Pools,
  acts: readonly DialogueAct[],
  seed: number,
  persona: Persona | undefined,
  history: readonly Turn[] = [],
): string {
  return adapter.verbalizeSync({
    speaker: 'user',
    acts,
    history,
    catalog: pool.catalog,
    random: new SeededRandom(seed),
    ...(persona ? { persona } : {}),
  });
}

function opinion(rng: SeededRandom, pool: Pools): DialogueAct {
  const polarity = rng.pick(POLARITIES);
  const strength = rng.next();
  const roll = rng.next();
  if (roll < 0.5) return { type: 'disclose', items: [], attribute: rng.pick(pool.kinds), polarity, strength };
  const items = [rng.pick(pool.items)];
  if (roll < 0.8) return { type: 'disclose', items, polarity, strength };
  return { type: 'answer-item', items, seen: true, polarity, strength };
}

function count(text: string, words: RegExp): number {
  return text.match(words)?.length ?? 0;
}

describe('words said once in a user turn', () => {
  for (const [domain, catalog] of [
    ['films', builtinCatalog()],
    ['books', builtinBooksCatalog()],
  ] as const) {
    it(`says no liking word twice, after a request or across opinions (${domain})`, () => {
      const pool = pools(catalog);
      const rng = new SeededRandom(`said-once/${domain}`);
      for (let seed = 0; seed < 3000; seed++) {
        const acts: DialogueAct[] = rng.chance(0.5) ? [{ type: 'state-goal', items: [] }] : [];
        for (let n = rng.int(2, 4); n > 0; n--) acts.push(opinion(rng, pool));
        const text = render(pool, acts, seed, rng.pick(PERSONAS));
        for (const words of LIKING_WORDS) expect(count(text, words), `${words}: ${text}`).toBeLessThanOrEqual(1);
      }
    });
  }

  it('hedges a mild or middling opinion once of each kind', () => {
    const pool = pools(builtinCatalog());
    const rng = new SeededRandom('said-once/hedges');
    for (let seed = 0; seed < 3000; seed++) {
      const polarity = rng.pick(['positive', 'negative'] as const);
      const acts: DialogueAct[] = [
        { type: 'disclose', items: [], attribute: rng.pick(pool.kinds), polarity, strength: rng.next() * 0.69 },
      ];
      const text = render(pool, acts, seed, rng.pick(PERSONAS));
      expect(count(text, VIEW_HEDGES), text).toBeLessThanOrEqual(1);
      expect(count(text, OFTEN_HEDGES), text).toBeLessThanOrEqual(1);
    }
  });

  it('words no two opinions of a dialogue in the same frame ("I\'m a huge fan of comedies. … I\'m a huge fan of dramas.")', () => {
    const pool = pools(builtinCatalog());
    const rng = new SeededRandom('said-once/frames');
    const fiveWords = (text: string) => {
      const words = text.toLowerCase().match(/[a-z']+/g) ?? [];
      return new Set(words.slice(4).map((_, at) => words.slice(at, at + 5).join(' ')));
    };
    const shared: string[] = [];
    for (let seed = 0; seed < 600; seed++) {
      const [first, second] = [opinion(rng, pool), opinion(rng, pool)] as const;
      const persona = rng.pick(PERSONAS);
      const said = render(pool, [first], seed, persona);
      const history: Turn[] = [
        { index: 0, speaker: 'user', text: said, acts: [first] },
        { index: 1, speaker: 'assistant', text: 'Tell me more.', acts: [{ type: 'ask-open', items: [] }] },
      ];
      const next = render(pool, [second], seed + 1, persona, history);
      const before = fiveWords(said);
      // A title or a kind is the speaker's subject, not their wording: both turns may name Drama.
      const subjects = [...itemsAndKinds(pool, first), ...itemsAndKinds(pool, second)];
      for (const gram of fiveWords(next))
        if (before.has(gram) && !subjects.some((subject) => subject.includes(gram.split(' ')[2] as string)))
          shared.push(`${said} / ${next}`);
    }
    expect(shared).toEqual([]);
  });
});

/** The words naming an opinion's subject: its titles and its kind, lowercased. */
function itemsAndKinds(pool: Pools, act: DialogueAct): string[] {
  const kind = act.type === 'disclose' && act.attribute !== undefined ? [act.attribute.split(':')[1] as string] : [];
  return [...act.items.map((id) => pool.catalog.require(id).title), ...kind].map((words) => words.toLowerCase());
}
