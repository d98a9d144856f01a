// Benchmark: how faithful and how varied the generated dialogues are (issue 9, "Measured"), with the BUILT package.
//
//   npm run build && node bench/fidelity.mjs [--count N] [--seed S] [--strict]
//
// Generates N (default 3,000) dialogues for synthetic users of the built-in catalog and N for MovieLens
// ml-latest-small users (cycled through, one profile per user as `icer generate --movielens` builds them; skipped
// with a message when the data is absent), with `new DialogueGenerator({ seed, catalog })` and default options.
// Then reads the records' acts and text itself — nothing from the consistency tracker — and prints per source:
//   - critiques honoured: after a user's `critique` of item A, the assistant's next turn. A recommendation honours
//     "more X" when every item carries X, "less X" when none does, "newer"/"older" when every item's year is
//     newer/older than A's. A `no-match` act in that turn counts as no-match; a turn that asks instead, as asked.
//   - turns naming the same catalog display title ("Heat (1995)") more than once;
//   - the share of utterances of the first 1,342 dialogues whose exact text occurs more than once among them;
//   - distinct-1/2/3 over the first 50,000 tokens (tokeniser and n-gram formation: bench/fidelity/metrics.mjs);
//   - the attribute asked about (`ask-attribute` with an `attribute`) in most dialogues, and its top wordings;
//   - acceptance, acceptance from the first slate, slates before accepting, turns per dialogue, outcomes;
//   - leakage: the user naming a held-out item (acts or display title) before the assistant recommended it.
// Ends with `fidelity: N/M targets met`. --strict exits 1 when a target is missed; otherwise a miss exits 0.

import { benchArgs, dataDir, hasMovieLens, importBuilt } from './bench-support.mjs';
import { measure, titleIndex } from './fidelity/metrics.mjs';

const { strict, number: numberArg } = benchArgs();
const count = numberArg('--count', 3000);
const seedAt = process.argv.indexOf('--seed');
const seedText = seedAt >= 0 ? (process.argv[seedAt + 1] ?? '') : '7';
// As the CLI reads --seed: an integer is a number, anything else a text seed.
const seed = /^-?\d+$/.test(seedText) && Number.isSafeInteger(Number(seedText)) ? Number(seedText) : seedText;

if (!Number.isInteger(count) || count < 1) {
  console.error('fidelity: --count takes a whole number ≥ 1.');
  process.exit(1);
}
if (seedText.trim() === '' || seedText.startsWith('--')) {
  console.error('fidelity: --seed takes an integer or a text.');
  process.exit(1);
}

const { DialogueGenerator, builtinCatalog, displayTitle, loadMovieLens, syntheticProfiles } =
  await importBuilt('fidelity');

const TARGETS = {
  critiquesViolated: 0,
  doubleTitleTurns: 0,
  repeatedShare: 0.28,
  distinct2: 0.25,
  topQuestionShare: 0.15,
  accepted: 0.9,
  firstSlate: 0.45,
  leaks: 0,
};

/** The records of one source, in order; profiles the generator cannot use are skipped (and counted), as the CLI does. */
async function generate(catalog, profiles) {
  const generator = new DialogueGenerator({ seed, catalog });
  let skipped = 0;
  generator.on('dialogue:skip', () => skipped++);
  const records = [];
  for await (const record of generator.generateMany(profiles, { invalidProfiles: 'skip' })) records.push(record);
  return { records, skipped };
}

function* cycle(list, total) {
  for (let i = 0; i < total && list.length > 0; i++) yield list[i % list.length];
}

const pct = (x) => `${(x * 100).toFixed(1)}%`;
const num = (x) => x.toLocaleString('en');
let met = 0;
let checked = 0;

/** One row: label, figure, and (when there is a target) the target and OK/MISS. */
function row(label, figure, target, ok) {
  const verdict = target === undefined ? '' : `${`target ${target}`.padEnd(16)}${ok ? 'OK' : 'MISS'}`;
  if (target !== undefined) {
    checked++;
    if (ok) met++;
  }
  console.log(`  ${label.padEnd(34)}${String(figure).padEnd(48)}${verdict}`.trimEnd());
}

function report(name, result, { ms, skipped }) {
  const m = result;
  console.log(
    `\n${name}: ${num(m.dialogues)} dialogues${skipped ? ` (${skipped} profiles skipped)` : ''}, generated and measured in ${(ms / 1000).toFixed(1)} s`,
  );
  let violated = 0;
  for (const [direction, t] of Object.entries(m.critiques)) {
    violated += t.violated;
    const rest = [
      t.noMatch && `${t.noMatch} no-match`,
      t.asked && `${t.asked} asked`,
      t.other && `${t.other} closed/other`,
    ]
      .filter(Boolean)
      .join(', ');
    row(
      `critiques ${direction}`,
      `${t.honoured}/${t.violated} of ${t.acts}${rest ? ` (${rest})` : ''}`,
      undefined,
      undefined,
    );
  }
  row('  critiques violated (all)', violated, '= 0', violated === TARGETS.critiquesViolated);
  const f = m.misfits;
  row(
    '  critiques that do not fit',
    `less-absent ${f.lessAbsent}, more-carried ${f.moreCarried}, less-liked ${f.lessLiked}, more-disliked ${f.moreDisliked}`,
  );
  row('title named twice (turns)', m.doubleTitleTurns, '= 0', m.doubleTitleTurns === TARGETS.doubleTitleTurns);
  const r = m.repeated;
  row(
    'repeated utterances',
    `${r.share.toFixed(3)} of ${num(r.utterances)} (A ${r.assistant.toFixed(2)}, U ${r.user.toFixed(2)})`,
    '≤ 0.28',
    r.share <= TARGETS.repeatedShare,
  );
  const d = m.distinct;
  row(
    'distinct-1/2/3',
    `${d.within[1].toFixed(3)} / ${d.within[2].toFixed(3)} / ${d.within[3].toFixed(3)} (${num(d.tokens)} tokens)`,
  );
  row(
    '  distinct-2',
    `${d.within[2].toFixed(3)} (one stream: ${d.acrossUtterances[2].toFixed(3)})`,
    '≥ 0.25',
    d.within[2] >= TARGETS.distinct2,
  );
  const q = m.topQuestion;
  row(
    'top attribute question',
    `${q.attribute ?? 'none'} in ${pct(q.share)} (${q.distinctWordings} wordings)`,
    '≤ 15%',
    q.share <= TARGETS.topQuestionShare,
  );
  for (const [text, n] of q.wordings) console.log(`      ${String(n).padStart(5)} × ${text}`);
  row('  top facet question', `${m.topFacetQuestion.facet ?? 'none'} in ${pct(m.topFacetQuestion.share)}`);
  const a = m.acceptance;
  row('accepted', pct(a.share), '≤ 90%', a.share <= TARGETS.accepted);
  row(
    'accepted from the first slate',
    `${pct(a.firstSlate)} (${pct(a.firstSlateOfAccepted)} of accepted)`,
    '≤ 45%',
    a.firstSlate <= TARGETS.firstSlate,
  );
  row('slates up to acceptance', a.slatesBeforeAccept.toFixed(2));
  row(
    'turns per dialogue',
    `${m.turnsPerDialogue.toFixed(1)} (items suggested ${m.itemsSuggestedPerDialogue.toFixed(1)})`,
  );
  row(
    'outcomes',
    Object.entries(m.outcomes)
      .map(([reason, n]) => `${reason} ${pct(n / m.dialogues)}`)
      .join(', '),
  );
  row(
    'leakage (held-out named early)',
    `${m.leaks.total} (${m.leaks.afterAssistantNamedIt} after the assistant named it)`,
    '= 0',
    m.leaks.total === TARGETS.leaks,
  );
  const examples = [
    ...m.critiqueExamples.map((e) => `critique ${e.direction} not honoured — U: ${e.user}\n        A: ${e.assistant}`),
    ...m.doubleTitleExamples.map((text) => `title twice — ${text}`),
    ...m.leaks.examples.map((text) => `leak — ${text}`),
  ];
  if (examples.length > 0) console.log('  examples');
  for (const text of examples) console.log(`    ${text}`);
}

console.log(
  `fidelity: ${num(count)} dialogues per source, seed ${JSON.stringify(seed)}, default generator options, Node ${process.version}` +
    '\n  critiques: honoured/violated of acts, by direction; figures read from acts and text, not from the tracker',
);

let t = performance.now();
const builtin = builtinCatalog();
const builtinRun = await generate(builtin, syntheticProfiles(builtin, { count, seed }));
report('built-in catalog', measure(builtinRun.records, builtin, titleIndex(builtin, displayTitle)), {
  ms: performance.now() - t,
  skipped: builtinRun.skipped,
});

if (hasMovieLens()) {
  t = performance.now();
  const dataset = await loadMovieLens(dataDir);
  // One profile per user, built once, then cycled: what `icer generate --movielens DIR --seed S` feeds the generator.
  const profiles = dataset.userIds().map((userId) => dataset.profile(userId, { seed }));
  const run = await generate(dataset.catalog, cycle(profiles, count));
  report(
    `MovieLens users (ml-latest-small, ${num(profiles.length)} users cycled)`,
    measure(run.records, dataset.catalog, titleIndex(dataset.catalog, displayTitle)),
    { ms: performance.now() - t, skipped: run.skipped },
  );
} else {
  console.log(
    `\nMovieLens users: SKIPPED — ml-latest-small not found at ${dataDir} (not shipped with icer: GroupLens license).`,
  );
}

console.log(`\nfidelity: ${met}/${checked} targets met`);
if (strict && met < checked) process.exit(1);
