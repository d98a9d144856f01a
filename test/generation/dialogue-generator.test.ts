import { describe, expect, it } from 'vitest';
import { displayTitle } from '../../src/catalog/item.js';
import { ItemCatalog } from '../../src/catalog/item-catalog.js';
import { builtinCatalog } from '../../src/data/builtin/builtin-catalog.js';
import type { AssistantActInput } from '../../src/dialogue/dialogue-acts.js';
import { IcerError } from '../../src/errors.js';
import { DialogueGenerator } from '../../src/generation/dialogue-generator.js';
import type { DialogueRecord } from '../../src/generation/dialogue-record.js';
import { DialogueRecordSchema } from '../../src/generation/dialogue-record.js';
import type { LMAdapter, VerbalizeRequest } from '../../src/language/lm-adapter.js';
import { TemplateAdapter } from '../../src/language/template-adapter.js';
import { PreferenceProfile } from '../../src/profile/preference-profile.js';
import { syntheticProfiles } from '../../src/profile/synthetic.js';
import { beliefPolicy } from '../../src/simulation/belief-policy.js';
import type { RecommenderPolicyFactory } from '../../src/simulation/recommender-policy.js';
import { rejected, thrown } from '../helpers/thrown.js';

const catalog = builtinCatalog();
const users = (count: number, seed = 3) => [...syntheticProfiles(catalog, { count, seed })];
const json = (records: DialogueRecord[]) => JSON.stringify(records);

async function collect(
  generator: DialogueGenerator,
  profiles: PreferenceProfile[],
  concurrency = 4,
): Promise<DialogueRecord[]> {
  const out: DialogueRecord[] = [];
  for await (const record of generator.generateMany(profiles, { concurrency })) out.push(record);
  return out;
}

describe('DialogueGenerator', () => {
  it('generates a valid record, emitting start, each turn and end in order', async () => {
    const generator = new DialogueGenerator({ seed: 1 });
    const events: string[] = [];
    generator.on('dialogue:start', ({ dialogueId }) => events.push(`start ${dialogueId}`));
    generator.on('turn', ({ turn }) => events.push(`turn ${turn.index}`));
    generator.on('dialogue:end', ({ record }) => events.push(`end ${record.id}`));
    const [profile] = users(1);
    const record = await generator.generate(profile as PreferenceProfile);
    expect(DialogueRecordSchema.parse(record)).toEqual(record);
    expect(record.id).toBe('1-synthetic-0');
    expect(record.generator).toMatchObject({ lm: 'template', policy: 'belief:balanced', calls: 0, maxTurns: 20 });
    expect(record.consistency.violations).toEqual([]);
    expect(record.consistency.checkedTurns).toBe(record.turns.length);
    expect(events).toEqual([`start ${record.id}`, ...record.turns.map((t) => `turn ${t.index}`), `end ${record.id}`]);
    expect(record.user.heldOut).toEqual((profile as PreferenceProfile).heldOut);
  });

  it('gives byte-identical batches for the same seed, whatever the concurrency, and reproduces one from its seed', async () => {
    const profiles = users(12);
    const one = await collect(new DialogueGenerator({ seed: 9 }), profiles, 1);
    const eight = await collect(new DialogueGenerator({ seed: 9 }), profiles, 8);
    expect(json(eight)).toBe(json(one));
    expect(one.map((r) => r.id)).toEqual(profiles.map((_, i) => `9-${i}`));
    const other = await collect(new DialogueGenerator({ seed: 10 }), profiles, 4);
    expect(json(other)).not.toBe(json(one));
    const fifth = one[5] as DialogueRecord;
    const again = await new DialogueGenerator({ seed: 9 }).generate(profiles[5] as PreferenceProfile, {
      seed: fifth.seed,
      id: fifth.id,
    });
    expect(JSON.stringify(again)).toBe(JSON.stringify(fifth));
  });

  it('reports progress after each dialogue of a batch, and accepts async iterables', async () => {
    const generator = new DialogueGenerator({ seed: 2 });
    const progress: number[] = [];
    generator.on('progress', ({ completed, total }) => progress.push(completed * 100 + (total ?? 0)));
    async function* source() {
      yield* users(3);
    }
    const records: DialogueRecord[] = [];
    for await (const record of generator.generateMany(source(), { total: 3 })) records.push(record);
    expect(records).toHaveLength(3);
    expect(progress).toEqual([103, 203, 303]);
  });

  it('ends with the accepted item, or says why not', async () => {
    const records = await collect(new DialogueGenerator({ seed: 4 }), users(40));
    for (const record of records) {
      const last = record.turns.at(-1);
      if (record.outcome.reason === 'accepted') {
        // The assistant closes on it, or the user took the last suggestion the budget allowed and said goodbye.
        if (last?.speaker === 'user') {
          expect(last.acts.filter((act) => act.type === 'accept' || act.type === 'close')).toEqual([
            { type: 'accept', items: [record.outcome.accepted] },
            { type: 'close', items: [] },
          ]);
          expect(last.index).toBe(19);
        } else expect(last?.acts).toEqual([{ type: 'close', items: [record.outcome.accepted] }]);
        expect(record.outcome.recommended).toContain(record.outcome.accepted);
      } else {
        expect(record.outcome.accepted).toBeNull();
      }
    }
    const reasons = new Set(records.map((r) => r.outcome.reason));
    expect(reasons.has('accepted')).toBe(true);
  });

  it('stops at the turn budget', async () => {
    const record = await new DialogueGenerator({ seed: 1, maxTurns: 2 }).generate(users(1)[0] as PreferenceProfile);
    expect(record.turns.map((t) => t.speaker)).toEqual(['assistant', 'user']);
    expect(record.outcome.reason).toBe('max-turns');
    const three = await new DialogueGenerator({ seed: 1, maxTurns: 3 }).generate(users(1)[0] as PreferenceProfile);
    // The user's opening request is answered, even with no turn left for a reply.
    expect(three.turns.at(-1)?.acts.map((act) => act.type)).toEqual(['recommend', 'close']);
    expect(three.outcome.reason).toBe('max-turns');
  });

  it('lets the user answer a goodbye that came with a last suggestion or answer, when the budget has room', async () => {
    const records = await collect(new DialogueGenerator({ seed: 5, maxTurns: 8 }), users(80));
    const endings = new Map<string, number>();
    for (const record of records) {
      const goodbye = record.turns.findLast((turn) => turn.speaker === 'assistant');
      const offered = goodbye?.acts.flatMap((act) =>
        act.type === 'recommend' || act.type === 'describe-item' ? act.items : [],
      );
      if (!goodbye?.acts.some((act) => act.type === 'close') || offered?.length === 0) continue;
      // Only the budget closes with a suggestion, and the user's reply is the last turn it allows.
      expect(goodbye.index).toBe(6);
      const reply = record.turns[7];
      expect(reply?.speaker).toBe('user');
      const types = reply?.acts.map((act) => act.type) ?? [];
      expect(types.at(-1)).toBe('close');
      expect(types).not.toContain('give-up');
      expect(types).not.toContain('ask-about-item');
      // It is about what was offered, and the outcome says how it went.
      for (const act of reply?.acts ?? []) for (const item of act.items) expect(offered).toContain(item);
      if (types.includes('accept'))
        expect(record.outcome.accepted).toBe(reply?.acts.find((a) => a.type === 'accept')?.items[0]);
      else expect(record.outcome.reason).toBe('max-turns');
      const key = types.includes('accept') ? 'accepted' : 'declined';
      endings.set(key, (endings.get(key) ?? 0) + 1);
    }
    // Some take the last suggestion, some turn it down and say goodbye.
    expect(endings.get('accepted')).toBeGreaterThan(2);
    expect(endings.get('declined')).toBeGreaterThan(2);
  });

  it('gives the same bytes for the built-in policy passed as options or as beliefPolicy()', async () => {
    const profiles = users(60, 5);
    const style = 'critiquing-heavy' as const;
    const fromOptions = await collect(new DialogueGenerator({ seed: 4, policy: { style } }), profiles);
    const fromFactory = await collect(new DialogueGenerator({ seed: 4, policy: beliefPolicy({ style }) }), profiles);
    expect(fromFactory.some((r) => r.turns.some((t) => t.acts.some((a) => a.type === 'respond-critique')))).toBe(true);
    expect(json(fromFactory)).toBe(json(fromOptions));
  });

  it('plugs in a custom policy and records its name', async () => {
    const alien = catalog.resolveTitle('Alien').id;
    const factory: RecommenderPolicyFactory = Object.assign(
      () => ({
        next: ({ index, userActs }: { index: number; userActs: readonly { type: string }[] }) =>
          index === 0
            ? [
                { type: 'greet' as const, items: [] },
                { type: 'ask-open' as const, items: [] },
              ]
            : userActs.some((a) => a.type === 'disclose' || a.type === 'state-goal') && index === 2
              ? [{ type: 'recommend' as const, items: [alien], reasons: [] }]
              : [{ type: 'close' as const, items: [] }],
      }),
      { policyName: 'always-alien' },
    );
    const record = await new DialogueGenerator({ policy: factory }).generate(users(1)[0] as PreferenceProfile);
    expect(record.generator.policy).toBe('always-alien');
    expect(record.outcome.recommended).toEqual([alien]);
  });

  it("refuses a custom policy's malformed turn with an IcerError naming the turn and the field", async () => {
    const user = users(1)[0] as PreferenceProfile;
    const policyOf = (acts: unknown): RecommenderPolicyFactory =>
      Object.assign(() => ({ next: () => acts as never }), { policyName: 'sloppy' });
    const cases: Array<[unknown, RegExp, string]> = [
      [[{ type: 'recommend' }], /"sloppy" returned an invalid turn 0: acts\[0\]\.items/, 'acts[0].items'],
      [[], /"sloppy" returned an invalid turn 0: acts: a turn needs at least one act/, 'acts'],
      [[{ type: 'shout', items: [] }], /"sloppy" returned an invalid turn 0: acts\[0\]\.type/, 'acts[0].type'],
    ];
    for (const [acts, message, field] of cases) {
      const error = await rejected(() => new DialogueGenerator({ policy: policyOf(acts) }).generate(user));
      expect(error).toMatchObject({ code: 'INVALID_ARGUMENT', location: { field } });
      expect(error.message).toMatch(message);
    }
    // An act about no item may leave out its items: they default to none, as in the schema, and the types say so
    // (this file is type-checked: no cast is needed).
    const record = await new DialogueGenerator({
      policy: () => ({ next: ({ index }) => (index ? [{ type: 'close' }] : [{ type: 'greet' }]) }),
    }).generate(user);
    expect(record.turns[0]?.acts).toEqual([{ type: 'greet', items: [] }]);
    const brief: RecommenderPolicyFactory<AssistantActInput> = () => ({ next: () => [{ type: 'close' }] });
    expect((await new DialogueGenerator({ policy: brief }).generate(user)).turns[0]?.acts).toEqual([
      { type: 'close', items: [] },
    ]);
    const notAPolicy = Object.assign(() => ({}) as never, { policyName: 'empty' });
    expect(await rejected(() => new DialogueGenerator({ policy: notAPolicy }).generate(user))).toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: expect.stringMatching(/"empty" did not return a policy object/),
    });
  });

  it("asks for every assistant turn of a dialogue, the opening one too, in one voice drawn from the dialogue's seed", async () => {
    const voices: Array<VerbalizeRequest['voice']>[] = [];
    const templates = new TemplateAdapter();
    const adapter: LMAdapter = {
      name: 'spy',
      async verbalize(request) {
        if (request.speaker === 'assistant') {
          if (request.history.length === 0) voices.push([]);
          voices.at(-1)?.push(request.voice);
        } else expect(request.voice).toBeUndefined();
        return templates.verbalize(request);
      },
    };
    const generator = new DialogueGenerator({ adapter, seed: 11 });
    await collect(generator, users(40), 1);
    expect(voices).toHaveLength(40);
    for (const dialogue of voices) expect(new Set(dialogue).size, dialogue.join()).toBe(1);
    expect(new Set(voices.map((dialogue) => dialogue[0]))).toEqual(new Set(['terse', 'normal', 'chatty']));
  });

  /** An adapter that gets turns naming items wrong for its first `failures` attempts: drops titles, then adds one. */
  function flaky(failures: number) {
    const template = new TemplateAdapter();
    const stranger = displayTitle(catalog.resolveTitle('Casablanca'));
    const attempts = new Map<number, number>();
    const requests: VerbalizeRequest[] = [];
    const adapter: LMAdapter = {
      name: 'test:flaky',
      async verbalize(request) {
        requests.push(request);
        const attempt = attempts.get(request.history.length) ?? 0;
        attempts.set(request.history.length, attempt + 1);
        const { text } = await template.verbalize(request);
        const usage = { inputTokens: 10, outputTokens: 5 };
        if (!request.acts.some((a) => a.items.length > 0) || attempt >= failures) return { text, usage };
        return { text: attempt === 0 ? 'Sure, something nice.' : `${text} Or ${stranger}.`, usage };
      },
    };
    return { adapter, requests };
  }

  it('re-asks an adapter whose text contradicts its acts, stating the problem, and keeps the corrected text', async () => {
    const { adapter, requests } = flaky(1);
    const generator = new DialogueGenerator({ adapter, seed: 5, repairAttempts: 2 });
    const repaired: boolean[] = [];
    generator.on('inconsistency', (event) => repaired.push(event.repaired));
    const record = await generator.generate(users(1)[0] as PreferenceProfile);
    expect(record.consistency.violations).toEqual([]);
    expect(record.consistency.repairs).toBeGreaterThan(0);
    expect(record.consistency.repairLog.every((r) => r.method === 'regenerated' && r.attempts === 2)).toBe(true);
    expect(record.consistency.repairLog[0]?.violations[0]?.rule).toBe('text-missing-item');
    expect(repaired.length).toBeGreaterThan(0);
    expect(repaired.every(Boolean)).toBe(true);
    expect(requests.find((r) => r.feedback)?.feedback?.[0]).toMatch(/does not mention/);
    expect(record.generator.calls).toBe(requests.length);
    expect(record.generator.usage).toEqual({ inputTokens: 10 * requests.length, outputTokens: 5 * requests.length });
  });

  it("re-asks a model whose words leave out a liking or a question's attribute, naming it, and keeps the answer", async () => {
    const template = new TemplateAdapter();
    const requests: VerbalizeRequest[] = [];
    const forgetful: LMAdapter = {
      name: 'test:forgetful',
      async verbalize(request) {
        requests.push(request);
        const { text } = await template.verbalize(request);
        const stated = request.acts.some((act) => 'attribute' in act && act.attribute !== undefined);
        // "Sounds good." says nothing of the crime films the acts state: only the re-asked turn says them.
        return {
          text: stated && !request.feedback && !request.acts.some((a) => a.items.length > 0) ? 'Sounds good.' : text,
        };
      },
    };
    const record = await new DialogueGenerator({ adapter: forgetful, seed: 5, repairAttempts: 1 }).generate(
      users(1)[0] as PreferenceProfile,
    );
    expect(record.consistency.violations).toEqual([]);
    const rules = record.consistency.repairLog.flatMap((r) => r.violations.map((v) => v.rule));
    expect(rules).toContain('text-missing-attribute');
    expect(record.consistency.repairLog.every((r) => r.method === 'regenerated')).toBe(true);
    expect(
      requests
        .flatMap((r) => r.feedback ?? [])
        .some((f) => /^The text does not say .+, which its acts name\.$/.test(f)),
    ).toBe(true);
    expect(record.turns.map((turn) => turn.text)).not.toContain('Sounds good.');
  });

  it('falls back to the template rendering when re-asking does not help, and writes nothing inconsistent', async () => {
    const { adapter, requests } = flaky(Infinity);
    const record = await new DialogueGenerator({ adapter, seed: 5, repairAttempts: 2 }).generate(
      users(1)[0] as PreferenceProfile,
    );
    expect(record.consistency.violations).toEqual([]);
    expect(record.consistency.repairs).toBeGreaterThan(0);
    expect(record.consistency.repairLog.every((r) => r.method === 'template' && r.attempts === 3)).toBe(true);
    expect(record.consistency.repairLog.flatMap((r) => r.violations.map((v) => v.rule))).toContain('text-missing-item');
    expect(requests.some((r) => r.feedback?.some((f) => /Casablanca/.test(f)))).toBe(true);
    // A film named in an earlier turn may be written without its year ("Heat" after "Heat (1995)").
    const named = new Set<string>();
    for (const turn of record.turns) {
      for (const id of turn.acts.flatMap((a) => a.items)) {
        const item = catalog.require(id);
        expect(turn.text).toContain(named.has(id) ? item.title : displayTitle(item));
      }
      for (const id of turn.acts.flatMap((a) => a.items)) named.add(id);
      expect(turn.text).not.toContain('Casablanca');
    }
  });

  // Templates are worded synchronously unless their `verbalize` is replaced: both paths must give the same record.
  // These templates give `fault` instead of their first wording of each turn that names an item.
  function faultyTemplates(fault: unknown) {
    class AtOnce extends TemplateAdapter {
      readonly #asked = new Set<number>();
      override verbalizeSync(request: VerbalizeRequest): string {
        const text = super.verbalizeSync(request);
        const first = !this.#asked.has(request.history.length);
        this.#asked.add(request.history.length);
        return first && request.acts.some((act) => act.items.length > 0) ? (fault as string) : text;
      }
    }
    class Awaited extends AtOnce {
      override async verbalize(request: VerbalizeRequest): Promise<{ text: string }> {
        return { text: this.verbalizeSync(request) };
      }
    }
    return [new AtOnce(), new Awaited()];
  }

  it.each([
    ['a text that misses its item', 'Sure, something nice.', 'text-missing-item'],
    ['no text at all', undefined, undefined],
  ])(
    'repairs %s from templates the same way, whether the turn is worded at once or awaited',
    async (_, fault, rule) => {
      const profiles = users(6);
      const [atOnce, awaited] = (await Promise.all(
        faultyTemplates(fault).map((adapter) =>
          collect(new DialogueGenerator({ adapter, seed: 5, repairAttempts: 2 }), profiles, 1),
        ),
      )) as [DialogueRecord[], DialogueRecord[]];
      expect(json(atOnce)).toBe(json(awaited));
      const repairs = atOnce.flatMap((record) => record.consistency.repairLog);
      expect(repairs.length).toBeGreaterThan(0);
      expect(repairs.every((r) => r.method === 'regenerated' && r.attempts === 2)).toBe(true);
      if (rule) expect(repairs[0]?.violations[0]?.rule).toBe(rule);
      else expect(repairs[0]?.unusable).toMatch(/No utterance/);
      expect(atOnce.every((record) => record.consistency.violations.length === 0)).toBe(true);
      expect(atOnce.every((record) => record.generator.calls === 0)).toBe(true);
    },
  );

  it('words a whole dialogue in one call in dialogue mode, with the same acts as turn mode', async () => {
    const profile = users(1)[0] as PreferenceProfile;
    const byTurn = await new DialogueGenerator({ seed: 8 }).generate(profile);
    const byDialogue = await new DialogueGenerator({ seed: 8, mode: 'dialogue' }).generate(profile);
    expect(DialogueRecordSchema.parse(byDialogue)).toEqual(byDialogue);
    expect(byDialogue.generator.mode).toBe('dialogue');
    expect(byDialogue.turns.map((t) => t.acts)).toEqual(byTurn.turns.map((t) => t.acts));
    expect(byDialogue.consistency.violations).toEqual([]);
    expect(byDialogue.consistency.checkedTurns).toBe(byDialogue.turns.length);
  });

  it('re-asks only the turns a dialogue-mode answer got wrong, then falls back to templates for what stays wrong', async () => {
    const template = new TemplateAdapter();
    const stranger = displayTitle(catalog.resolveTitle('Casablanca'));
    const calls: Array<{ feedback: number[] | undefined }> = [];
    // First call: every turn naming an item gets an extra title. Second call: fixes all but the last such turn.
    const sloppy: LMAdapter = {
      name: 'test:sloppy',
      verbalize: (request) => template.verbalize(request),
      async verbalizeDialogue(request) {
        calls.push({ feedback: request.feedback?.map((f) => f.turn) });
        const { texts } = await template.verbalizeDialogue(request);
        const withItems = request.turns.filter((t) => t.acts.some((a) => a.items.length > 0)).map((t) => t.index);
        const broken = calls.length === 1 ? withItems : calls.length === 2 ? withItems.slice(-1) : withItems.slice(-1);
        return {
          texts: texts.map((text, i) =>
            broken.includes(request.turns[i]?.index ?? -1) ? `${text} Or ${stranger}.` : text,
          ),
          usage: { inputTokens: 100, outputTokens: 50 },
        };
      },
    };
    const record = await new DialogueGenerator({
      adapter: sloppy,
      mode: 'dialogue',
      seed: 8,
      repairAttempts: 2,
    }).generate(users(1)[0] as PreferenceProfile);
    expect(calls).toHaveLength(3);
    expect(calls[0]?.feedback).toBeUndefined();
    const failedFirst = calls[1]?.feedback ?? [];
    expect(failedFirst.length).toBeGreaterThan(1);
    expect(calls[2]?.feedback).toEqual(failedFirst.slice(-1));
    expect(record.generator).toMatchObject({
      calls: 3,
      usage: { inputTokens: 300, outputTokens: 150 },
      mode: 'dialogue',
    });
    expect(record.consistency.violations).toEqual([]);
    const methods = record.consistency.repairLog.map((r) => r.method);
    expect(methods.filter((m) => m === 'template')).toHaveLength(1);
    expect(methods.filter((m) => m === 'regenerated')).toHaveLength(failedFirst.length - 1);
    for (const turn of record.turns) expect(turn.text).not.toContain('Casablanca');
  });

  it('treats an unusable model reply as a failed attempt: re-asked, then worded from templates, and says so', async () => {
    const template = new TemplateAdapter();
    let failures = 0;
    const unusable = (failEvery: boolean): LMAdapter => ({
      name: 'test:unusable',
      async verbalize(request) {
        if (failEvery || !request.feedback) {
          failures++;
          throw new IcerError(
            'LM_INVALID_REPLY',
            "The model's turn-mode reply could not be used after 2 attempts: it was empty.",
          );
        }
        expect(request.feedback[0]).toContain('it was empty');
        return template.verbalize(request);
      },
    });
    const recovered = await new DialogueGenerator({ adapter: unusable(false), seed: 3 }).generate(
      users(1)[0] as PreferenceProfile,
    );
    expect(recovered.consistency.violations).toEqual([]);
    expect(recovered.consistency.repairLog).toHaveLength(recovered.turns.length);
    expect(
      recovered.consistency.repairLog.every((r) => r.method === 'regenerated' && r.unusable?.includes('it was empty')),
    ).toBe(true);
    failures = 0;
    const fallback = await new DialogueGenerator({ adapter: unusable(true), seed: 3, repairAttempts: 1 }).generate(
      users(1)[0] as PreferenceProfile,
    );
    expect(failures).toBe(fallback.turns.length * 2);
    expect(fallback.consistency.repairLog.every((r) => r.method === 'template' && r.attempts === 2)).toBe(true);
    expect(fallback.consistency.violations).toEqual([]);
    expect(fallback.turns.every((t) => t.text.trim().length > 0)).toBe(true);
  });

  it('refuses dialogue mode for an adapter that cannot word whole dialogues', () => {
    const turnOnly: LMAdapter = { name: 'test:turn-only', verbalize: async () => ({ text: '' }) };
    const error = thrown(() => new DialogueGenerator({ adapter: turnOnly, mode: 'dialogue' }));
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.location?.field).toBe('mode');
  });

  it('cancels through an AbortSignal', async () => {
    const controller = new AbortController();
    controller.abort();
    expect(
      (
        await rejected(() =>
          new DialogueGenerator().generate(users(1)[0] as PreferenceProfile, { signal: controller.signal }),
        )
      ).code,
    ).toBe('ABORTED');
    const midway = new AbortController();
    const generator = new DialogueGenerator({ seed: 1 });
    generator.on('turn', ({ turn }) => {
      if (turn.index === 3) midway.abort();
    });
    let yielded = 0;
    const error = await rejected(async () => {
      for await (const _ of generator.generateMany(users(20), { concurrency: 1, signal: midway.signal })) yielded++;
    });
    expect(error.code).toBe('ABORTED');
    expect(yielded).toBe(0);
  });

  it('reports an adapter failure as an error event and a rejection', async () => {
    const broken: LMAdapter = {
      name: 'test:broken',
      verbalize: async () => {
        throw new Error('model unavailable');
      },
    };
    const generator = new DialogueGenerator({ adapter: broken });
    const errors: unknown[] = [];
    generator.on('error', ({ error }) => errors.push(error));
    await expect(generator.generate(users(1)[0] as PreferenceProfile)).rejects.toThrow('model unavailable');
    expect(errors).toHaveLength(1);
  });

  it('closes the profile source and stops running dialogues when the consumer stops early', async () => {
    let closed = false;
    function* source() {
      try {
        yield* users(10);
      } finally {
        closed = true;
      }
    }
    const generator = new DialogueGenerator({ seed: 1 });
    for await (const _ of generator.generateMany(source(), { concurrency: 2 })) break;
    expect(closed).toBe(true);
  });

  it('stops the other dialogues at once when one fails, and reports that one', async () => {
    const template = new TemplateAdapter();
    let calls = 0;
    const adapter: LMAdapter = {
      name: 'test:first-fails',
      async verbalize(request) {
        calls++;
        if (request.history.length === 0 && calls === 1) throw new IcerError('LM_CALL_FAILED', 'The model is down.');
        await new Promise((resolve, reject) => {
          const timer = setTimeout(resolve, 200);
          request.signal?.addEventListener(
            'abort',
            () => {
              clearTimeout(timer);
              reject(request.signal?.reason);
            },
            {
              once: true,
            },
          );
        });
        return template.verbalize(request);
      },
    };
    const generator = new DialogueGenerator({ adapter, seed: 1 });
    const errors: Array<string | undefined> = [];
    generator.on('error', ({ dialogueId }) => errors.push(dialogueId));
    const started = Date.now();
    const error = await rejected(async () => {
      for await (const _ of generator.generateMany(users(20), { concurrency: 4 })) void _;
    });
    expect(error.code).toBe('LM_CALL_FAILED');
    expect(errors).toEqual(['1-0']);
    // The failed dialogue freed a slot, so at most `concurrency` others had started; each was cut in its first call.
    expect(calls).toBeLessThanOrEqual(5);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('rejects bad input with typed errors naming what to fix', async () => {
    expect(thrown(() => new DialogueGenerator({ maxTurns: 1 })).location?.field).toBe('maxTurns');
    expect(thrown(() => new DialogueGenerator({ maxTurns: 1 })).message).toContain('at least 2');
    expect(thrown(() => new DialogueGenerator({ catalog: new ItemCatalog([]) })).code).toBe('EMPTY_CATALOG');
    expect(thrown(() => new DialogueGenerator({ repairAttempts: -1 })).code).toBe('INVALID_ARGUMENT');
    expect(thrown(() => new DialogueGenerator({ catalog: [] as unknown as ItemCatalog })).location?.field).toBe(
      'catalog',
    );
    expect(
      (await rejected(() => new DialogueGenerator().generate(null as unknown as PreferenceProfile))).location?.field,
    ).toBe('profile');
    const notIterable = await rejected(async () => {
      for await (const _ of new DialogueGenerator().generateMany(null as unknown as PreferenceProfile[])) void _;
    });
    expect(notIterable.location?.field).toBe('profiles');
    const generator = new DialogueGenerator();
    const empty = await rejected(() => generator.generate(new PreferenceProfile({ id: 'nobody' })));
    expect(empty.code).toBe('INVALID_PROFILE');
    expect(empty.message).toContain('no preferences');
    const foreign = await rejected(() =>
      generator.generate(new PreferenceProfile({ id: 'x', liked: [{ item: 'not-here', strength: 1 }] })),
    );
    expect(foreign.code).toBe('INVALID_PROFILE');
    const zero = await rejected(async () => {
      for await (const _ of generator.generateMany(users(1), { concurrency: 0 })) void _;
    });
    expect(zero.code).toBe('INVALID_ARGUMENT');
    expect(zero.location?.field).toBe('concurrency');
  });
});
