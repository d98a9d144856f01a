import { relative } from 'node:path';
import { z } from 'zod';
import type { UnconstrainedGenerator } from '../../ai/unconstrained-generator.js';
import { priceOf, type TokenPrices } from '../../dialogue/token-usage.js';
import { IcerError } from '../../errors.js';
import type { DialogueGenerator } from '../../generation/dialogue-generator.js';
import { DialogueGeneratorOptionsSchema, GenerateManyOptionsSchema } from '../../generation/generator-options.js';
import { type RunConfig, RunFile } from '../../io/run-file.js';
import type { PreferenceProfile } from '../../profile/preference-profile.js';
import { SeededRandom } from '../../random/seeded-random.js';
import { VERSION } from '../../version.js';
import { type CliIo, UsageError } from '../cli-io.js';
import { forCommandLine } from '../command-line-hints.js';
import { defaultWorkers } from '../default-workers.js';
import { definedOnly } from '../defined-only.js';
import { inputDigests } from '../input-digests.js';
import { streamOutput } from '../jsonl-output.js';
import {
  MODEL_OPTION_FLAGS,
  type ModelAdapter,
  modelChoice,
  modelFlags,
  modelFromFlags,
  parsePrices,
} from '../model-from-flags.js';
import { dataInputs, outPath } from '../out-flag.js';
import { parseFlags } from '../parse-flags.js';
import { parseNumber } from '../parse-values.js';
import { checkQueueUrl } from '../queue-url-flag.js';
import { generatedEntries } from '../run-entries.js';
import type { RunEstimate } from '../run-estimate.js';
import { planRun, RUN_FLAGS, type RunFlagValues, type RunPlan } from '../run-plan.js';
import { usageSoFar } from '../run-usage.js';
import { unmeasuredNote, unmeasuredText } from '../spending-text.js';
import { threadHeapFromEnv } from '../thread-heap.js';
import { unconstrainedEntries } from '../unconstrained-entries.js';
import { workerEntries, workerThreadsShipped } from '../worker-entries.js';
import { type WriteWatch, type WrittenDialogues, writeDialogues } from '../write-dialogues.js';
import { GENERATE_HELP } from './generate-help.js';

export { GENERATE_HELP } from './generate-help.js';

/** "1 dialogue", "2,000 dialogues". */
function dialoguesText(count: number): string {
  return `${count.toLocaleString('en')} dialogue${count === 1 ? '' : 's'}`;
}

/**
 * One line on what a model-backed run spent: what the records alone cannot say (retries, cache hits, unusable
 * replies, cost). A resumed run's adapter counts this start only: `soFar`, the whole run's totals from its manifest,
 * follows.
 */
function runSummary(
  adapter: Pick<ModelAdapter, 'name' | 'stats'>,
  written: { dialogues: number; violations: number } | undefined,
  soFar: ModelAdapter['stats'] | undefined,
): string {
  const { calls, retries, cacheHits, failures, invalidReplies } = adapter.stats;
  // Replies from the cache may be unusable too: counted apart from the calls.
  const unusable = invalidReplies > 0 ? `, ${invalidReplies} repl${invalidReplies === 1 ? 'y' : 'ies'} unusable` : '';
  const whole = soFar ? `; the whole run so far: ${soFar.calls} model calls, ${tokensText(soFar)}` : '';
  // A run that failed or was stopped mid-dialogue has no counts of its own: its calls are still told.
  const made = written ? `${dialoguesText(written.dialogues)} with ${adapter.name}` : adapter.name;
  const left = written ? `, ${written.violations} violations left` : '';
  return (
    `icer generate: ${made}: ${calls} model calls (${retries} retries, ${failures} failed), ` +
    `${cacheHits} from cache${unusable}, ${tokensText(adapter.stats)}${unmeasuredNote(adapter.stats.unmeasuredReplies)}${left}${whole}`
  );
}

/** How to go on after a budget stopped the run: one that cannot be kept (`unkept`) would stop it again. */
function resumeAfter(unkept: boolean): string {
  return unkept
    ? ' Resume with --resume, limited by --max-calls in place of --max-tokens or --max-cost.'
    : ' Resume with the same command and --resume (a budget counts from each start).';
}

function tokensText({ inputTokens, outputTokens, cost }: ModelAdapter['stats']): string {
  return `${inputTokens} input + ${outputTokens} output tokens${cost === null ? '' : `, cost ${cost.toFixed(4)}`}`;
}

const option = DialogueGeneratorOptionsSchema.shape;

export async function generateCommand(args: string[], io: CliIo): Promise<number> {
  const underWay = saidWhenStopped(io);
  try {
    return await generate(args, io, underWay);
  } finally {
    underWay();
  }
}

/**
 * Until the run's own handling of signals takes over, SIGINT or SIGTERM ends the command at once, as the signal
 * would, but saying so: reading a large data set takes a while, and a silent exit reads as a crash. Only where the
 * process is the command line's own (`io.abandon`). Returns what hands the signals over.
 */
function saidWhenStopped(io: CliIo): () => void {
  const { abandon } = io;
  if (!abandon) return () => {};
  let stopped = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopped) return;
    stopped = true;
    io.stderr.write(`icer generate: interrupted (${signal}); no record was written.\n`);
    void abandon(signal);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return () => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  };
}

async function generate(args: string[], io: CliIo, underWay: () => void): Promise<number> {
  const values = parseFlags(args, {
    ...RUN_FLAGS,
    out: { type: 'string' },
    concurrency: { type: 'string' },
    workers: { type: 'string' },
    queue: { type: 'string' },
    model: { type: 'string' },
    ...MODEL_OPTION_FLAGS,
    quiet: { type: 'boolean' },
    resume: { type: 'boolean' },
    shard: { type: 'string' },
    'max-calls': { type: 'string' },
    'max-tokens': { type: 'string' },
    'max-cost': { type: 'string' },
    estimate: { type: 'boolean' },
    json: { type: 'boolean' },
    force: { type: 'boolean' },
    unconstrained: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout.write(GENERATE_HELP);
    return 0;
  }
  // Flag checks come before planRun, which reads the run's data: a usage error should not wait on a large file.
  const workersFlag =
    values.workers === undefined ? undefined : parseNumber(values.workers, '--workers', WorkersSchema);
  // Standard input is read once, here: threads, queue workers and a later --resume could not read it again.
  const fromStdin = values.profiles === '-';
  if (fromStdin && ((workersFlag ?? 1) > 1 || values.queue !== undefined || values.resume))
    throw new UsageError('--profiles - is read once, by this process: give --workers, --queue or --resume a file.');
  if (values.json && !values.estimate)
    throw new UsageError(
      '--json prints the estimate as JSON: it applies to --estimate (the records are JSON already).',
    );
  const concurrency =
    values.concurrency === undefined
      ? undefined
      : parseNumber(values.concurrency, '--concurrency', GenerateManyOptionsSchema.shape.concurrency);
  if ((values.resume || values.force) && values.out === undefined)
    throw new UsageError('--resume and --force apply to an output file: add --out FILE.');
  if (values.resume && values.force)
    throw new UsageError('--resume continues a run and --force starts over: give one.');
  if (values.queue !== undefined) {
    checkQueueUrl(values.queue);
    // Workers on other machines generate the batches: only template runs planned from the run's flags go there.
    if (values.unconstrained || values.model !== undefined)
      throw new UsageError(
        '--queue spreads template runs over icer worker processes; a model run stays on one machine.',
      );
    if (workersFlag !== undefined || concurrency !== undefined)
      throw new UsageError(
        '--workers and --concurrency apply on this machine; with --queue, icer worker processes generate.',
      );
  }
  if (values.unconstrained) {
    if (workersFlag !== undefined)
      throw new UsageError('--workers runs the simulator on more threads; --unconstrained has no simulator.');
    if (concurrency !== undefined)
      throw new UsageError('--concurrency applies to simulated runs; --unconstrained writes one dialogue at a time.');
    if (values.estimate) throw new UsageError('--estimate samples simulated dialogues; --unconstrained has none.');
  }
  // Before the model and the data are loaded: a mistyped limit is told first, then an output that cannot be used (the
  // run opens it again once its settings are known, to resume it).
  const limits = budgetFromFlags(values);
  const out =
    values.out === undefined
      ? undefined
      : await outPath(io.cwd, values.out, {
          stdout: true,
          inputs: dataInputs(values),
        });
  if (out !== undefined && !values.estimate)
    await RunFile.check(out, { resume: values.resume === true, force: values.force === true });
  const plan = await planRun(values, io.cwd, io.stdin);
  const { count, catalog } = plan;
  const seed = plan.seed ?? option.seed.parse(undefined);
  // The paper's baseline: a model writes each whole dialogue; written, resumed and budgeted like any model run.
  let baseline: UnconstrainedGenerator | undefined;
  if (values.unconstrained) {
    if (plan.shapesSimulation)
      throw new UsageError('--style and --mode shape simulated dialogues; --unconstrained has no simulator.');
    const model = await modelChoice(modelFlags(values.model, values, io.cwd));
    if (!model) throw new UsageError('--unconstrained needs --model: a language model writes each whole dialogue.');
    baseline = model.ai.unconstrainedGenerator({
      model: model.model,
      ...model.options,
      ...definedOnly({ maxTurns: plan.maxTurns }),
    });
  }
  const adapter = baseline ? undefined : await modelFromFlags(modelFlags(values.model, values, io.cwd));
  const prices = values.prices === undefined ? undefined : parsePrices(values.prices);
  // What spends money, for budgets, the manifest's usage and the summary: the adapter, or the baseline.
  const spender = baseline ?? adapter;
  const budget = limits && spender ? budgetCheck(limits, spender) : undefined;
  if (adapter && workersFlag !== undefined && workersFlag > 1)
    throw new UsageError(
      '--workers runs templates on more threads; a model run waits on the network: use --concurrency.',
    );
  // Built before any file is written, so that options it refuses fail the run first (the baseline does not use it).
  const generator = plan.generator(adapter);
  const shard = values.shard === undefined ? undefined : parseShard(values.shard, count);
  const [start, end] = shard ? shard.range : [0, count];
  // A shard as its numbers ("01/2" is "1/2"), and the one shard of one the whole run: none.
  const shardSetting = shard && shard.of > 1 ? `${shard.index}/${shard.of}` : undefined;
  // The run's settings, input files counted by their contents (here, and on every machine that makes a share of the
  // run): hashed only once the run needs them.
  const runSettings = async (): Promise<{ config: RunConfig; digests: Record<string, string> }> => {
    const digests = await inputDigests(values, io.cwd);
    return { config: { ...runConfig({ ...values, shard: shardSetting }, plan.settings), ...digests }, digests };
  };
  if (values.estimate) {
    if (!adapter) throw new UsageError('--estimate prices a model run: add --model.');
    // With --resume, what is left of the run: from the index its manifest reached, if it is this run's.
    const resumed =
      values.resume && out !== undefined ? await RunFile.resumePoint(out, (await runSettings()).config, start) : start;
    const from = Math.min(end, Math.max(start, resumed));
    const expected = await estimate(generator, adapter, plan.profiles(from, end), {
      total: end - from,
      seed,
      firstIndex: from,
      prices,
      cached: values.cache !== undefined,
      budget,
    });
    if (values.json) io.stdout.write(`${JSON.stringify(expected, null, 2)}\n`);
    else io.stderr.write(`${estimateText(expected)}\n`);
    const spent = budget?.();
    if (spent !== undefined && expected.sampled < Math.min(ESTIMATE_SAMPLE, expected.dialogues))
      io.stderr.write(`icer generate: the sample stopped early: ${spent}.\n`);
    return 0;
  }
  // Loaded only for a queue run (the core command line never loads bullmq), and Redis checked before any file is.
  const queue = values.queue === undefined ? undefined : await import('../queue-entries.js');
  const queueUrl = queue && (await queue.reachQueue(values.queue as string));
  const { config, digests } = await runSettings();
  const queueRun = queue && queueUrl !== undefined && { url: queueUrl, runKey: queue.queueRunKey(config, out) };
  const heapMb = threadHeapFromEnv(io.env ?? process.env);
  const file =
    out === undefined
      ? undefined
      : await RunFile.open(out, {
          resume: values.resume === true,
          force: values.force === true,
          config,
          startIndex: start,
          seed: String(seed),
        });
  // Read back from the block file of a .gz output, past its last member: named as such.
  const readBack = file?.droppedIn === 'block' ? relative(io.cwd, file.sideFiles.block) : values.out;
  if (file && file.droppedBytes > 0)
    io.stderr.write(
      file.droppedPastCheckpoint
        ? `icer generate: dropped what followed the last checkpoint of ${values.out} (${file.droppedBytes} bytes, at most its last second of records: they are made again)\n`
        : file.missingIndex !== undefined
          ? `icer generate: dropped what followed the missing record of index ${file.missingIndex} in ${readBack} (${file.droppedBytes} bytes: they are made again)\n`
          : file.damagedLine !== undefined
            ? `icer generate: dropped line ${file.damagedLine} of ${readBack}, which is no record (what a crash leaves), and what followed it (${file.droppedBytes} bytes: they are made again)\n`
            : `icer generate: dropped a last line cut short (${file.droppedBytes} bytes) from ${readBack}\n`,
    );
  if (file && file.firstIndex >= end) {
    // More shards than dialogues: this one has no index, and is written complete with none.
    io.stderr.write(
      start >= end
        ? `icer generate: shard ${values.shard?.trim()} of ${count} dialogues has no index of the run; wrote ${values.out} with none.\n`
        : `icer generate: ${values.out} is already complete (${file.records} dialogues).\n`,
    );
    // What a complete run spent stays in its manifest: a retried job resumes it as a matter of course.
    await file.close({ ...file.resumedExtra }, true);
    return 0;
  }
  const usage = () => (spender ? { usage: usageSoFar(file?.resumedExtra.usage, spender.stats, prices) } : {});
  // What a model run spent, however it ended: a stopped or interrupted one was paid for too.
  const summarise = (counts: WrittenDialogues | undefined) => {
    if (!spender || values.quiet) return;
    const before = file?.resumedExtra.usage;
    const soFar = before === undefined ? undefined : usageSoFar(before, spender.stats, prices);
    io.stderr.write(`${runSummary(spender, counts, soFar)}\n`);
  };
  const from = file?.firstIndex ?? start;
  // A model run's dialogues wait on the network, not the CPU.
  const workers = spender || fromStdin ? 1 : (workersFlag ?? (workerThreadsShipped() ? defaultWorkers(end - from) : 1));
  const barShown = values.quiet !== true && (io.stderr as { isTTY?: boolean }).isTTY === true;
  underWay();
  const written = await withSignals(io, barShown, (stop, abort, writing) =>
    writeDialogues(
      (halt, budgetReached) =>
        queue && queueRun
          ? queue.queueEntries({
              ...queueRun,
              values: runValues(values),
              cwd: io.cwd,
              digests,
              start,
              from,
              to: end,
              stop: halt,
              abort,
              waiting: (notice: string) => io.stderr.write(`icer generate: ${notice}\n`),
            })
          : baseline
            ? unconstrainedEntries(baseline, catalog, plan.profiles(from, end), {
                seed,
                firstIndex: from,
                stop: halt,
                abort,
              })
            : workers > 1
              ? workerEntries({
                  values: runValues(values),
                  cwd: io.cwd,
                  from,
                  to: end,
                  workers,
                  stop: halt,
                  abort,
                  heapMb,
                })
              : generatedEntries(generator, plan.profiles(from, end), {
                  ...definedOnly({ concurrency }),
                  signal: abort,
                  firstIndex: from,
                  total: end - from,
                  stop: halt,
                  budgetReached,
                }),
      {
        target: file ? { file } : { output: streamOutput(io.stdout) },
        stderr: io.stderr,
        total: end - from,
        quiet: values.quiet === true,
        env: io.env,
        stop,
        writing,
        ...(spender ? { extra: usage } : {}),
        ...(budget ? { budget } : {}),
      },
    ),
  ).catch((error: unknown) => {
    // What a failed run spent was paid for too.
    if (spender && spender.stats.calls + spender.stats.cacheHits > 0) summarise(undefined);
    throw file?.resumable && file.records > 0 ? withResumeHint(error) : error;
  });
  if (written.result.budget !== undefined && !written.signal) {
    // Worded again now: the dialogues running when the limit was reached have spent more since, as the summary says.
    const spent = budget?.() ?? written.result.budget;
    const unkept =
      (limits?.tokens !== undefined || limits?.cost !== undefined) && (spender?.stats.unmeasuredReplies ?? 0) > 0;
    io.stderr.write(
      `icer generate: stopped: ${spent}; ${dialoguesText(file?.records ?? written.result.dialogues)} written.${values.out === undefined ? '' : resumeAfter(unkept)}\n`,
    );
    summarise(written.result);
    return 0;
  }
  if (written.result.interrupted) {
    const signal = written.signal ?? 'SIGINT';
    // Left stuck, the work did not say how many it wrote; an output file did.
    const records = file?.records ?? (written.counted ? written.result.dialogues : undefined);
    const count = records === undefined ? '' : `; ${dialoguesText(records)} written`;
    const after = written.stuck
      ? ` The output took nothing for ${STUCK_WRITE_MS / 1000} s (a pipe or FIFO nobody reads?): the last records may not have reached it.`
      : values.out === undefined
        ? ''
        : file?.untouched
          ? ` Nothing was written: ${values.out} is as it was.`
          : file?.records === 0
            ? ' Run the same command to start it again.'
            : ' Resume with the same command and --resume.';
    io.stderr.write(`icer generate: interrupted (${signal})${count}.${after}\n`);
    summarise(written.counted ? written.result : undefined);
    if (written.stuck) await io.abandon?.(signal);
    return signal === 'SIGTERM' ? 143 : 130;
  }
  // Like skips, these are reported even with --quiet: they change what the dialogues are made from.
  for (const line of plan.dataNotes) io.stderr.write(`${line}\n`);
  summarise(written.result);
  return 0;
}

// A run that failed midway (a model that kept failing, a full disk) keeps what it wrote: the error says how to go on.
// Not an interruption, whose own message says so, nor a run another holds.
function withResumeHint(error: unknown): unknown {
  if (!IcerError.isInstance(error) || error.code === 'ABORTED' || error.code === 'OUTPUT_IN_USE') return error;
  // Worded for the command line first: its advice would otherwise replace the whole hint, this sentence with it.
  const shown = forCommandLine(error);
  if (shown.hint?.includes('--resume')) return shown;
  const resume = 'What was written stays: run the same command with --resume to go on from there.';
  return new IcerError(shown.code, shown.problem, {
    ...(shown.location ? { location: shown.location } : {}),
    hint: shown.hint ? `${shown.hint} ${resume}` : resume,
    cause: error,
  });
}

// Flags that change nothing in the records: they may differ between a run and its resumption.
const NOT_CONFIG = new Set([
  'out',
  'max-calls',
  'max-tokens',
  'max-cost',
  'estimate',
  'json',
  'quiet',
  'resume',
  'force',
  'concurrency',
  'workers',
  'queue',
  'cache',
  'prices',
  'api-key-env',
  // Where the model is served, not which model: a server restarted on another port goes on with its run.
  'base-url',
  'timeout-ms',
  'max-retries',
  'help',
]);

/**
 * What a run was asked for (every flag that changes its records, and the version that wrote them): the flags as given,
 * except those the plan read (`settings`), which count by their values.
 */
function runConfig(values: Record<string, unknown>, settings: RunPlan['settings']): RunConfig {
  const config: Record<string, string | number | boolean | null> = { version: VERSION };
  const given = { ...values, ...settings };
  for (const [key, value] of Object.entries(given).sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (NOT_CONFIG.has(key) || value === undefined) continue;
    config[key] = typeof value === 'object' ? JSON.stringify(value) : (value as string | number | boolean);
  }
  return config;
}

/**
 * `--shard i/n`: shard i (0-based) of n takes the indices [⌊i·count/n⌋, ⌊(i+1)·count/n⌋), so the shards cover the
 * run once, in order, and `icer merge` only concatenates them.
 */
function parseShard(text: string, count: number): { index: number; of: number; range: [number, number] } {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = Number(match?.[1]);
  const of = Number(match?.[2]);
  if (!match || of < 1 || index >= of) {
    throw new UsageError(`--shard takes i/n with 0 ≤ i < n (shard i of n, counted from 0), e.g. 0/4; got "${text}".`);
  }
  return { index, of, range: [Math.floor((index * count) / of), Math.floor(((index + 1) * count) / of)] };
}

// After a second signal, how long one write may go on before it is left unfinished: one that never ends (into a pipe
// or FIFO nobody reads) would otherwise keep the process for ever. Other work (a queue tidying up) is waited for.
const STUCK_WRITE_MS = 2000;

/**
 * Runs `work` with SIGINT and SIGTERM handled: the first stops starting dialogues (the running ones finish and are
 * written), a second aborts them, and leaves a write that does not end ({@link STUCK_WRITE_MS}) unfinished
 * (`stuck`). Returns the work's result and the first signal, if any.
 */
async function withSignals(
  io: CliIo,
  barShown: boolean,
  work: (stop: AbortSignal, abort: AbortSignal, writing: WriteWatch) => Promise<WrittenDialogues>,
): Promise<{
  result: WrittenDialogues;
  signal: NodeJS.Signals | undefined;
  /** Whether `result` counts what was written: not when the work was abandoned or stopped mid-dialogue. */
  counted: boolean;
  stuck?: true;
}> {
  const writing: WriteWatch = { since: undefined };
  const stop = new AbortController();
  const abort = new AbortController();
  let first: NodeJS.Signals | undefined;
  let stuckTimer: NodeJS.Timeout | undefined;
  let leave: () => void = () => {};
  const stuck = new Promise<undefined>((resolve) => (leave = () => resolve(undefined)));
  const onSignal = (signal: NodeJS.Signals) => {
    if (first === undefined) {
      first = signal;
      // A new line only to leave a progress bar's line, which is drawn on a terminal alone, and not with --quiet.
      const leave = barShown ? '\n' : '';
      io.stderr.write(`${leave}icer generate: ${signal}: finishing the dialogues under way (again to stop them now)\n`);
      stop.abort();
    } else {
      abort.abort();
      const watch = () => {
        const stuckFor = writing.since === undefined ? 0 : performance.now() - writing.since;
        if (stuckFor >= STUCK_WRITE_MS) leave();
        else stuckTimer = setTimeout(watch, STUCK_WRITE_MS - stuckFor);
      };
      if (stuckTimer === undefined) watch();
    }
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    const result = await Promise.race([work(stop.signal, abort.signal, writing), stuck]);
    if (result === undefined) {
      return { result: { dialogues: 0, violations: 0, interrupted: true }, signal: first, counted: false, stuck: true };
    }
    return { result, signal: first, counted: true };
  } catch (error) {
    if (first !== undefined && IcerError.isInstance(error) && error.code === 'ABORTED') {
      // Stopped mid-dialogue: what was written is whole records, and the manifest says how far they go.
      return { result: { dialogues: 0, violations: 0, interrupted: true }, signal: first, counted: false };
    }
    throw error;
  } finally {
    clearTimeout(stuckTimer);
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

const BudgetSchema = z.number().int().min(1);
const WorkersSchema = z.number().int().min(1).max(256);

/** The run's own flags, as the worker threads plan it. */
function runValues(values: RunFlagValues): RunFlagValues {
  return Object.fromEntries(
    Object.keys(RUN_FLAGS).map((key) => [key, values[key as keyof RunFlagValues]]),
  ) as RunFlagValues;
}
const CostBudgetSchema = z.number().positive();

/** `--max-calls`, `--max-tokens`, `--max-cost`: what a model run may spend from this start, read before any model is. */
interface BudgetLimits {
  readonly calls: number | undefined;
  readonly tokens: number | undefined;
  readonly cost: number | undefined;
}

function budgetFromFlags(values: {
  model?: string;
  'max-calls'?: string;
  'max-tokens'?: string;
  'max-cost'?: string;
  prices?: string;
}): BudgetLimits | undefined {
  const calls =
    values['max-calls'] === undefined ? undefined : parseNumber(values['max-calls'], '--max-calls', BudgetSchema);
  const tokens =
    values['max-tokens'] === undefined ? undefined : parseNumber(values['max-tokens'], '--max-tokens', BudgetSchema);
  const cost =
    values['max-cost'] === undefined ? undefined : parseNumber(values['max-cost'], '--max-cost', CostBudgetSchema);
  if (calls === undefined && tokens === undefined && cost === undefined) return undefined;
  if (values.model === undefined)
    throw new UsageError('--max-calls, --max-tokens and --max-cost limit a model run: add --model.');
  if (cost !== undefined && values.prices === undefined)
    throw new UsageError('--max-cost needs --prices IN,OUT to know the cost.');
  const prices = cost === undefined ? undefined : parsePrices(values.prices as string);
  if (prices && prices.inputPerMillion === 0 && prices.outputPerMillion === 0)
    throw new UsageError(
      `--max-cost ${cost} is never reached at --prices 0,0 (nothing costs anything): give the model's prices per million tokens, or limit it with --max-tokens.`,
    );
  return { calls, tokens, cost };
}

/** Checked before each dialogue starts and after each record: the limit reached, worded, or undefined. */
function budgetCheck(
  { calls, tokens, cost }: BudgetLimits,
  spender: Pick<ModelAdapter, 'stats'>,
): () => string | undefined {
  return () => {
    const stats = spender.stats;
    if (calls !== undefined && stats.calls >= calls) return `--max-calls ${calls} reached (${stats.calls} calls)`;
    // A reply without token usage would go uncounted: a token or cost budget that cannot see it is no limit.
    const kept =
      tokens !== undefined ? `--max-tokens ${tokens}` : cost !== undefined ? `--max-cost ${cost}` : undefined;
    if (kept !== undefined && stats.unmeasuredReplies > 0)
      return `${kept} cannot be kept, as the model's server reports no token usage (${unmeasuredText(stats.unmeasuredReplies)}); limit the run with --max-calls instead`;
    const used = stats.inputTokens + stats.outputTokens;
    if (tokens !== undefined && used >= tokens) return `--max-tokens ${tokens} reached (${used} tokens)`;
    if (cost !== undefined && (stats.cost ?? 0) >= cost)
      return `--max-cost ${cost} reached (cost ${(stats.cost ?? 0).toFixed(4)})`;
    return undefined;
  };
}

// Dialogues worded for an estimate: enough to average over, few enough to cost little.
const ESTIMATE_SAMPLE = 20;

/**
 * `--estimate`: words a seeded sample of the run's dialogues (the same ones the run would make, so a run with
 * `--cache` reuses them) and scales what their answers cost up to the dialogues the run will pay for.
 */
async function estimate(
  generator: DialogueGenerator,
  adapter: ModelAdapter,
  profiles: Iterable<PreferenceProfile>,
  run: {
    total: number;
    seed: string | number;
    firstIndex: number;
    prices: TokenPrices | undefined;
    /** The run keeps a cache: it will replay the sample's answers rather than pay for them again. */
    cached: boolean;
    /** A budget given with `--estimate` limits the sample's spending as it would the run's. */
    budget: (() => string | undefined) | undefined;
  },
): Promise<RunEstimate> {
  const { total, seed, firstIndex } = run;
  const random = new SeededRandom(`${String(seed)}/estimate`);
  const positions = Array.from({ length: total }, (_, position) => position);
  // Only the sampled profiles are kept: a run's profiles can be many.
  const picked = new Set(random.sample(positions, Math.min(ESTIMATE_SAMPLE, total)));
  let words = 0;
  let position = 0;
  for (const profile of profiles) {
    if (picked.has(position)) {
      if (run.budget?.() !== undefined) break;
      try {
        // The seed and id the run gives this dialogue: an error names it as the run would.
        await generator.generate(profile, {
          seed: `${String(seed)}:${firstIndex + position}`,
          id: `${String(seed)}-${firstIndex + position}`,
        });
        words++;
      } catch (error) {
        if (!IcerError.isInstance(error) || error.code !== 'INVALID_PROFILE') throw error;
      }
    }
    position++;
  }
  const { calls, cacheHits, inputTokens, outputTokens, cachedInputTokens, cachedOutputTokens, unmeasuredReplies } =
    adapter.stats;
  // What the sample's answers cost, asked now or replayed from the cache (at what they cost when first asked): a
  // sample already in the cache costs nothing to estimate, and says the same.
  const needed = {
    calls: calls + cacheHits,
    inputTokens: inputTokens + cachedInputTokens,
    outputTokens: outputTokens + cachedOutputTokens,
  };
  const paidFor = total - (run.cached ? words : 0);
  const scale = words === 0 ? 0 : paidFor / words;
  const round = (value: number) => Math.round(value * scale);
  return {
    dialogues: total,
    sampled: words,
    callsMade: calls,
    unmeasuredReplies,
    expected: {
      calls: round(needed.calls),
      inputTokens: round(needed.inputTokens),
      outputTokens: round(needed.outputTokens),
      cost: run.prices === undefined ? null : Number((priceOf(needed, run.prices) * scale).toFixed(6)),
    },
  };
}

/** The estimate as the line on stderr says it. */
function estimateText({ dialogues, sampled, callsMade, unmeasuredReplies, expected }: RunEstimate): string {
  const count = (value: number) => value.toLocaleString('en');
  const price =
    expected.cost === null ? ' (add --prices IN,OUT for the cost)' : `, cost about ${expected.cost.toFixed(2)}`;
  const spending =
    unmeasuredReplies > 0
      ? `tokens and cost unknown: the model's server reports no token usage (${unmeasuredText(unmeasuredReplies)})`
      : `${count(expected.inputTokens)} input and ${count(expected.outputTokens)} output tokens${price}`;
  return (
    `icer generate: estimate from ${sampled} of ${count(dialogues)} dialogues (seeded sample, ${callsMade} calls made): ` +
    `about ${count(expected.calls)} model calls, ${spending}`
  );
}
