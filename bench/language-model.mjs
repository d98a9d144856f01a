// Benchmark: how well the generator keeps a slow language model busy, with the BUILT package.
//
//   npm run build && node bench/language-model.mjs [--latency MS] [--strict]
//
// A fake AI SDK model (a LanguageModelV3 object, no network) answers every call after a fixed latency (default
// 50 ms) with the draft its prompt carries — an honest model, so no turn is ever re-asked — and reports tokens as
// characters / 4. The generator runs synthetic users of the built-in catalog through `aiSdkAdapter` in turn mode
// (one call per turn) and dialogue mode (one call per dialogue) at concurrency 1, 8 and 32, and prints per
// configuration: dialogues per second against the ideal, concurrency ÷ (calls per dialogue × latency) — what a
// pipeline that never leaves a slot idle would reach — and their ratio (target ≥ 90%), the calls and tokens each
// dialogue costs, the process's CPU use and the event loop's busy share during the run.
//
// The ideal is a steady-state rate, so each configuration runs long enough (≥ 25 rounds of `concurrency` calls)
// that starting and draining the pool are a small part of it, and everything runs after a warm-up at zero latency
// that lets V8 compile the hot paths (the first few hundred dialogues run at a fraction of the warm speed).
// Model time dominates by design, so a low ratio means slots sat idle: waiting on the in-order output window, the
// batch's ramp-down, or the CPU (a busy share near 100% says the main thread, not the model, set the pace). To
// tell these apart it also schedules the very same dialogues (their call counts × latency) two ways on paper: the
// generator's window (dialogue i starts once dialogue i − concurrency has been yielded) and a work-conserving pool
// (the next dialogue starts as soon as any slot frees); a measured ratio near the window's and far below the pool's
// means the window is what costs throughput, one far below both that CPU does.
// --strict exits 1 when a configuration misses the target.
import { benchArgs, importBuilt } from './bench-support.mjs';

const TARGET_RATIO = 0.9;
const { strict, number: numberArg } = benchArgs();
const latencyMs = numberArg('--latency', 50);
if (!(latencyMs > 0)) {
  console.error('language-model: --latency takes a positive number of milliseconds.');
  process.exit(1);
}

const icer = await importBuilt('language-model');
const { DialogueGenerator, builtinCatalog, syntheticProfiles } = icer;
const { aiSdkAdapter } = await import(new URL('../dist/ai.js', import.meta.url).href);

const catalog = builtinCatalog();
const DATA_OPEN = '<icer-data>\n';
const DATA_CLOSE = '\n</icer-data>';
const tokens = (text) => Math.ceil(text.length / 4);

function wait(ms, signal) {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });
}

function textOf(message) {
  return typeof message.content === 'string'
    ? message.content
    : message.content.map((part) => (part.type === 'text' ? part.text : '')).join('');
}

/** A model with a fixed latency that answers with the prompt's draft(s), as the AI SDK's v3 model interface. */
function fixedLatencyModel(ms) {
  return {
    specificationVersion: 'v3',
    provider: 'bench',
    modelId: `fixed-${ms}ms`,
    supportedUrls: {},
    async doGenerate(options) {
      await wait(ms, options.abortSignal);
      // Cheap on purpose: a real model's work happens on another machine, so the fake one must not eat into the
      // CPU time the generator is measured on.
      const texts = options.prompt.map(textOf);
      const last = texts[texts.length - 1];
      const data = JSON.parse(last.slice(last.indexOf(DATA_OPEN) + DATA_OPEN.length, last.lastIndexOf(DATA_CLOSE)));
      const text = Array.isArray(data.turns)
        ? JSON.stringify({ utterances: data.turns.map((turn) => turn.draft) })
        : data.draft;
      const input = Math.ceil(texts.reduce((sum, part) => sum + part.length + 1, -1) / 4);
      const output = tokens(text);
      return {
        content: [{ type: 'text', text }],
        finishReason: { unified: 'stop', raw: 'stop' },
        usage: {
          inputTokens: { total: input, noCache: input, cacheRead: undefined, cacheWrite: undefined },
          outputTokens: { total: output, text: output, reasoning: undefined },
        },
        warnings: [],
      };
    },
    async doStream() {
      throw new Error('the benchmark model does not stream');
    },
  };
}

/** Generates `count` dialogues; returns the wall time and what the records say they cost. */
async function run({ mode, concurrency, count, seed, latency = latencyMs }) {
  const adapter = aiSdkAdapter({ model: fixedLatencyModel(latency) });
  const generator = new DialogueGenerator({ adapter, mode, seed, catalog });
  const profiles = [...syntheticProfiles(catalog, { count, seed })];
  let dialogues = 0;
  let turns = 0;
  let calls = 0;
  let inputTokens = 0;
  let outputTokens = 0;
  let repairs = 0;
  let violations = 0;
  const callsOf = [];
  const cpu0 = process.cpuUsage();
  const loop0 = performance.eventLoopUtilization();
  const t0 = performance.now();
  for await (const record of generator.generateMany(profiles, { concurrency })) {
    callsOf.push(record.generator.calls);
    dialogues++;
    turns += record.turns.length;
    calls += record.generator.calls;
    inputTokens += record.generator.usage.inputTokens;
    outputTokens += record.generator.usage.outputTokens;
    repairs += record.consistency.repairs;
    violations += record.consistency.violations.length;
  }
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  const busy = performance.eventLoopUtilization(loop0).utilization;
  return {
    ms,
    cpuMs,
    busy,
    dialogues,
    turns,
    calls,
    callsOf,
    inputTokens,
    outputTokens,
    repairs,
    violations,
    stats: adapter.stats,
  };
}

/**
 * The model-bound time of a batch of dialogues taking `durations` ms each, with `concurrency` slots, when (a) the
 * next dialogue starts as soon as any slot is free (a work-conserving pool), and (b) dialogue i starts only once
 * dialogue i − concurrency has been yielded, records coming out in input order (a window over the output).
 */
function schedules(durations, concurrency) {
  const slots = new Array(concurrency).fill(0);
  for (const duration of durations) {
    let least = 0;
    for (let i = 1; i < slots.length; i++) if (slots[i] < slots[least]) least = i;
    slots[least] += duration;
  }
  const yielded = [];
  for (const [i, duration] of durations.entries()) {
    const start = i < concurrency ? 0 : yielded[i - concurrency];
    yielded.push(Math.max(start + duration, i > 0 ? yielded[i - 1] : 0));
  }
  return { pool: Math.max(...slots), window: yielded[yielded.length - 1] ?? 0 };
}

// Turn mode makes about 10 calls per dialogue, dialogue mode 1: at least 25 rounds of `concurrency` calls each (a
// whole number of rounds in dialogue mode), so that filling and draining the pool cost a few percent, not a tenth;
// about a minute in all at 50 ms.
const CONFIGS = [
  { mode: 'turn', concurrency: 1, count: 24 },
  { mode: 'turn', concurrency: 8, count: 240 },
  { mode: 'turn', concurrency: 32, count: 960 },
  { mode: 'dialogue', concurrency: 1, count: 40 },
  { mode: 'dialogue', concurrency: 8, count: 400 },
  { mode: 'dialogue', concurrency: 32, count: 3200 },
];

// Warm-up at zero latency, not timed: V8's compiled code for the hot paths, and the catalog's indexes.
await run({ mode: 'turn', concurrency: 8, count: 400, seed: 'warm-up', latency: 0 });
await run({ mode: 'dialogue', concurrency: 8, count: 1500, seed: 'warm-up', latency: 0 });

console.log(
  `language-model: fake AI SDK model, ${latencyMs} ms per call, honest answers (the drafts); synthetic users of the built-in ` +
    `catalog (${catalog.size} films), aiSdkAdapter, Node ${process.version}`,
);
console.log(
  '  mode      conc  dialogues  time (s)  dialogues/s     ideal  ratio   calls/dlg  turns/dlg  tokens/dlg in + out   cpu  busy',
);
const results = [];
for (const config of CONFIGS) {
  const result = await run({ ...config, seed: 'bench' });
  const perDialogue = (value) => value / result.dialogues;
  const callsPer = perDialogue(result.calls);
  const rate = (result.dialogues / result.ms) * 1000;
  const ideal = config.concurrency / (callsPer * (latencyMs / 1000));
  const ratio = rate / ideal;
  results.push({ ...config, rate, ideal, ratio, result });
  console.log(
    `  ${config.mode.padEnd(8)}  ${String(config.concurrency).padStart(4)}  ${String(result.dialogues).padStart(9)}  ${(result.ms / 1000).toFixed(2).padStart(8)}` +
      `  ${rate.toFixed(1).padStart(11)}  ${ideal.toFixed(1).padStart(8)}  ${(ratio * 100).toFixed(1).padStart(5)}%` +
      `  ${callsPer.toFixed(2).padStart(9)}  ${perDialogue(result.turns).toFixed(2).padStart(9)}` +
      `  ${`${perDialogue(result.inputTokens).toFixed(0).padStart(6)} + ${perDialogue(result.outputTokens).toFixed(0)}`.padEnd(19)}` +
      `  ${((result.cpuMs / result.ms) * 100).toFixed(0).padStart(3)}%  ${(result.busy * 100).toFixed(0).padStart(3)}%` +
      (result.repairs + result.violations > 0
        ? `   (${result.repairs} repairs, ${result.violations} violations!)`
        : ''),
  );
}

// Where the rate goes: the same dialogues (their call counts × latency, CPU time left out) scheduled two ways.
console.log('  the same dialogues scheduled on model time alone, as a share of the ideal (CPU time left out)');
for (const r of results) {
  const durations = r.result.callsOf.map((calls) => calls * latencyMs);
  const ideal = durations.reduce((a, b) => a + b, 0) / r.concurrency;
  const { pool, window } = schedules(durations, r.concurrency);
  console.log(
    `    ${r.mode.padEnd(8)} concurrency ${String(r.concurrency).padStart(2)}: in-order output window ${((ideal / window) * 100).toFixed(1).padStart(5)}%,` +
      ` work-conserving pool ${((ideal / pool) * 100).toFixed(1).padStart(5)}%   (measured ${(r.ratio * 100).toFixed(1)}%; CPU ${(r.result.cpuMs / r.result.dialogues).toFixed(2)} ms per dialogue)`,
  );
}

const byMode = (mode) => results.filter((r) => r.mode === mode);
const mean = (rows, pick) =>
  rows.reduce((sum, r) => sum + pick(r.result), 0) / rows.reduce((sum, r) => sum + r.result.dialogues, 0);
const turnRows = byMode('turn');
const dialogueRows = byMode('dialogue');
const turnCalls = mean(turnRows, (r) => r.calls);
const dialogueCalls = mean(dialogueRows, (r) => r.calls);
const turnTokens = mean(turnRows, (r) => r.inputTokens + r.outputTokens);
const dialogueTokens = mean(dialogueRows, (r) => r.inputTokens + r.outputTokens);
console.log('  per dialogue, all runs of a mode');
console.log(
  `    turn mode       ${turnCalls.toFixed(2)} calls, ${turnTokens.toFixed(0)} tokens (${mean(turnRows, (r) => r.inputTokens).toFixed(0)} in + ${mean(turnRows, (r) => r.outputTokens).toFixed(0)} out)`,
);
console.log(
  `    dialogue mode   ${dialogueCalls.toFixed(2)} calls, ${dialogueTokens.toFixed(0)} tokens (${mean(dialogueRows, (r) => r.inputTokens).toFixed(0)} in + ${mean(dialogueRows, (r) => r.outputTokens).toFixed(0)} out)`,
);
console.log(
  `    dialogue mode uses ${(turnCalls / dialogueCalls).toFixed(1)}x fewer calls and ${(turnTokens / dialogueTokens).toFixed(1)}x fewer tokens`,
);
console.log(`  target: ≥ ${TARGET_RATIO * 100}% of the ideal rate`);
for (const r of results) {
  console.log(
    `    ${r.mode.padEnd(8)} concurrency ${String(r.concurrency).padStart(2)}  ${r.ratio >= TARGET_RATIO ? 'OK  ' : 'MISS'}  (${(r.ratio * 100).toFixed(1)}%)`,
  );
}

if (strict && results.some((r) => r.ratio < TARGET_RATIO)) process.exit(1);
