import { IcerError } from '../errors.js';

/**
 * The AI SDK refuses a model built for a newer major (a provider for `ai` 7, model interface v4, under `ai` 6) with
 * an error that names neither package; this turns it into one that says what to install. Any other error is
 * returned as it is.
 */
export function explainModelVersion(error: unknown): unknown {
  if (!(error instanceof Error) || error.name !== 'AI_UnsupportedModelVersionError') return error;
  const { version, provider, modelId } = error as Error & { version?: unknown; provider?: unknown; modelId?: unknown };
  return new IcerError(
    'INVALID_ARGUMENT',
    `The model ${String(provider)}:${String(modelId)} implements version ${String(version)} of the AI SDK's model interface, which the installed \`ai\` package cannot call.`,
    {
      location: { field: 'model' },
      hint:
        'Install the provider package made for your `ai` major (for `ai` 6, e.g. @ai-sdk/openai-compatible 2.x), or upgrade to ' +
        '`ai` 7, which calls v4 models (@ai-sdk/openai-compatible 3.x) as well as older ones.',
      cause: error,
    },
  );
}
