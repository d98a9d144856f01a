// Words of a genre or tag that make an item grave: no "Have fun!" or popcorn for a war film, a book about slavery or a
// film tagged disturbing.
const GRAVE =
  /\b(war|holocaust|genocide|slavery|tragedy|grief|tearjerker|death|dying|suicide|racism|abuse|illness|cancer|loneliness|lonely|isolation|trauma|addiction|heroin|poverty|terrorism|colonialism|pandemics?|depression|depressing|disturbing|brutal|brutality|rape|torture|bleak|heartbreaking|serial killers?|true crime|totalitarian(?:ism)?|massacres?|atrocit(?:y|ies))\b/i;

/** Whether words name something grave: war, grief, loneliness. No one is glad of it, however much they asked for it. */
export function soundsGrave(text: string): boolean {
  return GRAVE.test(text);
}

// Violence or drugs, said as a fact of an item, are no good news, though a thriller's fans may want them.
const KILLING = /\b(?:murders?|killings?|violen(?:ce|t)|gore|gory|drugs?)\b/i;

/** Whether words name something grave, a killing or drugs: a description welcomes none of what it says then. */
export function soundsSober(text: string): boolean {
  return GRAVE.test(text) || KILLING.test(text);
}

// Words of what is not only grave but harrowing: no one is wished "Enjoy Shoah!", though "Enjoy Up!" is fine for a
// film with a lonely old man in it.
const HARROWING =
  /\b(holocaust|genocide|slavery|rape|torture|serial killers?|true crime|massacres?|atrocit(?:y|ies)|disturbing|brutal|brutality|bleak|harrowing)\b/i;

/** Whether words name something harrowing: the Holocaust, slavery, torture. Nobody enjoys it. */
export function soundsHarrowing(text: string): boolean {
  return HARROWING.test(text);
}

// Genres that keep a grave subject light enough to enjoy: Up's grief, Dr. Strangelove's war.
const LIGHT_GENRE = /\b(?:comed(?:y|ies)|humou?r|children(?:'s)?|family|kids)\b/i;

/** Whether a genre makes what it is about light enough to enjoy, however grave its subject. */
export function lightensGrave(genre: string): boolean {
  return LIGHT_GENRE.test(genre);
}
