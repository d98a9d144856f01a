import { DialogueGenerator, type DialogueRecord, type ItemCatalog, syntheticProfiles } from '../../src/index.js';

/** `count` template dialogues of synthetic users of a catalog, in order: users drawn with `userSeed`, dialogues with `seed`. */
export async function templateDialogues(
  catalog: ItemCatalog,
  count: number,
  seeds: { userSeed: number; seed: number },
): Promise<DialogueRecord[]> {
  const profiles = [...syntheticProfiles(catalog, { count, seed: seeds.userSeed })];
  const out: DialogueRecord[] = [];
  for await (const dialogue of new DialogueGenerator({ catalog, seed: seeds.seed }).generateMany(profiles)) {
    out.push(dialogue);
  }
  return out;
}
