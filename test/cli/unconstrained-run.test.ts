import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli-harness.js';
import { useOpenAICompatibleServers } from '../helpers/openai-compatible-server.js';
import { useTempDir } from '../helpers/temp-dir.js';

const tempDir = useTempDir();
const servers = useOpenAICompatibleServers();

describe('icer generate --unconstrained, written like any run', () => {
  it('appends to --out, stops at a budget, and --resume finishes it to the bytes of an unbroken run', async () => {
    const server = await servers(() => ({
      kind: 'text',
      content: JSON.stringify({
        utterances: ['Hi! What do you like?', 'Sci-fi, mostly.', 'Try Alien (1979).', 'Great!'],
      }),
      usage: { prompt_tokens: 50, completion_tokens: 20 },
    }));
    const { dir } = tempDir();
    const run = (...extra: string[]) =>
      cli(
        [
          'generate',
          '--unconstrained',
          '--model',
          'w',
          '--base-url',
          server.url,
          '--count',
          '9',
          '--seed',
          '2',
          ...extra,
        ],
        dir,
      );
    const whole = await run('--out', 'whole.jsonl', '--quiet');
    expect(whole.code, whole.stderr).toBe(0);

    const stopped = await run('--out', 'out.jsonl', '--max-calls', '4');
    expect(stopped.code, stopped.stderr).toBe(0);
    expect(stopped.stderr).toMatch(/stopped: --max-calls 4 reached \(4 calls\); 4 dialogues written\. Resume with/);
    expect(stopped.stderr).toMatch(/4 dialogues with openai-compatible\.chat:w: 4 model calls/);
    const manifest = JSON.parse(readFileSync(join(dir, 'out.jsonl.icer-run.json'), 'utf8'));
    expect(manifest).toMatchObject({ complete: false, records: 4, nextIndex: 4, extra: { usage: { calls: 4 } } });

    // Other settings are another run; the same ones continue it.
    const other = await run('--out', 'out.jsonl', '--resume', '--max-turns', '6');
    expect(other.code).toBe(1);
    expect(other.stderr).toMatch(/settings differ from the one being resumed/);
    const resumed = await run('--out', 'out.jsonl', '--resume', '--quiet');
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(readFileSync(join(dir, 'out.jsonl'), 'utf8')).toBe(readFileSync(join(dir, 'whole.jsonl'), 'utf8'));
    // The manifest counts what the whole run spent, over both starts: 9 calls of 50 + 20 tokens.
    const after = JSON.parse(readFileSync(join(dir, 'out.jsonl.icer-run.json'), 'utf8'));
    expect(after).toMatchObject({
      complete: true,
      extra: { usage: { calls: 9, inputTokens: 450, outputTokens: 180 } },
    });

    const again = await run('--out', 'out.jsonl', '--force', '--quiet');
    expect(again.code, again.stderr).toBe(0);
    expect(readFileSync(join(dir, 'out.jsonl'), 'utf8')).toBe(readFileSync(join(dir, 'whole.jsonl'), 'utf8'));
  });

  it('refuses --estimate, which samples simulated dialogues', async () => {
    const result = await cli(['generate', '--unconstrained', '--model', 'w', '--estimate']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--estimate samples simulated dialogues; --unconstrained has none/);
  });
});
