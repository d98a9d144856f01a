import { MockLanguageModelV3 } from 'ai/test';

type GenerateOptions = MockLanguageModelV3['doGenerateCalls'][number];
type GenerateResult = Awaited<ReturnType<MockLanguageModelV3['doGenerate']>>;

/** A model response with the given text and token counts. */
export function reply(text: string, inputTokens = 100, outputTokens = 20): GenerateResult {
  return {
    content: [{ type: 'text', text }],
    finishReason: { unified: 'stop', raw: 'stop' },
    usage: {
      inputTokens: { total: inputTokens, noCache: inputTokens, cacheRead: undefined, cacheWrite: undefined },
      outputTokens: { total: outputTokens, text: outputTokens, reasoning: undefined },
    },
    warnings: [],
  };
}

/** A mock model answering each call with the next of `answers` (a text, a function of the call, or an error to throw). */
export function scriptedModel(
  answers: ReadonlyArray<
    string | Error | ((options: GenerateOptions) => string | GenerateResult | Promise<GenerateResult>)
  >,
): MockLanguageModelV3 {
  let next = 0;
  return new MockLanguageModelV3({
    doGenerate: async (options) => {
      const answer = answers[Math.min(next++, answers.length - 1)];
      if (answer === undefined) throw new Error('no scripted answer');
      if (answer instanceof Error) throw answer;
      if (typeof answer === 'string') return reply(answer);
      const result = await answer(options);
      return typeof result === 'string' ? reply(result) : result;
    },
  });
}

function textOf(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) {
    return content
      .map((part: { type?: string; text?: string }) => (part.type === 'text' ? (part.text ?? '') : ''))
      .join('');
  }
  return '';
}

/** The system message the model received. */
export function systemMessage(options: GenerateOptions): string {
  return options.prompt
    .filter((message) => message.role === 'system')
    .map((message) => textOf(message.content))
    .join('\n');
}

/** The user message the model received. */
export function userMessage(options: GenerateOptions): string {
  return options.prompt
    .filter((message) => message.role === 'user')
    .map((message) => textOf(message.content))
    .join('\n');
}

const BLOCK = /<icer-data>\n([\s\S]*?)\n<\/icer-data>/;

/** The data block of a user message, parsed, and the message with the block cut out. */
export function dataBlock(message: string): { data: Record<string, unknown>; outside: string } {
  const match = BLOCK.exec(message);
  if (!match) throw new Error(`no data block in: ${message}`);
  return {
    data: JSON.parse(match[1] as string) as Record<string, unknown>,
    outside: message.replace(match[0], '<DATA>'),
  };
}

/**
 * What an honest model answers to a user message: the template draft it carries in turn mode, every turn's draft
 * as `{"utterances": [...]}` in dialogue mode, so nothing it says is ever re-asked.
 */
export function honestAnswer(message: string): string {
  const { data } = dataBlock(message);
  const turns = data.turns as Array<{ draft: string }> | undefined;
  return turns ? JSON.stringify({ utterances: turns.map((turn) => turn.draft) }) : String(data.draft);
}

/** An honest model (see {@link honestAnswer}) that answers after `delayMs`. */
export function draftEchoModel(delayMs = 0): MockLanguageModelV3 {
  return new MockLanguageModelV3({
    doGenerate: async (options) => {
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      return reply(honestAnswer(userMessage(options)));
    },
  });
}
