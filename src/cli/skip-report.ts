import { IcerError } from '../errors.js';

/** How many skipped users are named one by one; the rest are counted. */
const NAMED_USERS = 5;

/**
 * The profiles a batch skipped, for stderr: the first few users with the reason, then a count. A user met again
 * (MovieLens users are cycled when `--count` exceeds them) is counted again but named once.
 */
export class SkipReport {
  readonly #lines: string[] = [];
  readonly #users = new Set<string>();
  #skipped = 0;
  #first: IcerError | undefined;

  constructor(readonly command: string) {}

  /** How many profiles were skipped. */
  get skipped(): number {
    return this.#skipped;
  }

  add(skip: { dialogueId: string; userId: string; error: IcerError }): void {
    this.#skipped++;
    this.#first ??= skip.error;
    if (this.#users.has(skip.userId)) return;
    this.#users.add(skip.userId);
    if (this.#users.size > NAMED_USERS) return;
    const { problem, code } = skip.error;
    this.#lines.push(
      `${this.command}: skipped user ${skip.userId} (dialogue ${skip.dialogueId}): ${problem} [${code}]`,
    );
  }

  /** The skipped users named one by one, then how many more there were. */
  details(): string[] {
    const more = this.#users.size - NAMED_USERS;
    return [...this.#lines, ...(more > 0 ? [`${this.command}: … and ${more} more user${more === 1 ? '' : 's'}`] : [])];
  }

  /** One line: how many profiles were skipped, of how many, and how many dialogues were written. */
  summary(written: number): string {
    const users = this.#users.size === this.#skipped ? '' : ` (${this.#users.size} users)`;
    const dialogues = `${written} dialogue${written === 1 ? '' : 's'}`;
    return `${this.command}: skipped ${this.#skipped} of ${this.#skipped + written} profiles${users} the generator cannot use; wrote ${dialogues}`;
  }

  /** The error of a run that skipped every profile it was given: nothing was written, so it failed. */
  allSkipped(): IcerError {
    return new IcerError(
      this.#first?.code ?? 'INVALID_PROFILE',
      `The generator skipped all ${this.#skipped} profiles it was given (see above), so no dialogue was written.`,
      {
        hint: 'Each user needs something to talk about: a liked or disliked item (for MovieLens, a rating at or above --like-threshold or at or below --dislike-threshold).',
      },
    );
  }
}
