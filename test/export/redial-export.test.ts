import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ItemCatalog } from '../../src/catalog/item-catalog.js';
import { builtinCatalog } from '../../src/data/builtin/builtin-catalog.js';
import { exportDialogues } from '../../src/export/export-dialogues.js';
import { useTempDir } from '../helpers/temp-dir.js';
import { rejected } from '../helpers/thrown.js';
import { generatedRecords, handRecord } from './records.js';

const tempDir = useTempDir();

// Written from the ReDial datasheet: integer ids, mentions "@<movie id>" that movieMentions names, and per-film
// answers suggested (0 seeker, 1 recommender), seen and liked (0 no, 1 yes, 2 did not say).
const Labels = z.strictObject({
  suggested: z.union([z.literal(0), z.literal(1)]),
  seen: z.union([z.literal(0), z.literal(1), z.literal(2)]),
  liked: z.union([z.literal(0), z.literal(1), z.literal(2)]),
});
const MovieId = z.string().regex(/^\d+$/);
const DialogueSchema = z.looseObject({
  movieMentions: z.record(MovieId, z.string().min(1)),
  respondentQuestions: z.record(MovieId, Labels),
  initiatorQuestions: z.record(MovieId, Labels),
  messages: z.array(
    z.strictObject({
      timeOffset: z.number().int().min(0),
      text: z.string(),
      senderWorkerId: z.number().int(),
      messageId: z.number().int(),
    }),
  ),
  conversationId: z.number().int(),
  initiatorWorkerId: z.number().int(),
  respondentWorkerId: z.number().int(),
});

async function exported(records: Parameters<typeof exportDialogues>[0], catalog?: ItemCatalog) {
  const out = join(tempDir().dir, 'redial.jsonl');
  await exportDialogues(records, { format: 'redial', out, ...(catalog ? { catalog } : {}) });
  return readFileSync(out, 'utf8')
    .trimEnd()
    .split('\n')
    .map((line) => ({ parsed: DialogueSchema.parse(JSON.parse(line)), raw: JSON.parse(line) }));
}

describe('redial export', () => {
  it('writes ReDial lines whose @mentions all resolve, one film one number across dialogues', async () => {
    const records = await generatedRecords(20);
    const dialogues = await exported(records);
    expect(dialogues).toHaveLength(20);
    const titles = new Map<string, string>();
    const catalog = builtinCatalog();
    let mentions = 0;
    for (const [index, { parsed, raw }] of dialogues.entries()) {
      const record = records[index];
      expect(raw.icer).toMatchObject({ dialogue: record?.id, seed: record?.seed, user: record?.user.id });
      expect(parsed.initiatorQuestions).toEqual(parsed.respondentQuestions);
      for (const [at, message] of parsed.messages.entries()) {
        const turn = record?.turns[at];
        expect(message.senderWorkerId).toBe(
          turn?.speaker === 'user' ? parsed.initiatorWorkerId : parsed.respondentWorkerId,
        );
        for (const [, id] of message.text.matchAll(/@(\d+)/g)) {
          mentions++;
          expect(parsed.movieMentions[id as string], message.text).toBeDefined();
        }
        // Put the titles back and the words are the record's again.
        const restored = message.text.replace(/@(\d+)/g, (_, id: string) => parsed.movieMentions[id] as string);
        // A quoted title ("Up") loses its quotes to its @mention.
        expect(message.text).not.toMatch(/"@|@\d+"/);
        const plain = (text: string) => text.replace(/ \(\d{4}\)|"/g, '');
        expect(plain(restored)).toBe(plain(turn?.text ?? ''));
      }
      for (const [id, title] of Object.entries(parsed.movieMentions)) {
        const item = raw.icer.items[id];
        expect(`${catalog.require(item).title} (${catalog.require(item).year})`).toBe(title);
        expect(titles.get(id) ?? title).toBe(title);
        titles.set(id, title);
      }
      // Every item a recommend act names is a film the recommender suggested.
      for (const turn of record?.turns ?? []) {
        for (const act of turn.acts) {
          if (act.type !== 'recommend') continue;
          for (const item of act.items) {
            const id = Object.keys(raw.icer.items).find((key) => raw.icer.items[key] === item) as string;
            expect(parsed.movieMentions[id]).toBeDefined();
          }
        }
      }
    }
    expect(mentions).toBeGreaterThan(40);
  });

  it('reads the answers from the acts: who named a film first, seen and liked', async () => {
    const record = handRecord([
      {
        index: 0,
        speaker: 'user',
        text: 'I want something like Alien (1979).',
        acts: [{ type: 'state-goal', items: ['alien-1979'] }],
      },
      {
        index: 1,
        speaker: 'assistant',
        text: 'Have you seen Heat (1995)?',
        acts: [{ type: 'ask-item', items: ['heat-1995'] }],
      },
      {
        index: 2,
        speaker: 'user',
        text: "No, I haven't seen Heat.",
        acts: [{ type: 'answer-item', items: ['heat-1995'], seen: false }],
      },
      {
        index: 3,
        speaker: 'assistant',
        text: 'Try The Matrix (1999) or The Shining (1980).',
        acts: [{ type: 'recommend', items: ['the-matrix-1999', 'the-shining-1980'], reasons: [] }],
      },
      {
        index: 4,
        speaker: 'user',
        text: 'Seen The Shining, not for me. The Matrix it is!',
        acts: [
          { type: 'reject', items: ['the-shining-1980'], seen: true },
          { type: 'accept', items: ['the-matrix-1999'] },
        ],
      },
    ]);
    const [{ parsed, raw }] = (await exported([record])) as [
      { parsed: z.output<typeof DialogueSchema>; raw: { icer: { items: Record<string, string> } } },
    ];
    const label = (item: string) => {
      const id = Object.keys(raw.icer.items).find((key) => raw.icer.items[key] === item) as string;
      return parsed.initiatorQuestions[id];
    };
    expect(label('alien-1979')).toEqual({ suggested: 0, seen: 1, liked: 1 });
    expect(label('heat-1995')).toEqual({ suggested: 1, seen: 0, liked: 2 });
    expect(label('the-shining-1980')).toEqual({ suggested: 1, seen: 1, liked: 0 });
    expect(label('the-matrix-1999')).toEqual({ suggested: 1, seen: 2, liked: 1 });
    expect(parsed.messages[3]?.text).toMatch(/^Try @\d+ or @\d+\.$/);
    expect(parsed.messages[2]?.text).toMatch(/^No, I haven't seen @\d+\.$/);
  });

  it('keeps whole-number ids (MovieLens movieIds) and numbers other ids by their place in the catalog', async () => {
    const catalog = new ItemCatalog(
      [
        { id: '2571', title: 'The Matrix', year: 1999, attributes: { genre: ['Sci-Fi'] } },
        { id: 'zz-heat', title: 'Heat', year: 1995, attributes: { genre: ['Crime'] } },
        { id: 'aa-alien', title: 'Alien', year: 1979, attributes: { genre: ['Horror'] } },
      ],
      { domain: 'movies' },
    );
    const record = handRecord([
      {
        index: 0,
        speaker: 'assistant',
        text: 'The Matrix (1999), Heat (1995) or Alien (1979)?',
        acts: [{ type: 'recommend', items: ['2571', 'zz-heat', 'aa-alien'], reasons: [] }],
      },
    ]);
    const [only] = await exported([record], catalog);
    expect(only?.parsed.messages[0]?.text).toBe('@2571, @3 or @2?');
    expect(only?.raw.icer.items).toEqual({ '2': 'aa-alien', '3': 'zz-heat', '2571': '2571' });
  });

  it('leaves everyday words that spell a suggested title as words: "right up your street" is not Up (2009)', async () => {
    const record = handRecord([
      {
        index: 0,
        speaker: 'assistant',
        text: 'Ratatouille (2007) should be right up your street. Since Inside Out worked for you, Up (2009) is a good bet.',
        acts: [
          { type: 'recommend', items: ['ratatouille-2007'], reasons: [] },
          { type: 'recommend', items: ['up-2009'], reasons: [], like: 'inside-out-2015' },
        ],
      },
      {
        index: 1,
        speaker: 'user',
        text: 'Up it is. Queueing it up now.',
        acts: [{ type: 'accept', items: ['up-2009'] }],
      },
      {
        index: 2,
        speaker: 'assistant',
        text: 'Enjoy "Up"!',
        acts: [{ type: 'close', items: ['up-2009'] }],
      },
    ]);
    const [only] = await exported([record]);
    expect(only?.parsed.messages[0]?.text).toMatch(
      /^@\d+ should be right up your street\. Since @\d+ worked for you, @\d+ is a good bet\.$/,
    );
    expect(only?.parsed.messages[1]?.text).toMatch(/^@\d+ it is\. Queueing it up now\.$/);
    // Quoted, as the templates write a title of one everyday word, it is marked as ReDial marks any: @123.
    expect(only?.parsed.messages[2]?.text).toMatch(/^Enjoy @\d+!$/);
  });

  it('refuses a film no catalog has, naming the dialogue', async () => {
    const record = handRecord([
      {
        index: 0,
        speaker: 'assistant',
        text: 'Try Nothing (2099).',
        acts: [{ type: 'recommend', items: ['nothing-2099'], reasons: [] }],
      },
    ]);
    const error = await rejected(() => exported([record]));
    expect(error.code).toBe('UNKNOWN_ITEM');
    expect(error.message).toMatch(/Dialogue "hand-0": The item "nothing-2099" is in no catalog given/);
  });
});
