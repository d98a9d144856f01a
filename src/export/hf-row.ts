import type { DialogueRecord } from '../generation/dialogue-record.js';
import { HF_ACT_FIELDS, HF_PERSONA_FIELDS } from './hf-features.js';

/** Every field of the struct, from the value or null: Arrow infers one type for all rows only when all have them. */
function filled(fields: readonly string[], value: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return Object.fromEntries(fields.map((field) => [field, value[field] ?? null]));
}

/** One row of a Hugging Face export: the record at the fixed types of `HF_FEATURES`. */
export function hfRow(record: DialogueRecord): Record<string, unknown> {
  const { user, outcome, consistency, generator } = record;
  return {
    id: record.id,
    seed: String(record.seed),
    domain: record.domain,
    user: {
      id: user.id,
      liked: user.liked,
      disliked: user.disliked,
      neutral: user.neutral ?? [],
      heldOut: user.heldOut,
      preferences: Object.entries(user.preferences)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([attribute, value]) => ({ attribute, value })),
      persona: filled(HF_PERSONA_FIELDS, user.persona ?? {}),
    },
    turns: record.turns.map((turn) => ({
      index: turn.index,
      speaker: turn.speaker,
      text: turn.text,
      acts: turn.acts.map((act) => filled(HF_ACT_FIELDS, act)),
    })),
    outcome: {
      accepted: outcome.accepted,
      reason: outcome.reason,
      recommended: outcome.recommended,
      heldOutRecommended: outcome.heldOutRecommended,
    },
    consistency: {
      checkedTurns: consistency.checkedTurns,
      violations: consistency.violations.map(({ turn, rule, message }) => ({ turn, rule, message })),
      repairs: consistency.repairs,
    },
    generator: {
      version: generator.version,
      lm: generator.lm,
      mode: generator.mode,
      policy: generator.policy,
      maxTurns: generator.maxTurns,
      calls: generator.calls,
      inputTokens: generator.usage.inputTokens,
      outputTokens: generator.usage.outputTokens,
    },
  };
}
