import { abortedError, raceAbort } from '../abort.js';
import { IcerError } from '../errors.js';
import { type InvalidReplySpending, invalidReplySpending } from '../language/invalid-reply-error.js';
import type { DialogueSetup } from './dialogue-setup.js';
import { callsModel } from './template-fallback.js';

/**
 * An adapter's reply, or why the reply could not be used and, when the adapter said (an `InvalidReplyError`), what
 * the unusable replies cost.
 */
export type AdapterAnswer<T> = { reply: T } | ({ unusable: string } & Partial<InvalidReplySpending>);

function wordingOf({ first, last }: { first: number; last: number }): string {
  if (last < first) return 'no turns';
  return first === last ? `turn ${first}` : `turns ${first}–${last}`;
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}

/**
 * Calls the adapter for one dialogue. A reply the model gave but that is unusable (`LM_INVALID_REPLY`) is a failed
 * attempt like a contradiction: the caller re-asks, then falls back to templates. Cancellation ends the call at once
 * with `ABORTED`, even when the adapter ignores its signal. Anything else the adapter throws ends the dialogue,
 * named with the dialogue and the turns being worded, the adapter's own error kept as the cause.
 */
export async function callAdapter<T>(
  setup: DialogueSetup,
  turns: { first: number; last: number },
  call: () => Promise<T>,
): Promise<AdapterAnswer<T>> {
  try {
    // Templates answer at once and honour the signal themselves; only other adapters can hang.
    return { reply: await (callsModel(setup.adapter) ? raceAbort(Promise.resolve(call()), setup.signal) : call()) };
  } catch (error) {
    return adapterFailure(setup, turns, error);
  }
}

/**
 * What an adapter's throw means for the dialogue (see {@link callAdapter}): an unusable reply, or the error that ends
 * the dialogue.
 */
export function adapterFailure(
  setup: DialogueSetup,
  turns: { first: number; last: number },
  error: unknown,
): { unusable: string } & Partial<InvalidReplySpending> {
  if (setup.signal?.aborted) throw abortedError(setup.signal.reason);
  const where = `wording ${wordingOf(turns)} of dialogue "${setup.id}"`;
  if (IcerError.isInstance(error)) {
    if (error.code === 'LM_INVALID_REPLY') return { unusable: error.problem, ...invalidReplySpending(error) };
    if (error.code === 'ABORTED') throw error;
    throw new IcerError(error.code, `While ${where}: ${error.problem}`, {
      ...(error.location ? { location: error.location } : {}),
      ...(error.hint !== undefined ? { hint: error.hint } : {}),
      cause: error,
    });
  }
  throw new IcerError(
    'LM_CALL_FAILED',
    `The adapter "${setup.adapter.name}" failed while ${where}: ${describe(error)}`,
    {
      hint: 'The adapter itself threw (see `cause`). To have a bad reply re-asked instead, throw an IcerError with code LM_INVALID_REPLY.',
      cause: error,
    },
  );
}
