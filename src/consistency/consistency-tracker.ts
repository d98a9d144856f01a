import { z } from 'zod';
import { ItemCatalog } from '../catalog/item-catalog.js';
import type { DialogueAct, Speaker } from '../dialogue/dialogue-acts.js';
import type { Turn } from '../dialogue/turn.js';
import type { Violation } from '../dialogue/violation.js';
import { domainPhrasing } from '../lexicon/domain-phrasing.js';
import { PreferenceProfile } from '../profile/preference-profile.js';
import { parseOptions } from '../validation/parse-options.js';
import { type ActOutcome, type ActRuleContext, evaluateActs } from './act-rules.js';
import { checkTurnAttributes } from './attribute-rule.js';
import { DialogueCommitments } from './dialogue-commitments.js';
import { type MentionFinder, mentionFinderFor } from './mention-finder.js';
import { checkTextPolarity } from './text-polarity.js';
import { checkTurnText } from './text-rules.js';
import { TextTokens } from './text-tokens.js';

/** Options of {@link ConsistencyTracker}. Unknown keys are refused, so that a misspelt option is never ignored. */
export const ConsistencyTrackerOptionsSchema = z.strictObject({
  /** The catalog the dialogue's item ids come from. */
  catalog: z.custom<ItemCatalog>(
    (value) => value instanceof ItemCatalog,
    'the catalog must be an ItemCatalog (build one with new ItemCatalog(items), or load one)',
  ),
  /** The hidden user the dialogue is generated for. */
  profile: z.custom<PreferenceProfile>(
    (value) => value instanceof PreferenceProfile,
    'the profile must be a PreferenceProfile (a profile document becomes one with PreferenceProfile.fromJSON)',
  ),
});
/** Options of {@link ConsistencyTracker}. */
export type ConsistencyTrackerOptions = z.input<typeof ConsistencyTrackerOptionsSchema>;

/**
 * Checks every turn of one dialogue against the user's hidden profile and everything said before, and reports
 * each broken rule as a {@link Violation} (turn, rule, one-sentence message, evidence). Behavioural rules look at
 * the acts (`checkActs`), text rules at the words (`checkText`); `commit` records a spoken turn so later turns are
 * checked against it. One tracker per dialogue.
 *
 * @example
 * ```ts
 * const tracker = new ConsistencyTracker({ catalog, profile });
 * for (const turn of turns) violations.push(...tracker.check(turn));
 * ```
 */
export class ConsistencyTracker {
  readonly #context: ActRuleContext;
  readonly #finder: MentionFinder;
  readonly #committed = new DialogueCommitments();
  // The acts checkActs last evaluated, with the outcome: the generator commits the same acts right after, and nothing
  // committed in between could change it.
  #checked: { speaker: Speaker; acts: readonly DialogueAct[]; index: number; outcome: ActOutcome } | undefined;
  #checkedTurns = 0;
  // The acts of the last turn committed: a user's answer to a question about an attribute may leave it unsaid.
  #previousActs: readonly DialogueAct[] = [];

  /** A tracker for one dialogue; the catalog's title index is built on first use and shared. */
  constructor(options: ConsistencyTrackerOptions) {
    // Plainly valid options skip zod, which is there to word what is wrong: the generator builds a tracker per dialogue.
    const { catalog, profile } = isPlainlyValid(options)
      ? options
      : parseOptions(ConsistencyTrackerOptionsSchema, options, 'ConsistencyTracker');
    this.#context = { catalog, profile, heldOut: new Set(profile.heldOut), committed: this.#committed };
    this.#finder = mentionFinderFor(catalog);
  }

  /**
   * Behavioural rules for acts about to be spoken at turn `index` (does not record them). A `commit` of the same act
   * objects at that turn reuses this evaluation, so the acts must not be changed in between.
   */
  checkActs(speaker: Speaker, acts: readonly DialogueAct[], index: number): Violation[] {
    const outcome = evaluateActs(this.#context, speaker, acts, index);
    this.#checked = { speaker, acts, index, outcome };
    return outcome.violations;
  }

  /**
   * Text rules: the text mentions exactly the items its acts name, says the attributes they state or ask about, and
   * words no opinion as its opposite.
   */
  checkText(turn: Turn): Violation[] {
    const { catalog } = this.#finder;
    const tokens = new TextTokens(turn.text);
    const violations = checkTurnText(this.#finder, turn, tokens);
    // Appended only when there is something to append: nearly every turn passes, and a spread call costs even empty.
    const attributes = checkTurnAttributes(turn, this.#previousActs, domainPhrasing(catalog), tokens);
    if (attributes.length > 0) violations.push(...attributes);
    const polarity = checkTextPolarity(turn, catalog).violations;
    if (polarity.length > 0) violations.push(...polarity);
    return violations;
  }

  /** Records a spoken turn's commitments (what each speaker has now said). */
  commit(turn: Turn): void {
    const checked = this.#checked;
    this.#checked = undefined;
    const outcome =
      checked && checked.index === turn.index && checked.speaker === turn.speaker && sameActs(checked.acts, turn.acts)
        ? checked.outcome
        : evaluateActs(this.#context, turn.speaker, turn.acts, turn.index);
    this.#committed.merge(outcome.commitments);
    this.#previousActs = turn.acts;
    this.#checkedTurns++;
  }

  /** checkActs + checkText + commit, for auditing finished dialogues. */
  check(turn: Turn): Violation[] {
    this.#checked = undefined;
    const outcome = evaluateActs(this.#context, turn.speaker, turn.acts, turn.index);
    const text = this.checkText(turn);
    this.#committed.merge(outcome.commitments);
    this.#previousActs = turn.acts;
    this.#checkedTurns++;
    return text.length === 0 ? outcome.violations : [...outcome.violations, ...text];
  }

  /** Turns committed so far. */
  get checkedTurns(): number {
    return this.#checkedTurns;
  }
}

function isPlainlyValid(options: unknown): options is { catalog: ItemCatalog; profile: PreferenceProfile } {
  if (typeof options !== 'object' || options === null) return false;
  const { catalog, profile } = options as Record<string, unknown>;
  return catalog instanceof ItemCatalog && profile instanceof PreferenceProfile && Object.keys(options).length === 2;
}

function sameActs(a: readonly DialogueAct[], b: readonly DialogueAct[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Audits a whole dialogue: a fresh {@link ConsistencyTracker} checks every turn in order, and the violations of
 * all turns are returned in turn order.
 *
 * @example
 * ```ts
 * const violations = auditDialogue(record.turns, catalog, profile);
 * ```
 */
export function auditDialogue(turns: readonly Turn[], catalog: ItemCatalog, profile: PreferenceProfile): Violation[] {
  const tracker = new ConsistencyTracker({ catalog, profile });
  const violations: Violation[] = [];
  for (const turn of turns) violations.push(...tracker.check(turn));
  return violations;
}
