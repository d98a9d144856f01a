import { describe, expect, it } from 'vitest';
import { builtinBooksCatalog, builtinCatalog, type DialogueRecord, type ItemCatalog } from '../../src/index.js';
import { templateDialogues } from '../helpers/template-dialogues.js';

// A turn that names several titles speaks of them in the plural, and one that names a single title in the singular:
// "Would you watch that?" after three suggestions, "Anything there catch your eye?" after one, or "Right, not that
// one." after two titles were turned down, read as seams. The patterns are written here, apart from the templates.

/** Words that point back at a single title: "that one", "if it doesn't", "Would you read it?". */
const SINGULAR =
  /\b(that one|this one|that's not it)\b|\bif it (doesn't|does not|isn't|won't)\b|\b(watch|read|try|see|play) (it|that)\?|\bcross it off\b/i;
/** Words that point back at several titles. */
const PLURAL = /\b(any of (them|these|those)|one of (them|these|those)|anything there|either (of|could)|they|them)\b/i;

/** The text after the last title a turn recommends: where a follow-up or a goodbye goes. */
function afterTitles(text: string, catalog: ItemCatalog, ids: readonly string[]): string {
  let end = -1;
  for (const id of ids) {
    const title = catalog.require(id).title;
    const at = text.lastIndexOf(title);
    if (at >= 0) end = Math.max(end, at + title.length);
  }
  return end < 0 ? '' : text.slice(end);
}

interface Seam {
  readonly rule: string;
  readonly text: string;
}

function seams(dialogue: DialogueRecord, catalog: ItemCatalog): Seam[] {
  const found: Seam[] = [];
  for (const [index, turn] of dialogue.turns.entries()) {
    if (turn.speaker !== 'assistant') continue;
    const recommended = turn.acts.flatMap((act) => (act.type === 'recommend' ? act.items : []));
    if (recommended.length > 0) {
      const tail = afterTitles(turn.text, catalog, recommended);
      if (recommended.length > 1 && SINGULAR.test(tail))
        found.push({ rule: 'several, then singular', text: turn.text });
      if (recommended.length === 1 && PLURAL.test(tail)) found.push({ rule: 'one, then plural', text: turn.text });
      if (recommended.length > 2 && /\ba couple\b/i.test(turn.text))
        found.push({ rule: 'a couple of 3', text: turn.text });
      // A suggestion that ends by inviting an answer ends there: a fact or a second invitation after it reads as a
      // script ("Here's one: X. If it doesn't click, I have more. It's a comedy.").
      if (/\b(I have more|catch your eye\?|any of them\?|(watch|read|try|play) it\?)\s+\S/.test(tail))
        found.push({ rule: 'words after the invitation', text: turn.text });
    }
    const before = dialogue.turns[index - 1];
    const rejected = (before?.acts ?? []).flatMap((act) => (act.type === 'reject' ? act.items : []));
    // A goodbye to a user who gave up speaks of the evening ("Sorry this one didn't come together"), not the titles.
    if (rejected.length > 1 && turn.acts[0]?.type !== 'close') {
      const first = turn.text.split(/(?<=[.!?])\s/)[0] ?? '';
      if (SINGULAR.test(first)) found.push({ rule: 'rejected several, acknowledged one', text: turn.text });
    }
  }
  return found;
}

describe('one title or several', () => {
  it.each([
    ['movies', builtinCatalog],
    ['books', builtinBooksCatalog],
  ])(
    '%s: follow-ups, goodbyes and acknowledgements agree with the number of titles',
    async (_, load) => {
      const catalog = load();
      const all = await templateDialogues(catalog, 300, { userSeed: 5, seed: 17 });
      expect(all.length).toBe(300);
      const found = all.flatMap((dialogue) => seams(dialogue, catalog));
      expect(found).toEqual([]);
      // The checks had something to look at: slates of several titles, and turns after two or more were turned down.
      const turns = all.flatMap((dialogue) => dialogue.turns);
      const slates = turns.filter((turn) => turn.acts.some((act) => act.type === 'recommend' && act.items.length > 1));
      expect(slates.length).toBeGreaterThan(100);
      const manyRejected = turns.filter((turn) =>
        turn.acts.some((act) => act.type === 'reject' && act.items.length > 1),
      );
      expect(manyRejected.length).toBeGreaterThan(10);
      // British spelling throughout, as the recommender writes it.
      for (const turn of turns) expect(turn.text).not.toMatch(/\bfavorites?\b/);
    },
    60_000,
  );
});
