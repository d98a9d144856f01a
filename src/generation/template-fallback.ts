import type { LMAdapter } from '../language/lm-adapter.js';
import { TemplateAdapter } from '../language/template-adapter.js';

/**
 * The adapter of last resort: templates never contradict their acts, so a turn a model cannot get right still gets
 * said.
 */
export const templateFallback = new TemplateAdapter();

/** True when the adapter calls a model, so that its calls are worth counting. */
export function callsModel(adapter: LMAdapter): boolean {
  return !(adapter instanceof TemplateAdapter);
}
