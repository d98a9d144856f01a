import { z } from 'zod';
import { throwIfAborted } from '../abort.js';
import type { ItemCatalog } from '../catalog/item-catalog.js';
import { IcerError } from '../errors.js';
import type { DialogueRecord } from '../generation/dialogue-record.js';
import { capitalize } from '../lexicon/english.js';
import { PreferenceProfile } from '../profile/preference-profile.js';
import { SeededRandom, SeedSchema } from '../random/seeded-random.js';
import { parseOptions } from '../validation/parse-options.js';
import { bootstrapMeans, pairedDifferences } from './bootstrap.js';
import { NegativeSamplingSchema, popularitySampler, sampleCandidates } from './candidate-lists.js';
import { dialogueText, type EvaluationContext } from './evaluation-context.js';
import {
  type EvaluationComparison,
  type EvaluationReport,
  type EvaluationResult,
  rowName,
} from './evaluation-report.js';
import { type MetricValues, RANKING_METRICS, randomExpectation, scoreRanking } from './ranking-metrics.js';
import type { RankingRecommender } from './ranking-recommender.js';
import { contentRecommender } from './text-reader.js';

/** How far an {@link evaluateDialogues} run has got. */
export const EvaluateProgressSchema = z.strictObject({
  /** Records read so far, from all sources (those skipped included; lines that are not records are not). */
  records: z.number().int().min(0),
  /** Ranking questions answered so far (or failed). */
  answered: z.number().int().min(0),
  /** Ranking questions asked so far. */
  asked: z.number().int().min(0),
});
/** How far an {@link evaluateDialogues} run has got. */
export type EvaluateProgress = z.output<typeof EvaluateProgressSchema>;

/** Options of {@link evaluateDialogues}. Unknown keys are refused. */
export const EvaluateOptionsSchema = z.strictObject({
  /**
   * Negatives per target: each candidate list is the held-out target and this many items the user has not rated.
   * @default 19
   */
  negatives: z.number().int().min(1).default(19),
  /**
   * How negatives are drawn: `uniform`, or `popular` (in proportion to popularity: harder to tell from the target).
   * @default 'uniform'
   */
  sampling: NegativeSamplingSchema.default('uniform'),
  /**
   * Prefix lengths, in turns: one `prefix` row per length (a dialogue shorter than a prefix is shown whole).
   * @default [2, 4, 6]
   */
  prefixes: z.array(z.number().int().min(1)).default([2, 4, 6]),
  /**
   * Seed of the candidate lists and the bootstrap: the same inputs and seed give the same report.
   * @default 0
   */
  seed: SeedSchema.default(0),
  /**
   * Bootstrap resamples per interval.
   * @default 1000
   */
  resamples: z.number().int().min(1).default(1000),
  /**
   * Confidence level of the intervals.
   * @default 0.95
   */
  level: z.number().gt(0).lt(1).default(0.95),
  /**
   * The recommender under evaluation.
   * @default contentRecommender()
   */
  recommender: z
    .custom<RankingRecommender>(
      (value) => typeof (value as RankingRecommender | null)?.rank === 'function',
      'expected a recommender: an object with a name and a rank(request) method',
    )
    .optional(),
  /**
   * Every item a user has rated, when known beyond the record (all their MovieLens ratings): none of them is drawn as
   * a negative. Without it (or when it returns undefined), the record's liked, disliked and held-out items are left
   * out.
   */
  rated: z
    .custom<(userId: string) => ReadonlySet<string> | undefined>((value) => typeof value === 'function')
    .optional(),
  /**
   * Ranking questions in flight at once (a model recommender answers several at a time); the report does not depend
   * on it.
   * @default 4
   */
  concurrency: z.number().int().min(1).default(4),
  /** Stops the evaluation (`ABORTED`). */
  signal: z.instanceof(AbortSignal).optional(),
  /**
   * Told how far the evaluation has got, as each record is read and as each ranking question is answered. For a
   * progress bar; the report does not depend on it.
   */
  onProgress: z
    .custom<(progress: EvaluateProgress) => void>(
      (value) => typeof value === 'function',
      'onProgress must be a function',
    )
    .optional(),
});
/** Options of {@link evaluateDialogues}. */
export type EvaluateOptions = z.input<typeof EvaluateOptionsSchema>;

/** A labelled set of dialogue records: one file of `icer evaluate --dialogues LABEL=FILE`. */
export interface DialogueSource {
  /** Names the source in results and comparisons (`dialogue/LABEL`). */
  readonly label: string;
  /** The source's records, read once. */
  readonly records: Iterable<DialogueRecord> | AsyncIterable<DialogueRecord>;
}

const NO_CONTEXT: EvaluationContext = { condition: 'none', text: '', turns: [] };

/** A target of one user: the unit every row scores, shared by all rows so that differences can be paired. */
interface Unit {
  /** Units are numbered as they are met: rows keep their scores in arrays by this number. */
  readonly index: number;
  readonly candidates: readonly string[];
  readonly target: string;
}

/** The scores of one row, by unit number (holes where a unit was not scored). */
interface Row {
  readonly condition: EvaluationResult['condition'];
  readonly source: string | null;
  readonly turns: number | null;
  readonly scores: Array<MetricValues | undefined>;
  /** The numbers of the units scored (in the order answers came: sorted before use). */
  readonly scored: number[];
  /** By unit number, true for the units asked about, answered or not yet (an array: a set cost more than scoring). */
  readonly started: boolean[];
  failures: number;
}

/**
 * Runs the downstream study of the ICER paper on dialogue records: for each held-out target of each record's user, a
 * candidate list (the target and `negatives` unrated items, seeded), ranked by the recommender under each condition —
 * nothing (`none`), the text profile (`profile`), the whole dialogue (`dialogue`) and its first turns (`prefix`) —
 * per labelled source. Returns every row's metrics with bootstrap intervals, the random floor, and paired
 * differences (each source's dialogue against `none` and `profile`, sources against each other, prefixes against
 * the whole dialogue).
 *
 * @example
 * ```ts
 * const report = await evaluateDialogues([{ label: 'icer', records }], catalog);
 * report.results.find((row) => row.condition === 'dialogue')?.metrics.ndcg; // { mean, ci }
 * ```
 */
export async function evaluateDialogues(
  sources: readonly DialogueSource[],
  catalog: ItemCatalog,
  options: EvaluateOptions = {},
): Promise<EvaluationReport> {
  const resolved = parseOptions(EvaluateOptionsSchema, options, 'evaluateDialogues');
  const recommender = resolved.recommender ?? contentRecommender();
  const labels = new Set<string>();
  for (const source of sources) {
    if (labels.has(source.label)) {
      throw new IcerError('INVALID_ARGUMENT', `Two dialogue sources are labelled "${source.label}".`, {
        hint: 'Give each source its own label (LABEL=FILE).',
      });
    }
    labels.add(source.label);
  }
  const skipped: Record<string, number> = {};
  const skip = (reason: string) => {
    skipped[reason] = (skipped[reason] ?? 0) + 1;
  };
  const pool = catalog.ids();
  const sampler =
    resolved.sampling === 'popular' ? popularitySampler(pool, (id) => catalog.relativePopularity(id)) : undefined;
  const units = new Map<string, Unit | null>();
  const rows = new Map<string, Row>();
  const rowFor = (condition: Row['condition'], source: string | null, turns: number | null): Row => {
    const name = rowName({ condition, source, turns });
    let row = rows.get(name);
    if (!row) {
      row = { condition, source, turns, scores: [], scored: [], started: [], failures: 0 };
      rows.set(name, row);
    }
    return row;
  };
  rowFor('none', null, null);
  rowFor('profile', null, null);

  const byPlace = new Map<number, MetricValues>();
  const questions = taskPool(resolved.concurrency);
  const progress: EvaluateProgress = { records: 0, answered: 0, asked: 0 };
  const tell = () => resolved.onProgress?.({ ...progress });
  const score = async (row: Row, unit: Unit, context: EvaluationContext) => {
    if (row.started[unit.index] === true) return;
    row.started[unit.index] = true;
    progress.asked++;
    try {
      await answer(row, unit, context);
    } finally {
      progress.answered++;
      tell();
    }
  };
  const answer = async (row: Row, unit: Unit, context: EvaluationContext) => {
    let ordered: readonly string[];
    try {
      ordered = await recommender.rank({
        context,
        candidates: unit.candidates,
        catalog,
        ...(resolved.signal ? { signal: resolved.signal } : {}),
      });
    } catch (error) {
      if (IcerError.isInstance(error) && error.code === 'ABORTED') throw error;
      row.failures++;
      return;
    }
    const answer = cleaned(ordered, unit.candidates);
    // A score depends only on where the target is (or how many places were left open): one object per place.
    const index = answer.indexOf(unit.target);
    const place = index >= 0 ? index + 1 : -(answer.length + 1);
    let values = byPlace.get(place);
    if (!values) {
      values = scoreRanking(answer, unit.target, unit.candidates.length);
      byPlace.set(place, values);
    }
    row.scores[unit.index] = values;
    row.scored.push(unit.index);
  };

  for (const source of sources) {
    // Rows exist (n = 0) even for a source with no usable record, so that every condition is reported.
    rowFor('dialogue', source.label, null);
    for (const turns of resolved.prefixes) rowFor('prefix', source.label, turns);
    const occurrences = new Map<string, number>();
    for await (const record of source.records) {
      throwIfAborted(resolved.signal);
      progress.records++;
      tell();
      if (record.user.heldOut.length === 0) {
        skip('no-held-out');
        continue;
      }
      const seenTimes = occurrences.get(record.user.id) ?? 0;
      occurrences.set(record.user.id, seenTimes + 1);
      // One context object per record and condition, whatever the number of targets: readers may cache by it.
      const profileContext = profileContextOf(record, catalog);
      const dialogueContext: EvaluationContext = {
        condition: 'dialogue',
        text: dialogueText(record.turns),
        turns: record.turns,
      };
      const prefixContexts = resolved.prefixes.map((turns): [number, EvaluationContext] => {
        const shown = record.turns.slice(0, turns);
        return [turns, { condition: 'prefix', text: dialogueText(shown), turns: shown }];
      });
      let exclude: ReadonlySet<string> | undefined;
      for (const target of record.user.heldOut) {
        const key = `${record.user.id}\u0000${seenTimes}\u0000${target}`;
        let unit = units.get(key);
        if (unit === undefined) {
          exclude ??= excludedFor(record, resolved.rated);
          unit = unitOf(units.size, key, target, exclude, catalog, resolved, pool, sampler, skip);
          units.set(key, unit);
        }
        if (unit === null) continue;
        const asked = unit;
        await questions.add(() => score(rowFor('none', null, null), asked, NO_CONTEXT));
        await questions.add(() => score(rowFor('profile', null, null), asked, profileContext));
        await questions.add(() => score(rowFor('dialogue', source.label, null), asked, dialogueContext));
        for (const [turns, context] of prefixContexts)
          await questions.add(() => score(rowFor('prefix', source.label, turns), asked, context));
      }
    }
  }
  await questions.drain();
  const targets = [...units.values()].filter((unit) => unit !== null).length;
  if (targets === 0) throw nothingToScore(progress.records, skipped);
  // Answers may arrive out of order: the statistics read the units in the order they were met.
  for (const row of rows.values()) row.scored.sort((a, b) => a - b);

  const listSize = resolved.negatives + 1;
  const interval = { resamples: resolved.resamples, level: resolved.level };
  const columnsOf = (row: Row, indices: readonly number[]) =>
    RANKING_METRICS.map((metric) => indices.map((index) => (row.scores[index] as MetricValues)[metric]));
  const results: EvaluationResult[] = [...rows.values()].map((row) => {
    const keys = row.scored;
    const intervals =
      keys.length === 0
        ? RANKING_METRICS.map(() => ({ mean: 0, ci: [0, 0] as [number, number] }))
        : bootstrapMeans(columnsOf(row, keys), { ...interval, seed: `${String(resolved.seed)}/${rowName(row)}` });
    return {
      condition: row.condition,
      source: row.source,
      turns: row.turns,
      recommender: recommender.name,
      n: keys.length,
      failures: row.failures,
      metrics: Object.fromEntries(
        RANKING_METRICS.map((metric, index) => [metric, intervals[index]]),
      ) as EvaluationResult['metrics'],
    };
  });

  const comparisons: EvaluationComparison[] = [];
  const compare = (a: Row, b: Row) => {
    const keys = a.scored.filter((index) => b.scores[index] !== undefined);
    if (keys.length === 0) return;
    const differences = pairedDifferences(columnsOf(a, keys), columnsOf(b, keys), {
      ...interval,
      seed: `${String(resolved.seed)}/${rowName(a)}-${rowName(b)}`,
    });
    RANKING_METRICS.forEach((metric, index) => {
      const { diff, ci } = differences[index] as { diff: number; ci: [number, number] };
      comparisons.push({ a: rowName(a), b: rowName(b), metric, n: keys.length, diff, ci });
    });
  };
  const none = rowFor('none', null, null);
  const profile = rowFor('profile', null, null);
  compare(profile, none);
  const dialogues = [...rows.values()].filter((row) => row.condition === 'dialogue');
  for (const dialogue of dialogues) {
    compare(dialogue, none);
    compare(dialogue, profile);
    for (const row of rows.values()) {
      if (row.condition === 'prefix' && row.source === dialogue.source) compare(dialogue, row);
    }
  }
  for (let i = 0; i < dialogues.length; i++) {
    for (let j = i + 1; j < dialogues.length; j++) compare(dialogues[i] as Row, dialogues[j] as Row);
  }

  return {
    task: {
      candidates: listSize,
      negatives: resolved.sampling,
      targets,
      seed: resolved.seed,
      resamples: resolved.resamples,
      level: resolved.level,
      skipped,
    },
    random: randomExpectation(listSize),
    results,
    comparisons,
  };
}

/**
 * Runs tasks at most `limit` at a time: `add` waits while the pool is full; the first failure is thrown by the next
 * `add` or by `drain`, after which nothing new starts.
 */
function taskPool(limit: number) {
  const running = new Set<Promise<void>>();
  let failed: { error: unknown } | undefined;
  const rethrow = () => {
    if (failed) throw failed.error;
  };
  return {
    async add(task: () => Promise<void>): Promise<void> {
      rethrow();
      const done: Promise<void> = task()
        .catch((error: unknown) => {
          failed ??= { error };
        })
        .finally(() => running.delete(done));
      running.add(done);
      if (running.size >= limit) await Promise.race(running);
      rethrow();
    },
    async drain(): Promise<void> {
      await Promise.all(running);
      rethrow();
    },
  };
}

/** The distinct candidate ids of an answer, in its order; anything else it named is dropped. */
function cleaned(ordered: readonly string[], candidates: readonly string[]): string[] {
  // Candidate lists are short (20 by default): scanning them beats building a set for every answer, and marking the
  // places taken beats scanning the answer again.
  const taken: boolean[] = [];
  const out: string[] = [];
  for (const id of ordered) {
    const place = candidates.indexOf(id);
    if (place < 0 || taken[place] === true) continue;
    taken[place] = true;
    out.push(id);
  }
  return out;
}

function profileContextOf(record: DialogueRecord, catalog: ItemCatalog): EvaluationContext {
  const { liked, disliked, preferences } = record.user;
  const profile = new PreferenceProfile({
    id: record.user.id,
    liked: liked.map((item) => ({ item, strength: 1 })),
    disliked: disliked.map((item) => ({ item, strength: 1 })),
    affinities: preferences,
  });
  return { condition: 'profile', text: profile.toText(catalog), turns: [], profile: { liked, disliked, preferences } };
}

/** What no negative of a record's user may be: every item the user rated, when known, and the record's lists. */
function excludedFor(record: DialogueRecord, rated: ((userId: string) => ReadonlySet<string> | undefined) | undefined) {
  const exclude = new Set(rated?.(record.user.id) ?? []);
  for (const id of [...record.user.liked, ...record.user.disliked, ...record.user.heldOut]) exclude.add(id);
  return exclude;
}

function unitOf(
  index: number,
  key: string,
  target: string,
  exclude: ReadonlySet<string>,
  catalog: ItemCatalog,
  options: z.output<typeof EvaluateOptionsSchema>,
  pool: readonly string[],
  sampler: ReturnType<typeof popularitySampler> | undefined,
  skip: (reason: string) => void,
): Unit | null {
  if (!catalog.has(target)) {
    skip('unknown-item');
    return null;
  }
  try {
    const candidates = sampleCandidates({
      target,
      pool,
      exclude,
      negatives: options.negatives,
      sampling: options.sampling,
      ...(sampler ? { popularity: sampler } : {}),
      random: new SeededRandom(`${String(options.seed)}/${key}`),
    });
    return { index, candidates, target };
  } catch (error) {
    if (!IcerError.isInstance(error) || error.code !== 'INVALID_ARGUMENT') throw error;
    skip('too-few-negatives');
    return null;
  }
}

// What to do about each reason a target was skipped, when none was left to score.
const SKIP_HINTS: Readonly<Record<string, string>> = {
  'unknown-item':
    'the records name items this catalog does not have: evaluate them against the catalog they were generated from (the same --catalog FILE or --movielens DIR as icer generate had; in code, the same ItemCatalog)',
  'no-held-out':
    "the records' users have no held-out items: generate them with held-out targets (the default for synthetic and MovieLens users; a profile file's own users need a heldOut list)",
  'too-few-negatives': 'the catalog has too few unrated items for the candidate lists: ask for fewer negatives',
};

/**
 * The error for a study with nothing to score: a table of zeros would read as a result. It says how many records
 * were read and why each target was skipped.
 */
function nothingToScore(records: number, skipped: Readonly<Record<string, number>>): IcerError {
  if (records === 0) {
    return new IcerError('NOTHING_TO_EVALUATE', 'The dialogue sources hold no records: there is nothing to evaluate.', {
      hint: 'Check that each file is an icer generate output (one dialogue record per line) and not empty.',
    });
  }
  const reasons = Object.entries(skipped).sort(([, a], [, b]) => b - a);
  const counted = reasons.map(([reason, count]) => `${reason} ${count}`).join(', ');
  return new IcerError(
    'NOTHING_TO_EVALUATE',
    `None of the ${records} records has a held-out target that can be scored (skipped: ${counted}).`,
    { hint: `${capitalize(reasons.map(([reason]) => SKIP_HINTS[reason] ?? reason).join('; '))}.` },
  );
}
