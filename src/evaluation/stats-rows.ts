import type { CorpusStats } from './dataset-stats.js';

/** One figure: its label, and its cell for a corpus. */
export type StatsRow = readonly [label: string, value: (corpus: CorpusStats) => string];

const fixed = (digits: number) => (value: number) => value.toFixed(digits);
const pct = (value: number) => `${(value * 100).toFixed(1)}%`;
const num = (value: number) => value.toLocaleString('en');
// "—" where a figure does not apply to a corpus (behaviour of a human corpus, cost of a template run).
const NONE = '—';

/**
 * The figures of a corpus as labelled, formatted cells, in the order `icer stats` and the report show them ("—" where a
 * figure does not apply).
 */
export const STATS_ROWS: readonly StatsRow[] = [
  ['format', (c) => `${c.format ?? NONE}${c.reference ? ' (reference)' : ''}`],
  ['dialogues', (c) => num(c.dialogues)],
  ['utterances per dialogue', (c) => fixed(1)(c.utterancesPerDialogue)],
  ['tokens per utterance', (c) => fixed(1)(c.tokensPerUtterance)],
  ['distinct-1', (c) => fixed(3)(c.distinct['1'])],
  ['distinct-2', (c) => fixed(3)(c.distinct['2'])],
  ['distinct-3', (c) => fixed(3)(c.distinct['3'])],
  ['repeated utterances', (c) => fixed(3)(c.repeatedUtteranceShare)],
  ['accepted', (c) => (c.behaviour ? pct(c.behaviour.outcomes.accepted) : NONE)],
  ['gave up', (c) => (c.behaviour ? pct(c.behaviour.outcomes['gave-up']) : NONE)],
  ['max turns', (c) => (c.behaviour ? pct(c.behaviour.outcomes['max-turns']) : NONE)],
  ['no candidates', (c) => (c.behaviour ? pct(c.behaviour.outcomes['no-candidates']) : NONE)],
  [
    'slates before acceptance',
    (c) => (c.behaviour?.slatesBeforeAcceptance == null ? NONE : fixed(2)(c.behaviour.slatesBeforeAcceptance)),
  ],
  ['critiques honoured', (c) => critiques(c)],
  ['leaked targets', (c) => (c.behaviour ? num(c.behaviour.leakage.targets) : NONE)],
  ['violations', (c) => (c.consistency ? num(c.consistency.violations) : NONE)],
  ['repairs', (c) => (c.consistency ? num(c.consistency.repairs) : NONE)],
  ['template fallbacks', (c) => (c.consistency ? num(c.consistency.templateFallbacks) : NONE)],
  ['worded by the model', (c) => (c.consistency ? pct(c.consistency.modelWordedShare) : NONE)],
  ['model calls per dialogue', (c) => (c.cost ? fixed(1)(c.cost.perDialogue.calls) : NONE)],
  [
    'tokens per dialogue',
    (c) => (c.cost ? fixed(0)(c.cost.perDialogue.inputTokens + c.cost.perDialogue.outputTokens) : NONE),
  ],
  ['price per dialogue', (c) => (c.cost?.pricePerDialogue == null ? NONE : c.cost.pricePerDialogue.toPrecision(3))],
];

function critiques(corpus: CorpusStats): string {
  if (!corpus.behaviour) return NONE;
  const all = Object.values(corpus.behaviour.critiques);
  const sum = (of: (c: (typeof all)[number]) => number) => all.reduce((total, c) => total + of(c), 0);
  const unchecked = sum((c) => c.unchecked);
  const answered = `${num(sum((c) => c.honoured + c.noMatch))}/${num(sum((c) => c.count - c.unchecked))}`;
  return unchecked === 0 ? answered : `${answered} (${num(unchecked)} unchecked)`;
}
