import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
// Written apart from the code under test (for the fidelity benchmark): the same definitions, computed another way.
import { distinctN, repeatedShare } from '../../bench/fidelity/metrics.mjs';
import { builtinCatalog } from '../../src/data/builtin/builtin-catalog.js';
import { readCorpusFile, recordCorpus } from '../../src/evaluation/corpus-file.js';
import { corpusStats, DatasetStatsSchema, STATS_METHOD } from '../../src/evaluation/dataset-stats.js';
import type { BrokenLine } from '../../src/evaluation/read-dialogue-file.js';
import { DialogueGenerator } from '../../src/generation/dialogue-generator.js';
import type { DialogueRecord } from '../../src/generation/dialogue-record.js';
import { syntheticProfiles } from '../../src/profile/synthetic.js';
import { useTempDir } from '../helpers/temp-dir.js';
import { rejected } from '../helpers/thrown.js';

const catalog = builtinCatalog();
const tempDir = useTempDir();
const records: DialogueRecord[] = [];

beforeAll(async () => {
  const generator = new DialogueGenerator({ seed: 5, catalog });
  for await (const record of generator.generateMany(syntheticProfiles(catalog, { count: 300, seed: 5 })))
    records.push(record);
});

const chat = (...messages: Array<[string, string]>) =>
  JSON.stringify({ messages: messages.map(([role, content]) => ({ role, content })) });

async function statsOf(name: string, content: string | Buffer, broken: BrokenLine[] = []) {
  const { write } = tempDir();
  const file = write(name, content as string);
  return corpusStats(
    readCorpusFile(file, (line) => broken.push(line)),
    { name, catalog, brokenLines: () => broken.length },
  );
}

describe('corpusStats', () => {
  it('computes the text figures of a small chat corpus as worked out by hand', async () => {
    const stats = await statsOf(
      'chat.jsonl',
      [
        chat(['system', 'You recommend films.'], ['user', 'Any good films?'], ['assistant', 'Try Heat.']),
        chat(['user', 'Any good films?'], ['assistant', [{ type: 'text', text: 'Try Alien.' }] as never]),
      ].join('\n'),
    );
    // Utterances (the system message is not one): "any good films" ×2, "try heat", "try alien".
    expect(stats).toMatchObject({
      format: 'chat',
      dialogues: 2,
      utterances: 4,
      utterancesPerDialogue: 2,
      tokensPerUtterance: 10 / 4,
      turnsHistogram: [{ turns: 2, dialogues: 2 }],
      lengthHistogram: [
        { tokens: 2, utterances: 2 },
        { tokens: 3, utterances: 2 },
      ],
      behaviour: null,
      consistency: null,
      cost: null,
    });
    // Unigrams: any good films any good films try heat try alien → 6 distinct of 10; bigrams: "any good", "good
    // films" ×2 each, "try heat", "try alien" → 4 of 6; trigrams: "any good films" ×2 → 1 of 2.
    expect(stats.distinct).toEqual({ '1': 6 / 10, '2': 4 / 6, '3': 1 / 2, tokens: 10 });
    // Two of the four utterances are the same text.
    expect(stats.repeatedUtteranceShare).toBe(0.5);
  });

  it('reads ReDial lines, naming each @mention by the title people saw', async () => {
    const redial = {
      movieMentions: { '111776': 'Super Troopers (2001)' },
      messages: [
        { timeOffset: 0, text: 'I like comedies like @111776', senderWorkerId: 0, messageId: 1 },
        { timeOffset: 9, text: 'Have you seen @999 ?', senderWorkerId: 1, messageId: 2 },
      ],
      conversationId: '1',
    };
    const empty = { movieMentions: [], messages: [{ text: 'hello', senderWorkerId: 3 }] };
    const { write } = tempDir();
    const file = write('redial.jsonl', `${JSON.stringify(redial)}\n\n${JSON.stringify(empty)}\n`);
    const reading = readCorpusFile(file, () => {});
    const dialogues = [];
    for await (const dialogue of reading.dialogues) dialogues.push(dialogue.utterances);
    expect(reading.format()).toBe('redial');
    // An id with no title stays as written.
    expect(dialogues).toEqual([['I like comedies like Super Troopers (2001)', 'Have you seen @999 ?'], ['hello']]);
  });

  it('reports each line that is not a dialogue of the file format with its number, and reads the rest', async () => {
    const broken: BrokenLine[] = [];
    const stats = await statsOf(
      'mixed.jsonl',
      [
        chat(['user', 'Hi']),
        '{"messages": [',
        '{"messages": [{"text": "a ReDial line", "senderWorkerId": 1}]}',
        '[]',
        chat(['user', 'Bye']),
      ].join('\n'),
      broken,
    );
    expect(stats.dialogues).toBe(2);
    expect(stats.brokenLines).toBe(3);
    expect(broken.map((b) => [b.line, b.reason.replace(/ \(.*|:.*/, '')])).toEqual([
      [2, 'not JSON'],
      [3, 'not a chat dialogue'],
      [4, 'not a chat dialogue'],
    ]);
  });

  it('refuses a file in which no line is a dialogue, and a .gz file that is not gzip', async () => {
    const { write } = tempDir();
    const none = write('none.jsonl', '{"a": 1}\n{"b": 2}\n');
    const error = await rejected(() =>
      corpusStats(
        readCorpusFile(none, () => {}),
        { name: 'none', catalog },
      ),
    );
    expect(error).toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect(String(error)).toMatch(/No line is a dialogue/);
    const fake = write('fake.jsonl.gz', chat(['user', 'Hi']));
    const notGzip = await rejected(() =>
      corpusStats(
        readCorpusFile(fake, () => {}),
        { name: 'fake', catalog },
      ),
    );
    expect(notGzip).toMatchObject({ code: 'INVALID_ENCODING' });
  });

  it('reads .jsonl.gz like .jsonl', async () => {
    const text = records
      .slice(0, 50)
      .map((r) => JSON.stringify(r))
      .join('\n');
    const plain = await statsOf('a.jsonl', text);
    const gzipped = await statsOf('a.jsonl.gz', gzipSync(text));
    expect(gzipped).toEqual({ ...plain, name: 'a.jsonl.gz' });
    expect(plain.dialogues).toBe(50);
  });

  it("agrees on icer records with the fidelity benchmark's independent measures, and reads their behaviour", async () => {
    const stats = await corpusStats(recordCorpus(records), { name: 'icer', catalog });
    expect(DatasetStatsSchema.parse({ method: STATS_METHOD, corpora: [stats] }).corpora[0]).toEqual(stats);
    const utterances = records.flatMap((r) => r.turns.map((t) => t.text));
    const reference = distinctN(utterances);
    expect(stats.distinct).toEqual({ ...reference.within, tokens: reference.tokens });
    expect(stats.repeatedUtteranceShare).toBeCloseTo(repeatedShare(records.flatMap((r) => r.turns)).share, 12);

    const share = (reason: string) => records.filter((r) => r.outcome.reason === reason).length / records.length;
    expect(stats.behaviour?.outcomes).toEqual({
      accepted: share('accepted'),
      'gave-up': share('gave-up'),
      'max-turns': share('max-turns'),
      'no-candidates': share('no-candidates'),
      unconstrained: 0,
    });
    // Critiques said in leaving, on a dialogue's last turn, have no answer to be judged by.
    const critiques = records.flatMap((r) =>
      r.turns.slice(0, -1).flatMap((t) => t.acts.filter((a) => a.type === 'critique')),
    );
    const answered = Object.values(stats.behaviour?.critiques ?? {});
    expect(answered.reduce((sum, c) => sum + c.count, 0)).toBe(critiques.length);
    // The generator honours every critique or says nothing fits.
    expect(answered.reduce((sum, c) => sum + c.notHonoured + c.unchecked, 0)).toBe(0);
    expect(stats.behaviour?.leakage).toEqual({ targets: 0, dialogues: 0 });
    expect(stats.consistency).toMatchObject({ violations: 0, modelWordedShare: 0 });
    expect(stats.cost).toBeNull();
  });

  it('counts a critique answered against it, and a held-out target named before it was recommended', async () => {
    const record = records.find((r) =>
      r.turns.some(
        (t, i) =>
          t.acts.some((a) => a.type === 'critique' && a.direction === 'more') &&
          r.turns[i + 1]?.acts.some((a) => a.type === 'recommend'),
      ),
    ) as DialogueRecord;
    const planted = structuredClone(record);
    const at = planted.turns.findIndex((t) => t.acts.some((a) => a.type === 'critique' && a.direction === 'more'));
    const critique = planted.turns[at]?.acts.find((a) => a.type === 'critique');
    const slate = planted.turns[at + 1]?.acts.find((a) => a.type === 'recommend');
    if (critique?.type !== 'critique' || slate?.type !== 'recommend')
      throw new Error('no critique answered by a slate');
    const lacking = catalog.items().find((item) => !catalog.carries(item.id, critique.attribute as string));
    slate.items = [lacking?.id as string];
    const target = catalog.items()[0];
    planted.user.heldOut = [target?.id as string];
    planted.turns[1] = {
      ...(planted.turns[1] as DialogueRecord['turns'][number]),
      text: `I loved ${target?.title} (${target?.year}).`,
    };
    const stats = await corpusStats(recordCorpus([planted]), { name: 'planted', catalog });
    expect(stats.behaviour?.critiques.more.notHonoured).toBe(1);
    expect(stats.behaviour?.leakage).toEqual({ targets: 1, dialogues: 1 });
  });
});
