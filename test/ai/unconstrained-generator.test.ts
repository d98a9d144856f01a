import { describe, expect, it } from 'vitest';
import { unconstrainedGenerator } from '../../src/ai/unconstrained-generator.js';
import { builtinCatalog } from '../../src/data/builtin/builtin-catalog.js';
import { DialogueRecordSchema } from '../../src/generation/dialogue-record.js';
import { PreferenceProfile } from '../../src/profile/preference-profile.js';
import { useTempDir } from '../helpers/temp-dir.js';
import { rejected } from '../helpers/thrown.js';
import { dataBlock, scriptedModel, userMessage } from './mock-model.js';

const catalog = builtinCatalog();
const tempDir = useTempDir();
const id = (title: string) => catalog.resolveTitle(title).id;
const profile = new PreferenceProfile({
  id: 'u1',
  liked: [{ item: id('Alien'), strength: 1 }],
  disliked: [{ item: id('Heat'), strength: 1 }],
  affinities: { 'genre:Sci-Fi': 0.9, 'genre:Horror': -0.7 },
  heldOut: [id('The Matrix')],
});
const dialogue = (...utterances: string[]) => JSON.stringify({ utterances });

describe('unconstrainedGenerator', () => {
  it('writes a record in the usual format from the text profile, with no acts and its text audited', async () => {
    const model = scriptedModel([
      dialogue(
        'Hi! What are you in the mood for?',
        'I loved Alien (1979) and I adore horror.',
        'Then try The Matrix (1999) or Blade Runner (1982).',
        'The Matrix (1999) sounds great, thanks!',
      ),
    ]);
    const baseline = unconstrainedGenerator({ model });
    const record = await baseline.generate(profile, catalog, { id: '0-0', seed: '0:0' });
    expect(DialogueRecordSchema.parse(record)).toEqual(record);
    expect(record.turns.map((turn) => [turn.speaker, turn.acts])).toEqual([
      ['assistant', []],
      ['user', []],
      ['assistant', []],
      ['user', []],
    ]);
    expect(record.generator).toMatchObject({ policy: 'unconstrained', lm: 'mock-provider:mock-model-id', calls: 1 });
    expect(record.outcome).toMatchObject({
      reason: 'unconstrained',
      recommended: [id('The Matrix'), id('Blade Runner')],
      heldOutRecommended: [id('The Matrix')],
    });
    expect(record.consistency.violations.map((v) => [v.turn, v.rule, v.evidence.attribute])).toEqual([
      [1, 'user-contradicts-profile', 'genre:Horror'],
    ]);
    const { data } = dataBlock(userMessage(model.doGenerateCalls[0] as never));
    expect(data).toEqual({ profile: profile.toText(catalog), domain: 'movies', turns: 20 });
  });

  it('re-asks an unusable dialogue with its problem, then gives up with LM_INVALID_REPLY', async () => {
    const tooLong = dialogue('a', 'b', 'c', 'd', 'e');
    const model = scriptedModel([tooLong, dialogue('Hello!', 'Hi, something with aliens?')]);
    const baseline = unconstrainedGenerator({ model, maxTurns: 4 });
    const record = await baseline.generate(profile, catalog, { id: 'x', seed: 1 });
    expect(record.turns).toHaveLength(2);
    expect(record.generator.calls).toBe(2);
    expect(userMessage(model.doGenerateCalls[1] as never)).toContain(
      'Your previous answer had 5 utterances, at most 4 are allowed.',
    );
    const stubborn = unconstrainedGenerator({ model: scriptedModel(['Once upon a time…']) });
    const error = await rejected(() => stubborn.generate(profile, catalog, { id: 'y', seed: 2 }));
    expect(error.code).toBe('LM_INVALID_REPLY');
    expect(stubborn.stats).toMatchObject({ calls: 2, invalidReplies: 2 });
  });

  it('caches by seed: the same seed replays, another seed asks again', async () => {
    const { dir } = tempDir();
    const model = scriptedModel([dialogue('Hi!', 'Hello.'), dialogue('Hey!', 'Hi there.')]);
    const first = await unconstrainedGenerator({ model, cache: dir }).generate(profile, catalog, { id: 'a', seed: 1 });
    const again = unconstrainedGenerator({ model, cache: dir });
    expect(await again.generate(profile, catalog, { id: 'a', seed: 1 })).toEqual(first);
    expect(again.stats).toMatchObject({ calls: 0, cacheHits: 1 });
    await again.generate(profile, catalog, { id: 'b', seed: 2 });
    expect(model.doGenerateCalls).toHaveLength(2);
  });
});
