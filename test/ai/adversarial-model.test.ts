// An adversarial model: it answers every request with the template draft the prompt carries (an honest wording),
// except that on a known, seeded share of first attempts it corrupts the draft in one of three ways a real model
// does — it swaps a title for another catalog title, flips the sentiment of an opinion, or invents an item. The
// test logs exactly which (dialogue, turn) it corrupted and how, and checks that the consistency tracker caught
// every corruption with the right rule, repaired nothing else, and left no corrupted word in the dataset.
import { MockLanguageModelV3 } from 'ai/test';
import { describe, expect, it } from 'vitest';
import { aiSdkAdapter } from '../../src/ai/index.js';
import { displayTitle } from '../../src/catalog/item.js';
import { builtinCatalog } from '../../src/data/builtin/builtin-catalog.js';
import type { DialogueAct, Polarity } from '../../src/dialogue/dialogue-acts.js';
import type { ViolationRule } from '../../src/dialogue/violation.js';
import { DialogueGenerator } from '../../src/generation/dialogue-generator.js';
import { type DialogueRecord, DialogueRecordSchema } from '../../src/generation/dialogue-record.js';
import { attributePhrase } from '../../src/lexicon/attribute-phrases.js';
import { syntheticProfiles } from '../../src/profile/synthetic.js';
import { dataBlock, reply, userMessage } from './mock-model.js';

const catalog = builtinCatalog();
const ALL_TITLES = [...catalog].map((item) => displayTitle(item));
const DIALOGUES_PER_MODE = 200;
const SHARE = 0.3;
const INVENTED = 'Galaxy Quest Returns (2031)';

type Mode = 'turn' | 'dialogue';
type Kind = 'swap-title' | 'flip-polarity' | 'invent-item';

/** The rules each corruption must be caught by: a swapped title is both missing and extra. */
const EXPECTED: Record<Kind, readonly ViolationRule[]> = {
  'swap-title': ['text-missing-item', 'text-extra-item'],
  'flip-polarity': ['text-polarity'],
  'invent-item': ['text-unknown-title'],
};

/** A turn as the prompt shows it: acts with titles in place of item ids, the titles it names, the honest draft. */
interface PromptTurn {
  speaker: 'assistant' | 'user';
  acts: DialogueAct[];
  titles: string[];
  draft: string;
}

interface Corruption {
  dialogueId: string;
  turn: number;
  kind: Kind;
  honest: string;
  text: string;
}

// mulberry32: the adversary's own seeded stream, so the corrupted share is the same on every run.
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Sentiment flips: a phrase of one polarity (as the templates word it) replaced by an unmistakable opposite.
// ---------------------------------------------------------------------------------------------------------------

type Flip = readonly [RegExp, string];

const FLIPS: Record<Polarity, readonly Flip[]> = {
  positive: [
    [/\bI absolutely loved\b/, 'I absolutely hated'],
    [/\bI really loved\b/, 'I really hated'],
    [/\bI loved\b/, 'I hated'],
    [/\bI adored\b/, 'I hated'],
    [/\bI liked\b/, 'I disliked'],
    [/\bI enjoyed\b/, "I didn't enjoy"],
    [/\bI had a good time with\b/, "I couldn't stand"],
    [/\b(was|were) fantastic\b/, '$1 awful'],
    [/\b(was|were) amazing\b/, '$1 awful'],
    [/\b(was|were) pretty good\b/, '$1 pretty bad'],
    [/\b(was|were) solid\b/, '$1 terrible'],
    [/\b(was|were) great\b/, '$1 awful'],
    [/\b(was|were) good\b/, '$1 bad'],
    [/ blew me away\b/, ' disappointed me'],
    [/, pretty good\b/, ', pretty bad'],
    [/\bI absolutely love\b/, 'I absolutely hate'],
    [/\bI love\b/, "I can't stand"],
    [/\bI'm a huge fan of\b/, "I'm not a fan of"],
    [/\bI adore\b/, 'I hate'],
    [/\bI'm really into\b/, "I'm not into"],
    [/\bnothing beats (.+?) for me\b/i, "I can't stand $1"],
    [/\bI can never get enough of\b/, "I can't stand"],
    [/\bI quite like\b/, 'I really dislike'],
    [/\bI like\b/, 'I dislike'],
    [/\bI enjoy\b/, 'I hate'],
    [/\bI'm into\b/, "I'm not into"],
    [/\bI have a soft spot for\b/, "I can't stand"],
    [/\bI'm usually up for\b/, 'I usually avoid'],
    [/\bI'm fairly keen on\b/, "I'm not keen on"],
    [/\bbig fan of\b/i, 'not a fan of'],
    [/\breally into\b/i, 'not into'],
    [/\bloved\b/i, 'hated'],
    [/\bliked\b/i, 'disliked'],
    [/\benjoyed\b/i, "didn't enjoy"],
    [/\blove\b/i, 'hate'],
    [/\benjoy\b/i, 'hate'],
    [/\blike\b/i, 'dislike'],
  ],
  negative: [
    [/\bI wasn't a fan of\b/, 'I was a huge fan of'],
    [/ didn't do it for me\b/, ' blew me away'],
    [/ left me cold\b/, ' blew me away'],
    [/\bI didn't care for\b/, 'I loved'],
    [/\bwasn't for me\b/, 'was fantastic'],
    [/\bweren't for me\b/, 'were fantastic'],
    [/\b(was|were) a bit disappointing\b/, '$1 fantastic'],
    [/\bI hated\b/, 'I loved'],
    [/\bI couldn't stand\b/, 'I adored'],
    [/\bI really disliked\b/, 'I really loved'],
    [/\b(was|were) awful\b/, '$1 amazing'],
    [/\b(was|were) painful to sit through\b/, '$1 fantastic'],
    [/\b(was|were) terrible\b/, '$1 great'],
    [/\bI'm not a fan of\b/, "I'm a huge fan of"],
    [/\bI'm not big on\b/, 'I love'],
    [/\bI'm not really into\b/, "I'm really into"],
    [/\bI'd rather skip\b/, 'I love'],
    [/\bI usually pass on\b/, 'I always love'],
    [/\bI tend to steer clear of\b/, "I'm a huge fan of"],
    [/\bI can't stand\b/, 'I love'],
    [/\bI hate\b/, 'I love'],
    [/\bI really dislike\b/, 'I really like'],
    [/\bI avoid (.+?) at all costs\b/, 'I adore $1'],
    [/\bI have zero interest in\b/, "I'm really into"],
    [/\babsolutely no (.+?) for me\b/i, 'I absolutely love $1'],
    [/\bplease, no\b/i, 'I love'],
    [/\bnot a fan of\b/i, 'big fan of'],
    [/\bnot into\b/i, 'really into'],
    [/\bnot big on\b/i, 'love'],
    [/\brather skip\b/i, 'love'],
    [/\bcan't stand\b/i, 'love'],
    [/\bcouldn't stand\b/i, 'adored'],
    [/\bhated\b/i, 'loved'],
    [/\bhate\b/i, 'love'],
    [/\bno (.+?), please\b/i, 'love $1'],
    [/\bdidn't care for\b/i, 'loved'],
  ],
  neutral: [
    [/\bI have no strong feelings about\b/, 'I absolutely love'],
    [/\bI don't feel strongly about (.+?) either way\b/, 'I hate $1'],
    [/\bI'm neutral on\b/, 'I love'],
    [/\bI could take or leave\b/, 'I hate'],
    [/\bI'm indifferent to\b/, 'I adore'],
    [/\bI'm fine either way when it comes to\b/, 'I love'],
    [/\bI was lukewarm on\b/, 'I loved'],
    [/\b(was|were) fine, nothing special\b/, '$1 a masterpiece'],
    [/\b(was|were) alright, I guess\b/, '$1 awful'],
    [/\b(was|were) okay\b/, '$1 amazing'],
    [/\b(was|were) so-so\b/, '$1 amazing'],
    [/\b(was|were) fine\b/, '$1 awful'],
    [/\bno strong feelings on\b/i, 'love'],
    [/\bneutral on\b/i, 'love'],
    [/\bindifferent to\b/i, 'hate'],
  ],
};

/** The polarity an act states about its subject, as the tracker's text-polarity rule reads acts. */
function statedPolarity(act: DialogueAct): Polarity | undefined {
  if (act.type === 'disclose') return act.polarity;
  if (act.type === 'answer-item' && act.seen) return act.polarity;
  return undefined;
}

/** Words that name an act's subject in text: its titles (with and without the year), or its attribute's words. */
function subjectWords(act: DialogueAct): string[] {
  const words: string[] = [];
  for (const title of act.items) words.push(title, title.replace(/\s*\(\d{4}\)$/, ''));
  if ('attribute' in act && act.attribute !== undefined) {
    const phrase = attributePhrase(act.attribute);
    words.push(phrase.value, phrase.noun);
  }
  return words.map((word) => word.toLowerCase()).filter((word) => word !== '');
}

function keepCase(match: string, replacement: string): string {
  const first = match[0] ?? '';
  return first === first.toUpperCase() && first !== first.toLowerCase()
    ? replacement.charAt(0).toUpperCase() + replacement.slice(1)
    : replacement;
}

/**
 * The draft with the sentiment of one polar act flipped, in the very sentence that names the act's subject, or
 * undefined when no phrase of that polarity is found there.
 */
function flipPolarity(turn: PromptTurn): string | undefined {
  if (turn.speaker !== 'user') return undefined;
  const sentences = turn.draft.split(/(?<=[.!?])\s+/);
  for (const act of turn.acts) {
    const polarity = statedPolarity(act);
    if (polarity === undefined) continue;
    const subject = subjectWords(act);
    for (const [index, sentence] of sentences.entries()) {
      const lower = sentence.toLowerCase();
      if (!subject.some((word) => lower.includes(word))) continue;
      // Titles are not opinions: "In the Mood for Love" keeps its "Love", written with its year or without.
      const titles = turn.titles
        .flatMap((title) => [title, title.replace(/\s*\(\d{4}\)$/, '')])
        .sort((a, b) => b.length - a.length);
      let masked = sentence;
      titles.forEach((title, at) => {
        masked = masked.split(title).join(`⟦${at}⟧`);
      });
      for (const [pattern, replacement] of FLIPS[polarity]) {
        const match = pattern.exec(masked);
        if (!match) continue;
        const flipped = masked
          .replace(pattern, (...groups: string[]) =>
            keepCase(
              groups[0] as string,
              replacement.replace(/\$(\d)/g, (_, n: string) => groups[Number(n)] ?? ''),
            ),
          )
          .replace(/⟦(\d+)⟧/g, (_, at: string) => titles[Number(at)] as string);
        const out = [...sentences];
        out[index] = flipped;
        return out.join(' ');
      }
    }
  }
  return undefined;
}

/** The draft with every occurrence of one named title replaced by another catalog title the turn does not name. */
function swapTitle(turn: PromptTurn, random: () => number): string | undefined {
  const present = turn.titles.filter((title) => turn.draft.includes(title));
  if (present.length === 0) return undefined;
  const original = present[Math.floor(random() * present.length)] as string;
  const others = ALL_TITLES.filter((title) => !turn.titles.includes(title));
  const replacement = others[Math.floor(random() * others.length)] as string;
  const swapped = turn.draft.replaceAll(original, () => replacement);
  // A swap takes the title out of the text: "Queueing it up now" still names Up to a tracker that reads a named
  // title in any case (see the mention finder's tests), so such a turn is left to the other corruptions.
  const bare = original.replace(/\s*\(\d{4}\)$/, '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`\\b${bare}\\b`, 'i').test(swapped) ? undefined : swapped;
}

function inventItem(turn: PromptTurn): string {
  return `${turn.draft} Have you heard of ${INVENTED}?`;
}

/** The adversary's corruption of a turn, or undefined when it leaves this one alone. */
function corrupt(turn: PromptTurn, random: () => number): { kind: Kind; text: string } | undefined {
  if (random() >= SHARE) return undefined;
  // Weighted towards the rarer chances: a sentiment can only be flipped on user turns that state one.
  const options: Array<{ kind: Kind; text: string; weight: number }> = [];
  const flipped = flipPolarity(turn);
  if (flipped !== undefined) options.push({ kind: 'flip-polarity', text: flipped, weight: 4 });
  const swapped = swapTitle(turn, random);
  if (swapped !== undefined) options.push({ kind: 'swap-title', text: swapped, weight: 2 });
  options.push({ kind: 'invent-item', text: inventItem(turn), weight: 1 });
  let pick = random() * options.reduce((sum, option) => sum + option.weight, 0);
  for (const option of options) {
    pick -= option.weight;
    if (pick < 0) return { kind: option.kind, text: option.text };
  }
  return options[options.length - 1];
}

// ---------------------------------------------------------------------------------------------------------------
// The model
// ---------------------------------------------------------------------------------------------------------------

interface TurnData {
  turn: number;
  speaker: 'assistant' | 'user';
  acts: DialogueAct[];
  items: string[];
  draft: string;
  feedback?: string[];
}

/**
 * A mock model that answers honestly, except on first attempts (no feedback in the prompt), where it corrupts a
 * seeded share of turns and logs each: `where()` says which dialogue is being worded (the batch runs one dialogue
 * at a time). Re-asks, which carry feedback, are always answered honestly.
 */
function adversarialModel(seed: number, where: () => { dialogueId: string; turn: number }, log: Corruption[]) {
  const random = seeded(seed);
  return new MockLanguageModelV3({
    doGenerate: async (options) => {
      const { data } = dataBlock(userMessage(options));
      const { dialogueId } = where();
      if (Array.isArray(data.turns)) {
        const turns = data.turns as TurnData[];
        const firstAttempt = data.feedback === undefined && turns.every((turn) => turn.feedback === undefined);
        const utterances = turns.map((turn) => {
          if (!firstAttempt) return turn.draft;
          const corruption = corrupt(
            { speaker: turn.speaker, acts: turn.acts, titles: turn.items, draft: turn.draft },
            random,
          );
          if (!corruption) return turn.draft;
          log.push({ dialogueId, turn: turn.turn, kind: corruption.kind, honest: turn.draft, text: corruption.text });
          return corruption.text;
        });
        return reply(JSON.stringify({ utterances }));
      }
      const draft = data.draft as string;
      // The turn being worded is the one after the last the prompt shows: the events agree, or the log would lie.
      const conversation = data.conversation as Array<{ turn: number }>;
      const shown =
        conversation.length === 0 ? 0 : (conversation[conversation.length - 1] as { turn: number }).turn + 1;
      if (shown !== where().turn) throw new Error(`turn ${shown} in the prompt, but ${where().turn} by the events`);
      if (data.feedback !== undefined) return reply(draft);
      const turn: PromptTurn = {
        speaker: data.speaker as 'assistant' | 'user',
        acts: data.acts as DialogueAct[],
        titles: (data.items as Array<{ title: string }>).map((item) => item.title),
        draft,
      };
      const corruption = corrupt(turn, random);
      if (!corruption) return reply(draft);
      log.push({ dialogueId, turn: where().turn, kind: corruption.kind, honest: draft, text: corruption.text });
      return reply(corruption.text);
    },
  });
}

async function runAdversary(mode: Mode, seed: number) {
  const log: Corruption[] = [];
  let dialogueId = '';
  let turnsSpoken = 0;
  const model = adversarialModel(seed, () => ({ dialogueId, turn: turnsSpoken }), log);
  const adapter = aiSdkAdapter({ model });
  const generator = new DialogueGenerator({ adapter, mode, seed: `adversary-${mode}`, catalog });
  generator.on('dialogue:start', (event) => {
    dialogueId = event.dialogueId;
    turnsSpoken = 0;
  });
  generator.on('turn', () => {
    turnsSpoken++;
  });
  const records: DialogueRecord[] = [];
  // One dialogue at a time, so that every model call belongs to the dialogue that started last.
  const profiles = syntheticProfiles(catalog, { count: DIALOGUES_PER_MODE, seed: `adversary-${mode}` });
  for await (const record of generator.generateMany(profiles, { concurrency: 1 })) records.push(record);
  return { records, log, adapter };
}

const key = (dialogueId: string, turn: number) => `${dialogueId}#${turn}`;

describe.each<[Mode, number]>([
  ['turn', 11],
  ['dialogue', 23],
])('an adversarial model in %s mode', (mode, seed) => {
  it('has every corruption caught by the right rule, nothing else repaired, and no corrupted word left', async () => {
    const { records, log, adapter } = await runAdversary(mode, seed);
    expect(records).toHaveLength(DIALOGUES_PER_MODE);
    const byId = new Map(records.map((record) => [record.id, record]));

    // The adversary did its job: a known share of turns, every kind of corruption many times.
    const turns = records.reduce((sum, record) => sum + record.turns.length, 0);
    const counts = Object.fromEntries(
      (['swap-title', 'flip-polarity', 'invent-item'] as const).map((kind) => [
        kind,
        log.filter((c) => c.kind === kind).length,
      ]),
    );
    expect(log.length / turns).toBeGreaterThan(SHARE * 0.75);
    expect(log.length / turns).toBeLessThan(SHARE * 1.25);
    for (const kind of Object.keys(counts)) expect(counts[kind], kind).toBeGreaterThanOrEqual(20);
    expect(new Set(log.map((c) => key(c.dialogueId, c.turn))).size).toBe(log.length);

    // Every corruption was caught, by the rule that names what went wrong.
    const missed: string[] = [];
    for (const corruption of log) {
      const record = byId.get(corruption.dialogueId);
      const repair = record?.consistency.repairLog.find((entry) => entry.turn === corruption.turn);
      const rules = new Set(repair?.violations.map((violation) => violation.rule) ?? []);
      const acts = JSON.stringify(record?.turns[corruption.turn]?.acts);
      if (!EXPECTED[corruption.kind].every((rule) => rules.has(rule))) {
        missed.push(
          `${corruption.kind} at ${corruption.dialogueId} turn ${corruption.turn} (caught as [${[...rules].join(', ')}]): ${acts}\n    honest:    ${corruption.honest}\n    corrupted: ${corruption.text}`,
        );
      }
    }
    // Soft: a miss is a tracker gap to report precisely; the checks below still run and show its consequences.
    expect
      .soft(missed, `${missed.length} of ${log.length} corruptions were not caught:\n${missed.join('\n')}`)
      .toEqual([]);

    // No false positives: every repaired turn is a corrupted one, fixed by the first (honest) re-ask.
    const corrupted = new Set(log.map((c) => key(c.dialogueId, c.turn)));
    const repaired: string[] = [];
    for (const record of records) {
      for (const repair of record.consistency.repairLog) {
        repaired.push(key(record.id, repair.turn));
        expect(repair.method, key(record.id, repair.turn)).toBe('regenerated');
        expect(repair.attempts).toBe(2);
      }
    }
    const falsePositives = repaired.filter((entry) => !corrupted.has(entry));
    expect(falsePositives, 'turns repaired although the model answered them honestly').toEqual([]);

    // The dataset: valid, consistent, and free of every corrupted wording.
    for (const record of records) {
      DialogueRecordSchema.parse(record);
      expect(record.consistency.violations, record.id).toEqual([]);
      expect(record.consistency.repairs).toBe(record.consistency.repairLog.length);
      for (const turn of record.turns) expect(turn.text).not.toContain(INVENTED);
    }
    const left = log.filter(
      (corruption) => byId.get(corruption.dialogueId)?.turns[corruption.turn]?.text === corruption.text,
    );
    expect
      .soft(
        left.map((c) => `${key(c.dialogueId, c.turn)}: ${c.text}`),
        'corrupted turns left in the dataset',
      )
      .toEqual([]);

    // Calls: one per turn plus one re-ask per repaired turn (turn mode); one per dialogue plus one re-ask per
    // dialogue with any repaired turn (dialogue mode).
    const calls = records.reduce((sum, record) => sum + record.generator.calls, 0);
    if (mode === 'turn') expect(calls).toBe(turns + repaired.length);
    else
      expect(calls).toBe(records.length + records.filter((record) => record.consistency.repairLog.length > 0).length);
    expect(adapter.stats.calls).toBe(calls);
  });
});
