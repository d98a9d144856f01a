import { displayTitle, parseAttributeKey } from '../catalog/item.js';
import type { ItemCatalog } from '../catalog/item-catalog.js';
import { perAttribute, perItem } from '../catalog/per-item.js';
import type { DialogueAct } from '../dialogue/dialogue-acts.js';
import { attributePhrase } from '../lexicon/attribute-phrases.js';
import { domainPhrasing } from '../lexicon/domain-phrasing.js';
import { spokenTitle } from '../lexicon/spoken-title.js';

// Lowercased once per catalog, not once per user turn: the same titles and attributes come up in turn after turn.
const itemCues = perItem((item, catalog): readonly string[] => {
  const cues = [displayTitle(item).toLowerCase(), item.title.toLowerCase()];
  // Said again as people say it ("The Empire Strikes Back"), a title still opens a clause of its own.
  const spoken = spokenTitle(item, catalog);
  if (spoken !== undefined) cues.push(spoken.toLowerCase());
  return cues.filter((cue) => cue.length > 0);
});

const attributeCues = perAttribute((key, catalog): readonly string[] => {
  const value = parseAttributeKey(key)?.value;
  // In the catalog's own words: a book catalog's dramas are "plays".
  const noun = attributePhrase(key, domainPhrasing(catalog)).noun;
  return [...(value ? [value.toLowerCase()] : []), noun.toLowerCase()].filter((cue) => cue.length > 0);
});

/** Words naming the subject of act `index` in lowercased text. */
export interface SubjectCue {
  readonly cue: string;
  readonly index: number;
}

/** Adds the words that name an act's subject in text: a title, or an attribute's value and its phrase. */
export function addSubjectCues(act: DialogueAct, index: number, catalog: ItemCatalog, out: SubjectCue[]): void {
  for (const id of act.items) {
    const item = catalog.get(id);
    if (item) for (const cue of itemCues(item, catalog)) out.push({ cue, index });
  }
  if ('attribute' in act && act.attribute !== undefined)
    for (const cue of attributeCues(act.attribute, catalog)) out.push({ cue, index });
}
