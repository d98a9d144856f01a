import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { ItemCatalog } from '../../catalog/item-catalog.js';
import { builtinCatalog } from '../../data/builtin/builtin-catalog.js';
import { loadMovieLens } from '../../data/movielens/load-movielens.js';
import { DialogueGenerator } from '../../generation/dialogue-generator.js';
import type { PreferenceProfile } from '../../profile/preference-profile.js';
import { syntheticProfiles } from '../../profile/synthetic.js';
import { POLICY_STYLES, type PolicyStyle } from '../../simulation/belief-policy.js';
import { type CliIo, UsageError } from '../cli-io.js';
import { fileOutput, type JsonlOutput, streamOutput } from '../jsonl-output.js';
import { type ModelAdapter, modelFromFlags } from '../model-from-flags.js';
import { parseSeed, parseWholeNumber } from '../parse-values.js';
import { ProgressBar } from '../progress-bar.js';

export const GENERATE_HELP = `Usage: icer generate [options]

Generates conversational-recommendation dialogues as JSON Lines, one dialogue record per line. By default the
users are synthetic, drawn from the built-in movie catalog, and the words come from templates: no data files,
no model, no network.

Options:
  --count N          how many dialogues (default: 10)
  --seed S           seed: the same seed and options give byte-identical output (default: 0)
  --out FILE         write to FILE instead of stdout (written atomically)
  --movielens DIR    users from a MovieLens directory's ratings (cycled when --count exceeds them)
  --max-turns N      most turns per dialogue, both speakers counted, at least 2 (default: 20)
  --concurrency N    dialogues in flight at once (default: 4)
  --style STYLE      recommender style: ${Object.keys(POLICY_STYLES).join(', ')} (default: balanced)
  --mode MODE        turn: word each turn on its own (default); dialogue: word each dialogue in one call

Language models (default: none — the template verbaliser, offline):
  --model M          provider:model (e.g. openai:gpt-4o-mini, needs @ai-sdk/<provider> installed and its key), or a
                     model name for --provider openai-compatible
  --provider P       openai-compatible for any server speaking the OpenAI chat-completions protocol
  --base-url URL     that server's API root, e.g. http://127.0.0.1:11434/v1 (Ollama), http://localhost:8000/v1 (vLLM)
  --api-key-env VAR  environment variable holding the API key (default: ICER_API_KEY; provider packages also read
                     their own, e.g. OPENAI_API_KEY)
  --cache DIR        keep model responses in DIR: a re-run with the same seed, prompts and model makes no calls
  --prices IN,OUT    prices per million input and output tokens, for the cost in the run summary
  --quiet            no progress bar (it is only drawn on a terminal anyway)
  -h, --help         show this help
`;

/** One line on what a model-backed run spent: what the records alone cannot say (retries, cache hits, cost). */
function runSummary(adapter: ModelAdapter, dialogues: number, violations: number): string {
  const { calls, retries, cacheHits, failures, inputTokens, outputTokens, cost } = adapter.stats;
  const spent = cost === null ? '' : `, cost ${cost.toFixed(4)}`;
  return (
    `icer generate: ${dialogues} dialogues with ${adapter.name}: ${calls} model calls (${retries} retries, ${failures} failed), ` +
    `${cacheHits} from cache, ${inputTokens} input + ${outputTokens} output tokens${spent}, ${violations} violations left`
  );
}

function* cycle(profiles: () => Iterable<PreferenceProfile>, count: number): Generator<PreferenceProfile> {
  let emitted = 0;
  while (emitted < count) {
    let any = false;
    for (const profile of profiles()) {
      any = true;
      yield profile;
      if (++emitted >= count) return;
    }
    if (!any) return;
  }
}

export async function generateCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      count: { type: 'string' },
      seed: { type: 'string' },
      out: { type: 'string' },
      movielens: { type: 'string' },
      'max-turns': { type: 'string' },
      concurrency: { type: 'string' },
      style: { type: 'string' },
      mode: { type: 'string' },
      model: { type: 'string' },
      provider: { type: 'string' },
      'base-url': { type: 'string' },
      'api-key-env': { type: 'string' },
      cache: { type: 'string' },
      prices: { type: 'string' },
      quiet: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) {
    io.stdout.write(GENERATE_HELP);
    return 0;
  }
  const count = values.count === undefined ? 10 : parseWholeNumber(values.count, '--count', 1);
  const seed = values.seed === undefined ? 0 : parseSeed(values.seed);
  const maxTurns = values['max-turns'] === undefined ? 20 : parseWholeNumber(values['max-turns'], '--max-turns', 2);
  const concurrency = values.concurrency === undefined ? 4 : parseWholeNumber(values.concurrency, '--concurrency', 1);
  const style = values.style ?? 'balanced';
  if (!(style in POLICY_STYLES)) {
    throw new UsageError(`--style takes one of ${Object.keys(POLICY_STYLES).join(', ')}, got "${style}".`);
  }

  const mode = values.mode ?? 'turn';
  if (mode !== 'turn' && mode !== 'dialogue') throw new UsageError(`--mode takes turn or dialogue, got "${mode}".`);

  let catalog: ItemCatalog;
  let profiles: Iterable<PreferenceProfile>;
  if (values.movielens !== undefined) {
    const dataset = await loadMovieLens(resolve(io.cwd, values.movielens));
    catalog = dataset.catalog;
    profiles = cycle(() => dataset.profiles({ seed }), count);
  } else {
    catalog = builtinCatalog();
    profiles = syntheticProfiles(catalog, { count, seed });
  }

  const adapter = await modelFromFlags({
    model: values.model,
    provider: values.provider,
    baseUrl: values['base-url'],
    apiKeyEnv: values['api-key-env'],
    cache: values.cache === undefined ? undefined : resolve(io.cwd, values.cache),
    prices: values.prices,
  });
  const generator = new DialogueGenerator({
    catalog,
    seed,
    maxTurns,
    mode,
    policy: { style: style as PolicyStyle },
    ...(adapter ? { adapter } : {}),
  });
  const bar = new ProgressBar(io.stderr, count);
  const output: JsonlOutput =
    values.out !== undefined ? await fileOutput(resolve(io.cwd, values.out)) : streamOutput(io.stdout);
  let done = 0;
  let violations = 0;
  try {
    for await (const record of generator.generateMany(profiles, { concurrency, total: count })) {
      await output.write(record);
      done++;
      violations += record.consistency.violations.length;
      if (!values.quiet) bar.update(done, violations > 0 ? `${violations} violations` : '');
    }
  } catch (error) {
    bar.finish();
    await output.abort();
    throw error;
  }
  bar.finish();
  await output.close();
  if (adapter && !values.quiet) io.stderr.write(`${runSummary(adapter, done, violations)}\n`);
  return 0;
}
