// Words of a genre or tag that make an item grave: no "Have fun!" or popcorn for a war film, a book about slavery or a
// film tagged disturbing.
const GRAVE =
  /\b(war|holocaust|genocide|slavery|tragedy|grief|tearjerker|death|dying|suicide|racism|abuse|illness|cancer|loneliness|lonely|trauma|addiction|poverty|depression|depressing|disturbing|brutal|brutality|rape|torture|bleak|heartbreaking|serial killers?|true crime)\b/i;

/** Whether words name something grave: war, grief, loneliness. No one is glad of it, however much they asked for it. */
export function soundsGrave(text: string): boolean {
  return GRAVE.test(text);
}
