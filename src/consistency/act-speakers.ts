import { AssistantActSchema, type DialogueActType, type Speaker, UserActSchema } from '../dialogue/dialogue-acts.js';

// Read from the schemas, so a new act type is placed on the right side without touching this file.
const typesOf = (schema: typeof AssistantActSchema | typeof UserActSchema): ReadonlySet<DialogueActType> =>
  new Set(schema.options.map((option) => option.shape.type.value));
const ASSISTANT_ACT_TYPES = typesOf(AssistantActSchema);
const USER_ACT_TYPES = typesOf(UserActSchema);

/** True when `speaker` may perform acts of this type (the assistant the recommender acts, the user the user acts). */
export function canPerform(speaker: Speaker, type: DialogueActType): boolean {
  return (speaker === 'assistant' ? ASSISTANT_ACT_TYPES : USER_ACT_TYPES).has(type);
}
