import type { Repair } from '../dialogue/repair.js';
import { noUsage, type TokenUsage } from '../dialogue/token-usage.js';
import type { Violation } from '../dialogue/violation.js';

/** What putting a dialogue into words cost and fixed, accumulated across its turns. */
export interface VerbalizationLedger {
  usage: TokenUsage;
  calls: number;
  repairLog: Repair[];
  /** Text violations no repair could remove (only possible if the template fallback itself were wrong). */
  unrepaired: Violation[];
}

/** An empty ledger, for a dialogue about to be worded. */
export function newLedger(): VerbalizationLedger {
  return { usage: noUsage(), calls: 0, repairLog: [], unrepaired: [] };
}
