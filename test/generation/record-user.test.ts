import { describe, expect, it } from 'vitest';
import { builtinCatalog } from '../../src/data/builtin/builtin-catalog.js';
import { DialogueGenerator } from '../../src/generation/dialogue-generator.js';
import { DialogueRecordSchema } from '../../src/generation/dialogue-record.js';
import { syntheticProfiles } from '../../src/profile/synthetic.js';
import { BUILTIN_CATALOGS } from '../helpers/builtin-catalogs.js';
import { templateDialogues } from '../helpers/template-dialogues.js';

// "Seen it, it was okay." must be checkable from the record alone: the items the dialogue names that the user saw
// without a strong view are in `user.neutral`, and nothing else is.

describe.each(BUILTIN_CATALOGS)("the record's user (%s)", (_, load) => {
  it('lists the seen items without a strong view that the dialogue names, and only those', async () => {
    const catalog = load();
    const profiles = [...syntheticProfiles(catalog, { count: 300, seed: 12 })];
    const records = await templateDialogues(catalog, 300, { userSeed: 12, seed: 12 });
    let saidOkay = 0;
    for (const [index, record] of records.entries()) {
      expect(DialogueRecordSchema.safeParse(record).success).toBe(true);
      const profile = profiles[index];
      const named = new Set(record.turns.flatMap((turn) => turn.acts.flatMap((act) => act.items)));
      expect(record.user.neutral).toEqual(profile?.neutral.filter((item) => named.has(item)));
      for (const turn of record.turns) {
        if (turn.speaker !== 'user') continue;
        for (const act of turn.acts) {
          const okay =
            (act.type === 'disclose' || (act.type === 'answer-item' && act.seen)) && act.polarity === 'neutral';
          if (!okay || act.items.length === 0) continue;
          saidOkay++;
          for (const item of act.items) expect(record.user.neutral, `${record.id}: ${turn.text}`).toContain(item);
        }
      }
    }
    expect(saidOkay).toBeGreaterThan(30);
  });
});

describe("the record's user with unseenItems: 'neutral'", () => {
  it('lists the unseen items the user called okay, as it speaks of them as seen', async () => {
    const catalog = builtinCatalog();
    const profiles = [...syntheticProfiles(catalog, { count: 200, seed: 13 })];
    const generator = new DialogueGenerator({ catalog, seed: 13, simulator: { unseenItems: 'neutral' } });
    let unseenOkay = 0;
    for await (const record of generator.generateMany(profiles)) {
      const profile = profiles.find((p) => p.id === record.user.id);
      for (const turn of record.turns) {
        for (const act of turn.acts) {
          if (turn.speaker !== 'user' || act.type !== 'answer-item' || !act.seen || act.polarity !== 'neutral')
            continue;
          for (const item of act.items) {
            if (profile?.opinionOf(item) === 'unseen') unseenOkay++;
            expect(record.user.neutral, `${record.id}: ${turn.text}`).toContain(item);
          }
        }
      }
    }
    expect(unseenOkay).toBeGreaterThan(10);
  });
});
