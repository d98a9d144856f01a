import { describe, expect, it } from 'vitest';
import { ItemCatalog } from '../../src/catalog/item-catalog.js';
import { builtinCatalog } from '../../src/data/builtin/builtin-catalog.js';
import type { DialogueAct } from '../../src/dialogue/dialogue-acts.js';
import type { Turn } from '../../src/dialogue/turn.js';
import { TemplateAdapter } from '../../src/language/template-adapter.js';
import { SeededRandom } from '../../src/random/seeded-random.js';

const catalog = builtinCatalog();
const adapter = new TemplateAdapter();
const HEAT = catalog.resolveTitle('Heat').id;

function render(acts: readonly DialogueAct[], seed: number, history: readonly Turn[] = []): string {
  return adapter.verbalizeSync({ speaker: 'assistant', acts, history, catalog, random: new SeededRandom(seed) });
}

function distinct(acts: readonly DialogueAct[], seeds: number, history: readonly Turn[] = []): Set<string> {
  const texts = new Set<string>();
  for (let seed = 0; seed < seeds; seed++) texts.add(render(acts, seed, history));
  return texts;
}

const userTurn = (acts: readonly DialogueAct[]): Turn => ({ index: 1, speaker: 'user', acts, text: 'x' }) as Turn;
const assistantTurn = (acts: readonly DialogueAct[]): Turn =>
  ({ index: 0, speaker: 'assistant', acts, text: 'x' }) as Turn;

describe('assistant wording variety (issue 9)', () => {
  it('composes an opening turn from a hello, an optional offer and a question: hundreds of texts, few repeats', () => {
    const acts: DialogueAct[] = [
      { type: 'greet', items: [] },
      { type: 'ask-open', items: [] },
    ];
    expect(distinct(acts, 1000).size).toBeGreaterThan(600);
  });

  it('promises no more suggestions in a turn that ends with its goodbye', () => {
    const rejected = [userTurn([{ type: 'reject', items: [HEAT], seen: false }])];
    const alien = catalog.resolveTitle('Alien').id;
    const acts: DialogueAct[] = [
      { type: 'recommend', items: [alien], reasons: [] },
      { type: 'close', items: [] },
    ];
    const promises = /plenty more|keep looking|I have more/;
    expect([...distinct(acts, 1500, rejected)].filter((text) => promises.test(text))).toEqual([]);
    // Which it may do when the dialogue goes on.
    expect([...distinct(acts.slice(0, 1), 1500, rejected)].some((text) => promises.test(text))).toBe(true);
  });

  it('asks what put the user off a title, never a bare "what was it about Heat?", which asks for its story', () => {
    const rejected = [userTurn([{ type: 'reject', items: [HEAT], seen: false }])];
    const asked = distinct([{ type: 'ask-reason', items: [HEAT] }], 600, rejected);
    expect(asked.size).toBeGreaterThan(8);
    for (const text of asked) expect(text, text).not.toMatch(/\bwhat was it about "?Heat"?(?: \(\d{4}\))?[,?]/i);
  });

  it('varies the liking a suggestion drawn from a liked title also answers, without echoing its frame', () => {
    const alien = catalog.resolveTitle('Alien').id;
    const bladeRunner = catalog.resolveTitle('Blade Runner').id;
    const likesSciFi = [
      userTurn([{ type: 'disclose', items: [], attribute: 'genre:Sci-Fi', polarity: 'positive', strength: 0.8 }]),
    ];
    const acts: DialogueAct[] = [{ type: 'recommend', items: [bladeRunner], reasons: ['genre:Sci-Fi'], like: alien }];
    const texts = Array.from({ length: 600 }, (_, seed) => render(acts, seed, likesSciFi));
    // "And with your taste for sci-fi, it's a fit." was every other such reason.
    expect(texts.filter((text) => /a fit\./.test(text)).length).toBeLessThan(texts.length * 0.25);
    // Nor "… should suit you too. A fan of sci-fi should enjoy it as well." or "… you might like it too. You
    // mentioned sci-fi, and it delivers on that as well.": the reason does not echo the suggestion.
    const echoes = (text: string) =>
      [/\b(?:too|as well)\b/g, /\bshould\b/g].some((word) => (text.match(word) ?? []).length > 1);
    expect(texts.filter(echoes)).toEqual([]);
  });

  it('calls what it told the gist of a story only when it told something of one, and never claims a plot kept back', () => {
    const films = new ItemCatalog(
      [
        { id: 'fireworks', title: 'Fireworks', year: 1997, attributes: { genre: ['Crime', 'Drama'] } },
        { id: 'heat', title: 'Heat', year: 1995, attributes: { genre: ['Crime'], tag: ['heist'] } },
      ],
      { domain: 'movies' },
    );
    const answer = (id: string, attributes: string[], seed: number) =>
      adapter.verbalizeSync({
        speaker: 'assistant',
        acts: [{ type: 'describe-item', items: [id], attributes }],
        history: [{ ...userTurn([{ type: 'ask-about-item', items: [id] }]), text: `What's ${id} about?` }],
        catalog: films,
        random: new SeededRandom(seed),
      });
    // The catalog knows no plot: "Anything more would spoil the story." claims one kept back.
    const keptBack = /spoil|found out|met fresh|for yourself|to discover/i;
    const gist = /\b(?:gist|outline|all I know)\b[^.]*\b(?:story|plot)\b/i;
    for (let seed = 0; seed < 200; seed++) {
      const genresOnly = answer('fireworks', ['genre:Crime', 'genre:Drama'], seed);
      expect(genresOnly).not.toMatch(gist);
      expect(genresOnly).toMatch(/\bthe (?:story|plot)\b/i);
      const heat = answer('heat', ['genre:Crime', 'tag:heist'], seed);
      expect(heat).toMatch(gist);
      expect(heat).toMatch(/\bthe (?:story|plot)\b/i);
      for (const text of [genresOnly, heat]) expect(text).not.toMatch(keptBack);
    }
  });

  it('says nothing again of a title that the question about it just said', () => {
    const asked: Turn[] = [
      {
        ...assistantTurn([{ type: 'ask-item', items: [HEAT] }]),
        text: 'Have you seen Heat (1995), a crime thriller by Michael Mann?',
      },
      { ...userTurn([{ type: 'answer-item', items: [HEAT], seen: false }]), index: 1 },
    ];
    const acts: DialogueAct[] = [{ type: 'recommend', items: [HEAT], reasons: [] }];
    const texts = Array.from({ length: 400 }, (_, seed) => render(acts, seed, asked));
    expect(texts.filter((text) => /Michael Mann|crime thriller/.test(text))).toEqual([]);
    // Something else may be said of it instead: who is in it.
    expect(texts.some((text) => /Al Pacino|Robert De Niro/.test(text))).toBe(true);
  });

  it('offers help once in an opening turn: not "How can I help? Happy to help you find a film."', () => {
    for (const ask of [
      { type: 'ask-open', items: [] },
      { type: 'ask-attribute', facet: 'genre', items: [] },
    ] as DialogueAct[]) {
      const texts = [...distinct([{ type: 'greet', items: [] }, ask], 2000)];
      expect(texts.filter((text) => (text.match(/\bhelp/gi) ?? []).length > 1)).toEqual([]);
      expect(texts.filter((text) => /\bhelp/i.test(text)).length).toBeGreaterThan(100);
    }
  });

  it('opens with a question any liking answers, never one only for people: not "Any actors or directors you follow?"', () => {
    // The user's first words are whatever they like most, a genre as often as a name: a question for people alone was
    // answered "Usually up for dark comedies" (35 of 35 MovieLens openings before 0.35.0).
    const texts = [
      ...distinct(
        [
          { type: 'greet', items: [] },
          { type: 'ask-open', items: [] },
        ],
        2000,
      ),
    ];
    const people = /\b(?:actors|directors|filmmakers|stars)\b/;
    expect(texts.filter((text) => people.test(text) && !/\bgenres?\b/.test(text))).toEqual([]);
    expect(texts.filter((text) => people.test(text)).length).toBeGreaterThan(10);
  });

  it('varies attribute and facet questions and goodbyes', () => {
    const drama: DialogueAct[] = [{ type: 'ask-attribute', facet: 'genre', attribute: 'genre:Drama', items: [] }];
    const genres: DialogueAct[] = [{ type: 'ask-attribute', facet: 'genre', items: [] }];
    expect(distinct(drama, 500).size).toBeGreaterThan(40);
    expect(distinct(genres, 500).size).toBeGreaterThan(60);
    expect(distinct([{ type: 'close', items: [] }], 500).size).toBeGreaterThan(60);
    expect(distinct([{ type: 'close', items: [HEAT] }], 500).size).toBeGreaterThan(40);
  });

  it('is the same text for the same seed and history', () => {
    const acts: DialogueAct[] = [{ type: 'ask-attribute', facet: 'genre', attribute: 'genre:Drama', items: [] }];
    const history = [userTurn([{ type: 'reject', items: [HEAT], seen: false }] as DialogueAct[])];
    for (let seed = 0; seed < 50; seed++) expect(render(acts, seed, history)).toBe(render(acts, seed, history));
  });

  it('acknowledges only a user turn that said something, and a rejection in its own words', () => {
    const acts: DialogueAct[] = [{ type: 'ask-attribute', facet: 'genre', attribute: 'genre:Drama', items: [] }];
    const openers = (history: readonly Turn[]) =>
      [...distinct(acts, 400, history)].filter((text) => /^(Got it|Noted|Thanks|No problem|Fair enough)\b/.test(text));
    expect(openers([])).toEqual([]);
    expect(openers([userTurn([{ type: 'greet', items: [] }])])).toEqual([]);
    const afterReject = openers([userTurn([{ type: 'reject', items: [HEAT], seen: false }] as DialogueAct[])]);
    expect(afterReject.some((text) => /^(No problem|Fair enough)/.test(text))).toBe(true);
    expect(afterReject.some((text) => /^Got it/.test(text))).toBe(false);
  });

  it('asks "And comedies?"-style follow-on questions only after an earlier attribute question', () => {
    const comedy: DialogueAct[] = [{ type: 'ask-attribute', facet: 'genre', attribute: 'genre:Comedy', items: [] }];
    const earlier = [
      assistantTurn([{ type: 'ask-attribute', facet: 'genre', attribute: 'genre:Drama', items: [] }]),
      userTurn([{ type: 'greet', items: [] }]),
    ];
    const startsWithAnd = (texts: Set<string>) => [...texts].some((text) => text.startsWith('And '));
    expect(startsWithAnd(distinct(comedy, 300))).toBe(false);
    expect(startsWithAnd(distinct(comedy, 300, earlier))).toBe(true);
  });
});
