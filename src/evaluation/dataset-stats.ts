import { z } from 'zod';
import type { ItemCatalog } from '../catalog/item-catalog.js';
import { priceOf, type TokenPrices } from '../dialogue/token-usage.js';
import { VIOLATION_RULES } from '../dialogue/violation.js';
import { BehaviourStatsSchema, BehaviourTally } from './behaviour-stats.js';
import { type CorpusDialogue, CorpusFormatSchema, type CorpusReading } from './corpus-file.js';
import {
  DISTINCT_TOKEN_LIMIT,
  DistinctCounter,
  diversityTokens,
  REPEAT_SAMPLE_DIALOGUES,
  RepeatCounter,
} from './text-diversity.js';

const Share = z.number().min(0).max(1);
const Count = z.number().int().min(0);

/** Utterances of this many tokens or more share the length histogram's last bucket. */
export const LONG_UTTERANCE_TOKENS = 60;

/** How consistent icer records are, from what their tracker recorded. */
export const ConsistencyStatsSchema = z.strictObject({
  /** Violations left in the records (0 after repair, unless repair was off). */
  violations: Count,
  /** Records with at least one violation left. */
  dialoguesWithViolations: Count,
  /** Turns repaired, and the violations that caused them, by rule. */
  repairs: Count,
  /** Violations that caused a repair, counted by rule. */
  repairsByRule: z.partialRecord(z.enum(VIOLATION_RULES), Count),
  /** Repairs that fell back to the template wording after the model's attempts failed. */
  templateFallbacks: Count,
  /** The share of turns whose words the language model wrote (0 for template runs). */
  modelWordedShare: Share,
});

/** What a model run spent: from the records' `generator` fields; prices when given. */
export const CostStatsSchema = z.strictObject({
  /** Language-model calls made, over all records. */
  calls: Count,
  /** Input (prompt) tokens, over all records. */
  inputTokens: Count,
  /** Output (completion) tokens, over all records. */
  outputTokens: Count,
  /** The same figures averaged over the records. */
  perDialogue: z.strictObject({
    /** Calls per dialogue. */
    calls: z.number(),
    /** Input tokens per dialogue. */
    inputTokens: z.number(),
    /** Output tokens per dialogue. */
    outputTokens: z.number(),
  }),
  /** The total price at the prices given, or null without prices. */
  price: z.number().nullable(),
  /** The price averaged over the records, or null without prices. */
  pricePerDialogue: z.number().nullable(),
});

/** The figures of one corpus: the same for icer records and reference corpora, plus more for icer records. */
export const CorpusStatsSchema = z.strictObject({
  /** The label given, or the file name. */
  name: z.string(),
  /** Null for a file with no dialogue in it. */
  format: CorpusFormatSchema.nullable(),
  /** Whether this corpus was given as a reference (`--reference`). */
  reference: z.boolean(),
  /** Dialogues read. */
  dialogues: Count,
  /** Utterances (turns with text) over all dialogues. */
  utterances: Count,
  /** Mean utterances per dialogue (0 without dialogues). */
  utterancesPerDialogue: z.number(),
  /** Mean tokens per utterance (0 without utterances). */
  tokensPerUtterance: z.number(),
  /** Dialogues by number of utterances, shortest first. */
  turnsHistogram: z.array(
    z.strictObject({
      /** The number of utterances. */
      turns: Count,
      /** Dialogues of that many utterances. */
      dialogues: Count,
    }),
  ),
  /** Utterances by number of tokens, shortest first; the last bucket (`LONG_UTTERANCE_TOKENS`) holds all longer. */
  lengthHistogram: z.array(
    z.strictObject({
      /** The number of tokens. */
      tokens: Count,
      /** Utterances of that many tokens. */
      utterances: Count,
    }),
  ),
  /** distinct-n over the first 50,000 tokens (see `DISTINCT_TOKEN_LIMIT` for the tokeniser). */
  distinct: z.strictObject({
    /** distinct-1: distinct unigrams over all unigrams. */
    '1': Share,
    /** distinct-2: distinct bigrams over all bigrams. */
    '2': Share,
    /** distinct-3: distinct trigrams over all trigrams. */
    '3': Share,
    /** The tokens the figures were computed over (at most the limit). */
    tokens: Count,
  }),
  /** Share of utterances whose exact text occurs more than once, among the first 1,342 dialogues. */
  repeatedUtteranceShare: Share,
  /** Lines that were not a dialogue of the corpus's format (reported on stderr with their numbers). */
  brokenLines: Count,
  /** icer records only, else null. */
  behaviour: BehaviourStatsSchema.nullable(),
  /** icer records only, else null. */
  consistency: ConsistencyStatsSchema.nullable(),
  /** icer records written by a language model only, else null. */
  cost: CostStatsSchema.nullable(),
});
/** The figures of one corpus. */
export type CorpusStats = z.output<typeof CorpusStatsSchema>;

/** `icer stats --json`: every corpus's figures, in the order given. */
export const DatasetStatsSchema = z.strictObject({
  /** The tokeniser and samples the figures use, for whoever compares them with figures computed elsewhere. */
  method: z.strictObject({
    /** How many tokens of each corpus distinct-n reads (the first ones). */
    distinctTokens: Count,
    /** How many dialogues of each corpus the repeated-utterance share reads (the first ones). */
    repeatSampleDialogues: Count,
    /** How text is split into tokens. */
    tokenizer: z.string(),
  }),
  /** One entry per corpus, in the order given. */
  corpora: z.array(CorpusStatsSchema),
});
/** `icer stats --json`. */
export type DatasetStats = z.output<typeof DatasetStatsSchema>;

/** How the figures are measured: written into every report. */
export const STATS_METHOD: DatasetStats['method'] = {
  distinctTokens: DISTINCT_TOKEN_LIMIT,
  repeatSampleDialogues: REPEAT_SAMPLE_DIALOGUES,
  tokenizer: 'lowercase, accents stripped (NFD), tokens are maximal runs of a-z and 0-9; n-grams within an utterance',
};

/** What {@link corpusStats} needs besides the dialogues. */
export interface CorpusStatsOptions {
  /** The corpus's label in the figures: the label given, or the file name. */
  readonly name: string;
  /**
   * Whether the corpus is a reference (human dialogues) rather than the corpus under study.
   * @default false
   */
  readonly reference?: boolean;
  /**
   * The catalog the records' items come from (critiques are checked and held-out titles found against it), or
   * several: each record is read against the first that knows its items.
   */
  readonly catalog: ItemCatalog | readonly [ItemCatalog, ...ItemCatalog[]];
  /** Token prices, for the cost of model runs. */
  readonly prices?: TokenPrices;
  /** Lines of the file that were not dialogues (counted by the caller's reader). */
  readonly brokenLines?: () => number;
}

/**
 * The figures of one corpus, read in one pass over its dialogues (any number: only counts and the first dialogues'
 * texts are kept).
 *
 * @example
 * ```ts
 * const reading = readCorpusFile('dialogues.jsonl', (broken) => console.error(broken));
 * const stats = await corpusStats(reading, { name: 'icer', catalog: builtinCatalog() });
 * console.log(stats.distinct['2'], stats.repeatedUtteranceShare);
 * ```
 */
export async function corpusStats(corpus: CorpusReading, options: CorpusStatsOptions): Promise<CorpusStats> {
  const distinct = new DistinctCounter();
  const repeats = new RepeatCounter();
  const histogram = new Map<number, number>();
  const lengths = new Map<number, number>();
  const { catalog } = options;
  const behaviour = new BehaviourTally(isCatalogList(catalog) ? catalog : [catalog]);
  const consistency = new ConsistencyTally();
  let count = 0;
  let records = 0;
  let utterances = 0;
  let tokens = 0;
  for await (const dialogue of corpus.dialogues) {
    count++;
    utterances += dialogue.utterances.length;
    histogram.set(dialogue.utterances.length, (histogram.get(dialogue.utterances.length) ?? 0) + 1);
    for (const text of dialogue.utterances) {
      const words = diversityTokens(text);
      tokens += words.length;
      const bucket = Math.min(words.length, LONG_UTTERANCE_TOKENS);
      lengths.set(bucket, (lengths.get(bucket) ?? 0) + 1);
      distinct.add(words);
      if (count <= REPEAT_SAMPLE_DIALOGUES) repeats.add(text);
    }
    if (dialogue.record) {
      records++;
      behaviour.add(dialogue.record);
      consistency.add(dialogue.record);
    }
  }
  return {
    name: options.name,
    format: corpus.format() ?? null,
    reference: options.reference ?? false,
    dialogues: count,
    utterances,
    utterancesPerDialogue: count === 0 ? 0 : utterances / count,
    tokensPerUtterance: utterances === 0 ? 0 : tokens / utterances,
    turnsHistogram: [...histogram].sort(([a], [b]) => a - b).map(([turns, n]) => ({ turns, dialogues: n })),
    lengthHistogram: [...lengths].sort(([a], [b]) => a - b).map(([length, n]) => ({ tokens: length, utterances: n })),
    distinct: distinct.result(),
    repeatedUtteranceShare: repeats.share(),
    brokenLines: options.brokenLines?.() ?? 0,
    behaviour: records === 0 ? null : behaviour.result(),
    consistency: records === 0 ? null : consistency.result(),
    cost: consistency.calls === 0 ? null : consistency.cost(records, options.prices),
  };
}

function isCatalogList(
  catalog: ItemCatalog | readonly [ItemCatalog, ...ItemCatalog[]],
): catalog is readonly [ItemCatalog, ...ItemCatalog[]] {
  return Array.isArray(catalog);
}

/** Adds up what the tracker and the generator recorded. */
class ConsistencyTally {
  violations = 0;
  dialoguesWithViolations = 0;
  repairs = 0;
  readonly repairsByRule = new Map<string, number>();
  templateFallbacks = 0;
  turns = 0;
  modelTurns = 0;
  calls = 0;
  inputTokens = 0;
  outputTokens = 0;

  add(record: NonNullable<CorpusDialogue['record']>): void {
    const { consistency, generator } = record;
    this.violations += consistency.violations.length;
    if (consistency.violations.length > 0) this.dialoguesWithViolations++;
    this.repairs += consistency.repairs;
    let fallbacks = 0;
    for (const repair of consistency.repairLog) {
      if (repair.method === 'template') fallbacks++;
      for (const violation of repair.violations) {
        this.repairsByRule.set(violation.rule, (this.repairsByRule.get(violation.rule) ?? 0) + 1);
      }
    }
    this.templateFallbacks += fallbacks;
    this.turns += record.turns.length;
    if (generator.lm !== 'template') this.modelTurns += record.turns.length - fallbacks;
    this.calls += generator.calls;
    this.inputTokens += generator.usage.inputTokens;
    this.outputTokens += generator.usage.outputTokens;
  }

  result(): z.output<typeof ConsistencyStatsSchema> {
    return {
      violations: this.violations,
      dialoguesWithViolations: this.dialoguesWithViolations,
      repairs: this.repairs,
      repairsByRule: Object.fromEntries([...this.repairsByRule].sort(([a], [b]) => (a < b ? -1 : 1))),
      templateFallbacks: this.templateFallbacks,
      modelWordedShare: this.turns === 0 ? 0 : this.modelTurns / this.turns,
    };
  }

  cost(records: number, prices: TokenPrices | undefined): z.output<typeof CostStatsSchema> {
    const usage = { inputTokens: this.inputTokens, outputTokens: this.outputTokens };
    const price = prices ? priceOf(usage, prices) : null;
    return {
      calls: this.calls,
      ...usage,
      perDialogue: {
        calls: this.calls / records,
        inputTokens: this.inputTokens / records,
        outputTokens: this.outputTokens / records,
      },
      price,
      pricePerDialogue: price === null ? null : price / records,
    };
  }
}
