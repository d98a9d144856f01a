import { builtinCatalog } from '../../src/data/builtin/builtin-catalog.js';
import { DialogueGenerator } from '../../src/generation/dialogue-generator.js';
import type { DialogueRecord } from '../../src/generation/dialogue-record.js';
import { syntheticProfiles } from '../../src/profile/synthetic.js';

const cache = new Map<string, DialogueRecord[]>();

/** Dialogues of synthetic users of the built-in catalog (template wording), made once per count and seed. */
export async function generatedRecords(count: number, seed = 11): Promise<DialogueRecord[]> {
  const key = `${count}:${seed}`;
  let records = cache.get(key);
  if (!records) {
    const catalog = builtinCatalog();
    records = [];
    const generator = new DialogueGenerator({ catalog, seed });
    for await (const record of generator.generateMany(syntheticProfiles(catalog, { count, seed }))) {
      records.push(record);
    }
    cache.set(key, records);
  }
  return records;
}

/** A record with these turns, everything else plain: for the cases generation rarely makes. */
export function handRecord(turns: DialogueRecord['turns'], id = 'hand-0', user = 'u1'): DialogueRecord {
  return {
    id,
    seed: 'hand:0',
    domain: 'movies',
    user: { id: user, liked: [], disliked: [], preferences: {}, heldOut: [] },
    turns,
    outcome: { accepted: null, reason: 'gave-up', recommended: [], heldOutRecommended: [] },
    consistency: { checkedTurns: turns.length, violations: [], repairs: 0, repairLog: [] },
    generator: {
      version: '0.0.0',
      lm: 'template',
      mode: 'turn',
      usage: { inputTokens: 0, outputTokens: 0 },
      calls: 0,
      maxTurns: 20,
      policy: 'belief:balanced',
    },
  };
}
