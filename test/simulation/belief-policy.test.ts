import { describe, expect, it } from 'vitest';
import type { Item, ItemInput } from '../../src/catalog/item.js';
import { ItemCatalog } from '../../src/catalog/item-catalog.js';
import { builtinBooksCatalog } from '../../src/data/builtin/builtin-books-catalog.js';
import { builtinCatalog } from '../../src/data/builtin/builtin-catalog.js';
import type { ActOfType, AssistantAct, DialogueAct, UserAct } from '../../src/dialogue/dialogue-acts.js';
import type { DialogueRecord } from '../../src/generation/dialogue-record.js';
import { SeededRandom } from '../../src/random/seeded-random.js';
import { beliefPolicy } from '../../src/simulation/belief-policy.js';
import { catalogIndex } from '../../src/simulation/catalog-index.js';
import type { RecommenderPolicy } from '../../src/simulation/recommender-policy.js';
import { smallCatalog } from '../helpers/small-catalog.js';
import { suggestedInOrder } from '../helpers/suggested-in-order.js';
import { templateDialogues } from '../helpers/template-dialogues.js';
import { thrown } from '../helpers/thrown.js';

const catalog = builtinCatalog();

function policy(seed = 1, options = {}, maxTurns = 20): RecommenderPolicy {
  return beliefPolicy(options)({ catalog, maxTurns, random: new SeededRandom(seed) });
}

/** Answers every question with nothing in particular until the policy recommends; returns the turns it took. */
function untilRecommendation(p: RecommenderPolicy, reply: UserAct[]): AssistantAct[][] {
  const turns: AssistantAct[][] = [p.next({ userActs: [], index: 0, last: false })];
  for (let index = 2; index < 30 && !turns.at(-1)?.some((a) => a.type === 'recommend'); index += 2) {
    turns.push(p.next({ userActs: reply, index, last: false }));
  }
  return turns;
}

const likesSciFi: UserAct[] = [
  { type: 'disclose', items: [], attribute: 'genre:Sci-Fi', polarity: 'positive', strength: 0.9 },
];

/** The built-in films with facts of `of`, which marks every other sci-fi film (the first, the third, …). */
function everyOtherSciFi(of: (kind: 'marked' | 'sci-fi' | 'other', position: number) => object): ItemCatalog {
  let sciFi = 0;
  const kindOf = (item: Item) =>
    item.attributes.genre?.includes('Sci-Fi') !== true ? 'other' : sciFi++ % 2 === 0 ? 'marked' : 'sci-fi';
  return new ItemCatalog(
    catalog.items().map((item, position) => ({ ...item, ...of(kindOf(item), position) })),
    { domain: 'movies' },
  );
}

/** The first slate of three, for a user who likes sci-fi, in each of 30 dialogues over `of` (seeds 1–30). */
function firstSlates(of: ItemCatalog, options: object): string[][] {
  return Array.from({ length: 30 }, (_, seed) => {
    const p = beliefPolicy({ slateSize: [3, 3], ...options })({
      catalog: of,
      maxTurns: 20,
      random: new SeededRandom(seed + 1),
    });
    return (
      untilRecommendation(p, likesSciFi)
        .at(-1)
        ?.flatMap((act) => (act.type === 'recommend' ? act.items : [])) ?? []
    );
  });
}

describe('beliefPolicy', () => {
  it('opens with a greeting and a question', () => {
    const [first] = untilRecommendation(policy(), likesSciFi);
    expect(first?.[0]).toEqual({ type: 'greet', items: [] });
    expect(['ask-open', 'ask-attribute']).toContain(first?.[1]?.type);
  });

  it('does not pitch a title its raters panned, when the catalog knows how well each is rated', () => {
    // Every other sci-fi film panned (quality 0.1), the rest rated well; the other films in between.
    const rated = everyOtherSciFi((kind) => ({ quality: kind === 'marked' ? 0.1 : kind === 'sci-fi' ? 0.8 : 0.6 }));
    const panned = (options: object) =>
      firstSlates(rated, options)
        .flat()
        .filter((id) => rated.get(id)?.quality === 0.1).length;
    expect(panned({})).toBe(0);
    // The weight is what keeps them out: without it, they come up as often as the others.
    expect(panned({ qualityWeight: 0 })).toBeGreaterThan(15);
  });

  it('prefers a title some people know to one almost nobody has rated', () => {
    // Every other sci-fi film rated by one user, the rest by 30; a film rated by 1,000 (a horror film) sets the scale.
    const known = everyOtherSciFi((kind, position) => ({
      popularity: position === 0 ? 1000 : kind === 'marked' ? 1 : 30,
    }));
    const obscure = (options: object) =>
      firstSlates(known, options)
        .flat()
        .filter((id) => known.get(id)?.popularity === 1).length;
    // 30 raters against 1 is a step on the scale of renown, though both are next to nothing beside 1,000.
    expect(obscure({})).toBeLessThan(15);
    expect(obscure({ popularityWeight: 0 })).toBeGreaterThan(30);
  });

  it('prefers a well-known film with many tags to an obscure one with none, where few films are tagged', () => {
    // As in MovieLens: few films tagged, the best known most; a sci-fi film five people rated, of that genre alone.
    const films: ItemInput[] = [
      { id: 'obscure', title: 'Obscure', year: 1958, attributes: { genre: ['Sci-Fi'] }, popularity: 5 },
      {
        id: 'famous',
        title: 'Famous',
        year: 1979,
        attributes: { genre: ['Sci-Fi'], tag: Array.from({ length: 12 }, (_, i) => `tag ${i}`) },
        popularity: 200,
      },
      ...Array.from({ length: 30 }, (_, i) => ({
        id: `other-${i}`,
        title: `Other ${i}`,
        year: 1960 + i,
        attributes: { genre: i % 2 === 0 ? ['Comedy', 'Romance'] : ['Drama', 'War'] },
        popularity: 50 + i,
      })),
    ];
    const sparse = new ItemCatalog(films, { domain: 'movies' });
    const index = catalogIndex(sparse);
    expect(index.describedTags.size).toBe(0);
    // Sparse tags do not count, and a film of one genre is normalised as one of two, the catalog's typical count.
    for (const value of index.inverseRoot.slice(0, 3)) expect(value).toBeCloseTo(Math.SQRT1_2, 12);
    const first = firstSlates(sparse, { slateSize: [1, 1], questions: [1, 1], questionFacets: ['genre'] }).map(
      (slate) => slate[0],
    );
    expect(first.filter((id) => id === 'famous').length).toBe(first.length);
  });

  it('leans away from well-known titles once the user has seen the ones suggested', () => {
    // Popularity rising through the catalog; the user turns the first slate down, as seen or not.
    const known = new ItemCatalog(
      catalog.items().map((item, position) => ({ ...item, popularity: 1 + position })),
      { domain: 'movies' },
    );
    const secondSlate = (options: object, seen = true) => {
      let popularity = 0;
      for (let seed = 1; seed <= 30; seed++) {
        const p = beliefPolicy({ slateSize: [3, 3], questions: [1, 1], questionAfterMiss: 0, ...options })({
          catalog: known,
          maxTurns: 20,
          random: new SeededRandom(seed),
        });
        const first = untilRecommendation(p, likesSciFi)
          .at(-1)
          ?.find((act) => act.type === 'recommend');
        if (first?.type !== 'recommend') throw new Error(`seed ${seed}: no slate`);
        const turnedDown: UserAct[] = [{ type: 'reject', items: first.items, seen }];
        const second = p.next({ userActs: turnedDown, index: 20, last: false }).find((act) => act.type === 'recommend');
        if (second?.type !== 'recommend') throw new Error(`seed ${seed}: no second slate`);
        for (const item of second.items) popularity += known.relativePopularity(item) / second.items.length;
      }
      return popularity / 30;
    };
    const leaning = secondSlate({});
    const unmoved = secondSlate({ seenWeight: 0 });
    expect(leaning).toBeLessThan(unmoved * 0.8);
    // Titles turned down unseen say nothing of what the user has seen.
    expect(secondSlate({}, false)).toBe(secondSlate({ seenWeight: 0 }, false));
  });

  it('varies its first pick between dialogues by its own lean (variety), among titles that fit', () => {
    // Popularity rising steadily through the catalog: without a lean, the best-known sci-fi film is every user's.
    const known = new ItemCatalog(
      catalog.items().map((item, position) => ({ ...item, popularity: Math.exp(position / 30) })),
      { domain: 'movies' },
    );
    const picks = (options: object) =>
      firstSlates(known, { slateSize: [1, 1], questions: [1, 1], ...options }).map((slate) => slate[0] as string);
    const leaning = picks({});
    for (const pick of leaning) expect(known.attributeKeysOf(pick)).toContain('genre:Sci-Fi');
    expect(new Set(leaning).size).toBeGreaterThanOrEqual(5);
    expect(new Set(picks({ variety: 0 })).size).toBe(1);
    expect(new Set(picks({ variety: 0.02 })).size).toBeLessThan(new Set(leaning).size);
  });

  it('recommends what the user said it likes, giving that as the reason', () => {
    const turns = untilRecommendation(policy(), likesSciFi);
    const slate = turns.at(-1)?.find((a) => a.type === 'recommend');
    expect(slate?.type).toBe('recommend');
    if (slate?.type !== 'recommend') return;
    for (const item of slate.items) expect(catalog.attributeKeysOf(item)).toContain('genre:Sci-Fi');
    expect(slate.reasons).toEqual(['genre:Sci-Fi']);
  });

  it('gives as reasons only liked attributes that every item of the slate carries', () => {
    const likes = (a: string, b: string): UserAct[] => [
      { type: 'disclose', items: [], attribute: `genre:${a}`, polarity: 'positive', strength: 0.9 },
      { type: 'disclose', items: [], attribute: `genre:${b}`, polarity: 'positive', strength: 0.9 },
    ];
    const slates = (reply: UserAct[]) =>
      Array.from({ length: 30 }, (_, seed) => {
        const slate = untilRecommendation(policy(seed + 1, { slateSize: [3, 3] }), reply)
          .at(-1)
          ?.find((a) => a.type === 'recommend');
        if (slate?.type !== 'recommend') throw new Error(`seed ${seed + 1}: no slate`);
        for (const reason of slate.reasons)
          for (const item of slate.items) expect(catalog.carries(item, reason), `${item} / ${reason}`).toBe(true);
        return slate;
      });
    // No film is both a crime film and a musical: the slate answers one liking, and gives only that as the reason.
    for (const slate of slates(likes('Crime', 'Musical'))) expect(slate.reasons).toHaveLength(1);
    // Two films are both sci-fi and romance (Eternal Sunshine of the Spotless Mind, Her): the slate is of them.
    for (const slate of slates(likes('Sci-Fi', 'Romance')))
      expect([...slate.reasons].sort()).toEqual(['genre:Romance', 'genre:Sci-Fi']);
  });

  it('answers a liking just stated with a slate that carries it, giving it as the first reason', () => {
    // Loved animated films pull the belief one way; the liking said last must still shape the very next slate.
    const lovedCartoons: UserAct[] = [
      {
        type: 'disclose',
        items: ['pinocchio-1940', 'the-lion-king-1994', 'frozen-2013', 'coco-2017'],
        polarity: 'positive',
        strength: 1,
      },
    ];
    const likesAction: UserAct[] = [
      { type: 'disclose', items: [], attribute: 'genre:Action', polarity: 'positive', strength: 0.6 },
    ];
    for (let seed = 1; seed <= 20; seed++) {
      const p = policy(seed, { style: 'critiquing-heavy' });
      p.next({ userActs: [], index: 0, last: false });
      p.next({ userActs: lovedCartoons, index: 2, last: false });
      const slate = untilRecommendation(p, likesAction)
        .at(-1)
        ?.find((a) => a.type === 'recommend');
      if (slate?.type !== 'recommend') throw new Error(`seed ${seed}: no slate`);
      for (const item of slate.items) expect(catalog.carries(item, 'genre:Action'), `${seed}: ${item}`).toBe(true);
      expect(slate.reasons[0]).toBe('genre:Action');
    }
  });

  it('gives no reason the user has taken back', () => {
    const p = policy(2);
    untilRecommendation(p, likesSciFi);
    const takenBack: UserAct[] = [
      { type: 'disclose', items: [], attribute: 'genre:Sci-Fi', polarity: 'neutral', strength: 0 },
      { type: 'reject', items: [], seen: false },
    ];
    const later = untilRecommendation(p, takenBack)
      .flat()
      .filter((a) => a.type === 'recommend');
    expect(later.length).toBeGreaterThan(0);
    for (const slate of later) if (slate.type === 'recommend') expect(slate.reasons).not.toContain('genre:Sci-Fi');
  });

  it('never recommends an item again, nor one with an attribute the user dislikes', () => {
    const p = policy(3, { style: 'critiquing-heavy' });
    p.next({ userActs: [], index: 0, last: false });
    const dislikes: UserAct[] = [
      { type: 'disclose', items: [], attribute: 'genre:Drama', polarity: 'negative', strength: 0.9 },
    ];
    const shown = new Set<string>();
    let reply: UserAct[] = dislikes;
    for (let index = 2; index < 40; index += 2) {
      const acts = p.next({ userActs: reply, index, last: false });
      const slate = acts.find((a) => a.type === 'recommend');
      if (!slate) {
        reply = dislikes;
        continue;
      }
      for (const item of slate.items) {
        expect(shown.has(item), `${item} shown twice`).toBe(false);
        expect(catalog.attributeKeysOf(item)).not.toContain('genre:Drama');
        shown.add(item);
      }
      reply = [{ type: 'reject', items: [...slate.items], seen: false }];
    }
    expect(shown.size).toBeGreaterThan(10);
  });

  it('acknowledges a critique and moves along it', () => {
    const p = policy(2, { style: 'critiquing-heavy' });
    untilRecommendation(p, likesSciFi);
    const alien = catalog.resolveTitle('Alien').id;
    const acts = p.next({
      userActs: [
        { type: 'critique', items: [alien], attribute: 'genre:Horror', direction: 'less', polarity: 'negative' },
      ],
      index: 10,
      last: false,
    });
    expect(acts[0]).toEqual({ type: 'respond-critique', items: [alien], attribute: 'genre:Horror', direction: 'less' });
    const slate = acts[1];
    expect(slate?.type).toBe('recommend');
    for (const item of slate?.items ?? []) expect(catalog.attributeKeysOf(item)).not.toContain('genre:Horror');

    const newer = p.next({
      userActs: [{ type: 'critique', items: [alien], direction: 'newer', polarity: 'negative' }],
      index: 12,
      last: false,
    });
    for (const item of newer[1]?.items ?? []) expect(catalog.require(item).year).toBeGreaterThan(1979);
  });

  it('answers "like A, but …" with what A rarely shares: a martial-arts comedy for "Enter the Dragon, but funnier"', () => {
    const dragon = catalog.resolveTitle('Enter the Dragon').id;
    // Counted from the catalog, apart from the policy: the comedies that share the tag, a few of 300 films.
    const fitting = catalog
      .withAttribute('tag:martial arts')
      .filter((item) => catalog.carries(item.id, 'genre:Comedy'))
      .map((item) => item.id);
    expect(fitting.length).toBeGreaterThan(0);
    expect(catalog.withAttribute('tag:martial arts').length).toBeLessThan(catalog.size / 32);
    const likesAction: UserAct[] = [
      { type: 'disclose', items: [], attribute: 'genre:Action', polarity: 'positive', strength: 0.8 },
    ];
    let answered = 0;
    let kept = 0;
    for (let seed = 0; seed < 40; seed++) {
      const p = policy(seed, { style: 'critiquing-heavy' });
      untilRecommendation(p, likesAction);
      const acts = p.next({
        userActs: [
          { type: 'critique', items: [dragon], attribute: 'genre:Comedy', direction: 'more', polarity: 'positive' },
        ],
        index: 10,
        last: false,
      });
      const slate = acts.find((act) => act.type === 'recommend');
      if (!slate) continue;
      answered++;
      // Not a comedy of its years that shares only the genre Action (Butch Cassidy and the Sundance Kid).
      if (slate.items.some((id) => fitting.includes(id))) kept++;
    }
    expect(answered).toBeGreaterThan(30);
    expect(kept).toBe(answered);
  });

  type Critique = ActOfType<'critique'>;

  /** A film of one year (so that time plays no part), by its genres, tags and popularity. */
  const film = (id: string, genre: string[], tag: string[], popularity: number): Item => ({
    id,
    title: id,
    year: 2000,
    popularity,
    attributes: { genre, tag },
  });

  /**
   * Checks that "like A, but less `attribute`", in dialogues (of 40 seeds) where the policy, told of a liking, suggested
   * A first and has not named `other`, is answered with `other` alone, setting nothing aside.
   */
  const expectAnsweredWith = (films: ItemCatalog, liking: string, a: string, attribute: string, other: string) => {
    const critique: Critique = { type: 'critique', items: [a], attribute, direction: 'less', polarity: 'negative' };
    const likes: UserAct[] = [{ type: 'disclose', items: [], attribute: liking, polarity: 'positive', strength: 0.9 }];
    const answers: AssistantAct[][] = [];
    for (let seed = 1; seed <= 40; seed++) {
      const p = beliefPolicy({ slateSize: [1, 1] })({ catalog: films, maxTurns: 20, random: new SeededRandom(seed) });
      const turns = untilRecommendation(p, likes);
      const first = turns.at(-1)?.find((act) => act.type === 'recommend');
      if (first?.items[0] !== critique.items[0] || turns.flat().some((act) => act.items.includes(other))) continue;
      answers.push(p.next({ userActs: [critique], index: 10, last: false }));
    }
    expect(answers.length).toBeGreaterThan(10);
    for (const acts of answers) {
      expect(acts.find((act) => act.type === 'recommend')?.items).toEqual([other]);
      expect(acts.find((act) => act.type === 'respond-critique')).not.toHaveProperty('dropped');
    }
  };

  it('keeps the liking A was suggested for in "like A, but …" before closeness to A, when one of its kind has it', () => {
    // "Like It's a Wonderful Life, but less romantic", from a user in the mood for Christmas films: of the films of its
    // kind (fantasy), the Christmas one, not those closer to it (a small town, an angel and more, no Christmas).
    const TOWN = ['small town', 'angel', 'family', 'bank', 'suicide', 'second chances'];
    const films = new ItemCatalog(
      [
        film('wonderful', ['Drama', 'Fantasy', 'Romance'], ['christmas', ...TOWN], 100),
        film('nightmare', ['Animation', 'Fantasy', 'Musical'], ['christmas'], 1),
        ...Array.from({ length: 6 }, (_, i) => film(`angel-${i}`, ['Fantasy'], TOWN, 10)),
        ...Array.from({ length: 10 }, (_, i) => film(`other-${i}`, ['Drama', 'Comedy'], ['sports'], 10)),
      ],
      { domain: 'movies' },
    );
    expectAnsweredWith(films, 'tag:christmas', 'wonderful', 'genre:Romance', 'nightmare');
  });

  it('keeps the liking A was suggested for in "like A, but …" before A\'s rarest kind, when none of that kind has it', () => {
    // "Less of a mystery than Anatomy of a Fall", from a fan of courtroom stories: A Separation, a courtroom drama, not a
    // thriller (A's rarer kind) with no courtroom in it and "No courtroom stories this time".
    const films = new ItemCatalog(
      [
        film('anatomy', ['Drama', 'Mystery', 'Thriller'], ['courtroom', 'marriage'], 100),
        film('separation', ['Drama'], ['courtroom', 'marriage'], 1),
        ...Array.from({ length: 6 }, (_, i) => film(`thriller-${i}`, ['Thriller'], ['marriage', 'heist'], 10)),
        ...Array.from({ length: 10 }, (_, i) => film(`other-${i}`, ['Drama', 'Comedy'], ['sports'], 10)),
      ],
      { domain: 'movies' },
    );
    expectAnsweredWith(films, 'tag:courtroom', 'anatomy', 'genre:Mystery', 'separation');
  });

  it('offers no item of unknown year after a critique of an era', () => {
    const plays = new ItemCatalog(
      Array.from({ length: 12 }, (_, i) => ({
        id: `p${i}`,
        title: `Play ${i}`,
        // Every third play has no year.
        ...(i % 3 === 0 ? {} : { year: 1900 + 10 * i }),
        attributes: { genre: ['Drama'] },
      })),
      { domain: 'books' },
    );
    const p = beliefPolicy({})({ catalog: plays, maxTurns: 30, random: new SeededRandom(4) });
    untilRecommendation(p, [
      { type: 'disclose', items: [], attribute: 'genre:Drama', polarity: 'positive', strength: 0.9 },
    ]);
    const anchor = 'p4';
    const acts = p.next({
      userActs: [{ type: 'critique', items: [anchor], direction: 'newer', polarity: 'negative' }],
      index: 20,
      last: false,
    });
    const offered = acts.filter((act) => act.type === 'recommend').flatMap((act) => act.items);
    expect(offered.length).toBeGreaterThan(0);
    for (const item of offered) expect(plays.require(item).year).toBeGreaterThan(1940);
  });

  it('closes with the accepted item, after a give-up, and on the last turn', () => {
    const p = policy();
    p.next({ userActs: [], index: 0, last: false });
    expect(p.next({ userActs: [{ type: 'accept', items: ['the-matrix-1999'] }], index: 2, last: false })).toEqual([
      { type: 'close', items: ['the-matrix-1999'] },
    ]);
    expect(policy().next({ userActs: [{ type: 'give-up', items: [] }], index: 4, last: false })).toEqual([
      { type: 'close', items: [] },
    ]);
  });

  it('asks, at most once, what put the user off a title turned down without a word on why', () => {
    const bare = (item: string): UserAct[] => [{ type: 'reject', items: [item], seen: false }];
    const asked = (options: object, seed: number) => {
      const p = policy(seed, options);
      p.next({ userActs: [], index: 0, last: false });
      return [2, 4, 6].map((index) => p.next({ userActs: bare(`item-${index}`), index, last: false }));
    };
    for (let seed = 0; seed < 20; seed++) {
      const turns = asked({ reasonAfterMiss: 1 }, seed);
      expect(turns[0]).toEqual([{ type: 'ask-reason', items: ['item-2'] }]);
      expect(
        turns
          .slice(1)
          .flat()
          .some((act) => act.type === 'ask-reason'),
      ).toBe(false);
      expect(
        asked({ reasonAfterMiss: 0 }, seed)
          .flat()
          .some((act) => act.type === 'ask-reason'),
      ).toBe(false);
    }
    // Its answer, turning the title down again with a liking, is no new miss: the liking is answered, not asked after.
    const answered = policy(2, { reasonAfterMiss: 1, questionAfterMiss: 1, questions: [0, 0] });
    answered.next({ userActs: [], index: 0, last: false });
    expect(answered.next({ userActs: bare('heat-1995'), index: 2, last: false })[0]?.type).toBe('ask-reason');
    const [slate] = answered.next({ userActs: [...bare('heat-1995'), ...likesSciFi], index: 4, last: false });
    expect(slate?.type).toBe('recommend');
    for (const item of slate?.items ?? []) expect(catalog.carries(item, 'genre:Sci-Fi')).toBe(true);
    // Not of a title the user has seen, nor of several at once, nor on the last turn.
    const p = policy(1, { reasonAfterMiss: 1 });
    p.next({ userActs: [], index: 0, last: false });
    const seen: UserAct[] = [{ type: 'reject', items: ['heat-1995'], seen: true }];
    const several: UserAct[] = [{ type: 'reject', items: ['heat-1995', 'alien-1979'], seen: false }];
    for (const [userActs, index, last] of [
      [seen, 2, false],
      [several, 4, false],
      [bare('the-matrix-1999'), 18, true],
    ] as const) {
      expect(p.next({ userActs, index, last }).some((act) => act.type === 'ask-reason')).toBe(false);
    }
    // Nor of one turned down with a dislike of what it is: "Not into crime films. Not Heat." has said why.
    const noCrime: UserAct = {
      type: 'disclose',
      items: [],
      attribute: 'genre:Crime',
      polarity: 'negative',
      strength: 0.6,
    };
    const noFantasy: UserAct = { ...noCrime, attribute: 'genre:Fantasy' };
    for (let seed = 0; seed < 20; seed++) {
      const why = (said: UserAct) => {
        const q = policy(seed, { reasonAfterMiss: 1 });
        q.next({ userActs: [], index: 0, last: false });
        return q.next({ userActs: [said, ...bare('heat-1995')], index: 2, last: false }).map((act) => act.type);
      };
      expect(why(noCrime)).not.toContain('ask-reason');
      expect(why(noFantasy)).toContain('ask-reason');
    }
  });

  it('answers a user who is still asking on the last turn with a final suggestion before the goodbye', () => {
    const acts = policy().next({ userActs: likesSciFi, index: 18, last: true });
    expect(acts.map((act) => act.type)).toEqual(['recommend', 'close']);
    for (const item of acts[0]?.items ?? []) expect(catalog.carries(item, 'genre:Sci-Fi')).toBe(true);
  });

  it('answers a critique on the last turn with a slate that honours it, then says goodbye', () => {
    const p = policy(2);
    p.next({ userActs: [], index: 0, last: false });
    const acts = p.next({
      userActs: [
        {
          type: 'critique',
          items: ['the-matrix-1999'],
          direction: 'more',
          attribute: 'genre:Comedy',
          polarity: 'positive',
        },
      ],
      index: 18,
      last: true,
    });
    expect(acts.map((act) => act.type)).toEqual(['respond-critique', 'recommend', 'close']);
    for (const item of acts[1]?.items ?? []) expect(catalog.carries(item, 'genre:Comedy')).toBe(true);
  });

  it('never asks about an item it was told not to ask about', () => {
    const askedWith = (doNotAsk?: ReadonlySet<string>) => {
      const asked = new Set<string>();
      for (let seed = 0; seed < 40; seed++) {
        const p = beliefPolicy({ style: 'elicitation-heavy' })({
          catalog,
          maxTurns: 30,
          random: new SeededRandom(seed),
          doNotAsk,
        });
        for (let index = 0; index < 28; index += 2) {
          for (const act of p.next({ userActs: index === 0 ? [] : likesSciFi, index, last: false })) {
            if (act.type === 'ask-item') for (const id of act.items) asked.add(id);
          }
        }
      }
      return asked;
    };
    const askedFreely = askedWith();
    expect(askedFreely.size).toBeGreaterThan(3);
    const reserved = new Set(askedFreely);
    for (const id of askedWith(reserved)) expect(reserved.has(id)).toBe(false);
  });

  /** Eighty films of these genres and tags (by position): the attributes asked about over forty dialogues. */
  const askedOfEighty = (genre: (i: number) => string, tags: (i: number) => string[]): Set<string> => {
    const tagged = new ItemCatalog(
      Array.from({ length: 80 }, (_, i) => ({
        id: `f${i}`,
        title: `Film ${i}`,
        year: 1990 + (i % 20),
        popularity: 100 - i,
        attributes: { genre: [genre(i)], tag: tags(i) },
      })),
      { domain: 'movies' },
    );
    const asked = new Set<string>();
    const neutral: UserAct[] = [
      { type: 'disclose', items: [], attribute: `genre:${genre(0)}`, polarity: 'neutral', strength: 0 },
    ];
    for (let seed = 0; seed < 40; seed++) {
      const p = beliefPolicy({ style: 'elicitation-heavy' })({
        catalog: tagged,
        maxTurns: 12,
        random: new SeededRandom(seed),
      });
      for (let index = 0; index < 10; index += 2) {
        for (const act of p.next({ userActs: index === 0 ? [] : neutral, index, last: false })) {
          if (act.type === 'ask-attribute' && act.attribute !== undefined) asked.add(act.attribute);
        }
      }
    }
    return asked;
  };

  it('never asks about a tag no one would say aloud, though it splits the candidates as well as one that is asked', () => {
    // Eighty dramas: half tagged "seen at the cinema 2015", a crossing half tagged heist. Either splits them evenly.
    const asked = askedOfEighty(
      () => 'Drama',
      (i) => [...(i % 2 === 0 ? ['seen at the cinema 2015'] : []), ...(i % 4 < 2 ? ['heist'] : [])],
    );
    expect(asked).toContain('tag:heist');
    expect(asked).not.toContain('tag:seen at the cinema 2015');
  });

  it('asks about a kind of story rather than a fact of the item that every genre has', () => {
    // Eighty films, half crime and half comedy: the crime films are heists, and a crossing half of all are book
    // adaptations. Either tag splits the candidates evenly, but only one tells what the user likes to watch.
    const asked = askedOfEighty(
      (i) => (i % 2 === 0 ? 'Crime' : 'Comedy'),
      (i) => [...(i % 2 === 0 ? ['heist'] : []), ...(i % 4 < 2 ? ['based on a book'] : [])],
    );
    expect(asked).toContain('tag:heist');
    expect(asked).not.toContain('tag:based on a book');
  });

  it('describes an item the user asks about', () => {
    const acts = policy().next({
      userActs: [{ type: 'ask-about-item', items: ['the-matrix-1999'] }],
      index: 4,
      last: false,
    });
    expect(acts).toHaveLength(1);
    expect(acts[0]).toMatchObject({ type: 'describe-item', items: ['the-matrix-1999'] });
    expect(acts[0]?.type === 'describe-item' && acts[0].attributes).toContain('genre:Sci-Fi');
    // And its themes, so that "What's it about?" gets more than its genre and who made it.
    const tags = builtinCatalog()
      .require('the-matrix-1999')
      .attributes.tag?.slice(0, 2)
      .map((tag) => `tag:${tag}`);
    expect(tags).toHaveLength(2);
    expect(acts[0]?.type === 'describe-item' && acts[0].attributes).toEqual(expect.arrayContaining(tags ?? []));
    // Every maker, not one of two: after "films by Ethan Coen", True Grit is not "by Joel Coen".
    const [coens] = policy().next({
      userActs: [{ type: 'ask-about-item', items: ['true-grit-2010'] }],
      index: 4,
      last: false,
    });
    expect(coens?.type === 'describe-item' && coens.attributes).toEqual(
      expect.arrayContaining(['director:Joel Coen', 'director:Ethan Coen']),
    );
  });

  it('names four genres of an item that has more: those the user said it likes, then the rarest', () => {
    // Inception is listed "Action, Crime, Drama, Mystery, Sci-Fi, Thriller": the first three left out the sci-fi that
    // says what it is. Among twenty other films, action, dramas and thrillers are common; crime, mystery and sci-fi
    // rare.
    const film = (id: string, genre: string[]) => ({ id, title: id, year: 2000, attributes: { genre } });
    const rare = ['Crime', 'Mystery', 'Sci-Fi'];
    const films = new ItemCatalog(
      [
        film('inception', ['Action', 'Crime', 'Drama', 'Mystery', 'Sci-Fi', 'Thriller']),
        ...Array.from({ length: 20 }, (_, i) =>
          film(`f${i}`, i < 3 ? [rare[i] as string] : ['Action', 'Drama', 'Thriller']),
        ),
      ],
      { domain: 'movies' },
    );
    const genresSaid = (said: UserAct[]) => {
      const p = beliefPolicy()({ catalog: films, maxTurns: 20, random: new SeededRandom(1) });
      p.next({ userActs: [], index: 0, last: false });
      if (said.length > 0) p.next({ userActs: said, index: 2, last: false });
      const [act] = p.next({ userActs: [{ type: 'ask-about-item', items: ['inception'] }], index: 4, last: false });
      return act?.type === 'describe-item' ? act.attributes.filter((key) => key.startsWith('genre:')) : [];
    };
    // The rarest three, and the first of the common ones.
    expect(genresSaid([])).toEqual(['genre:Action', 'genre:Crime', 'genre:Mystery', 'genre:Sci-Fi']);
    // A genre the user said they like goes first, and one fewer of the rest.
    const likesDrama: UserAct = {
      type: 'disclose',
      items: [],
      attribute: 'genre:Drama',
      polarity: 'positive',
      strength: 0.8,
    };
    expect(genresSaid([likesDrama])).toEqual(['genre:Drama', 'genre:Crime', 'genre:Mystery', 'genre:Sci-Fi']);
  });

  it('keeps a liking of the opening turn in the first slate beside two later ones that go together', () => {
    // "Nothing beats movies with James Stewart" … "I tend to enjoy mysteries, and I love action movies": not
    // Inception alone, as if the opening words had not been said.
    const like = (attribute: string, strength: number): UserAct => ({
      type: 'disclose',
      items: [],
      attribute,
      polarity: 'positive',
      strength,
    });
    const stewart = 'cast:James Stewart';
    let kept = 0;
    for (let seed = 0; seed < 20; seed++) {
      const p = policy(seed, { questions: [2, 2], slateSize: [2, 3] });
      p.next({ userActs: [], index: 0, last: false });
      p.next({ userActs: [like(stewart, 0.9)], index: 2, last: false });
      const slates = p
        .next({ userActs: [like('genre:Action', 0.9), like('genre:Mystery', 0.5)], index: 4, last: false })
        .filter((act) => act.type === 'recommend');
      const carry = (keys: string[]) =>
        slates.some((slate) => slate.items.every((id) => keys.every((key) => catalog.carries(id, key))));
      // The two said together are still answered together, and the opening liking beside them.
      expect(carry(['genre:Action', 'genre:Mystery']), `seed ${seed}`).toBe(true);
      if (carry([stewart])) kept++;
    }
    expect(kept).toBe(20);
  });

  it('suggests a sequel read from titles only after the film before it, unless seriesFromTitles is off', () => {
    // A catalog with no series facet: Toy Story 2 follows Toy Story by its title alone.
    const films = new ItemCatalog(
      [
        ['Toy Story', 1995],
        ['Toy Story 2', 1999],
        ['Shrek', 2001],
        ['Up', 2009],
        ['Coco', 2017],
        ['Frozen', 2013],
      ].map(([title, year]) => ({
        id: `${title}`.toLowerCase().replace(/ /g, '-'),
        title: title as string,
        year: year as number,
        attributes: { genre: ['Animation'] },
      })),
      { domain: 'movies' },
    );
    const offered = (options: { seriesFromTitles?: boolean }) => {
      const all = new Set<string>();
      for (let seed = 0; seed < 10; seed++) {
        const p = beliefPolicy(options)({ catalog: films, maxTurns: 30, random: new SeededRandom(seed) });
        let reply: UserAct[] = [];
        for (let index = 0; index < 30; index += 2) {
          const slates = p.next({ userActs: reply, index, last: false }).filter((act) => act.type === 'recommend');
          const items = slates.flatMap((slate) => slate.items);
          for (const item of items) all.add(item);
          // Turned down unseen, one by one: Toy Story is never said to be known.
          reply = items.map((item): UserAct => ({ type: 'reject', items: [item], seen: false }));
        }
      }
      return all;
    };
    const ordered = offered({});
    expect(ordered.has('toy-story')).toBe(true);
    expect(ordered.has('toy-story-2')).toBe(false);
    expect(offered({ seriesFromTitles: false }).has('toy-story-2')).toBe(true);
  });

  it('asks more before recommending when elicitation-heavy than when critiquing-heavy', () => {
    const questions = (style: 'elicitation-heavy' | 'critiquing-heavy') => {
      let total = 0;
      for (let seed = 0; seed < 30; seed++)
        total += untilRecommendation(policy(seed, { style }), likesSciFi).length - 1;
      return total / 30;
    };
    const heavy = questions('elicitation-heavy');
    const light = questions('critiquing-heavy');
    expect(heavy).toBeGreaterThanOrEqual(3.5);
    expect(light).toBeLessThanOrEqual(1);
  });

  it('asks what the user would change about most slates when critiquing-heavy, never with a goodbye, and only then', () => {
    // The first slate of each of 30 dialogues, and the one said with the goodbye on the last turn.
    const slates = (options: object) => {
      const first: ActOfType<'recommend'>[] = [];
      const last: ActOfType<'recommend'>[] = [];
      for (let seed = 0; seed < 30; seed++) {
        const p = policy(seed, options);
        const turn = untilRecommendation(p, likesSciFi).at(-1) ?? [];
        for (const act of turn) if (act.type === 'recommend') first.push(act);
        const closing = p.next({
          userActs: [{ type: 'reject', items: first.at(-1)?.items ?? [], seen: false }],
          index: 18,
          last: true,
        });
        for (const act of closing) if (act.type === 'recommend') last.push(act);
      }
      const invites = (acts: ActOfType<'recommend'>[]) => acts.filter((act) => act.invitesCritique === true).length;
      return { first: invites(first) / 30, last: invites(last), closings: last.length };
    };
    const critiquing = slates({ style: 'critiquing-heavy' });
    expect(critiquing.first).toBeGreaterThan(0.7);
    expect(critiquing.closings).toBeGreaterThan(20);
    expect(critiquing.last).toBe(0);
    expect(slates({ style: 'balanced' }).first).toBe(0);
    expect(slates({ style: 'elicitation-heavy' }).first).toBe(0);
    expect(slates({ style: 'balanced', inviteCritique: 1 }).first).toBe(1);
    expect(slates({ style: 'critiquing-heavy', inviteCritique: 0 }).first).toBe(0);
  });

  it('asks what the user would change less often once it has asked: not at the end of every slate', () => {
    // Three slates in a row turned down, in 60 dialogues that invite every time they may.
    const invited = [0, 0, 0];
    for (let seed = 0; seed < 60; seed++) {
      const p = policy(seed, { style: 'critiquing-heavy', inviteCritique: 1, reasonAfterMiss: 0 });
      let turn = untilRecommendation(p, likesSciFi).at(-1) ?? [];
      for (let slate = 0; slate < 3; slate++) {
        const offered = turn.find((act) => act.type === 'recommend');
        if (offered?.type !== 'recommend') throw new Error(`seed ${seed}: no slate ${slate + 1}`);
        if (offered.invitesCritique === true) invited[slate] = (invited[slate] as number) + 1;
        turn = p.next({
          userActs: [{ type: 'reject', items: offered.items, seen: false }],
          index: 8 + 2 * slate,
          last: false,
        });
      }
    }
    // 1, 0.7 and 0.49 of the chance before a first, second and third invitation.
    const [first, second, third] = invited as [number, number, number];
    expect(first).toBe(60);
    expect(second).toBeGreaterThan(30);
    expect(second).toBeLessThan(54);
    expect(third).toBeLessThan(second);
  });

  it('rejects bad options naming them', () => {
    expect(thrown(() => beliefPolicy({ slateSize: [0, 4] })).location?.field).toBe('slateSize[0]');
    expect(thrown(() => beliefPolicy({ style: 'chatty' as 'balanced' })).code).toBe('INVALID_ARGUMENT');
    expect(thrown(() => beliefPolicy({ inviteCritique: 2 })).location?.field).toBe('inviteCritique');
  });
});

describe('beliefPolicy answering critiques', () => {
  it('gives up openly a liking the critiqued item was suggested for, also for suggestions nobody tagged', async () => {
    // Every third film untagged, as most MovieLens films are: a slate of them has nothing of "films set in Japan" for
    // all anyone knows, and was not picked for it, which is said rather than left in silence.
    const films = builtinCatalog();
    const catalog = new ItemCatalog(
      films.items().map((item, at) => (at % 3 === 0 ? { ...item, attributes: { ...item.attributes, tag: [] } } : item)),
      { domain: 'movies' },
    );
    let givenUp = 0;
    let untagged = 0;
    let said = 0;
    for (const dialogue of await templateDialogues(catalog, 400, { userSeed: 8, seed: 8 })) {
      const reasonsOf = new Map<string, readonly string[]>();
      const liked = new Set<string>();
      const setAside = new Set<string>();
      for (const turn of dialogue.turns) {
        const critique = turn.acts.find((act) => act.type === 'respond-critique');
        const slate = turn.acts.find((act) => act.type === 'recommend');
        if (critique && slate) {
          for (const key of reasonsOf.get(critique.items[0] as string) ?? []) {
            if (key === critique.attribute || !liked.has(key) || setAside.has(key)) continue;
            if (slate.items.some((id) => catalog.carries(id, key))) continue;
            givenUp++;
            if (slate.items.some((id) => (catalog.require(id).attributes.tag ?? []).length === 0)) untagged++;
            if (critique.dropped?.includes(key)) said++;
          }
          for (const key of critique.dropped ?? []) setAside.add(key);
        }
        for (const act of turn.acts) {
          if (act.type === 'recommend') for (const id of act.items) reasonsOf.set(id, act.reasons);
          if (act.type === 'disclose' && act.attribute !== undefined)
            if (act.polarity === 'positive') liked.add(act.attribute);
            else liked.delete(act.attribute);
        }
      }
    }
    expect(untagged).toBeGreaterThan(10);
    expect(said).toBe(givenUp);
  });

  const small = smallCatalog();
  const smallPolicy = (seed: number) =>
    beliefPolicy({ slateSize: [1, 3] })({ catalog: small, maxTurns: 20, random: new SeededRandom(seed) });
  const critique = (item: string, direction: 'more' | 'less', attribute: string): UserAct => ({
    type: 'critique',
    items: [item],
    attribute,
    direction,
    polarity: direction === 'more' ? 'positive' : 'negative',
  });

  it('answers "more X" with items that all carry X, giving X as the reason', () => {
    for (let seed = 0; seed < 30; seed++) {
      const p = smallPolicy(seed);
      p.next({ userActs: [], index: 0, last: false });
      const [ack, slate] = p.next({ userActs: [critique('m1', 'more', 'genre:Horror')], index: 2, last: false });
      expect(ack?.type).toBe('respond-critique');
      expect(slate?.type).toBe('recommend');
      for (const item of slate?.items ?? []) expect(small.carries(item, 'genre:Horror')).toBe(true);
      expect(slate?.type === 'recommend' && slate.reasons).toEqual(['genre:Horror']);
    }
  });

  it('says no-match when nothing left fits, then asks or openly offers something else', () => {
    for (let seed = 0; seed < 30; seed++) {
      const p = smallPolicy(seed);
      p.next({ userActs: [], index: 0, last: false });
      // The only cyberpunk films are turned down first; "more cyberpunk than Alien" then has nothing left.
      p.next({ userActs: [{ type: 'reject', items: ['m1', 'm8'], seen: false }], index: 2, last: false });
      const answer = p.next({ userActs: [critique('m2', 'more', 'tag:cyberpunk')], index: 4, last: false });
      expect(answer[0]).toEqual({ type: 'no-match', items: ['m2'], direction: 'more', attribute: 'tag:cyberpunk' });
      expect(['ask-attribute', 'ask-item', 'ask-open', 'recommend', 'close']).toContain(answer[1]?.type);
    }
  });
});

describe.each([
  // The built-in films made to be seen in order: Star Wars before The Empire Strikes Back, and seven more.
  ['books', builtinBooksCatalog, 10, 20],
  ['movies', builtinCatalog, 3, 8],
] as const)('beliefPolicy and series (%s)', (_, load, offeredNext, laterVolumes) => {
  const books = load();
  // Each later volume's volume before it, by year: A Clash of Kings before A Storm of Swords.
  const before = new Map<string, string>();
  for (const { key } of books.vocabulary()) {
    if (!key.startsWith('series:')) continue;
    const volumes = [...books.withAttribute(key)].sort((a, b) => (a.year ?? 0) - (b.year ?? 0));
    for (let i = 1; i < volumes.length; i++)
      before.set((volumes[i] as { id: string }).id, (volumes[i - 1] as { id: string }).id);
  }

  it('suggests a later volume of a series only once the user has said they know the one before it', async () => {
    expect(before.size).toBeGreaterThanOrEqual(laterVolumes);
    const { later, blind } = suggestedInOrder(await templateDialogues(books, 400, { userSeed: 9, seed: 9 }), before);
    // "A Feast for Crows (2005) might be the answer." to someone who has read none of the three before it.
    expect(blind).toEqual([]);
    // A reader of the volume before is offered the next.
    expect(later).toBeGreaterThan(offeredNext);
  });
});

describe.each([
  // Then how many answers to "more X" and "less X" are within twenty years of A, at least (without counting an
  // item's time as likeness, 54% and 35%); and how many people the user named get a film or book of theirs, at least
  // (without naming them first, 72% and 63%); and how many genres A lacks an answer to a critique has, at most, on
  // average (without counting them against it, 0.99 and 0.41); and how many items offered after a miss carry no liking
  // the user stated, at most (without keeping to them, 7.3% and 9.2%); and how many answering a critique carry none of
  // the user's other likings, at most (without keeping to them, 28% and 23%; with it, 20% and 16%: the rest are where
  // nothing of A's kind, and as close to A, has one; 24% in movies since the later films of a series wait for the
  // one before, nine popular films that were 2.6% of these answers; 15–23% in books over seeds 5–8, with or without
  // 0.34.0's first slates in two parts, 20% with them at seed 5).
  ['movies', builtinCatalog, 0.62, 0.75, 0.9, 0.04, 0.26],
  ['books', builtinBooksCatalog, 0.4, 0.7, 0.36, 0.07, 0.22],
] as const)('beliefPolicy in whole dialogues (%s)', (_, load, sameTimeShare, namedServed, unlikes, drifted, unkept) => {
  const catalog = load();
  let made: Promise<DialogueRecord[]> | undefined;
  const dialogues = () => {
    made ??= templateDialogues(catalog, 600, { userSeed: 5, seed: 5 });
    return made;
  };
  const carriedByAll = (items: readonly string[], key: string) => items.every((item) => catalog.carries(item, key));
  const likingsOf = (acts: readonly DialogueAct[]) =>
    acts.flatMap((act) =>
      act.type === 'disclose' && act.polarity === 'positive' && act.attribute !== undefined ? [act.attribute] : [],
    );

  it('follows a liking the user has just stated with a slate whose every item carries it', async () => {
    let slates = 0;
    let heeded = 0;
    for (const dialogue of await dialogues()) {
      dialogue.turns.forEach((turn, index) => {
        const slate = turn.acts.find((act) => act.type === 'recommend');
        // A critique is answered along its own attribute, however the user put it.
        if (!slate || turn.acts.some((act) => act.type === 'respond-critique' || act.type === 'no-match')) return;
        const stated = likingsOf(dialogue.turns[index - 1]?.acts ?? []);
        if (stated.length === 0) return;
        slates++;
        if (stated.some((key) => carriedByAll(slate.items, key))) heeded++;
      });
    }
    // Only a liking whose every item is already shown or seen goes unheeded.
    expect(slates).toBeGreaterThan(50);
    expect(heeded / slates).toBeGreaterThan(0.97);
  });

  it('comes back to each liking the user stated, in a later slate, while the dialogue goes on', async () => {
    // Dialogues that end in acceptance may leave likings unanswered: the user found something.
    let stated = 0;
    let unanswered = 0;
    for (const dialogue of await dialogues()) {
      if (dialogue.outcome.reason === 'accepted') continue;
      dialogue.turns.forEach((turn, index) => {
        if (turn.speaker !== 'user') return;
        const slates = dialogue.turns
          .slice(index + 1)
          .flatMap((later) => later.acts.flatMap((act) => (act.type === 'recommend' ? [act.items] : [])));
        if (slates.length === 0) return;
        for (const key of likingsOf(turn.acts)) {
          stated++;
          if (!slates.some((items) => carriedByAll(items, key))) unanswered++;
        }
      });
    }
    expect(stated).toBeGreaterThan(50);
    expect(unanswered / stated).toBeLessThan(0.2);
  });

  it('serves a strong liking said before (any, in the first slate) beside the newest one, in a slate of two parts, when nothing has both', async () => {
    // Counted over every dialogue, accepted ones too: "I've always loved film noir", then "I love true stories", then
    // a slate of documentaries the user takes leaves the noir fan unheard.
    let strong = 0;
    let unserved = 0;
    let split = 0;
    let firstSplit = 0;
    let weakFirst = 0;
    for (const dialogue of await dialogues()) {
      const said = new Map<string, number>();
      const strength = new Map<string, number>();
      let suggested = false;
      dialogue.turns.forEach((turn, index) => {
        if (turn.speaker === 'user') {
          for (const act of turn.acts)
            if (act.type === 'disclose' && act.polarity === 'positive' && act.attribute) {
              said.set(act.attribute, said.get(act.attribute) ?? index);
              strength.set(act.attribute, act.strength);
            }
          return;
        }
        const parts = turn.acts.filter((act) => act.type === 'recommend');
        const before = suggested;
        if (parts.length > 0) suggested = true;
        if (parts.length < 2) return;
        const [first, second] = parts as [ActOfType<'recommend'>, ActOfType<'recommend'>];
        expect(parts).toHaveLength(2);
        expect(first.items.length + second.items.length).toBeLessThanOrEqual(3);
        for (const part of parts) for (const key of part.reasons) expect(carriedByAll(part.items, key)).toBe(true);
        // A first slate's second part may instead be one like a title the user praised (see the test of those).
        if (second.like !== undefined && !before) return;
        split++;
        if (!before) firstSplit++;
        // The second part answers a liking said before, strong unless in the first slate, which no item of the first
        // part has.
        const also = second.reasons[0] as string;
        expect(said.get(also)).toBeLessThan(index);
        if (before) expect(strength.get(also)).toBeGreaterThanOrEqual(0.7);
        else if ((strength.get(also) ?? 1) < 0.7) weakFirst++;
        expect(first.items.some((item) => catalog.carries(item, also))).toBe(false);
      });
      for (const [key, value] of strength) if (value < 0.7) said.delete(key);
      for (const [key, at] of said) {
        const later = dialogue.turns.slice(at + 1).filter((turn) => turn.acts.some((act) => act.type === 'recommend'));
        if (later.length === 0) continue;
        strong++;
        const served = later.some((turn) =>
          turn.acts.some((act) => act.type === 'recommend' && act.items.some((item) => catalog.carries(item, key))),
        );
        if (!served) unserved++;
      }
    }
    expect(split).toBeGreaterThan(30);
    expect(firstSplit).toBeGreaterThan(10);
    // "I'm keen on Steve Buscemi movies", then adventure: the first slate has both, though the first is no passion.
    expect(weakFirst).toBeGreaterThan(5);
    expect(strong).toBeGreaterThan(300);
    // 17% (movies) and 23% (books) of them before slates came in two parts; about 9% now.
    expect(unserved / strong).toBeLessThan(0.13);
  });

  it('suggests a title the user had not seen as the first slate only when it has the liking a first slate answers first', async () => {
    // "I love films by Ang Lee!" … "Have you seen Die Hard?" "No." is not answered "Then give Die Hard a go": the
    // first slate answers a person the user named, else their strongest liking.
    const PERSON = /^(?:director|cast|author):/;
    let followUps = 0;
    const missed: string[] = [];
    for (const dialogue of await dialogues()) {
      const strength = new Map<string, number>();
      const first = dialogue.turns.find((turn) => turn.acts.some((act) => act.type === 'recommend'));
      if (first === undefined) continue;
      for (const turn of dialogue.turns.slice(0, first.index))
        for (const act of turn.acts)
          if (act.type === 'disclose' && act.attribute !== undefined) {
            if (act.polarity === 'positive') strength.set(act.attribute, act.strength);
            else strength.delete(act.attribute);
          }
      const unseen = dialogue.turns[first.index - 1]?.acts.find((act) => act.type === 'answer-item' && !act.seen);
      const parts = first.acts.filter((act) => act.type === 'recommend');
      if (unseen === undefined || parts.length !== 1 || parts[0]?.items.join() !== unseen.items.join()) continue;
      followUps++;
      const [top] = [...strength].sort(
        ([a, x], [b, y]) => Number(PERSON.test(b)) - Number(PERSON.test(a)) || y - x,
      )[0] ?? [undefined];
      if (top !== undefined && !catalog.carries(unseen.items[0] as string, top))
        missed.push(`${dialogue.id}: ${unseen.items[0]} lacks ${top}`);
    }
    expect(followUps).toBeGreaterThan(10);
    expect(missed).toEqual([]);
  });

  it('after a miss, offers items of something the user said they like, not what the belief drifted to', async () => {
    // A fan of family films who turned two down is offered a third, not A Quiet Place. Only when every item of every
    // liking is shown, seen or ruled out may a slate carry none.
    let offered = 0;
    let answeringNothing = 0;
    for (const dialogue of await dialogues()) {
      const liked = new Set<string>();
      dialogue.turns.forEach((turn, index) => {
        for (const act of turn.speaker === 'user' ? turn.acts : []) {
          if (act.type === 'disclose' && act.attribute !== undefined) {
            if (act.polarity === 'positive') liked.add(act.attribute);
            else liked.delete(act.attribute);
          }
          if (act.type === 'critique' && act.direction === 'more' && act.attribute !== undefined)
            liked.add(act.attribute);
        }
        const slate = turn.acts.find((act) => act.type === 'recommend');
        const missed = dialogue.turns[index - 1]?.acts.some((act) => act.type === 'reject');
        if (!slate || !missed || liked.size === 0) return;
        if (turn.acts.some((act) => act.type === 'respond-critique' || act.type === 'no-match')) return;
        offered += slate.items.length;
        answeringNothing += slate.items.filter((id) => ![...liked].some((key) => catalog.carries(id, key))).length;
      });
    }
    // In this sample 0.9% and 4.8% (the rest: an author with few books, all offered).
    expect(offered).toBeGreaterThan(200);
    expect(answeringNothing / offered).toBeLessThan(drifted);
  });

  it('asks what put the user off only a title just turned down without a word on why, in about 2 of 5 dialogues that have one', async () => {
    let withBare = 0;
    let asking = 0;
    for (const dialogue of await dialogues()) {
      let asks = 0;
      let bare = false;
      dialogue.turns.forEach((turn, index) => {
        const before = dialogue.turns[index - 1]?.acts ?? [];
        const ask = turn.acts.find((act) => act.type === 'ask-reason');
        if (
          turn.speaker === 'user' &&
          index < dialogue.turns.length - 2 &&
          !turn.acts.some((a) => a.type === 'give-up')
        )
          bare ||= turn.acts.some(
            (act) =>
              act.type === 'reject' &&
              !act.seen &&
              act.items.length === 1 &&
              !before.some((b) => b.type === 'ask-reason'),
          );
        if (!ask) return;
        asks++;
        // Alone in its turn, of the one new title the user's last turn turned down with no critique.
        expect(turn.acts).toHaveLength(1);
        expect(before.filter((act) => act.type === 'reject' && !act.seen).flatMap((act) => act.items)).toEqual(
          ask.items,
        );
        expect(before.some((act) => act.type === 'critique' || act.type === 'give-up')).toBe(false);
      });
      expect(asks).toBeLessThanOrEqual(1);
      if (bare) withBare++;
      asking += asks;
    }
    // The balanced style asks with probability 0.4 at each chance, until it has asked once.
    expect(withBare).toBeGreaterThan(50);
    expect(asking / withBare).toBeGreaterThan(0.25);
    expect(asking / withBare).toBeLessThan(0.65);
  });

  it('never offers two items of one title side by side (True Grit (1969) and True Grit (2010))', async () => {
    const twice: string[] = [];
    for (const dialogue of await dialogues())
      for (const turn of dialogue.turns)
        for (const act of turn.acts) {
          if (act.type !== 'recommend') continue;
          const titles = act.items.map((id) => catalog.require(id).title);
          if (new Set(titles).size < titles.length) twice.push(turn.text);
        }
    expect(twice).toEqual([]);
  });

  it('offers a film or book of most people the user named (they come before a genre said with them)', async () => {
    // "I love Humphrey Bogart, and dramas": a reader notices a Bogart film missing more than a drama.
    let named = 0;
    let served = 0;
    for (const dialogue of await dialogues()) {
      dialogue.turns.forEach((turn, index) => {
        if (turn.speaker !== 'user') return;
        const slates = dialogue.turns
          .slice(index + 1)
          .flatMap((later) => later.acts.flatMap((act) => (act.type === 'recommend' ? act.items : [])));
        if (slates.length === 0) return;
        for (const key of likingsOf(turn.acts)) {
          if (!/^(?:director|cast|author):/.test(key)) continue;
          named++;
          if (slates.some((item) => catalog.carries(item, key))) served++;
        }
      });
    }
    expect(named).toBeGreaterThan(50);
    expect(served / named).toBeGreaterThan(namedServed);
  });

  it('asks whether the user has seen an item of what they said they like, and often suggests it next if not', async () => {
    let asked = 0;
    let leaning = 0;
    let unseen = 0;
    let unseenThenSuggested = 0;
    let suggestedNext = 0;
    let nextAnsweringNothing = 0;
    // Questions right after a turn that stated likings, and those about an item of one of them.
    let afterLiking = 0;
    let ofThatLiking = 0;
    for (const dialogue of await dialogues()) {
      const liked = new Set<string>();
      dialogue.turns.forEach((turn, index) => {
        for (const key of turn.speaker === 'user' ? likingsOf(turn.acts) : []) liked.add(key);
        // "Anything more historical?" says what the user likes too.
        for (const act of turn.acts)
          if (act.type === 'critique' && act.direction === 'more' && act.attribute !== undefined)
            liked.add(act.attribute);
        const question = turn.acts.find((act) => act.type === 'ask-item');
        if (!question || liked.size === 0) return;
        const item = question.items[0] as string;
        asked++;
        if ([...liked].some((key) => catalog.carries(item, key))) leaning++;
        const justLiked = likingsOf(dialogue.turns[index - 1]?.acts ?? []);
        if (justLiked.length > 0) {
          afterLiking++;
          if (justLiked.some((key) => catalog.carries(item, key))) ofThatLiking++;
        }
        const answer = dialogue.turns[index + 1]?.acts.find((act) => act.type === 'answer-item');
        if (answer?.type !== 'answer-item' || answer.seen) return;
        unseen++;
        const suggests = (acts: readonly DialogueAct[] = []) =>
          acts.some((act) => act.type === 'recommend' && act.items.includes(item));
        if (suggests(dialogue.turns.slice(index + 2).flatMap((next) => next.acts))) unseenThenSuggested++;
        const [said, next] = [dialogue.turns[index + 1], dialogue.turns[index + 2]];
        if (!likingsOf(said?.acts ?? []).length && suggests(next?.acts)) {
          suggestedNext++;
          if (liked.size > 0 && ![...liked].some((key) => catalog.carries(item, key))) nextAnsweringNothing++;
        }
      });
    }
    // "Ever seen Se7en?" is no question for a fan of documentaries.
    expect(asked).toBeGreaterThan(30);
    // Nor "Private-eye stories, nice. Have you caught Full Metal Jacket?": every item asked about carries a liking
    // the user stated. (Without that, 75% and 77%.)
    expect(leaning).toBe(asked);
    // And "Westerns, nice. Have you seen …?" asks about a western, not Pirates of the Caribbean for an older liking.
    expect(afterLiking).toBeGreaterThan(30);
    expect(ofThatLiking / afterLiking).toBeGreaterThan(0.95);
    // And later, when not next: asked about because it fits, it stays a strong candidate (0.40.0: 51% and 40%).
    expect(unseenThenSuggested / unseen).toBeGreaterThan(0.65);
    // "Not seen Schindler's List." "Then I'd go for Schindler's List.": a question that leads somewhere, whenever the
    // item answers what the user likes and the style's questions are asked. (Without that, one in thirty in movies,
    // none in books; 38% and 30% when it was done six times in ten; 43% and 37% since, as the first slate, the item
    // must have the liking a first slate answers first.)
    expect(unseen).toBeGreaterThan(30);
    expect(suggestedNext / unseen).toBeGreaterThan(0.33);
    // But not Heat to a user who said only "Crazy about horror": the item answers some liking the user stated.
    expect(nextAnsweringNothing).toBe(0);
  });

  it('answers "like A, but …" with items that share a genre with A, and "newer"/"older" far enough away, not too far', async () => {
    const newest = Math.max(...catalog.items().map((item) => item.year ?? Number.NEGATIVE_INFINITY));
    let answers = 0;
    let alike = 0;
    let dated = 0;
    let close = 0;
    let far = 0;
    let farAndUnlike = 0;
    let farPastNearer = 0;
    let nearPastFarther = 0;
    // Answers to "more X" and "less X", and those within twenty years of A.
    let changed = 0;
    let sameTime = 0;
    // Genres of the answers that A lacks (the one asked for aside): an animated family film is unlike Mad Max.
    let unlike = 0;
    for (const dialogue of await dialogues()) {
      const known = new Set([...dialogue.user.liked, ...dialogue.user.disliked]);
      const shown = new Set<string>();
      // What the user said they dislike so far: nothing nearer in time is missed if all of it has some of that.
      const disliked: string[] = [];
      for (const turn of dialogue.turns) {
        for (const act of turn.acts) {
          if (act.type === 'recommend') for (const id of act.items) shown.add(id);
          if (turn.speaker === 'user' && act.type === 'disclose' && act.polarity === 'negative' && act.attribute)
            disliked.push(act.attribute);
        }
        const critique = turn.acts.find((act) => act.type === 'respond-critique');
        const slate = turn.acts.find((act) => act.type === 'recommend');
        if (critique?.type !== 'respond-critique' || !slate) continue;
        const critiqued = catalog.require(critique.items[0] as string);
        const genres = (critiqued.attributes.genre ?? []).map((genre) => `genre:${genre}`);
        for (const id of slate.items) {
          answers++;
          if (genres.some((genre) => genre !== critique.attribute && catalog.carries(id, genre))) alike++;
          for (const genre of catalog.require(id).attributes.genre ?? [])
            if (!genres.includes(`genre:${genre}`) && `genre:${genre}` !== critique.attribute) unlike++;
          if (critique.direction !== 'newer' && critique.direction !== 'older') {
            changed++;
            if (Math.abs((catalog.require(id).year as number) - (critiqued.year as number)) <= 20) sameTime++;
            continue;
          }
          dated++;
          const year = critiqued.year as number;
          const gap = Math.abs((catalog.require(id).year as number) - year);
          // "Older" is a decade to three away. "Newer" goes further the older A is: at least half of the way to the
          // catalog's newest year ("more modern than Frankenstein, 1818" is not Dracula, 1897), twice that at most.
          const least = critique.direction === 'newer' ? Math.max(10, (newest - year) / 2) : 10;
          const most = Math.max(30, 2 * least);
          if (gap < 5) close++;
          if (gap > most + 10) far++;
          if (gap > most + 10 && !genres.some((genre) => genre !== critique.attribute && catalog.carries(id, genre)))
            farAndUnlike++;
          // Too far or not far enough, while an item as like A (every genre the answer shares with A) was between
          // those bounds the right way, and neither suggested before nor known to the user.
          const kind = genres.filter((genre) => genre !== critique.attribute && catalog.carries(id, genre));
          const between = catalog.items().some((other) => {
            const away = ((other.year as number) - year) * (critique.direction === 'newer' ? 1 : -1);
            return (
              away + 0.5 >= least &&
              away <= most &&
              !shown.has(other.id) &&
              !known.has(other.id) &&
              kind.every((genre) => catalog.carries(other.id, genre)) &&
              !disliked.some((key) => catalog.carries(other.id, key))
            );
          });
          if (gap > most + 10 && kind.length > 0 && between) farPastNearer++;
          if (gap + 0.5 < least && kind.length > 0 && between) nearPastFarther++;
        }
      }
    }
    // What is left apart: "more X" where nothing with X shares a genre with A (Annie Hall, but more horror).
    expect(answers).toBeGreaterThan(100);
    expect(alike / answers).toBeGreaterThan(0.84);
    expect(unlike / answers).toBeLessThan(unlikes);
    expect(dated).toBeGreaterThan(20);
    // Where nothing left is a decade apart, a year will do: rare in these catalogs. And within a few decades while
    // anything of A's kind is left: "older than The Hill We Climb (2021)" is not Leaves of Grass (1855). Kind comes
    // first: "newer than Eminent Victorians (1918)" is The Power Broker (1974), a biography, when none is nearer;
    // "newer than The Sea-Wolf (1904)" is Life of Pi (2001), an adventure, not a 1920s classic of another kind.
    expect(close / dated).toBeLessThan(0.02);
    expect(far / dated).toBeLessThan(0.2);
    expect(farPastNearer).toBe(0);
    expect(nearPastFarther).toBe(0);
    expect(farAndUnlike).toBe(0);
    // Asked to change what A is, not when it is from: "less dramatic than Her (2013)" is not a 1940s noir.
    expect(changed).toBeGreaterThan(100);
    expect(sameTime / changed).toBeGreaterThan(sameTimeShare);
  });

  it('answers "like A, but …" with items that keep another liking the user stated, while any honouring it does', async () => {
    let answers = 0;
    let unliked = 0;
    for (const dialogue of await dialogues()) {
      // What the user has said they like so far: positive disclosures and "more X", less any taken back.
      const liked = new Set<string>();
      for (const turn of dialogue.turns) {
        const critique = turn.acts.find((act) => act.type === 'respond-critique');
        const slate = turn.acts.find((act) => act.type === 'recommend');
        const others = [...liked].filter((key) => key !== critique?.attribute);
        if (critique && slate && others.length > 0) {
          answers += slate.items.length;
          unliked += slate.items.filter((id) => !others.some((key) => catalog.carries(id, key))).length;
        }
        for (const act of turn.acts) {
          if (turn.speaker !== 'user' || (act.type !== 'disclose' && act.type !== 'critique')) continue;
          if (act.attribute === undefined) continue;
          if (act.type === 'disclose' && act.polarity === 'positive') liked.add(act.attribute);
          else if (act.type === 'disclose' || act.direction === 'less') liked.delete(act.attribute);
          else if (act.direction === 'more') liked.add(act.attribute);
        }
      }
    }
    // "Like Metropolis, but less sci-fi" from a fan of silent films is another silent film, not Citizen Kane: only
    // where nothing honouring the critique and like A has a liking of the user's is one without it offered.
    expect(answers).toBeGreaterThan(200);
    expect(unliked / answers).toBeLessThan(unkept);
  });

  /**
   * Every answer to a critique that suggests again, in order, with the likings the critiqued item was suggested for
   * that the user still states (the critiqued attribute aside).
   */
  const critiqueAnswers = async () => {
    const answers: Array<{
      dialogue: string;
      critique: ActOfType<'respond-critique'>;
      slate: ActOfType<'recommend'>;
      own: string[];
    }> = [];
    for (const dialogue of await dialogues()) {
      const reasonsOf = new Map<string, readonly string[]>();
      const liked = new Set<string>();
      for (const turn of dialogue.turns) {
        const critique = turn.acts.find((act) => act.type === 'respond-critique');
        const slate = turn.acts.find((act) => act.type === 'recommend');
        if (critique && slate) {
          const own = (reasonsOf.get(critique.items[0] as string) ?? []).filter(
            (key) => key !== critique.attribute && liked.has(key),
          );
          answers.push({ dialogue: dialogue.id, critique, slate, own });
        }
        for (const act of turn.acts) {
          if (act.type === 'recommend') for (const id of act.items) reasonsOf.set(id, act.reasons);
          if (act.type === 'disclose' && act.attribute !== undefined)
            if (act.polarity === 'positive') liked.add(act.attribute);
            else liked.delete(act.attribute);
        }
      }
    }
    return answers;
  };

  it('answers "like A, but …" with items of the liking A was suggested for, before any other', async () => {
    let answers = 0;
    let kept = 0;
    for (const { slate, own } of await critiqueAnswers()) {
      if (own.length === 0) continue;
      answers += slate.items.length;
      kept += slate.items.filter((id) => own.some((key) => catalog.carries(id, key))).length;
    }
    // "Like Batman, but more thrilling", Batman suggested to a fan of comic-book films, is The Dark Knight and Joker,
    // not Die Hard beside them for the user's liking of action: each item keeps what A was suggested for while any
    // as like A does.
    expect(answers).toBeGreaterThan(200);
    // 0.40.0 kept it in 71% of them in movies, 79% in books; 0.42.0 in 76% and 78% here, and in 73% and 74% of 2,400
    // dialogues of four seeds (the share moves a few points with the dialogues drawn).
    expect(kept / answers).toBeGreaterThan(load === builtinCatalog ? 0.73 : 0.76);
  });

  it('says so when "like A, but …" is answered with nothing of a liking A was suggested for', async () => {
    let givenUp = 0;
    let said = 0;
    // An item lacks an attribute for all anyone knows when it has other values of its facet (a film nobody tagged
    // may well be set in Japan).
    const lacks = (id: string, key: string) =>
      (catalog.require(id).attributes[key.slice(0, key.indexOf(':'))] ?? []).length > 0 && !catalog.carries(id, key);
    // What each dialogue has set aside so far: said once a dialogue.
    const setAside = new Set<string>();
    for (const { dialogue, critique, slate, own } of await critiqueAnswers()) {
      for (const key of own) {
        if (setAside.has(`${dialogue} ${key}`) || !slate.items.every((id) => lacks(id, key))) continue;
        givenUp++;
        if (critique.dropped?.includes(key)) said++;
      }
      for (const key of critique.dropped ?? []) setAside.add(`${dialogue} ${key}`);
    }
    // "Same vibe as Yojimbo, but more romantic?", Yojimbo suggested for films set in Japan, answered with The Gold
    // Rush: "I'm leaving movies set in Japan aside this time, though", never "Keeping what works in Yojimbo" in
    // silence.
    expect(givenUp).toBeGreaterThan(20);
    expect(said).toBe(givenUp);
  });

  it('keeps what A most is in "like A, but …": the rarest of its genres that anything left has, or no answer', async () => {
    // Counted here from the catalog's items, apart from the policy's own index.
    const holders = new Map<string, number>();
    for (const item of catalog.items())
      for (const genre of item.attributes.genre ?? []) holders.set(genre, (holders.get(genre) ?? 0) + 1);
    let critiques = 0;
    let none = 0;
    let answers = 0;
    let keptLiking = 0;
    let rarest = 0;
    let unlike = 0;
    let mixed = 0;
    // Answers to a critique that follows another, which still asks for something ("funnier than There Will Be
    // Blood", then "like Blazing Saddles, but newer").
    let answersAfter = 0;
    let rarestAfter = 0;
    // Answers after another critique are few in 600 dialogues: they are also counted in 600 more (seed 6).
    const more = await templateDialogues(catalog, 600, { userSeed: 6, seed: 6 });
    for (const [set, dialogue] of [
      ...(await dialogues()).map((d) => [0, d] as const),
      ...more.map((d) => [1, d] as const),
    ]) {
      let before = 0;
      // What each title was suggested for: a liking it was suggested for may keep A's place before its rarest kind.
      const pitched = new Map<string, readonly string[]>();
      for (const turn of dialogue.turns) {
        const said = turn.acts.find((act) => act.type === 'respond-critique' || act.type === 'no-match');
        for (const act of turn.acts)
          if (act.type === 'recommend') for (const id of act.items) pitched.set(id, act.reasons);
        if (!said) continue;
        before++;
        const slate = turn.acts.find((act) => act.type === 'recommend');
        if (set === 0) {
          critiques++;
          if (said.type === 'no-match') none++;
        }
        if (said.type !== 'respond-critique' || !slate) continue;
        // The critiqued item's genres, the critiqued one aside, rarest first (of genres as rare, the item's first).
        const genres = (catalog.require(said.items[0] as string).attributes.genre ?? [])
          .filter((genre) => `genre:${genre}` !== said.attribute)
          .sort((a, b) => (holders.get(a) ?? 0) - (holders.get(b) ?? 0));
        if (genres.length === 0) continue;
        const places = slate.items.map((id) => genres.findIndex((genre) => catalog.carries(id, `genre:${genre}`)));
        // An item of another of A's kinds that has what A was suggested for ("less of a mystery than Anatomy of a
        // Fall", suggested for courtroom stories, is A Separation, a drama): the liking came first.
        const reasons = (pitched.get(said.items[0] as string) ?? []).filter((key) => key !== said.attribute);
        const forLiking = slate.items.filter(
          (id, at) => places[at] !== 0 && reasons.some((key) => catalog.carries(id, key)),
        ).length;
        if (set === 0) {
          answers += places.length;
          keptLiking += forLiking;
          rarest += places.filter((place) => place === 0).length;
          unlike += places.filter((place) => place < 0).length;
          if (new Set(places).size > 1) mixed++;
        }
        if (before > 1) {
          answersAfter += places.length - forLiking;
          rarestAfter += places.filter((place) => place === 0).length;
        }
      }
    }
    // "Scarier than Pulp Fiction" is a crime film (The Silence of the Lambs), not Scream for the comedy they share.
    expect(answers).toBeGreaterThan(100);
    expect(unlike).toBe(0);
    expect(mixed).toBe(0);
    // (90% and 97% here in 0.42.0; 91% and 95% of 2,400 dialogues of four seeds.) Those that kept what A was
    // suggested for in another of its kinds instead are about one in ten (11% and 8% in 0.46.0).
    expect(keptLiking / answers).toBeLessThan(0.15);
    expect(rarest / (answers - keptLiking)).toBeGreaterThan(0.88);
    // Earlier asks give way before what A is: "like Blazing Saddles, but newer" is a western, however funny the
    // user asked things to be before. (Without that, 67% of these answers in movies; with it, 86–96% in either catalog.)
    // (Fewer since first answers keep the user's other likings, and since first slates answer every liking said so
    // far: 30 in movies; in books, 83% of 30 since 0.31.0, whose first slates differ, and 79% of 28 since 0.34.0,
    // whose first slates keep a liking of an earlier turn beside two that go together; since 0.35.0, with fewer
    // critiques of an era or for another kind of work, counted in twice the dialogues: 90% of 315 and 88% of 42.)
    expect(answersAfter).toBeGreaterThan(25);
    expect(rarestAfter / answersAfter).toBeGreaterThan(0.75);
    // Saying so is the exception: most critiques have an answer (about 1% of them do not in movies, 3% in books;
    // "says no-match when nothing left fits" shows it said).
    expect(none / critiques).toBeLessThan(0.12);
  });
});

describe('BeliefPolicy slates like a title the user liked', () => {
  it('offers items of the kind of a title the user said they liked, naming it, in many dialogues where one was said', async () => {
    for (const catalog of [builtinCatalog(), builtinBooksCatalog()]) {
      const genres = (id: string) => catalog.require(id).attributes.genre ?? [];
      let named = 0;
      let offered = 0;
      const series = (id: string) => catalog.require(id).attributes.series?.[0];
      const year = (id: string) => catalog.require(id).year ?? 0;
      for (const dialogue of await templateDialogues(catalog, 300, { userSeed: 12, seed: 12 })) {
        const liked = new Set<string>();
        const likings = new Set<string>();
        // The likings the user still holds: one taken back is no longer one.
        const held = new Set<string>();
        let drawn = false;
        let suggested = false;
        for (const turn of dialogue.turns) {
          const shown = suggested;
          for (const act of turn.acts) {
            if (turn.speaker === 'user') {
              const says = act.type === 'disclose' || (act.type === 'answer-item' && act.seen);
              if (says && 'polarity' in act && act.polarity === 'positive') for (const id of act.items) liked.add(id);
              const asks = act.type === 'critique' && act.direction === 'more';
              if ((act.type === 'disclose' && act.polarity === 'positive') || asks)
                if (act.attribute !== undefined) {
                  likings.add(act.attribute);
                  held.add(act.attribute);
                }
              if (act.type === 'disclose' && act.polarity !== 'positive' && act.attribute !== undefined)
                held.delete(act.attribute);
              continue;
            }
            if (act.type !== 'recommend') continue;
            suggested = true;
            if (act.like === undefined) continue;
            drawn = true;
            const like = act.like;
            // Only a title the user had said they liked, and every item of one of its genres.
            expect(liked.has(like), dialogue.id).toBe(true);
            for (const id of act.items) expect(genres(id).some((genre) => genres(like).includes(genre))).toBe(true);
            // Once the user has said what they like, each item has a liking the title has too: not Hereditary for
            // 12 Angry Men because the user likes horror. Only beside the first slate may a title with none of the
            // user's likings be one to go by (the rest of that slate answers them), and once no item with a liking
            // is left to offer (then none of the slate has one).
            const shared = [...likings].filter((key) => catalog.carries(like, key));
            const withLiking = (id: string) => [...held].some((key) => catalog.carries(id, key));
            if (likings.size > 0 && (shown || shared.length > 0))
              expect(
                act.items.every((id) => shared.some((key) => catalog.carries(id, key))) || !act.items.some(withLiking),
                `${dialogue.id} turn ${turn.index}`,
              ).toBe(true);
            // Never a volume of its series from before it: its reader has read those.
            for (const id of act.items)
              if (series(like) !== undefined && series(id) === series(like))
                expect(year(id), `${dialogue.id}: ${id} before ${like}`).toBeGreaterThanOrEqual(year(like));
          }
        }
        if (liked.size > 0) named++;
        if (drawn) offered++;
      }
      // Asked about, volunteered or said of a title offered, a liked title is common; a slate drawn from one follows in
      // about a quarter of those dialogues (a just-stated liking comes first, it is offered in 60% of the chances,
      // and only of items with a liking the user stated while they stated any).
      expect(named).toBeGreaterThan(100);
      expect(offered / named).toBeGreaterThan(0.15);
    }
  });

  it('gives every slate a reason while it has one: a liking all its items carry, else a title the user loved', async () => {
    for (const catalog of [builtinCatalog(), builtinBooksCatalog()]) {
      let slates = 0;
      const bare: string[] = [];
      for (const dialogue of await templateDialogues(catalog, 300, { userSeed: 12, seed: 12 })) {
        const held = new Set<string>();
        const loved = new Set<string>();
        for (const turn of dialogue.turns) {
          for (const act of turn.speaker === 'user' ? turn.acts : []) {
            const positive = 'polarity' in act && act.polarity === 'positive';
            if ((act.type === 'disclose' || act.type === 'critique') && act.attribute !== undefined) {
              if (positive || (act.type === 'critique' && act.direction === 'more')) held.add(act.attribute);
              else if (act.type === 'disclose') held.delete(act.attribute);
            } else if (positive && (act.type === 'disclose' || (act.type === 'answer-item' && act.seen)))
              for (const id of act.items) loved.add(id);
          }
          // A slate answering a critique has the critique for its reason.
          if (turn.acts.some((act) => act.type === 'respond-critique' || act.type === 'no-match')) continue;
          for (const act of turn.acts) {
            if (act.type !== 'recommend') continue;
            slates++;
            if (act.like !== undefined) loved.delete(act.like);
            if (act.reasons.length > 0 || act.like !== undefined) continue;
            // "Let me suggest True Grit and The Revenant", with no word of why, only when the user named no liking
            // any of them has and loved no title not yet gone by.
            const liking = act.items.some((id) => [...held].some((key) => catalog.carries(id, key)));
            if (liking || loved.size > 0) bare.push(`${dialogue.id} turn ${turn.index}: ${act.items.join(', ')}`);
          }
        }
      }
      expect(slates).toBeGreaterThan(500);
      expect(bare).toEqual([]);
    }
  });

  it('takes up a title praised before the first slate in it: drawn from it, or with one item like it beside the rest', async () => {
    for (const catalog of [builtinCatalog(), builtinBooksCatalog()]) {
      let praised = 0;
      let taken = 0;
      let beside = 0;
      for (const dialogue of await templateDialogues(catalog, 300, { userSeed: 12, seed: 12 })) {
        const liked = new Set<string>();
        const first = dialogue.turns.find((turn) => turn.acts.some((act) => act.type === 'recommend'));
        for (const turn of dialogue.turns.slice(0, first?.index ?? 0))
          for (const act of turn.acts)
            if ((act.type === 'disclose' || (act.type === 'answer-item' && act.seen)) && act.polarity === 'positive')
              for (const id of act.items) liked.add(id);
        if (first === undefined || liked.size === 0) continue;
        const parts = first.acts.filter((act): act is ActOfType<'recommend'> => act.type === 'recommend');
        praised++;
        const from = parts.find((part) => part.like !== undefined);
        if (from === undefined) continue;
        expect(liked.has(from.like as string), dialogue.id).toBe(true);
        taken++;
        if (parts.length === 1) continue;
        // Beside a slate that answers the user's likings: one item like the title, after the rest.
        expect(parts.indexOf(from)).toBe(1);
        expect(from.items).toHaveLength(1);
        beside++;
      }
      // Without this, the first slate named none (a like-slate came only later): "Loved The Hours." went unheard in
      // 95% of the dialogues that opened with a favourite.
      expect(praised).toBeGreaterThan(60);
      expect(taken / praised).toBeGreaterThan(0.4);
      // Fewer since 0.37.0 (films 20 → 15, books 19 → 10): the opening favourite is of the kind the user names with
      // it, so the slate for that liking is often like the title already.
      expect(beside).toBeGreaterThan(5);
    }
  });
});
