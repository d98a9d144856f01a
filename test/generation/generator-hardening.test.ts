// What a new user's mistakes and misbehaving adapters get: a typed error naming what to fix, or a repaired turn,
// never silence, a raw exception or a hang.
import { describe, expect, it } from 'vitest';
import { ItemCatalog } from '../../src/catalog/item-catalog.js';
import { builtinCatalog } from '../../src/data/builtin/builtin-catalog.js';
import { IcerError } from '../../src/errors.js';
import { DialogueGenerator } from '../../src/generation/dialogue-generator.js';
import { type DialogueRecord, DialogueRecordSchema } from '../../src/generation/dialogue-record.js';
import { InvalidReplyError } from '../../src/language/invalid-reply-error.js';
import type { LMAdapter } from '../../src/language/lm-adapter.js';
import { TemplateAdapter } from '../../src/language/template-adapter.js';
import { PreferenceProfile } from '../../src/profile/preference-profile.js';
import { syntheticProfiles } from '../../src/profile/synthetic.js';
import { rejected, thrown } from '../helpers/thrown.js';

const catalog = builtinCatalog();
const [user] = [...syntheticProfiles(catalog, { count: 1, seed: 4 })] as [PreferenceProfile];
const templates = new TemplateAdapter();

/** An adapter that answers `reply` on its first `bad` calls, then words turns with templates. */
function adapterReplying(reply: unknown, bad = 1): LMAdapter & { calls: number } {
  return {
    name: 'flaky',
    calls: 0,
    async verbalize(request) {
      this.calls++;
      if (this.calls <= bad) return reply as { text: string };
      return templates.verbalize(request);
    },
  };
}

async function collect(generator: DialogueGenerator, profiles: Iterable<PreferenceProfile>, options = {}) {
  const records: DialogueRecord[] = [];
  for await (const record of generator.generateMany(profiles, options)) records.push(record);
  return records;
}

describe('options', () => {
  it('refuses unknown options of the generator, naming them and the option meant', () => {
    const error = thrown(() => new DialogueGenerator({ maxturns: 5, sed: 3 } as never));
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.message).toContain('"maxturns" (did you mean "maxTurns"?)');
    expect(error.message).toContain('"sed" (did you mean "seed"?)');
    expect(error.location?.field).toBe('maxturns');
  });

  it('refuses unknown options of the simulator, of generate() and of generateMany()', async () => {
    expect(thrown(() => new DialogueGenerator({ simulator: { critiqueRat: 1 } as never })).message).toContain(
      'critiqueRate',
    );
    const generator = new DialogueGenerator();
    expect((await rejected(() => generator.generate(user, { sede: 1 } as never))).code).toBe('INVALID_ARGUMENT');
    expect((await rejected(() => collect(generator, [user], { concurency: 2 }))).message).toContain('concurrency');
  });

  it('refuses an adapter without a name, so that generator.lm is always set', () => {
    const error = thrown(() => new DialogueGenerator({ adapter: { verbalize: templates.verbalize } as never }));
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.location?.field).toBe('adapter');
    expect(thrown(() => new DialogueGenerator({ adapter: { name: ' ', verbalize: templates.verbalize } })).code).toBe(
      'INVALID_ARGUMENT',
    );
  });
});

describe('unusable adapter replies', () => {
  for (const [label, reply] of [
    ['empty text', { text: '' }],
    ['whitespace', { text: ' \n\t ' }],
    ['a number as text', { text: 42 }],
    ['undefined', undefined],
    ['a bare string', 'hello'],
  ] as const) {
    it(`re-asks after ${label}, and never records it`, async () => {
      const adapter = adapterReplying(reply);
      const record = await new DialogueGenerator({ adapter, seed: 2 }).generate(user);
      expect(DialogueRecordSchema.parse(record)).toEqual(record);
      for (const turn of record.turns) expect(typeof turn.text === 'string' && turn.text.trim() !== '').toBe(true);
      expect(record.consistency.repairLog[0]).toMatchObject({
        turn: 0,
        attempts: 2,
        method: 'regenerated',
        unusable: 'No utterance was given for this turn.',
      });
      expect(record.generator.lm).toBe('flaky');
    });
  }

  it('falls back to templates when every attempt is unusable, and logs it', async () => {
    const adapter = adapterReplying({ text: '' }, Number.POSITIVE_INFINITY);
    const record = await new DialogueGenerator({ adapter, seed: 2, repairAttempts: 1 }).generate(user);
    expect(record.consistency.repairs).toBe(record.turns.length);
    expect(record.consistency.repairLog.every((r) => r.method === 'template' && r.attempts === 2)).toBe(true);
    expect(record.turns.every((t) => t.text.trim() !== '')).toBe(true);
  });

  it('treats malformed token usage as an unusable reply, not as numbers to add', async () => {
    const adapter = adapterReplying({ text: 'Hello!', usage: { inputTokens: Number.NaN, outputTokens: 1 } });
    const record = await new DialogueGenerator({ adapter, seed: 2 }).generate(user);
    expect(record.generator.usage).toEqual({ inputTokens: 0, outputTokens: 0 });
    expect(record.consistency.repairLog[0]?.unusable).toMatch(/token usage/);
  });

  it('treats a malformed count of calls as an unusable reply, counted as one call', async () => {
    const adapter = adapterReplying({ text: 'Hello!', calls: 1.5 });
    const record = await new DialogueGenerator({ adapter, seed: 2 }).generate(user);
    expect(record.consistency.repairLog[0]?.unusable).toMatch(/`calls`/);
    expect(record.generator.calls).toBe(adapter.calls);
  });

  it("counts the calls and tokens an adapter says a reply took, and those of an InvalidReplyError's replies", async () => {
    const usage = { inputTokens: 10, outputTokens: 2 };
    let asked = 0;
    const adapter: LMAdapter = {
      name: 'counting',
      async verbalize(request) {
        asked++;
        // The first turn's replies are all unusable (two each time); every other reply took three.
        if (request.history.length === 0)
          throw new InvalidReplyError('was empty', { usage: { inputTokens: 7, outputTokens: 0 }, calls: 2 });
        return { ...(await templates.verbalize(request)), usage, calls: 3 };
      },
    };
    const record = await new DialogueGenerator({ adapter, seed: 2, repairAttempts: 1 }).generate(user);
    expect(record.consistency.repairLog[0]).toMatchObject({ turn: 0, method: 'template', unusable: 'was empty' });
    const later = asked - 2;
    expect(record.generator.calls).toBe(2 * 2 + 3 * later);
    expect(record.generator.usage).toEqual({ inputTokens: 2 * 7 + 10 * later, outputTokens: 2 * later });
  });

  it('counts one call, and no tokens, for a plain LM_INVALID_REPLY that says nothing of its cost', async () => {
    let asked = 0;
    const adapter: LMAdapter = {
      name: 'plain',
      async verbalize(request) {
        asked++;
        if (asked === 1) throw new IcerError('LM_INVALID_REPLY', 'The reply was empty.');
        return templates.verbalize(request);
      },
    };
    const record = await new DialogueGenerator({ adapter, seed: 2 }).generate(user);
    expect(record.consistency.repairLog[0]).toMatchObject({ turn: 0, method: 'regenerated' });
    expect(record.generator.calls).toBe(asked);
    expect(record.generator.usage).toEqual({ inputTokens: 0, outputTokens: 0 });
  });
});

describe('an adapter that throws', () => {
  it('fails with LM_CALL_FAILED naming the dialogue and turn, keeping the cause', async () => {
    const boom = new Error('boom');
    const adapter: LMAdapter = {
      name: 'broken',
      async verbalize(request) {
        if (request.history.length === 3) throw boom;
        return templates.verbalize(request);
      },
    };
    const error = await rejected(() => new DialogueGenerator({ adapter, seed: 2 }).generate(user, { id: 'd-1' }));
    expect(error.code).toBe('LM_CALL_FAILED');
    expect(error.message).toContain('"broken" failed while wording turn 3 of dialogue "d-1": boom');
    expect(error.cause).toBe(boom);
  });

  it('keeps the code of a typed error, adding where it happened', async () => {
    const adapter: LMAdapter = {
      name: 'timing-out',
      async verbalize() {
        throw new IcerError('TIMEOUT', 'The model took too long.');
      },
    };
    const error = await rejected(() => new DialogueGenerator({ adapter }).generate(user, { id: 'd-2' }));
    expect(error.code).toBe('TIMEOUT');
    expect(error.message).toContain('turn 0 of dialogue "d-2": The model took too long.');
  });
});

describe('cancelling while an adapter call hangs', () => {
  const hanging = (honoursSignal: boolean): LMAdapter => ({
    name: honoursSignal ? 'honouring' : 'ignoring',
    verbalize: (request) =>
      new Promise((_, reject) => {
        if (honoursSignal) {
          request.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
        }
      }),
  });

  for (const honoursSignal of [true, false]) {
    it(`ends promptly with ABORTED when the adapter ${honoursSignal ? 'honours' : 'ignores'} the signal`, async () => {
      const controller = new AbortController();
      const generator = new DialogueGenerator({ adapter: hanging(honoursSignal) });
      setTimeout(() => controller.abort(), 20);
      const error = await rejected(() => generator.generate(user, { signal: controller.signal }));
      expect(error.code).toBe('ABORTED');
    });
  }

  it('stops a batch promptly with ABORTED when the adapter ignores the signal', async () => {
    const controller = new AbortController();
    const generator = new DialogueGenerator({ adapter: hanging(false) });
    setTimeout(() => controller.abort(), 20);
    const profiles = [...syntheticProfiles(catalog, { count: 3, seed: 4 })];
    const error = await rejected(() => collect(generator, profiles, { signal: controller.signal, concurrency: 2 }));
    expect(error.code).toBe('ABORTED');
  });
});

describe('a batch with a profile the generator cannot use', () => {
  const empty = new PreferenceProfile({ id: 'nobody', liked: [], disliked: [], affinities: {} });
  const good = [...syntheticProfiles(catalog, { count: 4, seed: 4 })];
  const batch = [good[0], good[1], empty, good[2], good[3]] as PreferenceProfile[];

  it('stops by default, after yielding the records before it', async () => {
    const generator = new DialogueGenerator({ seed: 5 });
    const records: DialogueRecord[] = [];
    const error = await rejected(async () => {
      for await (const record of generator.generateMany(batch, { concurrency: 4 })) records.push(record);
    });
    expect(error.code).toBe('INVALID_PROFILE');
    expect(records.map((r) => r.id)).toEqual(['5-0', '5-1']);
  });

  it("skips it with invalidProfiles: 'skip', reports it in order, and leaves the others' seeds alone", async () => {
    const generator = new DialogueGenerator({ seed: 5 });
    const events: string[] = [];
    generator.on('dialogue:skip', ({ index, userId, error }) => events.push(`skip ${index} ${userId} ${error.code}`));
    generator.on('progress', ({ completed, skipped }) => events.push(`progress ${completed}+${skipped}`));
    const records = await collect(generator, batch, { invalidProfiles: 'skip', concurrency: 3 });
    expect(records.map((r) => r.id)).toEqual(['5-0', '5-1', '5-3', '5-4']);
    expect(events).toEqual([
      'progress 1+0',
      'progress 2+0',
      'skip 2 nobody INVALID_PROFILE',
      'progress 2+1',
      'progress 3+1',
      'progress 4+1',
    ]);
    const alone = await new DialogueGenerator({ seed: 5 }).generate(good[2] as PreferenceProfile, {
      seed: '5:3',
      id: '5-3',
    });
    expect(JSON.stringify(records[2])).toBe(JSON.stringify(alone));
  });

  it('never skips what is not a profile at all', async () => {
    const error = await rejected(() =>
      collect(new DialogueGenerator(), [{ id: 'x' } as never], { invalidProfiles: 'skip' }),
    );
    expect(error.code).toBe('INVALID_ARGUMENT');
  });
});

describe('synthetic users', () => {
  it('always carry preferences, even from a catalog too small for any taste', async () => {
    const tiny = new ItemCatalog(
      [
        { id: 'a', title: 'A', year: 2000, attributes: { genre: ['X'] } },
        { id: 'b', title: 'B', year: 2001, attributes: { genre: ['Y'] } },
      ],
      { domain: 'movies' },
    );
    const profiles = [...syntheticProfiles(tiny, { count: 200, seed: 1 })];
    expect(profiles.filter((p) => !p.hasPreferences).map((p) => p.id)).toEqual([]);
    const records = await collect(new DialogueGenerator({ catalog: tiny }), profiles.slice(0, 20));
    expect(records).toHaveLength(20);
  });
});

describe('a catalog that spells an attribute in two cases', () => {
  it('words its dialogues as with one spelling: each genre said once, no adapter failure', async () => {
    // Every item lists its first genre again in lower case ("Horror", "horror"): once two genres of a description
    // stood for the same words, and the template adapter failed on them.
    const items = builtinCatalog()
      .items()
      .map((item) => {
        const genres = item.attributes.genre ?? [];
        const first = genres[0];
        return first ? { ...item, attributes: { ...item.attributes, genre: [...genres, first.toLowerCase()] } } : item;
      });
    const spelt = new ItemCatalog(items, { domain: 'movies' });
    const profiles = [...syntheticProfiles(spelt, { count: 150, seed: 0 })];
    const records = await collect(new DialogueGenerator({ catalog: spelt, seed: 0 }), profiles);
    expect(records).toHaveLength(150);
    const keys = records.flatMap((record) => Object.keys(record.user.preferences));
    expect(keys.filter((key) => /^genre:[a-z]/.test(key))).toEqual([]);
  });
});
