/** "1 reply without token usage", "3 replies without token usage". */
export function unmeasuredText(replies: number): string {
  return `${replies} repl${replies === 1 ? 'y' : 'ies'} without token usage`;
}

/**
 * What follows a summary's token counts when some replies carried no usage (many OpenAI-compatible servers leave it
 * out): the counts are short by those replies, which is said rather than printed as if whole. Empty otherwise.
 */
export function unmeasuredNote(replies: number): string {
  return replies > 0 ? ` (${unmeasuredText(replies)}: counted as 0)` : '';
}
