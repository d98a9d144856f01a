import { describe, expect, it } from 'vitest';
import { ItemCatalog } from '../../src/catalog/item-catalog.js';
import { builtinBooksCatalog } from '../../src/data/builtin/builtin-books-catalog.js';
import { builtinCatalog } from '../../src/data/builtin/builtin-catalog.js';
import type { AssistantAct, UserAct } from '../../src/dialogue/dialogue-acts.js';
import { PreferenceProfile } from '../../src/profile/preference-profile.js';
import { SeededRandom } from '../../src/random/seeded-random.js';
import { UserSimulator } from '../../src/simulation/user-simulator.js';
import { smallCatalog } from '../helpers/small-catalog.js';
import { templateDialogues } from '../helpers/template-dialogues.js';
import { UNTOLD_GENRES } from '../helpers/untold-genres.js';

// m1 Matrix (Action, Sci-Fi, cyberpunk), m2 Alien (Horror, Sci-Fi, space), m3/m4 Heat (Action[, Crime]),
// m5 Amélie (Comedy, Romance), m6 Shining (Horror, haunted house), m7 Toy Story (Animation, Comedy), m8 Blade Runner.
const profile = new PreferenceProfile({
  id: 'u',
  liked: [{ item: 'm1', strength: 1 }],
  disliked: [{ item: 'm6', strength: 0.8 }],
  neutral: ['m7'],
  affinities: { 'genre:Sci-Fi': 0.9, 'tag:cyberpunk': 0.7, 'genre:Horror': -0.8, 'genre:Comedy': 0.1 },
  heldOut: ['m8'],
  persona: { patience: 2, decisiveness: 1, disclosure: 0 },
});

function simulator(seed = 1, options = {}): UserSimulator {
  return new UserSimulator(profile, smallCatalog(), new SeededRandom(seed), options);
}

const recommend = (...items: string[]): AssistantAct => ({ type: 'recommend', items, reasons: [] });

describe('UserSimulator', () => {
  it('never voices what no one has a taste for, nor holds praise against a title: no "films later remade", no "less visually stunning"', () => {
    // "remade" tags the film that was remade (Psycho, 1960): a fact for a description, nobody's liking or dislike.
    // "visually stunning" may be liked, never disliked.
    const catalog = new ItemCatalog(
      [
        { id: 'p', title: 'Psycho', year: 1960, attributes: { genre: ['Horror'], tag: ['remade', 'dark'] } },
        { id: 'v', title: 'Vertigo', year: 1958, attributes: { genre: ['Thriller'], tag: ['remade', 'dark'] } },
        {
          id: 'c',
          title: 'Casablanca',
          year: 1942,
          attributes: { genre: ['Drama'], tag: ['remade', 'visually stunning'] },
        },
      ],
      { domain: 'movies' },
    );
    const voiced = new Set<string>();
    for (const remade of [0.95, -0.95]) {
      const taste = new PreferenceProfile({
        id: 'r',
        liked: [{ item: 'v', strength: 0.9 }],
        affinities: { 'tag:remade': remade, 'tag:dark': 0.6, 'genre:Drama': -0.5, 'tag:visually stunning': -0.95 },
        persona: { patience: 5, decisiveness: 0, disclosure: 1, verbosity: 'chatty' },
      });
      for (let seed = 0; seed < 30; seed++) {
        const user = new UserSimulator(taste, catalog, new SeededRandom(`remade/${seed}`));
        const turns: AssistantAct[][] = [
          [
            { type: 'greet', items: [] },
            { type: 'ask-open', items: [] },
          ],
          [{ type: 'ask-attribute', items: [], facet: 'tag' }],
          [recommend('p')],
          [recommend('c')],
          [{ type: 'ask-attribute', items: [], facet: 'tag' }],
        ];
        for (const acts of turns)
          for (const act of user.respond(acts)) {
            if (!('attribute' in act) || act.attribute === undefined) continue;
            const against = act.type === 'critique' || ('polarity' in act && act.polarity === 'negative');
            voiced.add(`${against ? 'against' : 'for'} ${act.attribute}`);
          }
      }
    }
    expect([...voiced].filter((said) => said.endsWith('tag:remade'))).toEqual([]);
    expect(voiced.has('against tag:visually stunning')).toBe(false);
    // What it does care for is still said, against as well as for.
    expect(voiced.has('for tag:dark')).toBe(true);
    expect(voiced.has('against genre:Drama')).toBe(true);
  });

  it('answers attribute questions from its affinities, and "no strong feelings" where it has none', () => {
    const user = simulator();
    expect(user.respond([{ type: 'ask-attribute', items: [], facet: 'genre', attribute: 'genre:Horror' }])).toEqual([
      { type: 'disclose', items: [], attribute: 'genre:Horror', polarity: 'negative', strength: 0.8 },
    ]);
    expect(user.respond([{ type: 'ask-attribute', items: [], facet: 'genre', attribute: 'genre:Crime' }])).toEqual([
      { type: 'disclose', items: [], attribute: 'genre:Crime', polarity: 'neutral', strength: 0 },
    ]);
    expect(user.respond([{ type: 'ask-attribute', items: [], facet: 'genre' }])[0]).toMatchObject({
      attribute: 'genre:Sci-Fi',
      polarity: 'positive',
    });
  });

  it('with no favourite in a facet, says what it likes instead', () => {
    const catalog = builtinCatalog();
    const comedyFan = new PreferenceProfile({ id: 'c', liked: [], disliked: [], affinities: { 'genre:Comedy': 0.8 } });
    const [act] = new UserSimulator(comedyFan, catalog, new SeededRandom(1)).respond([
      { type: 'ask-attribute', items: [], facet: 'director' },
    ]);
    expect(act).toEqual({
      type: 'disclose',
      items: [],
      attribute: 'genre:Comedy',
      polarity: 'positive',
      strength: 0.8,
    });
  });

  it('with no favourite in a facet and no liking left to say, names one of its common values as a lukewarm example, not always the same', () => {
    const catalog = builtinCatalog();
    const lukewarm = new PreferenceProfile({ id: 'l', liked: [], disliked: [], affinities: { 'genre:Comedy': 0.1 } });
    const named = new Set<string>();
    for (let seed = 0; seed < 40; seed++) {
      const [act] = new UserSimulator(lukewarm, catalog, new SeededRandom(seed)).respond([
        { type: 'ask-attribute', items: [], facet: 'director' },
      ]);
      expect(act).toMatchObject({ type: 'disclose', polarity: 'neutral' });
      if (act?.type === 'disclose' && act.attribute !== undefined) named.add(act.attribute);
    }
    // Directors by how many films of the catalog they made, most first: the examples come from the top few.
    const byCount = new Map<string, number>();
    for (const item of catalog)
      for (const name of item.attributes.director ?? []) byCount.set(name, (byCount.get(name) ?? 0) + 1);
    const counts = [...byCount.values()].sort((a, b) => b - a);
    expect(named.size).toBeGreaterThan(2);
    for (const key of named)
      expect(byCount.get(key.slice('director:'.length))).toBeGreaterThanOrEqual(counts[6] as number);
  });

  it('answers a question about a facet with what items are before a name its values may also be', () => {
    // MovieLens tags mix subjects ("heist") with names ("Brad Pitt"): "Which topics do you like?" was answered
    // "Usually up for Leonardo DiCaprio movies" in 181 of 959 such questions before 0.35.0.
    const tagged = new ItemCatalog(
      [
        { id: 'a', title: 'Ocean Heist', year: 2001, attributes: { genre: ['Crime'], tag: ['Brad Pitt', 'heist'] } },
        { id: 'b', title: 'Fight Night', year: 1999, attributes: { genre: ['Drama'], tag: ['Brad Pitt'] } },
        { id: 'c', title: 'The Vault', year: 2010, attributes: { genre: ['Crime'], tag: ['heist'] } },
      ],
      { domain: 'movies' },
    );
    const fan = new PreferenceProfile({
      id: 'fan',
      liked: [{ item: 'a', strength: 1 }],
      affinities: { 'tag:Brad Pitt': 0.9, 'tag:heist': 0.6 },
      persona: { disclosure: 0 },
    });
    const user = new UserSimulator(fan, tagged, new SeededRandom(1));
    const ask: AssistantAct = { type: 'ask-attribute', facet: 'tag', items: [] };
    const said = (acts: UserAct[]) => acts.flatMap((act) => (act.type === 'disclose' ? [act.attribute] : []));
    expect(said(user.respond([ask]))).toEqual(['tag:heist']);
    expect(said(user.respond([ask]))).toEqual(['tag:Brad Pitt']);
  });

  it('answers item questions from what it has seen; held-out items are unseen to it', () => {
    const user = simulator();
    const ask = (item: string) => user.respond([{ type: 'ask-item', items: [item] }])[0];
    expect(ask('m1')).toEqual({ type: 'answer-item', items: ['m1'], seen: true, polarity: 'positive', strength: 1 });
    expect(ask('m6')).toEqual({ type: 'answer-item', items: ['m6'], seen: true, polarity: 'negative', strength: 0.8 });
    expect(ask('m7')).toEqual({ type: 'answer-item', items: ['m7'], seen: true, polarity: 'neutral', strength: 0 });
    expect(ask('m3')).toEqual({ type: 'answer-item', items: ['m3'], seen: false });
    expect(ask('m8')).toEqual({ type: 'answer-item', items: ['m8'], seen: false });
    const lenient = simulator(1, { unseenItems: 'neutral' });
    expect(lenient.respond([{ type: 'ask-item', items: ['m3'] }])[0]).toMatchObject({
      seen: true,
      polarity: 'neutral',
    });
  });

  it('accepts a recommendation that fits, critiques one carrying a disliked attribute', () => {
    expect(simulator().respond([recommend('m8')])).toEqual([{ type: 'accept', items: ['m8'] }]);
    const critiqued = simulator().respond([recommend('m2')]);
    expect(critiqued).toEqual([
      { type: 'critique', items: ['m2'], attribute: 'genre:Horror', direction: 'less', polarity: 'negative' },
    ]);
  });

  it('asked what it would change, refines a title it would settle for, twice at most, while its patience lasts', () => {
    // Three sci-fi films, which this user likes, each with a theme it mildly dislikes; one it has seen and loved.
    const catalog = new ItemCatalog(
      [
        { id: 'loved', title: 'Loved', year: 1990, attributes: { genre: ['Sci-Fi'] } },
        ...['robots', 'aliens', 'clones'].map((tag, i) => ({
          id: tag,
          title: `A Film About ${tag}`,
          year: 2000 + i,
          attributes: { genre: ['Sci-Fi'], tag: [tag] },
        })),
      ],
      { domain: 'movies' },
    );
    const settler = (patience: number, affinities: Record<string, number>) =>
      new UserSimulator(
        new PreferenceProfile({
          id: 'r',
          liked: [{ item: 'loved', strength: 1 }],
          disliked: [],
          affinities: { 'genre:Sci-Fi': 0.8, ...affinities },
          persona: { patience, decisiveness: 1, pickiness: 0, disclosure: 0 },
        }),
        catalog,
        new SeededRandom(1),
      );
    const mild = { 'tag:robots': -0.15, 'tag:aliens': -0.15, 'tag:clones': -0.15 };
    const invited = (item: string): AssistantAct => ({
      type: 'recommend',
      items: [item],
      reasons: [],
      invitesCritique: true,
    });
    const less = (item: string) => [
      { type: 'critique', items: [item], attribute: `tag:${item}`, direction: 'less', polarity: 'negative' },
    ];
    const accept = (item: string) => [{ type: 'accept', items: [item] }];
    // Not asked, it takes the first.
    expect(settler(8, mild).respond([recommend('robots')])).toEqual(accept('robots'));
    const user = settler(8, mild);
    expect(user.respond([invited('robots')])).toEqual(less('robots'));
    expect(user.respond([invited('aliens')])).toEqual(less('aliens'));
    expect(user.respond([invited('clones')])).toEqual(accept('clones'));
    // With two misses' patience left, it takes what will do.
    expect(settler(2, mild).respond([invited('robots')])).toEqual(accept('robots'));
    // And a title it has nothing against is simply taken.
    expect(settler(8, {}).respond([invited('robots')])).toEqual(accept('robots'));
  });

  it('asked what it would change, with nothing against a title it turns down, says what it would rather have', () => {
    const catalog = new ItemCatalog(
      [
        { id: 'loved', title: 'Loved', year: 2000, attributes: { genre: ['Sci-Fi'] } },
        { id: 'plain', title: 'Plain', year: 2001, attributes: { genre: ['Drama'] } },
        { id: 'west', title: 'West', year: 2002, attributes: { genre: ['Western'] } },
      ],
      { domain: 'movies' },
    );
    const user = () =>
      new UserSimulator(
        new PreferenceProfile({
          id: 'w',
          liked: [{ item: 'loved', strength: 1 }],
          disliked: [],
          affinities: { 'genre:Sci-Fi': 0.8, 'genre:Western': 0.9 },
          persona: { patience: 8, decisiveness: 1, pickiness: 0, disclosure: 0 },
        }),
        catalog,
        new SeededRandom(1),
      );
    const reject = { type: 'reject', items: ['plain'], seen: false };
    expect(user().respond([{ type: 'recommend', items: ['plain'], reasons: [], invitesCritique: true }])).toEqual([
      reject,
      { type: 'disclose', items: [], attribute: 'genre:Western', polarity: 'positive', strength: 0.9 },
    ]);
    expect(user().respond([recommend('plain')])).toEqual([reject]);
  });

  it('takes a slate in two parts as one choice: one answer, about an item of either part', () => {
    let tookSecond = 0;
    for (let seed = 0; seed < 40; seed++) {
      // Blade Runner (held out, so unseen, and of its taste) is in the second part: it may be the one taken.
      const acts = simulator(seed).respond([recommend('m5'), recommend('m8')]);
      const accepted = acts.filter((act) => act.type === 'accept');
      expect(accepted.length).toBeLessThanOrEqual(1);
      for (const act of acts) for (const item of act.items) expect(['m5', 'm8']).toContain(item);
      if (accepted[0]?.items[0] === 'm8') tookSecond++;
      // Two parts the user would turn down are turned down together, once.
      const refused = simulator(seed).respond([recommend('m6'), recommend('m5')]);
      expect(refused.filter((act) => act.type === 'accept')).toEqual([]);
      for (const act of refused) for (const item of act.items) expect(['m5', 'm6']).toContain(item);
      expect(refused.filter((act) => act.type === 'reject').length).toBeLessThanOrEqual(1);
    }
    expect(tookSecond).toBeGreaterThan(20);
  });

  it('asked what put it off a title, says what it would change, or that nothing did and what it likes instead', () => {
    const askReason = (item: string): AssistantAct => ({ type: 'ask-reason', items: [item] });
    expect(simulator().respond([askReason('m2')])).toEqual([
      { type: 'critique', items: ['m2'], attribute: 'genre:Horror', direction: 'less', polarity: 'negative' },
    ]);
    // Heat has nothing this user dislikes or wants more of.
    const [reject, liking, ...rest] = simulator().respond([askReason('m3')]);
    expect(reject).toEqual({ type: 'reject', items: ['m3'], seen: false });
    expect(liking).toMatchObject({ type: 'disclose', polarity: 'positive' });
    expect(profile.affinity((liking as { attribute: string }).attribute)).toBeGreaterThan(0.2);
    expect(rest).toEqual([]);
  });

  it('asked, names a dislike too mild to bring up unasked, unless it called it "no strong feelings" before', () => {
    const mild = new PreferenceProfile({ ...profile.toJSON(), affinities: { 'genre:Crime': -0.15 } });
    const user = () => new UserSimulator(mild, smallCatalog(), new SeededRandom(1));
    const lessCrime = { type: 'critique', items: ['m3'], attribute: 'genre:Crime', direction: 'less' };
    expect(user().respond([recommend('m3')])).not.toContainEqual(expect.objectContaining(lessCrime));
    expect(user().respond([{ type: 'ask-reason', items: ['m3'] }])).toEqual([{ ...lessCrime, polarity: 'negative' }]);
    const told = user();
    const answer = told.respond([{ type: 'ask-attribute', items: [], facet: 'genre', attribute: 'genre:Crime' }]);
    expect(answer).toContainEqual(expect.objectContaining({ attribute: 'genre:Crime', polarity: 'neutral' }));
    expect(told.respond([{ type: 'ask-reason', items: ['m3'] }])).not.toContainEqual(
      expect.objectContaining(lessCrime),
    );
  });

  it('names no mild dislike that a title it said it loved, asked about it, has', () => {
    // "Yep, loved The Matrix." is not followed by "like Alien, but less sci-fi".
    const mild = new PreferenceProfile({ ...profile.toJSON(), affinities: { 'genre:Sci-Fi': -0.15 } });
    const lessSciFi = { type: 'critique', items: ['m2'], attribute: 'genre:Sci-Fi', direction: 'less' };
    const user = () => new UserSimulator(mild, smallCatalog(), new SeededRandom(1));
    expect(user().respond([{ type: 'ask-reason', items: ['m2'] }])).toContainEqual(expect.objectContaining(lessSciFi));
    const asked = user();
    expect(asked.respond([{ type: 'ask-item', items: ['m1'] }])).toEqual([
      expect.objectContaining({ type: 'answer-item', items: ['m1'], polarity: 'positive' }),
    ]);
    expect(asked.respond([{ type: 'ask-reason', items: ['m2'] }])).not.toContainEqual(
      expect.objectContaining(lessSciFi),
    );
  });

  it('volunteers no dislike that a title it spoke well of carries, but answers truly when asked about it', () => {
    const fan = new PreferenceProfile({
      id: 'f',
      liked: [{ item: 'm1', strength: 1 }],
      disliked: [],
      affinities: { 'genre:Sci-Fi': -0.8, 'genre:Horror': -0.5 },
      persona: { disclosure: 0 },
    });
    const user = () => new UserSimulator(fan, smallCatalog(), new SeededRandom(1));
    const askGenre: AssistantAct = { type: 'ask-attribute', items: [], facet: 'genre' };
    expect(user().respond([askGenre])[0]).toMatchObject({ attribute: 'genre:Sci-Fi', polarity: 'negative' });
    const praising = user();
    expect(praising.respond([{ type: 'ask-item', items: ['m1'] }])[0]).toMatchObject({ polarity: 'positive' });
    expect(praising.respond([askGenre])[0]).toMatchObject({ attribute: 'genre:Horror', polarity: 'negative' });
    expect(praising.respond([{ ...askGenre, attribute: 'genre:Sci-Fi' }])[0]).toMatchObject({
      attribute: 'genre:Sci-Fi',
      polarity: 'negative',
    });
  });

  it('told what a title is, turns it down for a mild dislike it heard of, not for one it was not told', () => {
    const mild = new PreferenceProfile({ ...profile.toJSON(), affinities: { 'genre:Crime': -0.15 } });
    const lessCrime = { type: 'critique', items: ['m3'], attribute: 'genre:Crime', direction: 'less' };
    const described = (attributes: string[]) =>
      new UserSimulator(mild, smallCatalog(), new SeededRandom(1), { critiqueRate: 1 }).respond([
        { type: 'describe-item', items: ['m3'], attributes },
      ]);
    // "Heat is an action crime film." "Too much about crime for me", not "Heat sounds close, but not quite".
    expect(described(['genre:Action', 'genre:Crime'])).toEqual([{ ...lessCrime, polarity: 'negative' }]);
    expect(described(['genre:Action'])).not.toContainEqual(expect.objectContaining(lessCrime));
  });

  it('never accepts an item carrying an attribute it dislikes, whatever the seed', () => {
    for (let seed = 0; seed < 300; seed++) {
      const acts = simulator(seed).respond([recommend('m2', 'm6')]);
      expect(acts.some((act) => act.type === 'accept')).toBe(false);
    }
  });

  it('turns down films it has seen, saying what it thought of them', () => {
    expect(simulator().respond([recommend('m1', 'm6')])).toEqual([
      { type: 'disclose', items: ['m1'], polarity: 'positive', strength: 1 },
      { type: 'disclose', items: ['m6'], polarity: 'negative', strength: 0.8 },
      { type: 'reject', items: ['m1', 'm6'], seen: true },
    ]);
    // A film seen without strong feelings gets its word too, not silence.
    expect(simulator().respond([recommend('m1', 'm7')])).toEqual([
      { type: 'disclose', items: ['m1'], polarity: 'positive', strength: 1 },
      { type: 'disclose', items: ['m7'], polarity: 'neutral', strength: 0 },
      { type: 'reject', items: ['m1', 'm7'], seen: true },
    ]);
  });

  it('gives up after as many unsatisfying recommendations as its patience', () => {
    const user = simulator();
    expect(user.respond([recommend('m6')]).at(-1)?.type).toBe('reject');
    expect(user.state).toBe('talking');
    const second = user.respond([recommend('m2')]);
    expect(second.at(-1)).toEqual({ type: 'give-up', items: [] });
    expect(user.state).toBe('gave-up');
  });

  it('still says it had seen the last slate when it gives up on it, but asks for nothing more', () => {
    const user = simulator();
    user.respond([recommend('m6')]);
    // m1 was loved, m6 disliked: both seen, and patience runs out.
    expect(user.respond([recommend('m1', 'm6')])).toEqual([
      { type: 'disclose', items: ['m1'], polarity: 'positive', strength: 1 },
      { type: 'disclose', items: ['m6'], polarity: 'negative', strength: 0.8 },
      { type: 'reject', items: ['m1', 'm6'], seen: true },
      { type: 'give-up', items: [] },
    ]);
    // Giving up on new titles shown with a loved one it had seen, it says it had seen that one: "Loved A! Nothing's
    // clicking." would read as turning down what it loved.
    const other = simulator();
    other.respond([recommend('m6')]);
    // And the new one is turned down: leaving without a word on it reads as not having heard it.
    expect(other.respond([recommend('m1', 'm2')])).toEqual([
      { type: 'disclose', items: ['m1'], polarity: 'positive', strength: 1 },
      { type: 'reject', items: ['m1'], seen: true },
      { type: 'reject', items: ['m2'], seen: false },
      { type: 'give-up', items: [] },
    ]);
  });

  it('turns down the new titles of the last slate when it gives up, critiquing or not', () => {
    for (let seed = 0; seed < 50; seed++) {
      const user = simulator(seed, { critiqueRate: seed % 2 });
      user.respond([recommend('m6')]);
      const last = user.respond([recommend('m2', 'm3')]);
      expect(last.at(-1)).toEqual({ type: 'give-up', items: [] });
      expect(last.slice(0, -1)).toEqual([{ type: 'reject', items: ['m2', 'm3'], seen: false }]);
    }
  });

  it('answers a goodbye that came with a last suggestion: takes it or says what it lacked, asks nothing, says goodbye', () => {
    const close: AssistantAct = { type: 'close', items: [] };
    const goodbye: UserAct = { type: 'close', items: [] };
    expect(simulator().respond([recommend('m8'), close])).toEqual([{ type: 'accept', items: ['m8'] }, goodbye]);
    // Alien, with a disliked genre, is critiqued as it would be, but not asked about; nor is anything else.
    expect(simulator().respond([recommend('m2'), close])).toEqual([
      { type: 'critique', items: ['m2'], attribute: 'genre:Horror', direction: 'less', polarity: 'negative' },
      goodbye,
    ]);
    expect(simulator().respond([{ type: 'describe-item', items: ['m8'], attributes: [] }, close])).toEqual([
      { type: 'accept', items: ['m8'] },
      goodbye,
    ]);
    for (let seed = 0; seed < 40; seed++) {
      const types = simulator(seed)
        .respond([recommend('m3', 'm5'), close])
        .map((act) => act.type);
      expect(types.at(-1)).toBe('close');
      expect(types).not.toContain('ask-about-item');
      expect(types.some((type) => type === 'accept' || type === 'reject' || type === 'critique')).toBe(true);
    }
    // Out of patience there, it does not give up on a recommender who has already left: it says goodbye.
    const user = simulator();
    user.respond([recommend('m6')]);
    expect(user.respond([recommend('m2'), close]).at(-1)).toEqual(goodbye);
    expect(user.state).toBe('talking');
    // A critique of one title turns the other new ones down with it: none is left without a word.
    let critiquedOne = 0;
    for (let seed = 0; seed < 40; seed++) {
      const acts = simulator(seed).respond([recommend('m2', 'm5'), close]);
      const answered = acts.flatMap((act) => (act.type === 'critique' || act.type === 'reject' ? act.items : []));
      if (acts.some((act) => act.type === 'accept')) continue;
      expect(answered).toEqual(expect.arrayContaining(['m2', 'm5']));
      if (acts.some((act) => act.type === 'critique' && act.items.length === 1)) critiquedOne++;
    }
    expect(critiquedOne).toBeGreaterThan(5);
    // A goodbye with nothing to answer gets a goodbye.
    expect(simulator().respond([close])).toEqual([goodbye]);
  });

  it('names no item the recommender did not name, except the visible ones it rated', () => {
    const catalog = smallCatalog();
    const visible = new Set(['m1', 'm6', 'm7']);
    for (let seed = 0; seed < 200; seed++) {
      const random = new SeededRandom(seed);
      const user = new UserSimulator(profile, catalog, random.fork('user'));
      const named = new Set<string>();
      const turns: AssistantAct[][] = [
        [
          { type: 'greet', items: [] },
          { type: 'ask-open', items: [] },
        ],
        [{ type: 'ask-attribute', items: [], facet: 'tag' }],
        [recommend(...random.sample(catalog.ids(), random.int(1, 3)))],
      ];
      for (const acts of turns) {
        for (const act of acts) for (const item of act.items) named.add(item);
        const reply: UserAct[] = user.respond(acts);
        for (const act of reply)
          for (const item of act.items)
            expect(named.has(item) || visible.has(item), `${item} (seed ${seed})`).toBe(true);
      }
    }
  });

  it('opens with a favourite of the kind it names, when it has one', () => {
    // "Sci-fi, always. The Matrix was great", not "Sci-fi, always. Amélie was great": 384 of 3,000 film openings
    // before 0.37.0 paired a taste with a favourite of another kind.
    const opening = (affinities: Record<string, number>, matrix = 0.9) =>
      new UserSimulator(
        new PreferenceProfile({
          id: 'o',
          liked: [
            { item: 'm5', strength: 1 },
            { item: 'm1', strength: matrix },
          ],
          disliked: [],
          affinities,
          persona: { disclosure: 1 },
        }),
        smallCatalog(),
        new SeededRandom(1),
      ).respond([{ type: 'ask-open', items: [] }]);
    const favourite = (acts: UserAct[]) => acts.find((act) => act.type === 'disclose' && !act.attribute)?.items;
    expect(opening({ 'genre:Sci-Fi': 0.9 })).toContainEqual(expect.objectContaining({ attribute: 'genre:Sci-Fi' }));
    expect(favourite(opening({ 'genre:Sci-Fi': 0.9 }))).toEqual(['m1']);
    // With no favourite of that kind, the best-liked one; nor is one only liked a fair bit, or one with something the
    // user dislikes ("Sci-fi, always. The Matrix was pretty good", then "No action, please"), a favourite of it.
    expect(favourite(opening({ 'genre:Horror': 0.9 }))).toEqual(['m5']);
    expect(favourite(opening({ 'genre:Sci-Fi': 0.9 }, 0.5))).toEqual(['m5']);
    expect(favourite(opening({ 'genre:Sci-Fi': 0.9, 'genre:Action': -0.6 }))).toEqual(['m5']);
  });

  it('asked why it turned a title down, names a liking that goes with the title only if it is not far weaker', () => {
    // Toy Story's neighbours have toys; westerns have outlaws, nothing like it. "Had toy movies in mind, not Toy
    // Story" from a user who barely cares for toys, with a love of outlaws unsaid, is a made-up reason. Every title is
    // well tagged, so a tag missing from Toy Story says it is not that.
    const film = (id: string, genre: string[], tag: string[] = []) => ({
      id,
      title: id,
      year: 2000,
      attributes: { genre, tag },
    });
    const catalog = new ItemCatalog(
      [
        film('x', ['Animation', 'Comedy'], ['family', 'friendship', 'adventure']),
        ...[0, 1, 2, 3, 4, 5].map((i) => film(`a${i}`, ['Animation', 'Comedy'], ['toys', 'family', 'friendship'])),
        ...[0, 1, 2, 3, 4, 5].map((i) => film(`w${i}`, ['Western'], ['outlaws', 'revenge', 'frontier'])),
      ],
      { domain: 'movies' },
    );
    const named = (toys: number) =>
      new UserSimulator(
        new PreferenceProfile({
          id: 'r',
          liked: [],
          disliked: [],
          affinities: { 'tag:toys': toys, 'tag:outlaws': 0.9 },
        }),
        catalog,
        new SeededRandom(1),
      )
        .respond([{ type: 'ask-reason', items: ['x'] }])
        .find((act) => act.type === 'disclose')?.attribute;
    expect(named(0.25)).toBe('tag:outlaws');
    expect(named(0.6)).toBe('tag:toys');
  });

  it('asked why it turned a title down, names no tag the title only lacks in sparse tags, but does in full ones', () => {
    // MovieLens tags come from whoever gave one: Dune has none, The Prestige only two, and neither lacks space or a
    // twist ending for that. "Dune is all right, but I'd enjoy space movies" is not said; comedies, a genre, are.
    const film = (id: string, genre: string[], tag: string[] = []) => ({
      id,
      title: id,
      year: 2000,
      attributes: { genre, tag },
    });
    const sparse = new ItemCatalog(
      [
        film('dune', ['Adventure', 'Sci-Fi']),
        film('prestige', ['Drama', 'Mystery'], ['atmospheric', 'enigmatic']),
        ...[0, 1, 2].map((i) => film(`s${i}`, ['Sci-Fi'], ['space', 'aliens', 'spaceships', 'future'])),
        ...[0, 1, 2, 3, 4, 5, 6, 7].map((i) => film(`u${i}`, ['Comedy'])),
      ],
      { domain: 'movies' },
    );
    // A catalog that tags every title fully: a tag Dune does not have, it lacks.
    const full = new ItemCatalog(
      [
        film('dune', ['Adventure', 'Sci-Fi'], ['desert', 'politics', 'prophecy']),
        film('prestige', ['Drama', 'Mystery'], ['atmospheric', 'enigmatic', 'magic']),
        ...[0, 1, 2].map((i) => film(`s${i}`, ['Sci-Fi'], ['space', 'aliens', 'spaceships', 'future'])),
      ],
      { domain: 'movies' },
    );
    const reason = (catalog: ItemCatalog, item: string, affinities: Record<string, number>) =>
      new UserSimulator(
        new PreferenceProfile({ id: 'r', liked: [], disliked: [], affinities }),
        catalog,
        new SeededRandom(1),
      )
        .respond([{ type: 'ask-reason', items: [item] }])
        .filter((act) => act.type === 'disclose')
        .map((act) => act.attribute);
    const tastes = { 'tag:space': 0.9, 'tag:twist ending': 0.8, 'genre:Comedy': 0.6 };
    expect(reason(sparse, 'dune', tastes)).toEqual(['genre:Comedy']);
    expect(reason(sparse, 'prestige', tastes)).toEqual(['genre:Comedy']);
    // With no liking it can say the title lacks that is near the strongest, it names none ("Nothing in particular").
    expect(reason(sparse, 'dune', { 'tag:space': 0.9, 'genre:Comedy': 0.3 })).toEqual([]);
    expect(reason(full, 'dune', tastes)).toEqual(['tag:space']);
    expect(reason(full, 'prestige', tastes)).toEqual(['tag:space']);
  });

  it('is deterministic for a seed', () => {
    const run = (seed: number) => {
      const user = simulator(seed);
      return [
        user.respond([
          { type: 'greet', items: [] },
          { type: 'ask-open', items: [] },
        ]),
        user.respond([recommend('m2', 'm3', 'm5')]),
      ];
    };
    expect(run(5)).toEqual(run(5));
  });
});

describe('UserSimulator in whole dialogues', () => {
  it('turns down no new title with something it said it likes without a word on what it lacks', async () => {
    const catalog = builtinCatalog();
    let rejected = 0;
    let unexplained = 0;
    // Few titles are turned down new, undescribed and unasked: 800 dialogues give a dozen or two, so three seeds'.
    const seeds = [6, 7, 8];
    const runs = await Promise.all(seeds.map((seed) => templateDialogues(catalog, 800, { userSeed: seed, seed })));
    for (const dialogue of runs.flat()) {
      const liked = new Set<string>();
      dialogue.turns.forEach((turn, index) => {
        if (turn.speaker !== 'user') return;
        for (const act of turn.acts)
          if (act.type === 'disclose' && act.polarity === 'positive' && act.attribute !== undefined)
            liked.add(act.attribute);
        // Told what the title is, or leaving (giving up, or answering the recommender's goodbye with no turn left to
        // ask about it), a plain "not for me" is fine: the wording grants the fit.
        if (turn.acts.some((act) => act.type === 'give-up' || act.type === 'close')) return;
        // Nor is a title turned down again when asked why ("Nothing in particular."): it was counted the first time.
        const described = (dialogue.turns[index - 1]?.acts ?? []).flatMap((act) =>
          act.type === 'describe-item' || act.type === 'ask-reason' ? act.items : [],
        );
        for (const act of turn.acts) {
          if (act.type !== 'reject' || act.seen) continue;
          for (const item of act.items) {
            if (described.includes(item)) continue;
            rejected++;
            if ([...liked].some((key) => catalog.carries(item, key))) unexplained++;
          }
        }
      });
    }
    // A horror fan does not answer "Suspiria? Nah.": they say what it lacks, or ask about it first.
    expect(rejected).toBeGreaterThan(30);
    expect(unexplained / rejected).toBeLessThan(0.2);
  });

  it('names titles it disliked unasked now and then, as examples of a dislike it states, each once', async () => {
    // Before 0.42.0 a user spoke against a title almost only when it was suggested or asked about: 73 of 3,000 film
    // dialogues had a dislike of a title at all, though every user has a dozen or more. Beside a kind it dislikes, the
    // title is one of that kind: "I really can't do documentaries, and Koyaanisqatsi was unwatchable".
    const catalog = builtinCatalog();
    const dialogues = await templateDialogues(catalog, 400, { userSeed: 8, seed: 8 });
    let volunteering = 0;
    for (const dialogue of dialogues) {
      const disliked = new Set(dialogue.user.disliked);
      const said: string[] = [];
      let volunteered = false;
      dialogue.turns.forEach((turn, index) => {
        if (turn.speaker !== 'user') return;
        const offered = (dialogue.turns[index - 1]?.acts ?? []).flatMap((act) => act.items);
        for (const act of turn.acts) {
          if (act.type !== 'disclose' || act.polarity !== 'negative' || act.attribute !== undefined) continue;
          const item = act.items[0] as string;
          expect(disliked.has(item), `${dialogue.id}: ${item}`).toBe(true);
          expect(said, `${dialogue.id}: ${item} said twice`).not.toContain(item);
          said.push(item);
          if (offered.includes(item)) continue;
          volunteered = true;
          const against = turn.acts.find(
            (other) => other.type === 'disclose' && other.attribute !== undefined && other.polarity === 'negative',
          );
          if (against?.type === 'disclose')
            expect(catalog.carries(item, against.attribute as string), `${dialogue.id}: ${item}`).toBe(true);
        }
      });
      if (volunteered) volunteering++;
    }
    expect(volunteering / dialogues.length).toBeGreaterThan(0.06);
  });

  it('answers what put it off a title with a critique its taste bears out, or nothing and a liking it has', async () => {
    const catalog = builtinCatalog();
    let critiqued = 0;
    let nothing = 0;
    // A critique is the rarer answer (about one dialogue in a thousand): batches are drawn until both have come up.
    for (let seed = 4; seed < 14 && (critiqued === 0 || nothing === 0); seed++)
      for (const dialogue of await templateDialogues(catalog, 600, { userSeed: seed, seed })) {
        const taste = dialogue.user.preferences;
        dialogue.turns.forEach((turn, index) => {
          const ask = turn.acts.find((act) => act.type === 'ask-reason');
          const answer = dialogue.turns[index + 1]?.acts;
          if (!ask || !answer) return;
          const [first, ...rest] = answer;
          const context = `${dialogue.id}: ${dialogue.turns[index + 1]?.text}`;
          if (first?.type === 'critique') {
            critiqued++;
            expect(first.items, context).toEqual(ask.items);
            expect(rest, context).toEqual([]);
            if (first.direction === 'less') expect(taste[first.attribute as string], context).toBeLessThan(0);
            if (first.direction === 'more')
              expect(taste[first.attribute as string], context).toBeGreaterThanOrEqual(0.4);
            return;
          }
          nothing++;
          expect(first, context).toEqual({ type: 'reject', items: ask.items, seen: false });
          for (const act of rest) {
            expect(act, context).toMatchObject({ type: 'disclose', polarity: 'positive' });
            const liking = (act as { attribute: string }).attribute;
            expect(taste[liking], context).toBeGreaterThan(0);
            // Not "I'd rather have westerns" of a western.
            expect(catalog.carries(ask.items[0] as string, liking), context).toBe(false);
          }
        });
      }
    expect(critiqued).toBeGreaterThan(0);
    expect(nothing).toBeGreaterThan(0);
  });

  it('never calls a title too old (too new) after speaking well of, or asking for more like, one of its time', async () => {
    const year = (catalog: ItemCatalog, id: string) => catalog.require(id).year as number;
    for (const catalog of [builtinCatalog(), builtinBooksCatalog()]) {
      let era = 0;
      const contradicting: string[] = [];
      for (const dialogue of await templateDialogues(catalog, 400, { userSeed: 10, seed: 10 })) {
        const heldUp: number[] = [];
        for (const turn of dialogue.turns) {
          if (turn.speaker !== 'user') continue;
          for (const act of turn.acts)
            if ((act.type === 'disclose' && act.polarity === 'positive') || (act.type === 'critique' && act.attribute))
              for (const id of act.items) if (catalog.require(id).year !== undefined) heldUp.push(year(catalog, id));
          for (const act of turn.acts) {
            if (act.type !== 'critique' || act.attribute !== undefined) continue;
            era++;
            const of = year(catalog, act.items[0] as string);
            // "Something like The Big Sleep (1946), but more romantic", then "Double Indemnity (1944) is too old".
            if (heldUp.some((held) => (act.direction === 'newer' ? held <= of + 5 : held >= of - 5)))
              contradicting.push(`${dialogue.id}: ${turn.text}`);
          }
        }
      }
      expect(era).toBeGreaterThan(20);
      expect(contradicting).toEqual([]);
    }
  });

  it('never calls a title too old (too new) of a kind it said it loves that is of another era', async () => {
    // Read from the record and the catalog: a kind is of another era when the middle of its titles' years is 30 or
    // more before (after) the middle of the years of the titles the user likes. "I just love film noir", then "like
    // Double Indemnity, but more modern?" (186 such critiques in 9,000 films, books and MovieLens dialogues before
    // 0.35.0).
    const middle = (years: number[]) => years.sort((a, b) => a - b)[Math.floor(years.length / 2)] as number;
    let eras = 0;
    const contradicting: string[] = [];
    for (const catalog of [builtinCatalog(), builtinBooksCatalog()]) {
      const eraOf = (key: string) =>
        middle(catalog.withAttribute(key).flatMap((item) => (item.year === undefined ? [] : [item.year])));
      for (const dialogue of await templateDialogues(catalog, 600, { userSeed: 17, seed: 17 })) {
        const liked = middle(dialogue.user.liked.flatMap((id) => catalog.require(id).year ?? []));
        const loved: string[] = [];
        for (const turn of dialogue.turns) {
          if (turn.speaker !== 'user') continue;
          for (const act of turn.acts) {
            if (act.type !== 'critique' || (act.direction !== 'newer' && act.direction !== 'older')) continue;
            eras++;
            const id = act.items[0] as string;
            const ofAnotherEra = loved.filter(
              (key) =>
                catalog.carries(id, key) &&
                (act.direction === 'newer' ? liked - eraOf(key) >= 30 : eraOf(key) - liked >= 30),
            );
            if (ofAnotherEra.length > 0)
              contradicting.push(`${dialogue.id} (${ofAnotherEra.join(', ')}): ${turn.text}`);
          }
          for (const act of turn.acts)
            if (act.type === 'disclose' && act.polarity === 'positive' && act.attribute !== undefined)
              loved.push(act.attribute);
        }
      }
    }
    expect(eras).toBeGreaterThan(60);
    expect(contradicting).toEqual([]);
  });

  it('still calls a title too old when the kind it loves is of its own era, or a love it has not said', () => {
    // Noir of the 1940s beside dramas of the 2000s; every user likes the modern dramas.
    const film = (id: string, year: number, genre: string[]) => ({
      id,
      title: `Film ${id}`,
      year,
      attributes: { genre },
    });
    const catalog = new ItemCatalog([
      ...[2000, 2003, 2006, 2009, 2012].map((year, i) => film(`d${i}`, year, ['Drama'])),
      film('n1', 1944, ['Film-Noir', 'Crime']),
      film('n2', 1946, ['Film-Noir']),
      film('n3', 1950, ['Film-Noir', 'Crime']),
      film('o1', 1950, ['Drama']),
    ]);
    const fan = (genre: string, said: boolean) => {
      const user = new UserSimulator(
        new PreferenceProfile({
          id: genre,
          liked: ['d0', 'd1', 'd2', 'd3', 'd4'].map((item) => ({ item, strength: 1 })),
          disliked: [],
          affinities: { [genre]: 0.9 },
        }),
        catalog,
        new SeededRandom(3),
      );
      if (said) user.respond([{ type: 'ask-attribute', items: [], facet: 'genre', attribute: genre }]);
      return user;
    };
    const tooOld = { type: 'critique', direction: 'newer', polarity: 'negative' };
    const whyNot = (item: string): AssistantAct => ({ type: 'ask-reason', items: [item] });
    // "I just love film noir" is not followed by "like Double Indemnity, but more modern".
    expect(fan('genre:Film-Noir', true).respond([whyNot('n1')])).not.toContainEqual(expect.objectContaining(tooOld));
    // Not said, the love does not hold the critique back; nor does a love of dramas, which are mostly new.
    expect(fan('genre:Film-Noir', false).respond([whyNot('n1')])).toContainEqual({ ...tooOld, items: ['n1'] });
    expect(fan('genre:Drama', true).respond([whyNot('o1')])).toContainEqual({ ...tooOld, items: ['o1'] });
  });

  it('has a view on most of the kinds of stories it is asked about, not a shrug for nearly all', async () => {
    let asked = 0;
    let shrugged = 0;
    for (const dialogue of await templateDialogues(builtinCatalog(), 300, { userSeed: 8, seed: 8 })) {
      dialogue.turns.forEach((turn, index) => {
        const question = turn.acts.find((act) => act.type === 'ask-attribute' && act.attribute?.startsWith('tag:'));
        const answer = dialogue.turns[index + 1];
        if (question?.type !== 'ask-attribute' || answer === undefined) return;
        asked++;
        if (
          answer.acts.some(
            (act) => act.type === 'disclose' && act.attribute === question.attribute && act.polarity === 'neutral',
          )
        )
          shrugged++;
      });
    }
    // "Movies with talking animals?" to someone who loves animation: "fine either way" every time reads as filler.
    expect(asked).toBeGreaterThan(50);
    expect(shrugged / asked).toBeLessThan(0.85);
  });

  it.each([
    ['movies', builtinCatalog],
    ['books', builtinBooksCatalog],
  ] as const)(
    'asks for more of a genre only on a side of fact and story the title is on (%s): no documentary made fantastical',
    async (_, load) => {
      // "Like March of the Penguins, but more fantastical", "Koyaanisqatsi: not sci-fi enough", "like A Raisin in the
      // Sun, but more of a memoir" ask for another kind of work: 31 in movies and 24 in books of these dialogues before
      // 0.35.0. A genre that tells no story puts a title on its side: no "like Shoah (a war documentary), but more
      // romantic", nor "On the Origin of Species (a classic), but more adventurous" (49 in 9,000 dialogues of 0.47.0);
      // poetry goes with the title's other genres.
      const catalog = load();
      // Poetry goes with the title's other genres: Beowulf, a classic, is a story.
      const told = (genre: string) => !UNTOLD_GENRES.has(genre);
      const sidesOf = (genres: readonly string[]) =>
        new Set([genres.some((genre) => !told(genre) && genre !== 'Poetry') || !genres.some(told)]);
      let more = 0;
      const crossing: string[] = [];
      for (const dialogue of await templateDialogues(catalog, 800, { userSeed: 19, seed: 19 })) {
        for (const turn of dialogue.turns)
          for (const act of turn.acts) {
            if (act.type !== 'critique' || act.direction !== 'more' || !act.attribute?.startsWith('genre:')) continue;
            more++;
            const genres = catalog.require(act.items[0] as string).attributes.genre ?? [];
            if (!sidesOf(genres).has(UNTOLD_GENRES.has(act.attribute.slice('genre:'.length))))
              crossing.push(`${dialogue.id} (${genres.join(', ')} → ${act.attribute}): ${turn.text}`);
          }
      }
      expect(more).toBeGreaterThan(50);
      expect(crossing).toEqual([]);
    },
  );

  it.each([
    ['movies', builtinCatalog, ['Animation']],
    ['books', builtinBooksCatalog, ['Drama', 'Graphic Novel']],
  ] as const)(
    'never asks for more of how a title is made (%s): no "like Clueless, but animated", no "Dead Souls, but a play"',
    async (_, load, mediums) => {
      const catalog = load();
      let more = 0;
      const made: string[] = [];
      for (const dialogue of await templateDialogues(catalog, 1200, { userSeed: 37, seed: 37 })) {
        for (const turn of dialogue.turns)
          for (const act of turn.acts) {
            if (act.type !== 'critique' || act.direction !== 'more' || !act.attribute?.startsWith('genre:')) continue;
            more++;
            if ((mediums as readonly string[]).includes(act.attribute.slice('genre:'.length)))
              made.push(`${dialogue.id}: ${turn.text}`);
          }
      }
      expect(more).toBeGreaterThan(50);
      expect(made).toEqual([]);
    },
  );

  it('asks for more of a genre only when it cares for it, not when it merely does not mind it', async () => {
    let more = 0;
    for (const dialogue of await templateDialogues(builtinCatalog(), 300, { userSeed: 9, seed: 9 })) {
      for (const turn of dialogue.turns)
        for (const act of turn.acts) {
          if (act.type !== 'critique' || act.direction !== 'more' || act.attribute === undefined) continue;
          more++;
          // "Parasite isn't sci-fi enough" from someone for whom sci-fi is merely fine reads as a whim.
          expect(dialogue.user.preferences[act.attribute], `${dialogue.id}: ${turn.text}`).toBeGreaterThanOrEqual(0.4);
        }
    }
    expect(more).toBeGreaterThan(50);
  });

  it.each([
    ['movies', builtinCatalog, 0.08],
    ['books', builtinBooksCatalog, 0.2],
  ] as const)('asks for more of a genre only of a title whose kind often has it (%s)', async (_, load, bound) => {
    // "Like Rear Window, but more noir", not "like Goodfellas, but animated": the genre is among the titles nearest A,
    // counted here as the twenty with the most attribute keys in common relative to all they have between them
    // (Jaccard), apart from the simulator's own weighting. Without one: 5% and 10% (29% and 53% before the simulator
    // looked at A's neighbours). 600 dialogues since 0.35.0, whose users ask for more of a genre less often (only on
    // the title's side of fact and story): 3% of 146 and 13% of 68.
    const catalog = load();
    const keys = new Map(catalog.items().map((item) => [item.id, new Set<string>(catalog.attributeKeysOf(item.id))]));
    const nearest = (id: string) => {
      const own = keys.get(id) as Set<string>;
      return [...keys]
        .filter(([other]) => other !== id)
        .map(([other, theirs]): [string, number] => {
          const shared = [...own].filter((key) => theirs.has(key)).length;
          return [other, shared / (own.size + theirs.size - shared)];
        })
        .sort((a, b) => b[1] - a[1])
        .slice(0, 20)
        .map(([other]) => other);
    };
    let more = 0;
    let alone = 0;
    for (const dialogue of await templateDialogues(catalog, 600, { userSeed: 12, seed: 12 })) {
      for (const turn of dialogue.turns)
        for (const act of turn.acts) {
          if (act.type !== 'critique' || act.direction !== 'more' || act.attribute === undefined) continue;
          const key = act.attribute;
          more++;
          if (!nearest(act.items[0] as string).some((other) => keys.get(other)?.has(key))) alone++;
        }
    }
    expect(more).toBeGreaterThan(40);
    expect(alone / more).toBeLessThan(bound);
  });

  it.each([
    ['movies', builtinCatalog],
    ['books', builtinBooksCatalog],
  ] as const)(
    'calls a title too old (too new) only when nearly all it likes is newer (older) (%s)',
    async (_, load) => {
      // Read from the record: the years of the titles the user likes, and where the critiqued title's year falls among
      // them. "Too old" of a title newer than a sixth of them is a taste the user does not have (a reader of Dickens
      // and Atwood calling a 2002 book "too new"). None now; 33% and 49% of them before 0.18.0.
      const catalog = load();
      let eras = 0;
      let withinTaste = 0;
      for (const dialogue of await templateDialogues(catalog, 400, { userSeed: 13, seed: 13 })) {
        const years = [...dialogue.user.liked, ...dialogue.user.heldOut]
          .map((id) => catalog.require(id).year)
          .filter((year): year is number => year !== undefined);
        for (const turn of dialogue.turns)
          for (const act of turn.acts) {
            if (act.type !== 'critique' || (act.direction !== 'newer' && act.direction !== 'older')) continue;
            eras++;
            const year = catalog.require(act.items[0] as string).year as number;
            const beyond = years.filter((liked) => (act.direction === 'newer' ? liked > year : liked < year));
            if (beyond.length < (5 / 6) * years.length) withinTaste++;
          }
      }
      expect(eras).toBeGreaterThan(20);
      expect(withinTaste / eras).toBeLessThan(0.03);
    },
  );

  it('turns a title down for a dislike of its only genre, never asking for one like it but not of that genre', async () => {
    const catalog = builtinBooksCatalog();
    let pointless = 0;
    let turnedDown = 0;
    for (const dialogue of await templateDialogues(catalog, 1500, { userSeed: 8, seed: 8 })) {
      for (const turn of dialogue.turns) {
        for (const act of turn.acts) {
          if (act.type !== 'critique' || act.direction !== 'less' || !act.attribute?.startsWith('genre:')) continue;
          const genres = catalog.require(act.items[0] as string).attributes.genre ?? [];
          const affinity = dialogue.user.preferences[act.attribute] ?? 0;
          if (genres.length === 1 && affinity <= -0.2) pointless++;
        }
        const against = turn.acts.flatMap((act) =>
          act.type === 'disclose' && act.polarity === 'negative' && act.attribute?.startsWith('genre:')
            ? [act.attribute]
            : [],
        );
        const rejected = turn.acts.flatMap((act) => (act.type === 'reject' && !act.seen ? act.items : []));
        if (rejected.some((id) => against.some((key) => catalog.carries(id, key)))) turnedDown++;
      }
    }
    // "Like The Tale of Genji, but less of a classic" leaves nothing of it to be like: "Classics, not a fan. Not The
    // Tale of Genji." (A dislike too mild to voice may still be asked of it, when the user is asked why.)
    expect(pointless).toBe(0);
    expect(turnedDown).toBeGreaterThan(3);
  });

  it('keeps a dislike it did not voice for later: a mixed slate turned down without a word leaves it to be told', () => {
    // The Shining (m6) is all horror; The Matrix (m1) is cyberpunk, which this user dislikes even more, and mildly
    // action, so The Shining is the closer of the two and the one the critique is of.
    const horrorHater = new PreferenceProfile({
      id: 'h',
      liked: [],
      disliked: [],
      affinities: { 'genre:Horror': -0.75, 'tag:cyberpunk': -1, 'genre:Action': -0.1 },
      persona: { patience: 9, decisiveness: 1, disclosure: 0 },
    });
    let silent = 0;
    for (let seed = 0; seed < 40; seed++) {
      const user = new UserSimulator(horrorHater, smallCatalog(), new SeededRandom(seed), { critiqueRate: 1 });
      const turnedDown = user.respond([recommend('m6', 'm1')]);
      if (turnedDown.some((act) => act.type === 'disclose' || act.type === 'critique')) continue;
      silent++;
      expect(user.respond([{ type: 'ask-attribute', items: [], facet: 'genre' }])).toEqual([
        { type: 'disclose', items: [], attribute: 'genre:Horror', polarity: 'negative', strength: 0.75 },
      ]);
    }
    expect(silent).toBeGreaterThan(10);
  });

  it('never asks for something older after asking for something newer, nor the other way round', async () => {
    let eras = 0;
    for (const dialogue of await templateDialogues(builtinCatalog(), 300, { userSeed: 7, seed: 7 })) {
      const directions = new Set(
        dialogue.turns.flatMap((turn) =>
          turn.acts.flatMap((act) =>
            act.type === 'critique' && (act.direction === 'newer' || act.direction === 'older') ? [act.direction] : [],
          ),
        ),
      );
      if (directions.size > 0) eras++;
      expect(directions.size, dialogue.id).toBeLessThan(2);
    }
    expect(eras).toBeGreaterThan(20);
  });
});

describe('UserSimulator persona', () => {
  const withPersona = (persona: PreferenceProfile['persona']) =>
    new PreferenceProfile({ ...profile.toJSON(), persona });
  // Blade Runner (m8, held out, so unseen): sci-fi and cyberpunk, a great fit for this user.
  const acceptsFirstSlate = (persona: PreferenceProfile['persona'], seed: number) => {
    const user = new UserSimulator(withPersona(persona), smallCatalog(), new SeededRandom(seed));
    return user.respond([recommend('m8')]).some((act: UserAct) => act.type === 'accept');
  };

  it('a picky user often wants to see other options before taking anything from the first slate', () => {
    const share = (pickiness: number) => {
      let accepted = 0;
      for (let seed = 0; seed < 300; seed++) {
        if (acceptsFirstSlate({ patience: 5, decisiveness: 1, disclosure: 0, pickiness }, seed)) accepted++;
      }
      return accepted / 300;
    };
    const easy = share(0);
    const picky = share(1);
    expect(easy).toBeGreaterThan(0.5);
    expect(picky).toBeLessThan(easy * 0.5);
  });

  it('draws the traits a profile leaves open from the default mix, seeded, and reports them all', () => {
    const bare = withPersona(undefined);
    const traits = (seed: number) => new UserSimulator(bare, smallCatalog(), new SeededRandom(seed)).persona;
    expect(Object.keys(traits(1)).sort()).toEqual(['decisiveness', 'disclosure', 'patience', 'pickiness', 'verbosity']);
    expect(traits(1)).toEqual(traits(1));
    const distinct = new Set(Array.from({ length: 20 }, (_, seed) => JSON.stringify(traits(seed))));
    expect(distinct.size).toBeGreaterThan(15);
    // Set traits are kept as they are.
    const set = new UserSimulator(
      withPersona({ verbosity: 'terse', pickiness: 0.25 }),
      smallCatalog(),
      new SeededRandom(3),
    );
    expect(set.persona).toMatchObject({ verbosity: 'terse', pickiness: 0.25 });
  });
});
