import { beforeAll, describe, expect, it } from 'vitest';
import { ItemCatalog } from '../../src/catalog/item-catalog.js';
import { builtinCatalog } from '../../src/data/builtin/builtin-catalog.js';
import { actsRecommender } from '../../src/evaluation/acts-reader.js';
import { evaluateDialogues } from '../../src/evaluation/evaluate-dialogues.js';
import { type EvaluationReport, EvaluationReportSchema, rowName } from '../../src/evaluation/evaluation-report.js';
import { RANKING_METRICS, randomExpectation } from '../../src/evaluation/ranking-metrics.js';
import type { RankingRecommender } from '../../src/evaluation/ranking-recommender.js';
import { contentRecommender } from '../../src/evaluation/text-reader.js';
import { DialogueGenerator } from '../../src/generation/dialogue-generator.js';
import type { DialogueRecord } from '../../src/generation/dialogue-record.js';
import { syntheticProfiles } from '../../src/profile/synthetic.js';
import { rejected } from '../helpers/thrown.js';

const catalog = builtinCatalog();
const records: DialogueRecord[] = [];

beforeAll(async () => {
  const generator = new DialogueGenerator({ seed: 3, catalog });
  for await (const record of generator.generateMany(syntheticProfiles(catalog, { count: 40, seed: 3 })))
    records.push(record);
});

const fast = { resamples: 200 } as const;
const row = (report: EvaluationReport, name: string) => report.results.find((r) => rowName(r) === name);
const targets = () => records.reduce((sum, record) => sum + record.user.heldOut.length, 0);

describe('evaluateDialogues', () => {
  it('tells onProgress each record read and each question asked and answered, and reports the same', async () => {
    const seen: Array<{ records: number; answered: number; asked: number }> = [];
    const sources = [
      { label: 'a', records: records.slice(0, 10) },
      { label: 'b', records: records.slice(10, 15) },
    ];
    const report = await evaluateDialogues(sources, catalog, {
      ...fast,
      concurrency: 3,
      onProgress: (progress) => seen.push({ ...progress }),
    });
    // Every record of both sources was read, and every question asked was answered.
    expect(Math.max(...seen.map((progress) => progress.records))).toBe(15);
    const last = seen.at(-1);
    expect(last?.answered).toBe(last?.asked);
    // One question per unit and row: none, profile, and each source's dialogue and three prefixes.
    const scored = report.results.reduce((sum, result) => sum + result.n + result.failures, 0);
    expect(last?.answered).toBe(scored);
    for (const [i, progress] of seen.entries()) {
      expect(progress.answered).toBeLessThanOrEqual(progress.asked);
      if (i > 0) expect(progress.records).toBeGreaterThanOrEqual((seen[i - 1] as { records: number }).records);
    }
    const quiet = await evaluateDialogues(sources, catalog, fast);
    expect(quiet.results).toEqual(report.results);
  });

  it('scores every target under every condition, with intervals around the means, in the documented shape', async () => {
    const report = await evaluateDialogues([{ label: 'icer', records }], catalog, fast);
    expect(EvaluationReportSchema.parse(report)).toEqual(report);
    expect(report.task).toMatchObject({ candidates: 20, negatives: 'uniform', targets: targets(), seed: 0 });
    expect(targets()).toBeGreaterThan(40);
    expect(report.results.map(rowName)).toEqual([
      'none',
      'profile',
      'dialogue/icer',
      'prefix@2/icer',
      'prefix@4/icer',
      'prefix@6/icer',
    ]);
    for (const result of report.results) {
      expect(result).toMatchObject({ recommender: 'content', n: targets(), failures: 0 });
      for (const metric of RANKING_METRICS) {
        const { mean, ci } = result.metrics[metric];
        expect(ci[0]).toBeLessThanOrEqual(mean);
        expect(ci[1]).toBeGreaterThanOrEqual(mean);
      }
    }
    expect(report.random).toEqual(randomExpectation(20));
    const names = report.comparisons.filter((c) => c.metric === 'ndcg').map((c) => `${c.a} vs ${c.b}`);
    expect(names).toEqual([
      'profile vs none',
      'dialogue/icer vs none',
      'dialogue/icer vs profile',
      'dialogue/icer vs prefix@2/icer',
      'dialogue/icer vs prefix@4/icer',
      'dialogue/icer vs prefix@6/icer',
    ]);
  });

  it('is deterministic for a seed, and the seed changes the candidate lists', async () => {
    const lists = (seed: number, from: DialogueRecord[] = records) => {
      const seen: string[][] = [];
      const spy: RankingRecommender = {
        name: 'spy',
        rank: ({ candidates }) => {
          seen.push([...candidates]);
          return candidates;
        },
      };
      return evaluateDialogues([{ label: 'a', records: from }], catalog, { ...fast, seed, recommender: spy }).then(
        (report) => ({ seen, report }),
      );
    };
    const [first, again, other] = await Promise.all([lists(1), lists(1), lists(2)]);
    expect(JSON.stringify(again.report)).toBe(JSON.stringify(first.report));
    expect(again.seen).toEqual(first.seen);
    expect(other.seen).not.toEqual(first.seen);
    // Negatives are never items the user rated.
    const [one] = records as [DialogueRecord];
    const single = await lists(1, [one]);
    const rated = new Set([...one.user.liked, ...one.user.disliked, ...one.user.heldOut]);
    for (const list of single.seen) {
      expect(list.filter((id) => rated.has(id))).toHaveLength(1);
      expect(list.filter((id) => one.user.heldOut.includes(id))).toHaveLength(1);
    }
  });

  it('gives an oracle perfect scores and an empty answer exactly the random floor', async () => {
    // One user: its other held-out items are never negatives, so the one held-out item of a list is its target.
    const [one] = records as [DialogueRecord];
    const heldOut = new Set(one.user.heldOut);
    const oracle: RankingRecommender = {
      name: 'oracle',
      rank: ({ candidates }) => [...candidates].sort((a, b) => Number(heldOut.has(b)) - Number(heldOut.has(a))),
    };
    const perfect = await evaluateDialogues([{ label: 'a', records: [one] }], catalog, {
      ...fast,
      recommender: oracle,
    });
    expect(row(perfect, 'dialogue/a')?.metrics['hit@1'].mean).toBe(1);
    const silent: RankingRecommender = { name: 'silent', rank: () => [] };
    const floor = await evaluateDialogues([{ label: 'a', records }], catalog, { ...fast, recommender: silent });
    for (const metric of RANKING_METRICS)
      expect(row(floor, 'none')?.metrics[metric].mean).toBeCloseTo(floor.random[metric], 12);
  });

  it('asks up to `concurrency` questions at once, and the report does not depend on it', async () => {
    const slow = (): RankingRecommender & { peak: number } => {
      let running = 0;
      const recommender = {
        name: 'slow',
        peak: 0,
        rank: async ({ candidates }: { candidates: readonly string[] }) => {
          running++;
          recommender.peak = Math.max(recommender.peak, running);
          // Answers come back out of order: later questions often finish first.
          await new Promise((resolve) => setTimeout(resolve, candidates[0]?.length ?? 0));
          running--;
          return [...candidates].reverse();
        },
      };
      return recommender;
    };
    const few = records.slice(0, 6);
    const one = slow();
    const eight = slow();
    const sequential = await evaluateDialogues([{ label: 'a', records: few }], catalog, {
      ...fast,
      recommender: one,
      concurrency: 1,
    });
    const parallel = await evaluateDialogues([{ label: 'a', records: few }], catalog, {
      ...fast,
      recommender: eight,
      concurrency: 8,
    });
    expect(JSON.stringify(parallel)).toBe(JSON.stringify(sequential));
    expect(one.peak).toBe(1);
    expect(eight.peak).toBe(8);
  });

  it('counts a recommender that throws as failures, never as scores', async () => {
    const broken: RankingRecommender = {
      name: 'broken',
      rank: ({ context }) => {
        if (context.condition === 'profile') throw new Error('model unavailable');
        return [];
      },
    };
    const report = await evaluateDialogues([{ label: 'a', records }], catalog, { ...fast, recommender: broken });
    expect(row(report, 'profile')).toMatchObject({ n: 0, failures: targets() });
    expect(row(report, 'none')).toMatchObject({ n: targets(), failures: 0 });
    expect(report.comparisons.some((c) => c.a === 'profile' || c.b === 'profile')).toBe(false);
  });

  it('pairs two sources over the targets they share, and counts records without held-out items', async () => {
    const stripped = records.slice(0, 5).map((record) => ({ ...record, user: { ...record.user, heldOut: [] } }));
    const report = await evaluateDialogues(
      [
        { label: 'full', records },
        { label: 'short', records: [...stripped, ...records.slice(5)] },
      ],
      catalog,
      { ...fast, recommender: actsRecommender() },
    );
    expect(report.task.skipped).toEqual({ 'no-held-out': 5 });
    const between = report.comparisons.find((c) => c.a === 'dialogue/full' && c.b === 'dialogue/short');
    expect(between?.n).toBe(row(report, 'dialogue/short')?.n);
    // The same records under both labels: identical scores, a difference of exactly zero.
    expect(between).toMatchObject({ diff: 0, ci: [0, 0] });
  });

  it('refuses a study with nothing to score, saying why, rather than report a table of zeros', async () => {
    const none = await rejected(() => evaluateDialogues([{ label: 'e', records: [] }], catalog, fast));
    expect(none.code).toBe('NOTHING_TO_EVALUATE');
    expect(none.message).toMatch(/no records/);
    // Records of another catalog: every target's item is unknown here.
    const albums = new ItemCatalog([
      { id: 'a1', title: 'Album One', attributes: { genre: ['jazz'] } },
      { id: 'a2', title: 'Album Two', attributes: { genre: ['rock'] } },
    ]);
    const strangers = await rejected(() => evaluateDialogues([{ label: 'b', records }], albums, fast));
    expect(strangers.code).toBe('NOTHING_TO_EVALUATE');
    expect(strangers.message).toContain(`None of the ${records.length} records`);
    expect(strangers.message).toContain(`unknown-item ${targets()}`);
    expect(strangers.hint).toMatch(/catalog they were generated from/);
    const bare = records.map((record) => ({ ...record, user: { ...record.user, heldOut: [] } }));
    const untargeted = await rejected(() => evaluateDialogues([{ label: 'u', records: bare }], catalog, fast));
    expect(untargeted.message).toContain(`no-held-out ${records.length}`);
    expect(untargeted.hint).toMatch(/held-out targets/);
  });

  it('refuses two sources with one label, and options it does not know', async () => {
    const twice = [
      { label: 'x', records },
      { label: 'x', records },
    ];
    expect((await rejected(() => evaluateDialogues(twice, catalog))).code).toBe('INVALID_ARGUMENT');
    expect((await rejected(() => evaluateDialogues([], catalog, { negatvies: 5 } as never))).code).toBe(
      'INVALID_ARGUMENT',
    );
  });
});

describe('the offline readers', () => {
  const request = (text: string, candidates: string[]) => ({
    context: { condition: 'dialogue' as const, text, turns: [] },
    candidates,
    catalog,
  });
  const ids = (...titles: string[]) => titles.map((title) => catalog.resolveTitle(title).id);

  it('content: reads likings and dislikes from what the user says, not from what the assistant says', async () => {
    const reader = contentRecommender({ popularityWeight: 0 });
    const [alien, heat] = ids('Alien', 'Heat') as [string, string];
    const sciFiFan = 'User: I love sci-fi, but I really dislike crime movies.';
    expect((await reader.rank(request(sciFiFan, [heat, alien])))[0]).toBe(alien);
    const crimeFan = 'User: I love crime movies, but sci-fi bores me.';
    expect((await reader.rank(request(crimeFan, [alien, heat])))[0]).toBe(heat);
    const assistantOnly = 'Assistant: Do you love sci-fi?';
    expect(await reader.rank(request(assistantOnly, [heat, alien]))).toEqual([heat, alien]);
  });

  it('content: ranks each context by its own tastes when contexts take turns, and a list changed in place anew', async () => {
    const reader = contentRecommender({ popularityWeight: 0 });
    const [alien, heat, aliens] = ids('Alien', 'Heat', 'Aliens') as [string, string, string];
    const sciFiFan = request('User: I love sci-fi, but I really dislike crime movies.', [heat, alien]);
    const crimeFan = request('User: I love crime movies, but sci-fi bores me.', [alien, heat]);
    // One candidate array for both, as every condition ranks a target's one list: scores are kept per context.
    crimeFan.candidates = sciFiFan.candidates;
    for (let round = 0; round < 2; round++) {
      expect(await reader.rank(sciFiFan)).toEqual([alien, heat]);
      expect(await reader.rank(crimeFan)).toEqual([heat, alien]);
    }
    // The same array with other ids in it is read again, not answered from what it held before.
    sciFiFan.candidates.splice(0, 2, aliens, 'no-such-item');
    expect(await reader.rank(sciFiFan)).toEqual([aliens, 'no-such-item']);
  });

  it('content: a reaction without a subject is about what the assistant just offered', async () => {
    const reader = contentRecommender({ popularityWeight: 0 });
    const [alien, heat] = ids('Alien', 'Heat') as [string, string];
    const text = 'Assistant: How about Alien (1979)?\nUser: Hmm, not a fan, honestly.';
    expect(await reader.rank(request(text, [alien, heat]))).toEqual([heat, alien]);
  });
});
