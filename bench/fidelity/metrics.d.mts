// Types of the fidelity measures that tests use to cross-check src/evaluation's figures.
export function tokenize(text: string): string[];
export function distinctN(
  utterances: Iterable<string>,
  options?: { limit?: number; orders?: number[] },
): { tokens: number; within: Record<string, number>; acrossUtterances: Record<string, number> };
export function repeatedShare(turns: ReadonlyArray<{ text: string; speaker: string }>): {
  utterances: number;
  share: number;
  assistant: number;
  user: number;
};
