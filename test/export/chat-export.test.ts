import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { builtinCatalog } from '../../src/data/builtin/builtin-catalog.js';
import { exportDialogues } from '../../src/export/export-dialogues.js';
import { useTempDir } from '../helpers/temp-dir.js';
import { generatedRecords, handRecord } from './records.js';

const tempDir = useTempDir();

// Written from OpenAI's chat fine-tuning format: one JSON object a line, `messages` of role and content. Strict, so
// that a stray key on a message (which OpenAI's checks flag) fails here.
const MessageSchema = z.strictObject({
  role: z.enum(['system', 'user', 'assistant']),
  content: z.string().min(1),
});
const LineSchema = z.strictObject({
  messages: z.array(MessageSchema).min(1),
  metadata: z
    .strictObject({
      dialogue: z.string(),
      seed: z.union([z.string(), z.number()]),
      user: z.string(),
      as: z.enum(['recommender', 'user']),
      turns: z.array(z.number().int()),
      acts: z.array(z.array(z.looseObject({ type: z.string(), items: z.array(z.string()) }))),
    })
    .optional(),
});

function lines(file: string) {
  return readFileSync(file, 'utf8')
    .trimEnd()
    .split('\n')
    .map((line) => LineSchema.parse(JSON.parse(line)));
}

describe('chat export', () => {
  it('trains a recommender: the recommender speaks as assistant, every conversation ends on it', async () => {
    const records = await generatedRecords(20);
    const out = join(tempDir().dir, 'chat.jsonl');
    const summary = await exportDialogues(records, { format: 'chat', out });
    expect(summary).toMatchObject({ dialogues: 20, written: 20, skipped: 0 });
    const conversations = lines(out);
    expect(conversations).toHaveLength(20);
    for (const [index, conversation] of conversations.entries()) {
      const record = records[index];
      const [system, ...rest] = conversation.messages;
      expect(system?.role).toBe('system');
      expect(system?.content).toContain('recommender');
      expect(rest.at(-1)?.role).toBe('assistant');
      const last = record?.turns.findLastIndex((turn) => turn.speaker === 'assistant') as number;
      expect(rest.map((m) => m.content)).toEqual(record?.turns.slice(0, last + 1).map((turn) => turn.text));
      expect(rest.map((m) => m.role)).toEqual(
        record?.turns.slice(0, last + 1).map((turn) => (turn.speaker === 'assistant' ? 'assistant' : 'user')),
      );
      expect(conversation.metadata).toMatchObject({ dialogue: record?.id, seed: record?.seed, as: 'recommender' });
      expect(conversation.metadata?.acts).toEqual(record?.turns.slice(0, last + 1).map((turn) => turn.acts));
    }
  });

  it('trains a user simulator: the user speaks as assistant, told its tastes but not its held-out targets', async () => {
    const records = await generatedRecords(20);
    const out = join(tempDir().dir, 'user.jsonl');
    await exportDialogues(records, { format: 'chat', out, chat: { as: 'user' } });
    const catalog = builtinCatalog();
    for (const [index, conversation] of lines(out).entries()) {
      const record = records[index];
      const system = conversation.messages[0]?.content ?? '';
      const title = (id: string) => {
        const item = catalog.require(id);
        return `${item.title} (${item.year})`;
      };
      if (record?.user.liked[0]) expect(system).toContain(title(record.user.liked[0]));
      for (const target of record?.user.heldOut ?? []) expect(system).not.toContain(title(target));
      const assistant = conversation.messages.filter((m) => m.role === 'assistant').map((m) => m.content);
      const userTurns = record?.turns.filter((turn) => turn.speaker === 'user').map((turn) => turn.text);
      expect(assistant).toEqual(userTurns);
      expect(conversation.messages.at(-1)?.role).toBe('assistant');
    }
  });

  it('drops trailing turns of the other side and skips, counting, a dialogue with no turn of the side trained', async () => {
    const greet = { index: 0, speaker: 'assistant' as const, text: 'Hello! What are you after?', acts: [] };
    const answer = { index: 1, speaker: 'user' as const, text: 'Something scary.', acts: [] };
    const close = { index: 2, speaker: 'assistant' as const, text: 'Bye then.', acts: [] };
    const onlyGreeting = {
      ...handRecord([greet], 'hand-1'),
      generator: { ...handRecord([]).generator, policy: 'unconstrained' },
    };
    const full = { ...handRecord([greet, answer, close], 'hand-2'), generator: onlyGreeting.generator };
    const out = join(tempDir().dir, 'user.jsonl');
    const summary = await exportDialogues([onlyGreeting, full], {
      format: 'chat',
      out,
      chat: { as: 'user', system: null, metadata: false },
    });
    expect(summary).toMatchObject({ dialogues: 2, written: 1, skipped: 1 });
    const [only] = lines(out);
    expect(only).toEqual({
      messages: [
        { role: 'user', content: 'Hello! What are you after?' },
        { role: 'assistant', content: 'Something scary.' },
      ],
    });
  });

  it('writes the system message given to every conversation', async () => {
    const records = await generatedRecords(5);
    const out = join(tempDir().dir, 'chat.jsonl');
    await exportDialogues(records, { format: 'chat', out, chat: { system: 'You recommend films.' } });
    for (const conversation of lines(out)) {
      expect(conversation.messages[0]).toEqual({ role: 'system', content: 'You recommend films.' });
    }
  });
});
