import type { LMAdapter } from '../language/lm-adapter.js';
import { TemplateAdapter } from '../language/template-adapter.js';
import type { DialogueSetup } from './dialogue-setup.js';

/**
 * The adapter of last resort: templates never contradict their acts, so a turn a model cannot get right still gets
 * said.
 */
export const templateFallback = new TemplateAdapter();

/** True when the adapter calls a model, so that its calls are worth counting. */
export function callsModel(adapter: LMAdapter): boolean {
  return !(adapter instanceof TemplateAdapter);
}

/**
 * The dialogue's adapter when it words a turn at once and nothing else has a say in whether the words pass: the
 * templates (or a subclass that keeps their `verbalize`), without a polarity judge.
 */
export function wordsAtOnce(setup: DialogueSetup): TemplateAdapter | undefined {
  const { adapter } = setup;
  return adapter instanceof TemplateAdapter && adapter.verbalize === TemplateAdapter.prototype.verbalize && !setup.judge
    ? adapter
    : undefined;
}
