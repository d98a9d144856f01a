import { MockLanguageModelV4 } from 'ai-v7/test';
import { describe, expect, it } from 'vitest';
import { aiSdkJudge } from '../../src/ai/ai-sdk-judge.js';
import { displayTitle } from '../../src/catalog/item.js';
import type { PolarityJudge } from '../../src/consistency/polarity-judge.js';
import { builtinCatalog } from '../../src/data/builtin/builtin-catalog.js';
import { DialogueGenerator } from '../../src/generation/dialogue-generator.js';
import type { LMAdapter } from '../../src/language/lm-adapter.js';
import { TemplateAdapter } from '../../src/language/template-adapter.js';
import { syntheticProfile } from '../../src/profile/synthetic.js';
import { useTempDir } from '../helpers/temp-dir.js';
import { rejected, thrown } from '../helpers/thrown.js';
import { dataBlock, scriptedModel, userMessage } from './mock-model.js';

const tempDir = useTempDir();
const question = {
  text: 'Alien (1979)? Hmm.',
  subject: 'Alien (1979)',
  act: { type: 'disclose' as const, items: ['alien-1979'], polarity: 'positive' as const, strength: 1 },
};

describe('aiSdkJudge', () => {
  it('asks the model about the text and subject as data, and reads one-word verdicts', async () => {
    const model = scriptedModel(['Negative.', 'unsure', 'I think it is positive, honestly']);
    const judge = aiSdkJudge({ model });
    expect(await judge(question)).toBe('negative');
    expect(await judge(question)).toBe('unsure');
    expect(await judge(question)).toBe('unsure');
    const sent = userMessage(model.doGenerateCalls[0] as never);
    expect(dataBlock(sent).data).toEqual({ text: question.text, subject: question.subject });
  });

  it('names the fix when the model is made for another ai major', async () => {
    const model = new MockLanguageModelV4({ doGenerate: async () => ({}) as never });
    const error = await rejected(() => aiSdkJudge({ model: model as never })(question));
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.hint).toContain('@ai-sdk/openai-compatible');
  });

  it('refuses an unknown option, naming it and the option meant', () => {
    const error = thrown(() => aiSdkJudge({ model: scriptedModel([]), cahce: '.icer-cache' } as never));
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.message).toContain('"cahce" (did you mean "cache"?)');
    expect(error.location?.field).toBe('cahce');
  });

  it('refuses ill-typed options when the judge is made, not at its first question', () => {
    const model = thrown(() => aiSdkJudge({ model: {} } as never));
    expect(model.code).toBe('INVALID_ARGUMENT');
    expect(model.location?.field).toBe('model');
    const retry = thrown(() => aiSdkJudge({ model: scriptedModel([]), retry: { maxRetires: 2 } } as never));
    expect(retry.code).toBe('INVALID_ARGUMENT');
    expect(retry.message).toContain('"maxRetires" (did you mean "maxRetries"?)');
    expect(retry.location?.field).toBe('retry.maxRetires');
    const cache = thrown(() => aiSdkJudge({ model: scriptedModel([]), cache: 42 } as never));
    expect(cache.code).toBe('INVALID_ARGUMENT');
    expect(cache.location?.field).toBe('cache');
  });

  it('caches verdicts, so a re-run asks nothing', async () => {
    const { dir } = tempDir();
    const first = scriptedModel(['positive']);
    expect(await aiSdkJudge({ model: first, cache: dir })(question)).toBe('positive');
    const second = scriptedModel(['negative']);
    expect(await aiSdkJudge({ model: second, cache: dir })(question)).toBe('positive');
    expect(second.doGenerateCalls).toHaveLength(0);
  });
});

describe('DialogueGenerator with a judge', () => {
  const catalog = builtinCatalog();
  const profile = syntheticProfile(catalog, 3, { seed: 2 });

  it('asks the judge only where the lexicon is unsure, and repairs what it finds', async () => {
    const template = new TemplateAdapter();
    // A model that words every user opinion without a single sentiment word: the lexicon cannot tell.
    const vague: LMAdapter = {
      name: 'test:vague',
      async verbalize(request) {
        const stated = request.acts.some((act) => act.type === 'disclose' || (act.type === 'answer-item' && act.seen));
        if (request.feedback || request.speaker !== 'user' || !stated) return template.verbalize(request);
        // Titles and attributes named, so that only the opinion is in doubt.
        const titles = request.acts.flatMap((act) => act.items).map((id) => displayTitle(catalog.require(id)));
        const attributes = request.acts.flatMap((act) =>
          'attribute' in act && act.attribute ? [act.attribute.slice(act.attribute.indexOf(':') + 1)] : [],
        );
        return { text: `About that: ${[...titles, ...attributes].join(', ') || 'well'}. Hmm.` };
      },
    };
    const questions: string[] = [];
    const judge: PolarityJudge = async ({ subject }) => {
      questions.push(subject);
      return 'negative';
    };
    const record = await new DialogueGenerator({ adapter: vague, judge, seed: 2 }).generate(profile);
    expect(questions.length).toBeGreaterThan(0);
    expect(
      record.consistency.repairLog.some((r) =>
        r.violations.some((v) => v.rule === 'text-polarity' && v.message.startsWith('A judge reads')),
      ),
    ).toBe(true);
    expect(record.consistency.violations).toEqual([]);

    const quiet: string[] = [];
    await new DialogueGenerator({
      judge: async ({ subject }) => {
        quiet.push(subject);
        return 'unsure';
      },
      seed: 2,
    }).generate(profile);
    const unsureInTemplates = quiet.length;
    const baseline = await new DialogueGenerator({ seed: 2 }).generate(profile);
    expect(unsureInTemplates).toBeLessThan(baseline.turns.length);
  });
});
