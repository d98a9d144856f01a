import { z } from 'zod';

/** The structured output of dialogue mode: one utterance per turn, in order. */
export const UtterancesSchema = z.object({
  /** One utterance per turn, in turn order. */
  utterances: z.array(z.string()).describe('One utterance per turn, in turn order.'),
});

/** Names the schema in cache keys; bump when {@link UtterancesSchema} changes. */
export const UTTERANCES_SCHEMA_ID = 'icer-utterances/1';

/** What was wrong with a reply, as the end of a sentence: "was not valid JSON", "had 5 utterances for 6 turns". */
export type ReplyProblem = string;

/** A usable reply, or what was wrong with it. */
export type ParsedReply<T> =
  | {
      /** The reply was usable. */
      ok: true;
      /** What it said. */
      value: T;
    }
  | {
      /** The reply could not be used. */
      ok: false;
      /** Why, as the end of a sentence (it goes into the re-ask). */
      problem: ReplyProblem;
    };

const LABEL = /^(?:assistant|user|recommender)\s*:\s*/i;
const QUOTES: ReadonlyArray<readonly [string, string]> = [
  ['"', '"'],
  ['\u201c', '\u201d'],
];

/**
 * The spoken words of a reply: models often wrap an utterance in quotes or prefix a speaker label despite being
 * told not to. Only a label at the very start and quotes around the whole text go, so titles keep their spelling.
 */
export function cleanUtterance(text: string): string {
  let out = text.trim().replace(LABEL, '').trim();
  for (const [open, close] of QUOTES) {
    const inner = out.slice(open.length, -close.length);
    if (
      out.length >= 2 &&
      out.startsWith(open) &&
      out.endsWith(close) &&
      !inner.includes(open) &&
      !inner.includes(close)
    ) {
      out = inner.trim();
    }
  }
  return out;
}

/** A turn-mode reply: the utterance, or the problem when nothing usable is left. */
export function parseTurnReply(text: string): ParsedReply<string> {
  const utterance = cleanUtterance(text);
  return utterance === '' ? { ok: false, problem: 'was empty' } : { ok: true, value: utterance };
}

// Models asked for JSON sometimes fence it anyway; the fence is not part of the answer.
const FENCE = /^```[a-z]*\s*\n?([\s\S]*?)\n?\s*```$/i;

/** The JSON of a reply asked for JSON: a code fence around it is dropped; anything else that is not JSON is a problem. */
export function parseJsonReply(text: string): ParsedReply<unknown> {
  const trimmed = text.trim();
  try {
    return { ok: true, value: JSON.parse(FENCE.exec(trimmed)?.[1] ?? trimmed) };
  } catch {
    return { ok: false, problem: 'was not valid JSON' };
  }
}

/** A dialogue-mode reply: exactly `expected` non-empty utterances, or the first problem found. */
export function parseDialogueReply(text: string, expected: number): ParsedReply<string[]> {
  const json = parseJsonReply(text);
  if (!json.ok) return json;
  const parsed = UtterancesSchema.safeParse(json.value);
  if (!parsed.success) return { ok: false, problem: 'was not a JSON object of the form {"utterances": ["…", …]}' };
  const { utterances } = parsed.data;
  if (utterances.length !== expected) {
    return {
      ok: false,
      problem: `had ${utterances.length} utterance${utterances.length === 1 ? '' : 's'} for ${expected} turn${expected === 1 ? '' : 's'}`,
    };
  }
  const texts = utterances.map(cleanUtterance);
  const empty = texts.indexOf('');
  if (empty >= 0) return { ok: false, problem: `had an empty utterance at position ${empty}` };
  return { ok: true, value: texts };
}
