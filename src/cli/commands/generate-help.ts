import { type VerbalizationMode, VerbalizationModeSchema } from '../../dialogue/verbalization-mode.js';
import { DialogueGeneratorOptionsSchema, GenerateManyOptionsSchema } from '../../generation/generator-options.js';
import { BeliefPolicyOptionsSchema } from '../../simulation/belief-policy.js';
import { CountSchema } from '../count-schema.js';
import { DOMAIN_HELP } from '../domain-flag.js';
import { MODEL_OPTION_HELP } from '../model-from-flags.js';
import { RATINGS_DATA_HELP } from '../movielens-flags.js';
import { choicesText, defaultText, valueRule } from '../schema-facts.js';

const generator = DialogueGeneratorOptionsSchema.shape;

// Keyed by the closed list, so that a new mode cannot go without a line of help.
const MODE_HELP: Record<VerbalizationMode, string> = {
  turn: 'word each turn on its own',
  dialogue: 'word each dialogue in one call',
};

/** `icer generate --help`: every default and choice read from the schema that applies it. */
export const GENERATE_HELP = `Usage: icer generate [options]

Generates conversational-recommendation dialogues as JSON Lines, one dialogue record per line. By default the
users are synthetic, drawn from the built-in movie catalog, and the words come from templates: no data files,
no model, no network. A profile the generator cannot use (a MovieLens user who liked or disliked nothing) is
skipped, named on stderr and counted; a run that can use none of its profiles fails.

Options:
  --count N              how many profiles to take, one dialogue each (default: ${defaultText(CountSchema)})
  --seed S               the same seed and options give byte-identical output (default: ${defaultText(generator.seed)})
  --out FILE             write to FILE instead of stdout: records are appended as they are made, with a manifest
                         beside it (FILE.icer-run.json), so an interrupted run loses nothing and can be resumed;
                         FILE.jsonl.gz is written gzip-compressed, a member per 1,000 records (those under way are
                         kept in FILE.jsonl.gz.icer-block until then)
  --resume               continue the run --out holds (after a crash, a kill or Ctrl-C), with the same flags
  --force                start over, replacing what --out holds (once the first new record is ready)
  --shard i/n            generate only shard i of n (counted from 0): indices ⌊i·count/n⌋ up to ⌊(i+1)·count/n⌋;
                         icer merge joins the shards into the one-machine output
  --movielens DIR        users from a MovieLens directory's ratings (cycled when --count exceeds them); for your
                         own ratings files, --items and --ratings below
${DOMAIN_HELP}  --catalog FILE         an icer JSON catalog instead of the built-in one (synthetic users drawn from it)
  --profiles FILE        users from JSON Lines as icer profiles writes them (- reads standard input); every one once
                         unless --count says otherwise (then cycled)
  --invalid-profiles WHAT  a line that is not a profile of the catalog: skip (named on stderr) or stop (default: skip)
  --max-turns N          most turns per dialogue, both speakers counted, at least ${valueRule(generator.maxTurns).minimum} (default: ${defaultText(generator.maxTurns)})
  --concurrency N        dialogues in flight at once (default: ${defaultText(GenerateManyOptionsSchema.shape.concurrency)})
  --workers N            template runs on N threads, byte-identical to one (default: one per 2,000 dialogues, up
                         to the machine's cores); a model run waits on the network: use --concurrency
  --queue URL            spread a template run over icer worker processes on any machines through the Redis work
                         queue at URL (redis://HOST:PORT); records are written here, in order, as with one machine
  --style STYLE          recommender style: ${choicesText(BeliefPolicyOptionsSchema.shape.style)}
                         (default: ${defaultText(BeliefPolicyOptionsSchema.shape.style)})
  --mode MODE            ${VerbalizationModeSchema.options.map((mode) => `${mode}: ${MODE_HELP[mode]}`).join('; ')}
                         (default: ${defaultText(generator.mode)})
  --unconstrained        the paper's baseline: --model writes each whole dialogue from the user's text profile, with
                         no simulator and no acts; its text is audited against the profile
  --quiet                no progress bar (only drawn on a terminal anyway) and no run summary; skipped profiles are
                         still reported
  -h, --help             show this help

${RATINGS_DATA_HELP}
Language models (default: none — the template verbaliser, offline):
  --model M              provider:model (e.g. openai:gpt-4o-mini, needs @ai-sdk/<provider> installed and its key),
                         or a model name for --provider openai-compatible
  --max-calls N          start no dialogue once N model calls are made (from this start): those under way finish,
                         so a run goes over by at most --concurrency dialogues; resumable with --resume
  --max-tokens N         the same, once N input + output tokens are used
  --max-cost X           the same, once the cost reaches X (needs --prices)
  --estimate             word a seeded sample of 20 dialogues and print the expected calls, tokens and cost of the
                         whole run, then stop (with --cache, the run reuses those answers; a budget above limits the
                         sample too)
  --json                 with --estimate: print the estimate as one JSON document on stdout
${MODEL_OPTION_HELP}
Examples:
  icer generate --count 100 --seed 7 --out dialogues.jsonl
  icer generate --domain books --count 3 --style critiquing-heavy --quiet
  icer generate --profiles profiles.jsonl --max-turns 12 --out from-profiles.jsonl
  icer generate --model openai:gpt-4o-mini --count 10000 --prices 0.15,0.6 --estimate --json
`;
