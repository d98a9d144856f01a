import { foldedWords } from '../lexicon/english.js';

/**
 * How diversity is measured, the same way for every corpus (codebases disagree on distinct-n, so it is spelled out):
 * text is lowercased, accents are stripped (NFD, combining marks removed), and tokens are the maximal runs of a–z and
 * 0–9. distinct-n is the number of distinct n-grams over all n-grams among the first {@link DISTINCT_TOKEN_LIMIT}
 * tokens of the corpus, in dialogue and utterance order; n-grams are formed within an utterance, never across two.
 */
export const DISTINCT_TOKEN_LIMIT = 50_000;

/**
 * The repeated-utterance share is measured over a corpus's first this-many dialogues: ReDial's test set has 1,342, so
 * corpora of any size are compared on a common footing (a larger sample repeats more).
 */
export const REPEAT_SAMPLE_DIALOGUES = 1_342;

/** The tokens of a text: see {@link DISTINCT_TOKEN_LIMIT}. */
export const diversityTokens: (text: string) => string[] = foldedWords;

/** distinct-1/2/3 of a corpus's first tokens, fed one utterance at a time. */
export class DistinctCounter {
  readonly #seen = [new Set<string>(), new Set<string>(), new Set<string>()];
  readonly #totals = [0, 0, 0];
  #tokens = 0;

  /** Whether the token budget is spent: later utterances change nothing. */
  get full(): boolean {
    return this.#tokens >= DISTINCT_TOKEN_LIMIT;
  }

  /** Counts the n-grams of an utterance (cut where the token budget ends). */
  add(tokens: readonly string[]): void {
    if (this.full) return;
    const taken = tokens.slice(0, DISTINCT_TOKEN_LIMIT - this.#tokens);
    this.#tokens += taken.length;
    for (let n = 1; n <= 3; n++) {
      const seen = this.#seen[n - 1] as Set<string>;
      for (let i = 0; i + n <= taken.length; i++) seen.add(taken.slice(i, i + n).join(' '));
      this.#totals[n - 1] = (this.#totals[n - 1] as number) + Math.max(0, taken.length - n + 1);
    }
  }

  /** distinct-n for n = 1, 2, 3 (0 where there are no n-grams), and how many tokens were read. */
  result(): { '1': number; '2': number; '3': number; tokens: number } {
    const ratio = (n: number) => {
      const total = this.#totals[n - 1] as number;
      return total === 0 ? 0 : (this.#seen[n - 1] as Set<string>).size / total;
    };
    return { '1': ratio(1), '2': ratio(2), '3': ratio(3), tokens: this.#tokens };
  }
}

/** The share of utterances whose exact text occurs more than once, over a corpus's first dialogues. */
export class RepeatCounter {
  readonly #counts = new Map<string, number>();
  #utterances = 0;

  add(text: string): void {
    this.#utterances++;
    this.#counts.set(text, (this.#counts.get(text) ?? 0) + 1);
  }

  share(): number {
    let repeated = 0;
    for (const count of this.#counts.values()) if (count > 1) repeated += count;
    return this.#utterances === 0 ? 0 : repeated / this.#utterances;
  }
}
