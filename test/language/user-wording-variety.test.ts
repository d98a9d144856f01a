import { describe, expect, it } from 'vitest';
import { checkTextPolarity } from '../../src/consistency/text-polarity.js';
import { builtinBooksCatalog } from '../../src/data/builtin/builtin-books-catalog.js';
import { builtinCatalog } from '../../src/data/builtin/builtin-catalog.js';
import type { DialogueAct } from '../../src/dialogue/dialogue-acts.js';
import type { Turn } from '../../src/dialogue/turn.js';
import { TemplateAdapter } from '../../src/language/template-adapter.js';
import type { Persona } from '../../src/profile/profile-schema.js';
import { SeededRandom } from '../../src/random/seeded-random.js';

// The user's side of a dialogue varies with content, strength and persona (issue 9, "Less repetition, real
// variety"), and the variety never bends what the acts say.

const catalog = builtinCatalog();
const adapter = new TemplateAdapter();
const HEAT = catalog.resolveTitle('Heat').id;
const PERSONAS: readonly (Persona | undefined)[] = [
  undefined,
  { verbosity: 'terse' },
  { verbosity: 'normal' },
  { verbosity: 'chatty' },
];

function render(acts: readonly DialogueAct[], seed: number | string, persona?: Persona): string {
  return adapter.verbalizeSync({
    speaker: 'user',
    acts,
    history: [],
    catalog,
    random: new SeededRandom(seed),
    ...(persona ? { persona } : {}),
  });
}

const disclose = (
  polarity: 'positive' | 'negative' | 'neutral',
  strength: number,
  attribute = 'genre:Drama',
): DialogueAct => ({ type: 'disclose', items: [], attribute, polarity, strength });

function distinct(acts: readonly DialogueAct[], persona: Persona | undefined, seeds: number): number {
  const texts = new Set<string>();
  for (let seed = 0; seed < seeds; seed++) texts.add(render(acts, seed, persona));
  return texts.size;
}

describe('user wording variety', () => {
  it('words one opinion about one genre in many ways, fewer when terse', () => {
    for (const polarity of ['positive', 'negative', 'neutral'] as const) {
      for (const strength of [0.2, 0.5, 0.9]) {
        const acts = [disclose(polarity, strength)];
        expect(distinct(acts, undefined, 400), `${polarity} ${strength}`).toBeGreaterThanOrEqual(25);
        expect(distinct(acts, { verbosity: 'terse' }, 400), `${polarity} ${strength} terse`).toBeGreaterThanOrEqual(8);
      }
    }
  });

  it('never contradicts an opinion act, whatever the strength, persona or ending', () => {
    const rng = new SeededRandom('variety-polarity');
    const attributes = ['genre:Drama', 'genre:Sci-Fi', 'genre:Comedy', 'genre:Horror', 'genre:Romance'];
    for (let n = 0; n < 3000; n++) {
      const polarity = rng.pick(['positive', 'negative', 'neutral'] as const);
      const acts: DialogueAct[] = [disclose(polarity, rng.next(), rng.pick(attributes))];
      if (rng.chance(0.3)) acts.push(disclose(rng.pick(['positive', 'negative'] as const), rng.next(), 'genre:War'));
      const text = render(acts, n, rng.pick(PERSONAS));
      const { violations } = checkTextPolarity({ index: 1, speaker: 'user', text, acts }, catalog);
      expect(violations, text).toEqual([]);
    }
  });

  it('hedges mild opinions and keeps strong ones strong', () => {
    const mild = new Set<string>();
    const strong = new Set<string>();
    for (let seed = 0; seed < 300; seed++) {
      mild.add(render([disclose('positive', 0.2)], seed));
      strong.add(render([disclose('positive', 0.95)], seed));
    }
    const hedge = /well enough|now and then|sometimes|can be fun|kind of|in the right mood/;
    expect([...mild].some((text) => hedge.test(text))).toBe(true);
    expect([...mild].some((text) => /\b(love|adore)\b/i.test(text))).toBe(false);
    expect([...strong].some((text) => hedge.test(text))).toBe(false);
    expect([...strong].some((text) => /\b(love|loved|adore|huge fan|big fan)\b/i.test(text))).toBe(true);
  });

  it('has a fondness without saying how often: no "a bit of a thing for noir, most of the time"', () => {
    const FONDNESS = /\b(?:a thing for|soft spot for|sucker for|partial to|fan of)\b/;
    const EXTENT = /\b(?:most of the time|for the most part|on the whole)\b/;
    let fond = 0;
    let extent = 0;
    for (let seed = 0; seed < 2000; seed++) {
      const text = render([disclose('positive', 0.6, 'genre:Film-Noir')], `fondness/${seed}`);
      if (FONDNESS.test(text)) fond++;
      if (EXTENT.test(text)) extent++;
      expect(FONDNESS.test(text) && EXTENT.test(text), text).toBe(false);
    }
    // Both are still said, apart.
    expect(fond).toBeGreaterThan(50);
    expect(extent).toBeGreaterThan(20);
  });

  it('composes give-ups, openings and acceptances from parts, the same for the same seed', () => {
    const giveUp: DialogueAct[] = [{ type: 'give-up', items: [] }];
    const goal: DialogueAct[] = [{ type: 'state-goal', items: [] }];
    const accept: DialogueAct[] = [{ type: 'accept', items: [HEAT] }];
    expect(distinct(giveUp, undefined, 400)).toBeGreaterThanOrEqual(35);
    expect(distinct(goal, undefined, 400)).toBeGreaterThanOrEqual(40);
    expect(distinct(accept, undefined, 400)).toBeGreaterThanOrEqual(40);
    for (const acts of [giveUp, goal, accept]) {
      for (const persona of PERSONAS) expect(render(acts, 'same', persona)).toBe(render(acts, 'same', persona));
    }
    for (let seed = 0; seed < 200; seed++) {
      const text = render(accept, seed);
      expect(text.split('"Heat"').length - 1, text).toBe(1);
    }
  });

  it('puts an opinion as the question it answers only when asked: "Heat? Amazing." never volunteered', () => {
    const terse: Persona = { verbosity: 'terse' };
    const seeds = Array.from({ length: 300 }, (_, seed) => `opinion/${seed}`);
    const polarities = [
      ['positive', 0.95],
      ['neutral', 0.5],
    ] as const;
    for (const [polarity, strength] of polarities) {
      const volunteered = seeds.map((seed) =>
        render([{ type: 'disclose', items: [HEAT], polarity, strength }], seed, terse),
      );
      expect(volunteered.filter((text) => text.includes('?'))).toEqual([]);
      const answered = seeds.map((seed) =>
        render([{ type: 'answer-item', items: [HEAT], seen: true, polarity, strength }], seed, terse),
      );
      expect(answered.some((text) => /^"Heat"\? /.test(text))).toBe(true);
    }
  });

  it('answers a goodbye with thanks for a find or for trying, thanking once, and asks for nothing more', () => {
    const close: DialogueAct = { type: 'close', items: [] };
    const thanks = /\b(?:thanks|thank|cheers|appreciated)\b/gi;
    const said = { found: new Set<string>(), refused: new Set<string>() };
    for (let seed = 0; seed < 300; seed++) {
      for (const persona of PERSONAS) {
        const found = render([{ type: 'accept', items: [HEAT] }, close], seed, persona);
        const refused = render([{ type: 'reject', items: [HEAT], seen: false }, close], seed, persona);
        const critiqued = render(
          [
            { type: 'critique', items: [HEAT], attribute: 'genre:Crime', direction: 'less', polarity: 'negative' },
            close,
          ],
          seed,
          persona,
        );
        for (const text of [found, refused, critiqued]) expect(text.match(thanks)?.length ?? 0, text).toBeLessThan(2);
        // Leaving, the user asks nothing: not "Got anything like Heat, but less of a crime story?".
        for (const text of [refused, critiqued])
          expect(text, text).not.toMatch(/\b(?:anything|something|else|other|instead|more|got)\b[^.!?]*\?/i);
        // Turning the last suggestion down is no find to thank for.
        expect(refused, refused).not.toMatch(/help|sorted|it is|here I come/i);
        said.found.add(found);
        said.refused.add(refused);
      }
    }
    expect(said.found.size).toBeGreaterThan(100);
    expect(said.refused.size).toBeGreaterThan(100);
  });

  it('gives up after turning a title down, thanking once, and after a near miss without "still" or "though"', () => {
    const thanks = /\b(?:thanks|thank|cheers|appreciated)\b/gi;
    const acts: DialogueAct[] = [
      { type: 'reject', items: [HEAT], seen: false },
      { type: 'give-up', items: [] },
    ];
    // Heat is a crime film, as the user said they like: turning it down grants it fits ("Heat sounds close, but …").
    const likesCrime: Turn = {
      index: 1,
      speaker: 'user',
      text: 'I love crime films.',
      acts: [disclose('positive', 0.8, 'genre:Crime')],
    };
    const texts = { nearMiss: new Set<string>(), plain: new Set<string>() };
    for (let seed = 0; seed < 300; seed++) {
      for (const persona of PERSONAS) {
        const said = (history: readonly Turn[]) =>
          adapter.verbalizeSync({
            speaker: 'user',
            acts,
            history,
            catalog,
            random: new SeededRandom(seed),
            ...(persona ? { persona } : {}),
          });
        texts.nearMiss.add(said([likesCrime]));
        texts.plain.add(said([]));
      }
    }
    for (const text of [...texts.nearMiss, ...texts.plain])
      expect(text.match(thanks)?.length ?? 0, text).toBeLessThan(2);
    // The refusal ends on its no: leaving is no contrast with it ("…, but it's not for me. Still, I'll call it a night").
    for (const text of texts.nearMiss) expect(text, text).not.toMatch(/(?:^|[.!?] )Still\b|, though[.!]/);
    expect(texts.nearMiss.size).toBeGreaterThan(50);
    expect(texts.plain.size).toBeGreaterThan(50);
  });

  it('sets "seen them already" against praise only when every title was praised, not after a verdict ending on a no', () => {
    const alien = catalog.resolveTitle('Alien').id;
    const verdicts = (polarity: 'positive' | 'negative'): DialogueAct[] => [
      { type: 'disclose', items: [alien], polarity: 'positive', strength: 0.9 },
      { type: 'disclose', items: [HEAT], polarity, strength: 0.6 },
      { type: 'reject', items: [alien, HEAT], seen: true },
    ];
    // The part after the verdicts: "Loved Alien, but Heat was dull. But I've seen them" sets a no against a no.
    const contrast = /^(?:But|That said|Only|Thing is)\b|, though\b/;
    const afterVerdicts = (text: string) => text.split(/(?<=[.!?]) /).slice(1);
    const contrasted = { mixed: 0, praised: 0 };
    for (let seed = 0; seed < 300; seed++) {
      for (const persona of PERSONAS) {
        const mixed = render(verdicts('negative'), seed, persona);
        for (const part of afterVerdicts(mixed)) expect(part, mixed).not.toMatch(contrast);
        contrasted.mixed += afterVerdicts(mixed).length;
        if (afterVerdicts(render(verdicts('positive'), seed, persona)).some((part) => contrast.test(part)))
          contrasted.praised++;
      }
    }
    expect(contrasted.mixed).toBeGreaterThan(300);
    // Both praised, the contrast is still there to be drawn.
    expect(contrasted.praised).toBeGreaterThan(100);
  });

  it('never calls a title too old or too new "for tonight" or "for my mood": an age is not a mood', () => {
    const moody = /(?:old|new)(?: enough)? (?:for tonight|for my mood)/;
    let shortfalls = 0;
    for (let seed = 0; seed < 400; seed++) {
      for (const direction of ['newer', 'older'] as const) {
        const text = render([{ type: 'critique', items: [HEAT], direction, polarity: 'negative' }], seed);
        expect(text, text).not.toMatch(moody);
        if (/too (?:old|new)/.test(text)) shortfalls++;
      }
    }
    expect(shortfalls).toBeGreaterThan(50);
  });

  it('asks for another decade only of a title of the last century or this one, not of Romeo and Juliet', () => {
    const books = builtinBooksCatalog();
    const old = books.resolveTitle('Romeo and Juliet').id;
    const said = (item: string, seed: number, direction: 'newer' | 'older') =>
      adapter.verbalizeSync({
        speaker: 'user',
        acts: [{ type: 'critique', items: [item], direction, polarity: 'negative' }],
        history: [],
        catalog: item === HEAT ? catalog : books,
        random: new SeededRandom(seed),
      });
    let decades = 0;
    for (let seed = 0; seed < 300; seed++) {
      for (const direction of ['newer', 'older'] as const) {
        expect(said(old, seed, direction)).not.toMatch(/decade/);
        if (said(HEAT, seed, direction).includes('decade')) decades++;
      }
    }
    expect(decades).toBeGreaterThan(20);
  });

  it("answers the recommender's greeting with a hello, never by asking for its time", () => {
    const greeting: Turn = {
      index: 0,
      speaker: 'assistant',
      text: 'Hello! What can I do for you?',
      acts: [
        { type: 'greet', items: [] },
        { type: 'ask-open', items: [] },
      ],
    };
    let hellos = 0;
    for (let seed = 0; seed < 400; seed++) {
      const text = adapter.verbalizeSync({
        speaker: 'user',
        acts: [{ type: 'state-goal', items: [] }],
        history: [greeting],
        catalog,
        random: new SeededRandom(seed),
      });
      expect(text, text).not.toMatch(/\b(?:got a (?:minute|sec(?:ond)?)|are you (?:there|free)|can I ask)\b/i);
      if (/^(?:Oh, )?(?:hi|hey|hello|hiya|evening|good evening)\b/i.test(text)) hellos++;
    }
    expect(hellos).toBeGreaterThan(100);
  });

  it('likes a grave subject without delight, and the recommender says it back without cheer', () => {
    // Written here, apart from the templates: the words of delight and cheer a reader would wince at.
    const delight =
      /\b(?:love|adore|fan|crazy|sucker|never get enough|can't get enough|nothing beats|always say yes)\b/i;
    const cheer = /\b(?:nice|ooh|good shout|great|lovely|excellent|awesome)\b/i;
    const assistant = (history: Turn[], seed: number) =>
      adapter.verbalizeSync({
        speaker: 'assistant',
        acts: [{ type: 'ask-attribute', items: [], facet: 'genre', attribute: 'genre:Comedy' }],
        history,
        catalog,
        random: new SeededRandom(seed),
      });
    const said: string[] = [];
    let echoed = 0;
    for (let seed = 0; seed < 300; seed++) {
      const persona = PERSONAS[seed % PERSONAS.length];
      const acts = [disclose('positive', 0.9, seed % 2 === 0 ? 'tag:racism' : 'tag:grief')];
      const text = render(acts, seed, persona);
      said.push(text);
      expect(text, text).not.toMatch(delight);
      const reply = assistant([{ index: 1, speaker: 'user', text, acts }], seed);
      if (/racism|grief/.test(reply)) echoed++;
      expect(reply, reply).not.toMatch(cheer);
    }
    // Varied still, and the recommender does say such a liking back.
    expect(new Set(said).size).toBeGreaterThan(20);
    expect(echoed).toBeGreaterThan(20);
    // A liking of a light subject keeps its warmth.
    const light = Array.from({ length: 50 }, (_, seed) => render([disclose('positive', 0.9, 'genre:Comedy')], seed));
    expect(light.filter((text) => delight.test(text)).length).toBeGreaterThan(10);
  });
});
