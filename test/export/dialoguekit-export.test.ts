import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { namedItems } from '../../src/dialogue/dialogue-acts.js';
import { DIALOGUEKIT_INTENTS } from '../../src/export/dialoguekit-intents.js';
import { exportDialogues } from '../../src/export/export-dialogues.js';
import { useTempDir } from '../helpers/temp-dir.js';
import { generatedRecords } from './records.js';

const tempDir = useTempDir();

// Written from DialogueKit's reader (dialoguekit/utils/dialogue_reader.py): a JSON list of dialogues; each utterance
// a participant (a DialogueParticipant name), its text, and dialogue acts of an intent and [slot, value, start, end].
const SlotValue = z.tuple([z.string().min(1), z.string(), z.number().int().nullable(), z.number().int().nullable()]);
const FileSchema = z.array(
  z.looseObject({
    conversation_id: z.string().min(1),
    conversation: z.array(
      z.looseObject({
        participant: z.enum(['USER', 'AGENT']),
        utterance: z.string().min(1),
        dialogue_acts: z.array(z.strictObject({ intent: z.string().min(1), slot_values: z.array(SlotValue) })),
      }),
    ),
    agent: z.looseObject({ id: z.string() }),
    user: z.looseObject({ id: z.string() }),
    metadata: z.looseObject({ seed: z.union([z.string(), z.number()]) }),
  }),
);

describe('dialoguekit export', () => {
  it('writes one JSON list DialogueKit reads: participants, intents, slot values at their offsets', async () => {
    const records = await generatedRecords(15);
    const out = join(tempDir().dir, 'dialogues.json');
    await exportDialogues(records, { format: 'dialoguekit', out });
    const dialogues = FileSchema.parse(JSON.parse(readFileSync(out, 'utf8')));
    expect(dialogues).toHaveLength(15);
    const intents = new Set(
      Object.values(DIALOGUEKIT_INTENTS).concat(['INQUIRE.SIMILAR', 'NOTE.LIKE', 'NOTE.NO', 'REVEAL.REVISE']),
    );
    let titles = 0;
    for (const [index, dialogue] of dialogues.entries()) {
      const record = records[index];
      expect(dialogue.conversation_id).toBe(record?.id);
      expect(dialogue.metadata.seed).toBe(record?.seed);
      expect(dialogue.user.id).toBe(record?.user.id);
      for (const [at, utterance] of dialogue.conversation.entries()) {
        const turn = record?.turns[at];
        expect(utterance.participant).toBe(turn?.speaker === 'user' ? 'USER' : 'AGENT');
        expect(utterance.utterance).toBe(turn?.text);
        expect(utterance.acts).toEqual(turn?.acts);
        expect(utterance.dialogue_acts).toHaveLength(turn?.acts.length ?? -1);
        for (const act of utterance.dialogue_acts) {
          expect(intents.has(act.intent), act.intent).toBe(true);
          for (const [slot, value, start, end] of act.slot_values) {
            if (slot !== 'TITLE' || start === null || end === null) continue;
            titles++;
            expect(utterance.utterance.slice(start, end).toLowerCase()).toContain(value.toLowerCase());
          }
        }
      }
      const recommend = record?.turns.flatMap((turn) => turn.acts).find((act) => act.type === 'recommend');
      if (recommend) {
        const reveal = dialogue.conversation.flatMap((u) => u.dialogue_acts).find((a) => a.intent === 'REVEAL');
        // Its items, and the title the user liked that they are like, when the slate is drawn from one.
        expect(reveal?.slot_values.filter(([slot]) => slot === 'TITLE')).toHaveLength(namedItems(recommend).length);
      }
    }
    expect(titles).toBeGreaterThan(20);
  });

  it("marks the user's goodbye COMPLETE and the agent's END", async () => {
    const records = (await generatedRecords(60)).filter((record) =>
      record.turns.some((turn) => turn.speaker === 'user' && turn.acts.some((act) => act.type === 'close')),
    );
    expect(records.length).toBeGreaterThan(0);
    const out = join(tempDir().dir, 'dialogues.json');
    await exportDialogues(records, { format: 'dialoguekit', out });
    for (const [index, dialogue] of FileSchema.parse(JSON.parse(readFileSync(out, 'utf8'))).entries()) {
      for (const [at, utterance] of dialogue.conversation.entries()) {
        const turn = records[index]?.turns[at];
        turn?.acts.forEach((act, i) => {
          if (act.type === 'close')
            expect(utterance.dialogue_acts[i]?.intent).toBe(turn.speaker === 'user' ? 'COMPLETE' : 'END');
        });
      }
    }
  });

  it('writes an empty list for no dialogues', async () => {
    const out = join(tempDir().dir, 'none.json');
    await exportDialogues([], { format: 'dialoguekit', out });
    expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual([]);
  });
});
